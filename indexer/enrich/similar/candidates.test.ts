import { describe, expect, it } from 'vitest';
import { CandidateIndex, type Placed } from './candidates.ts';

const trail = (code: string) => code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
const day = (n: number) => `2023-01-${String(n).padStart(2, '0')}`;

describe('candidates of similar decisions', () => {
  // 20 decisions in one leaf, one a day; 3 in a sibling leaf; 2 in another branch.
  const items: Placed[] = [
    ...Array.from({ length: 20 }, (_, i) => ({ id: `leaf-${String(i).padStart(2, '0')}`, date: day(i + 1), trail: trail('G.02.01') })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `sibling-${i}`, date: day(i + 1), trail: trail('G.02.05') })),
    ...Array.from({ length: 2 }, (_, i) => ({ id: `theft-${i}`, date: day(i + 1), trail: trail('U.13.188') })),
  ];
  const index = new CandidateIndex(items);
  const ids = (list: number[]) => list.map((j) => items[j]!.id);

  it('takes at most `max`, from the same leaf, nearest in date outward, never the decision itself', () => {
    expect(ids(index.candidates(10, 4, 2))).toEqual(['leaf-09', 'leaf-11', 'leaf-08', 'leaf-12']);
    // At the edge of the bucket the window only grows one way.
    expect(ids(index.candidates(0, 3, 2))).toEqual(['leaf-01', 'leaf-02', 'leaf-03']);
  });

  it('widens to the parent category only while the leaf gives fewer than `enough`, and never across branches', () => {
    const sibling = 20;
    expect(ids(index.candidates(sibling, 100, 2))).toEqual(['sibling-1', 'sibling-2']);
    const widened = ids(index.candidates(sibling, 100, 5));
    expect(widened.slice(0, 2)).toEqual(['sibling-1', 'sibling-2']);
    expect(widened).toHaveLength(22);
    expect(widened.every((id) => !id.startsWith('theft'))).toBe(true);
    expect(new Set(widened).size).toBe(widened.length);
  });

  it('is bounded however large the category: 5,000 in one leaf, 50 candidates each, same answer twice', () => {
    const big: Placed[] = Array.from({ length: 5000 }, (_, i) => ({ id: `d${i}`, date: `20${10 + (i % 10)}-01-01`, trail: trail('U.13.188') }));
    const bigIndex = new CandidateIndex(big);
    const first = big.map((_, i) => bigIndex.candidates(i, 50, 20));
    expect(first.every((c) => c.length === 50)).toBe(true);
    expect(big.map((_, i) => bigIndex.candidates(i, 50, 20))).toEqual(first);
  });
});
