import type { SearchEngine } from '../../indexer/engines/server-search.ts';
import { EngineUnreachableError } from '../../indexer/engines/server/errors/index.ts';

/** How the endpoints report a failure to the server log (tests pass a quiet one). */
export type EndpointLog = (message: string, error: unknown) => void;
export const consoleLog: EndpointLog = (m, e) => console.error(m, e);

export const json = (status: number, payload: unknown, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(payload), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });

export const badRequest = (message: string) => json(400, { error: message });

/**
 * Runs one engine call for an endpoint, the same way for search, similar and stats. Failures are
 * logged here with their detail (server address, reason) and answered with a plain message: the
 * visitor learns the search is unavailable, not where the search server lives.
 */
export async function answerWithEngine<T>(
  engine: () => Promise<SearchEngine | null>,
  log: EndpointLog,
  name: string,
  call: (searcher: SearchEngine) => Promise<T>,
  toResponse: (value: T) => Response = (value) => json(200, value),
): Promise<Response> {
  let searcher: SearchEngine | null;
  try {
    searcher = await engine();
  } catch (error) {
    log(`taldau ${name} endpoint: misconfigured`, error);
    return json(500, { error: 'search is not configured correctly on the server' });
  }
  if (!searcher) return json(404, { error: 'no search server is configured (TALDAU_SEARCH_ENGINE)' });
  let value: T;
  try {
    value = await call(searcher);
  } catch (error) {
    log(`taldau ${name} endpoint: ${searcher.engine} failed`, error);
    if (error instanceof EngineUnreachableError) return json(503, { error: 'search is temporarily unavailable' }, { 'retry-after': '5' });
    return json(502, { error: 'the search server could not run this query' });
  }
  return toResponse(value);
}
