/**
 * Which static index a build writes and the search page reads: Pagefind (the default, and what small
 * corpora need), or the compact index of our own (indexer/engines/compact/FORMAT.md), whose first search
 * does not grow with the corpus. `TALDAU_STATIC_INDEX` = `pagefind` | `compact` | `auto` (the default:
 * compact from COMPACT_FROM documents on, where Pagefind's metadata and filter lists outgrow the 500 KB
 * budget of a cold search: 461 KB at 2,000 decisions, 846 KB at 10,000, ≈ +48 KB per 1,000; docs/scale.md).
 */
export const STATIC_INDEXES = ['pagefind', 'compact'] as const;
export type StaticIndex = (typeof STATIC_INDEXES)[number];

export const COMPACT_FROM = 3_000;

/** Where each index lives in the built site. */
export const STATIC_INDEX_PATH: Record<StaticIndex, string> = { pagefind: '/pagefind/', compact: '/compact/' };

export function staticIndexFor(documents: number, env: Record<string, string | undefined> = process.env): StaticIndex {
  const wanted = (env.TALDAU_STATIC_INDEX ?? 'auto').trim() || 'auto';
  if (wanted === 'auto') return documents >= COMPACT_FROM ? 'compact' : 'pagefind';
  if ((STATIC_INDEXES as readonly string[]).includes(wanted)) return wanted as StaticIndex;
  throw new Error(`TALDAU_STATIC_INDEX: "${wanted}" is not one of auto, ${STATIC_INDEXES.join(', ')}`);
}
