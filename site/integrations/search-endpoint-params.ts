import { z } from 'zod';
import { UiLang } from '../../schemas/common.ts';
import { DOC_KINDS } from '../../schemas/documents.ts';
import { FACET_KEYS, type FacetKey } from '../../schemas/facets.ts';
import { SearchQuery } from '../../schemas/search.ts';
import { STATS_FACETS, type StatsFacet, type StatsOptions, type StatsQuery } from '../../indexer/engines/server/stats.ts';
import { countFilterValues, ENDPOINT_LIMITS } from './search-endpoint-handler.ts';
import { badRequest, json } from './search-endpoint-response.ts';

/**
 * The GET endpoints (`/api/similar/`, `/api/stats/`) take URL parameters, validated as strictly as
 * the search's JSON body: every parameter known, each at most once, within limits; anything else is
 * a 400 that says what is wrong, before any engine is asked.
 */

export const SIMILAR_LIMITS = { size: 20, defaultSize: 5 } as const;

const idPattern = new RegExp(`^(?:${DOC_KINDS.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`);
const smallInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const SimilarParams = z.strictObject({
  id: z.string().max(200).regex(idPattern, 'expected a document id: decision/<slug>, resolution/<slug> or summary/<slug>'),
  size: smallInt(SIMILAR_LIMITS.size).default(SIMILAR_LIMITS.defaultSize),
  lang: UiLang.default('ru'),
});
export type SimilarParams = z.infer<typeof SimilarParams>;

/** The filter part of a SearchQuery: the same zod rules (values per facet, lengths, years). */
export const StatsParams = SearchQuery.pick({ text: true, filters: true, years: true });

type Parsed<T> = { value: T } | { response: Response };

/** Method and size checks shared by the GET endpoints. */
function readUrl(request: Request): Parsed<URL> {
  if (request.method !== 'GET') return { response: json(405, { error: 'use GET with URL parameters' }, { allow: 'GET' }) };
  const url = new URL(request.url);
  if (url.search.length > ENDPOINT_LIMITS.bodyBytes) {
    return { response: json(414, { error: `the parameters are longer than ${ENDPOINT_LIMITS.bodyBytes} characters` }) };
  }
  return { value: url };
}

/** A name safe and short enough to repeat in an error message. */
const shown = (name: string) => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** `?id=decision/x&size=5&lang=kk` → SimilarParams. */
export function parseSimilarRequest(request: Request): Parsed<SimilarParams> {
  const url = readUrl(request);
  if ('response' in url) return url;
  const input: Record<string, string> = {};
  for (const [name, value] of url.value.searchParams) {
    if (Object.hasOwn(input, name)) return { response: badRequest(`invalid parameters: ${shown(name)} is given more than once`) };
    Object.defineProperty(input, name, { value, enumerable: true, configurable: true, writable: true });
  }
  const parsed = SimilarParams.safeParse(input);
  if (!parsed.success) return { response: badRequest(`invalid parameters: ${z.prettifyError(parsed.error)}`) };
  return { value: parsed.data };
}

const YEAR = /^\d{4}$/;

export interface StatsRequest {
  query: StatsQuery;
  options: StatsOptions;
}

/**
 * `?q=…&f.category=U.13&x.outcome=acquitted&from=2015&to=2020&by=outcome` → StatsQuery: the names
 * the search page uses in its own URL (site/lib/search/codec.ts), so its filters carry over, and
 * `by` to split every year by outcome or instance. `sort`, `page` and `size` are refused:
 * statistics count the whole result.
 */
export function parseStatsRequest(request: Request): Parsed<StatsRequest> {
  const url = readUrl(request);
  if ('response' in url) return url;
  const single = new Map<string, string>();
  const filters: Partial<Record<FacetKey, { any?: string[]; none?: string[] }>> = {};
  for (const [name, value] of url.value.searchParams) {
    if (name === 'q' || name === 'from' || name === 'to' || name === 'by') {
      if (single.has(name)) return { response: badRequest(`invalid parameters: ${shown(name)} is given more than once`) };
      single.set(name, value);
      continue;
    }
    const m = /^([fx])\.(.+)$/.exec(name);
    if (!m) return { response: badRequest(`invalid parameters: unknown parameter ${shown(name)} (use q, f.<facet>, x.<facet>, from, to, by)`) };
    const key = m[2]!;
    if (!(FACET_KEYS as readonly string[]).includes(key)) return { response: badRequest(`invalid parameters: unknown facet ${shown(key)}`) };
    const slot = (filters[key as FacetKey] ??= {});
    (m[1] === 'f' ? (slot.any ??= []) : (slot.none ??= [])).push(value);
  }
  const years: { from?: number; to?: number } = {};
  for (const end of ['from', 'to'] as const) {
    const raw = single.get(end);
    if (raw === undefined) continue;
    if (!YEAR.test(raw)) return { response: badRequest(`invalid parameters: "${end}" must be a year such as 2015`) };
    years[end] = Number(raw);
  }
  if (years.from !== undefined && years.to !== undefined && years.from > years.to) {
    return { response: badRequest('invalid parameters: the year range ends before it starts') };
  }
  const by = single.get('by');
  if (by !== undefined && !(STATS_FACETS as readonly string[]).includes(by)) {
    return { response: badRequest(`invalid parameters: "by" must be one of ${STATS_FACETS.join(', ')}`) };
  }
  const parsed = StatsParams.safeParse({
    text: single.get('q') ?? null,
    filters,
    ...(years.from !== undefined || years.to !== undefined ? { years } : {}),
  });
  if (!parsed.success) return { response: badRequest(`invalid parameters: ${z.prettifyError(parsed.error)}`) };
  const values = countFilterValues(parsed.data.filters);
  if (values > ENDPOINT_LIMITS.filterValues) {
    return { response: badRequest(`invalid parameters: ${values} filter values, at most ${ENDPOINT_LIMITS.filterValues}`) };
  }
  return { value: { query: parsed.data, options: by ? { by: by as StatsFacet } : {} } };
}
