import { z } from 'zod';
import { FACET_KEYS, SORTS } from './facets.ts';

/** Limits that keep a hostile or careless query from costing the engine (and the browser) too much. */
export const SEARCH_LIMITS = {
  textLength: 500,
  valuesPerFacet: 50,
  pageSize: 50,
  maxPage: 1000,
} as const;

const FacetFilter = z.strictObject({
  any: z.array(z.string().min(1).max(200)).max(SEARCH_LIMITS.valuesPerFacet).optional(),
  none: z.array(z.string().min(1).max(200)).max(SEARCH_LIMITS.valuesPerFacet).optional(),
});

/**
 * The engine-neutral query, after Pagefind's model: `text` null = filter-only browsing; filters AND
 * across facets, OR (`any`) or NOT (`none`) within one; one sort; 1-based pages.
 */
export const SearchQuery = z.strictObject({
  text: z.string().trim().max(SEARCH_LIMITS.textLength).nullable().default(null),
  filters: z.partialRecord(z.enum(FACET_KEYS), FacetFilter).default({}),
  /** Inclusive year range; engines without ranges expand it to `year` values. */
  years: z
    .strictObject({ from: z.number().int().min(1900).max(2100).optional(), to: z.number().int().min(1900).max(2100).optional() })
    .optional(),
  sort: z.enum(SORTS).default('relevance'),
  page: z.number().int().min(1).max(SEARCH_LIMITS.maxPage).default(1),
  pageSize: z.number().int().min(1).max(SEARCH_LIMITS.pageSize).default(20),
  /** Interface language: picks titles and excerpts when a document has both. */
  lang: z.enum(['ru', 'kk', 'en']).default('ru'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;

export interface SearchHit {
  id: string;
  url: string;
  kind: string;
  title: string;
  /** HTML with matches in `<mark>`; everything else escaped. */
  excerpt: string;
  date?: string;
  /** Display metadata (court, category, case number …) by facet key or field name. */
  meta: Record<string, string>;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** Counts per facet value over the whole result set (not just this page). */
  facets: Record<string, Record<string, number>>;
  page: number;
  pageSize: number;
  pages: number;
}
