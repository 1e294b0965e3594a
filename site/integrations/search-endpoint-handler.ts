import { z } from 'zod';
import { SearchQuery } from '../../schemas/search.ts';
import type { SearchEngine } from '../../indexer/engines/server-search.ts';
import { EngineUnreachableError } from '../../indexer/engines/server/errors/index.ts';

/** Limits on top of the schema's own (text length, page size, values per facet). */
export const ENDPOINT_LIMITS = {
  /** A legitimate query is well under a kilobyte; anything much larger is not a search. */
  bodyBytes: 8 * 1024,
  /** Filter values across all facets together. */
  filterValues: 100,
} as const;

const json = (status: number, payload: unknown, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(payload), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });

const badRequest = (message: string) => json(400, { error: message });

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
  const values = Object.values(parsed.data.filters).reduce((n, f) => n + (f?.any?.length ?? 0) + (f?.none?.length ?? 0), 0);
  if (values > ENDPOINT_LIMITS.filterValues) {
    return { response: badRequest(`invalid query: ${values} filter values, at most ${ENDPOINT_LIMITS.filterValues}`) };
  }
  return { query: parsed.data };
}

/**
 * The search endpoint: a SearchQuery in, a SearchResult out. Engine failures are logged here with
 * their detail (server address, reason) and answered with a plain message: the visitor learns the
 * search is unavailable, not where the search server lives.
 */
export async function handleSearch(
  request: Request,
  engine: () => Promise<SearchEngine | null>,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Promise<Response> {
  const parsed = await parseSearchRequest(request);
  if ('response' in parsed) return parsed.response;
  let searcher: SearchEngine | null;
  try {
    searcher = await engine();
  } catch (error) {
    log('taldau search endpoint: misconfigured', error);
    return json(500, { error: 'search is not configured correctly on the server' });
  }
  if (!searcher) return json(404, { error: 'no search server is configured (TALDAU_SEARCH_ENGINE)' });
  try {
    return json(200, await searcher.search(parsed.query));
  } catch (error) {
    log(`taldau search endpoint: ${searcher.engine} failed`, error);
    if (error instanceof EngineUnreachableError) return json(503, { error: 'search is temporarily unavailable' }, { 'retry-after': '5' });
    return json(502, { error: 'the search server could not run this query' });
  }
}
