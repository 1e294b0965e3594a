import { describe, expect, it } from 'vitest';
import { countFacets, rankByWordsMatched, relaxedWords } from './relaxed.ts';

describe('some-words fallback', () => {
  it('keeps words of three characters or more, once, in order', () => {
    expect(relaxedWords('Муж не платит алименты на ребёнка, муж!')).toEqual(['муж', 'платит', 'алименты', 'ребёнка']);
    expect(relaxedWords('ст. 188 УК')).toEqual(['188']);
    expect(relaxedWords('a b c d e f g h i j'.replace(/ /g, 'xx '), 3)).toHaveLength(3);
  });

  it('ranks documents holding more of the words first', () => {
    const ranked = rankByWordsMatched([
      [{ id: 'a', score: 5 }, { id: 'b', score: 1 }],
      [{ id: 'b', score: 1 }, { id: 'c', score: 9 }],
      [{ id: 'b', score: 1 }],
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('counts facet values over the loaded fragments', () => {
    expect(countFacets([{ filters: { kind: ['decision'], category: ['G', 'G.02'] } }, { filters: { kind: ['decision'] } }, {}])).toEqual({
      kind: { decision: 2 },
      category: { G: 1, 'G.02': 1 },
    });
  });
});
