import type { SearchEngine } from '../../indexer/engines/server-search.ts';
import { parseSimilarRequest, parseStatsRequest } from './search-endpoint-params.ts';
import { answerWithEngine, consoleLog, json, type EndpointLog } from './search-endpoint-response.ts';

/**
 * `GET /api/similar/?id=decision/<slug>&size=5&lang=ru`: decisions similar to one document,
 * `{ id, hits: SearchHit[] }`; 404 when the index has no document with that id.
 */
export async function handleSimilar(request: Request, engine: () => Promise<SearchEngine | null>, log: EndpointLog = consoleLog): Promise<Response> {
  const parsed = parseSimilarRequest(request);
  if ('response' in parsed) return parsed.response;
  const { id, size, lang } = parsed.value;
  return answerWithEngine(
    engine,
    log,
    'similar',
    (searcher) => searcher.similar(id, { size, lang }),
    (hits) => (hits ? json(200, { id, hits }) : json(404, { error: 'the index holds no document with this id' })),
  );
}

/**
 * `GET /api/stats/?q=…&f.<facet>=…&x.<facet>=…&from=…&to=…[&by=outcome|instance]`: for the same
 * text and filters as a search, `{ total, years: [{ year, count, by? }], facets: { outcome, instance } }`.
 */
export async function handleStats(request: Request, engine: () => Promise<SearchEngine | null>, log: EndpointLog = consoleLog): Promise<Response> {
  const parsed = parseStatsRequest(request);
  if ('response' in parsed) return parsed.response;
  return answerWithEngine(engine, log, 'stats', (searcher) => searcher.stats(parsed.value.query, parsed.value.options));
}
