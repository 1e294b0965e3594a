import type { PagefindFilters, PagefindFragment } from './pagefind-query.ts';

/**
 * A bilingual document has a record in each language's index. When a search term is in both of its
 * texts (a number, a name, an article: «188»), both records match, and the merged list would show the
 * document twice and count it twice. Its records are the ones whose `language` filter holds both
 * languages, so the two searches below find exactly those, and their fragments (few: bilingual documents
 * are the resolutions, summaries and translated acts) tell which documents matched in both. The cost, paid
 * only when both languages found something: the `language` filter list (≈ 2 bytes per record) before the
 * hits, and those fragments.
 */
export function bilingualOnly(filters: PagefindFilters, otherLang: string): PagefindFilters {
  const own = filters.language;
  return { ...filters, language: { ...(own?.none?.length ? { none: own.none } : {}), any: [otherLang] } };
}

/**
 * Which Kazakh records to drop: those of documents whose Russian record matched too. `kk` and `ru` are the
 * fragments of the bilingual matches of each index, in the order of `kkIds` (the Pagefind result ids).
 */
export function duplicateRecords(kkIds: string[], kk: PagefindFragment[], ru: PagefindFragment[]): Set<string> {
  const inRussian = new Set(ru.map((f) => f.meta.id).filter(Boolean));
  return new Set(kkIds.filter((_, i) => inRussian.has(kk[i]?.meta.id)));
}

/** Takes the dropped records' filter values out of merged counts, so a facet counts each document once. */
export function withoutRecords(counts: Record<string, Record<string, number>>, dropped: PagefindFragment[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [key, values] of Object.entries(counts)) out[key] = { ...values };
  for (const f of dropped) {
    for (const [key, values] of Object.entries(f.filters ?? {})) {
      const slot = out[key];
      if (!slot) continue;
      for (const v of values) if (slot[v] !== undefined) slot[v] = Math.max(0, slot[v] - 1);
    }
  }
  return out;
}
