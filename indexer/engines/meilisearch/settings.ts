import type { Settings } from 'meilisearch';
import { FACET_FIELDS } from '../server/document.ts';

/** Largest result window Meilisearch counts exactly; the search endpoint never pages past it. */
export const MAX_TOTAL_HITS = 10_000;
/** Enough values for the category tree and every court of the country. */
export const MAX_VALUES_PER_FACET = 500;

/**
 * Index settings derived from the one facet specification (FACETS), so filters that work with
 * Pagefind work here. Searchable order is Meilisearch's attribute ranking: a match in a title or a
 * case number beats one deep in a body.
 */
export function meiliSettings(): Settings {
  return {
    searchableAttributes: ['title_ru', 'title_kk', 'caseNumber', 'number', 'keywords', 'body_ru', 'body_kk'],
    // `key` too: the similar-decisions fallback finds a document by it with a search-only key,
    // which may not read `/documents`.
    filterableAttributes: [...FACET_FIELDS, 'key'],
    sortableAttributes: ['date', 'year'],
    // Case and resolution numbers are identifiers: a "typo" there is another case.
    typoTolerance: { disableOnAttributes: ['caseNumber', 'number'] },
    // Meilisearch has a Russian locale but none for Kazakh: Kazakh fields keep the default,
    // script-based tokenisation (Cyrillic words split on separators), which suits an agglutinative
    // language better than a guess; see docs/server-engines.md.
    localizedAttributes: [{ attributePatterns: ['title_ru', 'body_ru'], locales: ['rus'] }],
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}
