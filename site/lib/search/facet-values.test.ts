import { describe, expect, it } from 'vitest';
import { visibleFacetValues } from './facet-values.ts';

const counts = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${String(i).padStart(2, '0')}`, 100 - i]));
const base = { key: 'norm', chosen: [], expanded: false, categoryParents: {}, label: (v: string) => v };

describe('facet values shown', () => {
  it('folds a long facet to its top 10 by count and says how many «show all» lists', () => {
    const r = visibleFacetValues({ ...base, counts: counts(25) });
    expect(r.values).toEqual(Array.from({ length: 10 }, (_, i) => `v${String(i).padStart(2, '0')}`));
    expect(r).toMatchObject({ hidden: 15, total: 25 });
  });

  it('always shows the chosen values, in count order, even far down the list', () => {
    const r = visibleFacetValues({ ...base, counts: counts(25), chosen: ['v20', 'zero'] });
    expect(r.values.slice(-2)).toEqual(['v20', 'zero']);
    expect(r.values.length).toBe(12);
    expect(r).toMatchObject({ hidden: 14, total: 26 });
  });

  it('expanded, lists every value; short facets are never folded', () => {
    expect(visibleFacetValues({ ...base, counts: counts(25), expanded: true })).toMatchObject({ hidden: 0, total: 25 });
    expect(visibleFacetValues({ ...base, counts: counts(10) }).values.length).toBe(10);
  });

  it('offers values without a count after the counted ones', () => {
    expect(visibleFacetValues({ ...base, key: 'language', counts: { ru: 5 }, extra: ['kk'] }).values).toEqual(['ru', 'kk']);
  });

  it('the category facet stays a tree in code order, keeping the chosen branch when folded', () => {
    const parents: Record<string, string | null> = { G: null, U: null, 'G.01': 'G', 'G.02': 'G', 'G.02.01': 'G.02' };
    const cats: Record<string, number> = { G: 50, U: 40, 'G.01': 1, 'G.02': 30, 'G.02.01': 2 };
    for (let i = 3; i <= 14; i++) {
      parents[`G.${String(i).padStart(2, '0')}`] = 'G';
      cats[`G.${String(i).padStart(2, '0')}`] = 10 + i;
    }
    const r = visibleFacetValues({ ...base, key: 'category', counts: cats, chosen: ['G.02'], categoryParents: parents });
    // G.02's child is open; G.01 (count 1) and G.02.01 (count 2) are folded away except the chosen path.
    expect(r.values).toEqual([...r.values].sort());
    expect(r.values).toContain('G');
    expect(r.values).toContain('G.02');
    expect(r.values).not.toContain('G.01');
    expect(r.total).toBe(17); // G, U, G.01, G.02, G.02.01, G.03 … G.14
    expect(r.hidden).toBe(r.total - r.values.length);
  });
});
