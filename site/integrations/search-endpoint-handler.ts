import { z } from 'zod';
import { SearchQuery } from '../../schemas/search.ts';
import type { SearchEngine } from '../../indexer/engines/server-search.ts';
import { answerWithEngine, badRequest, consoleLog, json, type EndpointLog } from './search-endpoint-response.ts';

/** Limits on top of the schema's own (text length, page size, values per facet). */
export const ENDPOINT_LIMITS = {
  /** A legitimate query is well under a kilobyte; anything much larger is not a search. */
  bodyBytes: 8 * 1024,
  /** Filter values across all facets together. */
  filterValues: 100,
} as const;

/** Filter values across all facets (each `any` and `none` value counts once). */
export const countFilterValues = (filters: SearchQuery['filters']): number =>
  Object.values(filters).reduce((n, f) => n + (f?.any?.length ?? 0) + (f?.none?.length ?? 0), 0);

/** Reads and validates the body: JSON, within size, a strict SearchQuery, within the limits. */
export async function parseSearchRequest(request: Request): Promise<{ query: SearchQuery } | { response: Response }> {
  if (request.method !== 'POST') return { response: json(405, { error: 'use POST with a JSON SearchQuery' }, { allow: 'POST' }) };
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) return { response: json(415, { error: 'the body must be application/json' }) };
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > ENDPOINT_LIMITS.bodyBytes) return { response: json(413, { error: `the query is larger than ${ENDPOINT_LIMITS.bodyBytes} bytes` }) };
  const text = await request.text();
  if (Buffer.byteLength(text) > ENDPOINT_LIMITS.bodyBytes) return { response: json(413, { error: `the query is larger than ${ENDPOINT_LIMITS.bodyBytes} bytes` }) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { response: badRequest('the body is not valid JSON') };
  }
  const parsed = SearchQuery.safeParse(body);
  if (!parsed.success) return { response: badRequest(`invalid query: ${z.prettifyError(parsed.error)}`) };
  const values = countFilterValues(parsed.data.filters);
  if (values > ENDPOINT_LIMITS.filterValues) {
    return { response: badRequest(`invalid query: ${values} filter values, at most ${ENDPOINT_LIMITS.filterValues}`) };
  }
  return { query: parsed.data };
}

/** The search endpoint: a SearchQuery in, a SearchResult out (engine failures: search-endpoint-response.ts). */
export async function handleSearch(request: Request, engine: () => Promise<SearchEngine | null>, log: EndpointLog = consoleLog): Promise<Response> {
  const parsed = await parseSearchRequest(request);
  if ('response' in parsed) return parsed.response;
  return answerWithEngine(engine, log, 'search', (searcher) => searcher.search(parsed.query));
}
