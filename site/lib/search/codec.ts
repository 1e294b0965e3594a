import { FACET_KEYS, SORTS, type FacetKey } from '../../../schemas/facets.ts';
import { SEARCH_LIMITS, SearchQuery, type SearchQueryInput } from '../../../schemas/search.ts';
import type { UiLang } from '../../../schemas/common.ts';

/**
 * The whole search state lives in the URL so a search can be bookmarked, shared, reloaded and walked
 * back with Back. Parameters, short and readable:
 *   q=<text>  sort=date-desc  page=2  size=50
 *   f.<facet>=<value>  (repeatable: OR within a facet, AND across facets)
 *   x.<facet>=<value>  (repeatable: exclude)
 *   from=2015  to=2020 (inclusive year range)
 * Interface language is not here: it is the path prefix (/kk/search/, /en/search/).
 */

export type DecodeResult = { ok: true; query: SearchQuery } | { ok: false; query: SearchQuery; message: string };

const isFacet = (k: string): k is FacetKey => (FACET_KEYS as readonly string[]).includes(k);

/** URL parameters → query. Never throws: what cannot be understood is dropped and reported. */
export function decodeSearchParams(params: URLSearchParams, lang: UiLang = 'ru'): DecodeResult {
  const problems: string[] = [];
  const input: SearchQueryInput = { lang, filters: {} };
  const filters: Partial<Record<FacetKey, { any?: string[]; none?: string[] }>> = {};

  const text = params.get('q');
  if (text !== null && text.trim() !== '') {
    if (text.length > SEARCH_LIMITS.textLength) problems.push(`the text is longer than ${SEARCH_LIMITS.textLength} characters`);
    input.text = text.trim().slice(0, SEARCH_LIMITS.textLength);
  }

  const sort = params.get('sort');
  if (sort !== null) {
    if ((SORTS as readonly string[]).includes(sort)) input.sort = sort as SearchQuery['sort'];
    else problems.push(`unknown sort "${sort}"`);
  }

  const int = (name: string, min: number, max: number): number | undefined => {
    const raw = params.get(name);
    if (raw === null || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`"${name}" must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return n;
  };
  const page = int('page', 1, SEARCH_LIMITS.maxPage);
  if (page !== undefined) input.page = page;
  const size = int('size', 1, SEARCH_LIMITS.pageSize);
  if (size !== undefined) input.pageSize = size;
  const from = int('from', 1900, 2100);
  const to = int('to', 1900, 2100);
  if (from !== undefined || to !== undefined) {
    if (from !== undefined && to !== undefined && from > to) problems.push('the year range ends before it starts');
    else input.years = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  }

  for (const [name, value] of params) {
    const m = /^([fx])\.(.+)$/.exec(name);
    if (!m) continue;
    const [, mode, key] = m as unknown as [string, 'f' | 'x', string];
    if (!isFacet(key)) {
      problems.push(`unknown filter "${key}"`);
      continue;
    }
    if (value === '' || value.length > 200) continue;
    const slot = (filters[key] ??= {});
    const list = (mode === 'f' ? (slot.any ??= []) : (slot.none ??= []));
    if (list.length >= SEARCH_LIMITS.valuesPerFacet) {
      problems.push(`too many values for "${key}"`);
      continue;
    }
    if (!list.includes(value)) list.push(value);
  }
  input.filters = filters;

  const parsed = SearchQuery.safeParse(input);
  if (!parsed.success) {
    return { ok: false, query: SearchQuery.parse({ lang }), message: parsed.error.issues.map((i) => i.message).join('; ') };
  }
  if (problems.length) return { ok: false, query: parsed.data, message: problems.join('; ') };
  return { ok: true, query: parsed.data };
}

/** Query → URL parameters, in a stable order, leaving out defaults so URLs stay short. */
export function encodeSearchParams(query: SearchQueryInput): URLSearchParams {
  const q = SearchQuery.parse(query);
  const params = new URLSearchParams();
  if (q.text) params.set('q', q.text);
  for (const key of FACET_KEYS) {
    const f = q.filters[key];
    if (!f) continue;
    for (const v of f.any ?? []) params.append(`f.${key}`, v);
    for (const v of f.none ?? []) params.append(`x.${key}`, v);
  }
  if (q.years?.from !== undefined) params.set('from', String(q.years.from));
  if (q.years?.to !== undefined) params.set('to', String(q.years.to));
  if (q.sort !== 'relevance') params.set('sort', q.sort);
  if (q.page !== 1) params.set('page', String(q.page));
  if (q.pageSize !== 20) params.set('size', String(q.pageSize));
  return params;
}

/** `/search/?…` for a query, under the interface language's prefix. */
export function searchHref(query: SearchQueryInput, prefix = ''): string {
  const s = encodeSearchParams(query).toString();
  return `${prefix}/search/${s ? `?${s}` : ''}`;
}

/** A copy of the query with one facet value toggled on or off; any change of filters goes back to page 1. */
export function toggleFilter(query: SearchQuery, key: FacetKey, value: string): SearchQuery {
  return toggleIn(query, key, value, 'any');
}

/** The same for excluding a value («not appeals»): a value is either chosen or excluded, never both. */
export function toggleExclude(query: SearchQuery, key: FacetKey, value: string): SearchQuery {
  return toggleIn(query, key, value, 'none');
}

function toggleIn(query: SearchQuery, key: FacetKey, value: string, mode: 'any' | 'none'): SearchQuery {
  const filters = structuredClone(query.filters);
  const slot = (filters[key] ??= {});
  const list = slot[mode] ?? [];
  const on = !list.includes(value);
  slot[mode] = on ? [...list, value] : list.filter((v) => v !== value);
  const other = mode === 'any' ? 'none' : 'any';
  if (on && slot[other]) slot[other] = slot[other].filter((v) => v !== value);
  for (const m of ['any', 'none'] as const) if (slot[m]?.length === 0) delete slot[m];
  if (!slot.any && !slot.none) delete filters[key];
  return { ...query, filters, page: 1 };
}
