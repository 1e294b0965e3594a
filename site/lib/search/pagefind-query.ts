import { FACET_KEYS, type FacetKey } from '../../../schemas/facets.ts';
import type { SearchHit, SearchQuery } from '../../../schemas/search.ts';

/**
 * Pure translators between our engine-neutral query/result and Pagefind's, kept apart from the code that
 * loads Pagefind so they can be tested without a browser (after Typesense's InstantSearch adapter).
 */

export type PagefindFilterValue = { any?: string[]; none?: string[] };
export type PagefindFilters = Record<string, PagefindFilterValue>;
export interface PagefindSearchArgs {
  term: string | null;
  options: { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> };
}

/** Years of an inclusive range, clipped to the years the index knows (a range needs no unknown years). */
export function expandYears(range: SearchQuery['years'], known: readonly number[]): string[] | undefined {
  if (!range || (range.from === undefined && range.to === undefined)) return undefined;
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  return known.filter((y) => y >= from && y <= to).map(String);
}

/**
 * Our query → Pagefind's `search(term, { filters, sort })`. A year range becomes a list of years (Pagefind
 * has no ranges), intersected with any years chosen explicitly; an empty intersection matches nothing.
 * Hierarchical categories need nothing special: each record's `category` values are its whole trail.
 */
export function toPagefindSearch(q: SearchQuery, knownYears: readonly number[]): PagefindSearchArgs {
  const filters: PagefindFilters = {};
  for (const key of FACET_KEYS) {
    const f = q.filters[key];
    if (!f) continue;
    const value: PagefindFilterValue = {};
    if (f.any?.length) value.any = [...f.any];
    if (f.none?.length) value.none = [...f.none];
    if (value.any || value.none) filters[key] = value;
  }
  const years = expandYears(q.years, knownYears);
  if (years) {
    const chosen = filters.year?.any;
    const any = chosen ? years.filter((y) => chosen.includes(y)) : years;
    // Pagefind treats an empty `any` as "no constraint", so an impossible range needs a value no record has.
    filters.year = { ...filters.year, any: any.length ? any : ['-'] };
  }
  const term = q.text && q.text.trim() ? q.text.trim() : null;
  // Without words there is no relevance, and Pagefind returns nothing for a bare `search(null)`: newest first.
  const order = q.sort === 'relevance' && term === null ? 'date-desc' : q.sort;
  const sort = order === 'date-desc' ? { date: 'desc' as const } : order === 'date-asc' ? { date: 'asc' as const } : undefined;
  return { term, options: { filters, ...(sort ? { sort } : {}) } };
}

/**
 * The document languages whose texts a query can reach. A `language` choice names the texts searched:
 * «ru» searches the Russian texts (a bilingual document is found through its Russian text), so the
 * Kazakh index need not be opened at all; «none: ru» leaves only documents that have no Russian text,
 * which live in the Kazakh index alone.
 */
export function reachableLanguages<L extends string>(q: Pick<SearchQuery, 'filters'>, all: readonly L[]): L[] {
  const choice = q.filters.language;
  const any = choice?.any?.length ? all.filter((l) => choice.any!.includes(l)) : [...all];
  return any.filter((l) => !choice?.none?.includes(l));
}

/** Adds facet counts of several Pagefind instances (ru and kk indexes) into one table. */
export function mergeFacetCounts(
  ...tables: (Record<string, Record<string, number>> | undefined)[]
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const table of tables) {
    for (const [key, values] of Object.entries(table ?? {})) {
      const slot = (out[key] ??= {});
      for (const [value, n] of Object.entries(values)) if (n > 0) slot[value] = (slot[value] ?? 0) + n;
    }
  }
  return out;
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

/** Pagefind's excerpt marks matches with <mark>; keep exactly that and escape the rest. */
export function safeExcerpt(html: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // Pagefind escapes content text already; decode its entities first so nothing is escaped twice.
  const decoded = html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
  return decoded
    .split(/(<\/?mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : escape(part)))
    .join('');
}

/** The deepest category of a record's trail (the most specific one to show). */
export const deepestCategory = (trail: string[] | undefined): string | undefined =>
  trail?.reduce<string | undefined>((best, c) => (best === undefined || c.split('.').length > best.split('.').length ? c : best), undefined);

const SINGLE_VALUED: FacetKey[] = ['court', 'region', 'instance', 'outcome', 'status', 'actType', 'proceeding'];

/** A hit's display metadata from a record's facet values: each single-valued facet, and the deepest category. */
export function facetMeta(filters: Record<string, string[]> | undefined): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const key of SINGLE_VALUED) {
    const v = filters?.[key]?.[0];
    if (v) meta[key] = v;
  }
  const category = deepestCategory(filters?.category);
  if (category) meta.category = category;
  return meta;
}

/** A Pagefind fragment → our hit, its url moved under the interface language's prefix. */
export function toHit(fragment: PagefindFragment, urlPrefix: string): SearchHit {
  const meta = facetMeta(fragment.filters);
  for (const [k, v] of Object.entries(fragment.meta)) if (v && !['title', 'image', 'image_alt', 'id'].includes(k)) meta[k] = v;
  const hash = fragment.url.indexOf('#');
  const lang = hash >= 0 ? fragment.url.slice(hash + 1) : undefined;
  if (lang === 'ru' || lang === 'kk') meta.docLang = lang;
  const id = `${fragment.meta.id ?? fragment.url}${lang ? `#${lang}` : ''}`;
  return {
    id,
    url: `${urlPrefix}${fragment.url}`,
    kind: fragment.meta.kind ?? '',
    title: fragment.meta.title ?? fragment.url,
    excerpt: safeExcerpt(fragment.excerpt),
    ...(fragment.meta.date ? { date: fragment.meta.date } : {}),
    meta,
  };
}
