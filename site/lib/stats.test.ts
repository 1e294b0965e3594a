import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { loadKnowledgeBase } from '../../indexer/knowledge-base.ts';
import { decodeSearchParams } from './search/codec.ts';
import { decisionStats, percent, statsSearchHref } from './stats.ts';

/** A decision with only what the statistics read; everything else empty. */
function decision(id: string, fields: Partial<KbDocument>): KbDocument {
  const categories = fields.categories ?? ['G.02.01'];
  return {
    id: `decision/${id}`,
    kind: 'decision',
    slug: id,
    url: `/decisions/${id}/`,
    languages: ['ru'],
    title: { ru: id },
    body: { ru: '' },
    date: `${fields.year ?? 2023}-01-01`,
    year: 2023,
    proceeding: 'civil',
    categories,
    categoryTrail: categories.flatMap((c) => c.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))).filter((c, i, all) => all.indexOf(c) === i),
    keywords: [],
    citations: [],
    norms: [],
    citedBy: [],
    similar: [],
    files: [],
    hash: id,
    ...fields,
  };
}

describe('decisionStats', () => {
  const docs = [
    decision('a', { year: 2019, instance: 'first', outcome: 'granted', region: 'astana', norms: ['kobs:20', 'kobs:20', 'gk:917'] }),
    decision('b', { year: 2021, instance: 'first', outcome: 'dismissed', region: 'almaty', norms: ['kobs:20'] }),
    decision('c', { year: 2021, instance: 'appeal', outcome: 'upheld', region: 'almaty', categories: ['G.02.02', 'G.09'] }),
    decision('d', { year: 2021, instance: 'appeal', outcome: 'remanded', region: 'almaty' }),
    decision('e', { year: 2022, instance: 'cassation', outcome: 'overturned', categories: ['G.09'] }),
    decision('f', { year: 2022, instance: 'cassation', outcome: 'terminated', norms: ['gk:917'] }),
    decision('g', { year: 2022, instance: 'appeal', outcome: 'upheld', region: 'astana', norms: ['kobs:139'] }),
    { ...decision('r', { year: 2024, norms: ['kobs:20'] }), kind: 'resolution' as const },
  ];
  const s = decisionStats(docs);

  it('counts decisions only, by year oldest first with empty years kept as 0', () => {
    expect(s.total).toBe(7);
    expect(s.byYear).toEqual([
      { key: '2019', count: 1 },
      { key: '2020', count: 0 },
      { key: '2021', count: 3 },
      { key: '2022', count: 3 },
    ]);
  });

  it('counts instances in procedural order and outcomes most frequent first', () => {
    expect(s.byInstance).toEqual([
      { key: 'first', count: 2 },
      { key: 'appeal', count: 3 },
      { key: 'cassation', count: 2 },
    ]);
    expect(s.byOutcome[0]).toEqual({ key: 'upheld', count: 2 });
    // Ties keep the schema's order of outcomes: granted before dismissed before terminated …
    expect(s.byOutcome.slice(1).map((b) => b.key)).toEqual(['granted', 'dismissed', 'terminated', 'overturned', 'remanded']);
  });

  it('tells upheld from changed acts among appeals and cassations, in total and per instance', () => {
    expect(s.review.all).toEqual({ total: 5, upheld: 2, changed: 2, other: 1 });
    expect(s.review.byInstance).toEqual([
      { instance: 'appeal', outcomes: { total: 3, upheld: 2, changed: 1, other: 0 } },
      { instance: 'cassation', outcomes: { total: 2, upheld: 0, changed: 1, other: 1 } },
    ]);
    expect(percent(s.review.all.upheld, s.review.all.total)).toBe(40);
  });

  it('counts regions, keeping courts without a region apart', () => {
    expect(s.byRegion).toEqual([
      { key: 'almaty', count: 3 },
      { key: 'astana', count: 2 },
    ]);
    expect(s.national).toBe(2);
  });

  it('counts a decision once per category at the asked depth, even when filed under two leaves', () => {
    expect(s.byCategory).toEqual([
      { key: 'G.02', count: 6 },
      { key: 'G.09', count: 2 },
    ]);
    expect(decisionStats(docs, { categoryDepth: 1 }).byCategory).toEqual([{ key: 'G', count: 7 }]);
    expect(decisionStats(docs, { topCategories: 1 }).byCategory).toHaveLength(1);
  });

  it('ranks norms by the number of decisions applying them, a norm cited twice counting once', () => {
    expect(s.topNorms).toEqual([
      { key: 'gk:917', count: 2 },
      { key: 'kobs:20', count: 2 },
      { key: 'kobs:139', count: 1 },
    ]);
    expect(decisionStats(docs, { topNorms: 1 }).topNorms).toEqual([{ key: 'gk:917', count: 2 }]);
  });

  it('is empty, not broken, for a set without decisions', () => {
    const empty = decisionStats([]);
    expect(empty).toMatchObject({ total: 0, byYear: [], byOutcome: [], national: 0, review: { all: { total: 0 }, byInstance: [] } });
    expect(percent(0, 0)).toBe(0);
  });
});

describe('statsSearchHref', () => {
  it('links a figure to the search narrowed to the scope, decisions only, and the figure’s values', () => {
    const href = statsSearchHref({ category: 'G.02' }, { year: ['2023'] }, '/kk');
    expect(href.startsWith('/kk/search/?')).toBe(true);
    const q = decodeSearchParams(new URL(href, 'http://x').searchParams, 'kk');
    expect(q.ok).toBe(true);
    // One year is a range, which the search page shows in its year fields.
    expect(q.query.filters).toEqual({ category: { any: ['G.02'] }, kind: { any: ['decision'] } });
    expect(q.query.years).toEqual({ from: 2023, to: 2023 });
    expect(q.query.sort).toBe('date-desc');
    const two = decodeSearchParams(new URL(statsSearchHref({ category: 'G' }, { year: ['2020', '2023'] }), 'http://x').searchParams);
    expect(two.query.filters.year).toEqual({ any: ['2020', '2023'] });
    expect(two.query.years).toBeUndefined();
  });

  it('scopes to a court and takes several values of a facet (OR)', () => {
    const q = decodeSearchParams(new URL(statsSearchHref({ court: 'supreme-court' }, { instance: ['appeal', 'cassation'], outcome: ['upheld'] }), 'http://x').searchParams);
    expect(q.query.filters).toEqual({
      court: { any: ['supreme-court'] },
      kind: { any: ['decision'] },
      instance: { any: ['appeal', 'cassation'] },
      outcome: { any: ['upheld'] },
    });
  });
});

describe('on the fixture knowledge base', () => {
  it('the civil branch G: the decisions under it by year, outcome and review', async () => {
    const kb = await loadKnowledgeBase({ contentDir: path.resolve(import.meta.dirname, '../test/fixtures/content') });
    const underG = kb.documents.filter((d) => d.categoryTrail.includes('G'));
    const s = decisionStats(underG);
    expect(s.total).toBe(4);
    expect(s.byYear).toEqual([
      { key: '2020', count: 1 },
      { key: '2021', count: 0 },
      { key: '2022', count: 0 },
      { key: '2023', count: 3 },
    ]);
    expect(s.review.all).toEqual({ total: 1, upheld: 1, changed: 0, other: 0 });
    expect(s.topNorms.map((n) => n.key)).toEqual(expect.arrayContaining(['kobs:20', 'kobs:139', 'gk:917']));
  });
});
