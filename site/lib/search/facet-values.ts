/** How many values a facet shows before «show all». */
export const FACET_TOP = 10;

export interface FacetValuesInput {
  key: string;
  /** value → count (values with no hit are absent). */
  counts: Record<string, number>;
  /** Values the query chose: always shown, whatever their count. */
  chosen: readonly string[];
  /** Values to offer although they have no count (e.g. a language whose index the search left closed). */
  extra?: readonly string[];
  /** «Show all» was pressed. */
  expanded: boolean;
  /** Category code → parent, to draw the category facet as a tree. */
  categoryParents: Record<string, string | null | undefined>;
  label(value: string): string;
  top?: number;
}

/**
 * Which values of a facet the panel lists, in order: by count (the category facet: as the classifier's
 * tree, roots plus the children of what is chosen and of its ancestors, in code order). Folded, only the
 * `top` values by count, the chosen ones (and, in the tree, their ancestors) always. `total` is how many
 * values «show all» lists, `hidden` how many the folded list leaves out.
 */
export function visibleFacetValues(input: FacetValuesInput): { values: string[]; hidden: number; total: number } {
  const { key, counts, chosen, expanded, categoryParents, label } = input;
  const top = input.top ?? FACET_TOP;
  let all = [...new Set([...Object.keys(counts), ...chosen, ...(input.extra ?? [])])];
  const pinned = new Set(chosen);
  const byCount = (a: string, b: string) => (counts[b] ?? 0) - (counts[a] ?? 0) || label(a).localeCompare(label(b));
  if (key === 'category') {
    const open = new Set<string>();
    for (const s of chosen) for (let c: string | null | undefined = s; c; c = categoryParents[c]) open.add(c);
    all = all.filter((v) => {
      const p = categoryParents[v];
      return p === null || p === undefined || open.has(p);
    });
    for (const c of open) pinned.add(c);
    all.sort();
  } else {
    all.sort(byCount);
  }
  if (expanded || all.length <= top) return { values: all, hidden: 0, total: all.length };
  const best = new Set([...all].sort(byCount).slice(0, top));
  const values = all.filter((v) => best.has(v) || pinned.has(v));
  return { values, hidden: all.length - values.length, total: all.length };
}
