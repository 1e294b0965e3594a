import type { Meilisearch, SearchParams } from 'meilisearch';
import type { SearchHit, SearchQuery, SearchResult } from '../../../schemas/search.ts';
import type { MeiliConnection } from '../server/config.ts';
import { toSearchHit } from '../server/hit.ts';
import type { SearchEngine, SimilarOptions } from '../server/search-engine.ts';
import type { StatsOptions, StatsQuery, StatsResult } from '../server/stats.ts';
import { withRetry } from '../server/retry.ts';
import { createMeiliClient } from './client.ts';
import { isRetryable, toServerError } from './errors.ts';
import { guardEngineCalls } from '../server/guard.ts';
import { fromEngineResponse, toEngineHit, type MeiliRawResponse } from './from-response.ts';
import { toLatestInCategoryQuery, toSimilarQuery, toSourceLookup, type MeiliSimilarSource } from './similar.ts';
import { fromStatsResponse, toStatsQuery, toYearSplitQueries, withYearSplit, type MeiliStatsResponse } from './stats.ts';
import { toEngineQuery } from './to-query.ts';

const DEFAULT_SIMILAR = 10;

/**
 * Search over the live index. The connection should carry a search-only key
 * (MEILISEARCH_SEARCH_KEY): this code runs on the server, but a key that can only search limits what
 * a leak could do. One quick retry, then a clear error: a visitor should not wait on a dead server.
 */
export function createMeiliSearch(connection: MeiliConnection, client: Meilisearch = createMeiliClient(connection, { requestTimeoutMs: 5000 })): SearchEngine {
  const run = (q: string | null, params: SearchParams) =>
    withRetry(() => client.index(connection.indexName).search(q, params), { retries: 1, baseDelayMs: 150, isRetryable }) as unknown as Promise<MeiliRawResponse>;
  const wrap = guardEngineCalls(toServerError, connection.url);
  return {
    engine: 'meilisearch',
    search: (query: SearchQuery): Promise<SearchResult> =>
      wrap(async () => {
        const { q, params } = toEngineQuery(query);
        return fromEngineResponse(await run(q, params), query);
      }),
    stats: (query: StatsQuery, options: StatsOptions = {}): Promise<StatsResult> =>
      wrap(async () => {
        const { q, params } = toStatsQuery(query);
        const result = fromStatsResponse(await run(q, params));
        const { by } = options;
        const years = result.years.filter((y) => y.count > 0).map((y) => y.year);
        if (!by || years.length === 0) return result;
        const queries = toYearSplitQueries(connection.indexName, query, years, by);
        const split = await withRetry(() => client.multiSearch({ queries }), { retries: 1, baseDelayMs: 150, isRetryable });
        return withYearSplit(result, years, split.results as unknown as MeiliStatsResponse[], by);
      }),
    similar: (docId: string, options: SimilarOptions = {}): Promise<SearchHit[] | null> =>
      wrap(async () => {
        const size = options.size ?? DEFAULT_SIMILAR;
        const lang = options.lang ?? 'ru';
        const lookup = toSourceLookup(docId);
        const source = (await run(lookup.q, lookup.params)).hits[0] as MeiliSimilarSource | undefined;
        if (!source) return null;
        const byTitle = toSimilarQuery(source, size, lang);
        const hits = byTitle ? (await run(byTitle.q, byTitle.params)).hits : [];
        if (hits.length < size) {
          const latest = toLatestInCategoryQuery(source, size - hits.length, hits.map((h) => String(h.key)));
          hits.push(...(await run(latest.q, latest.params)).hits);
        }
        return hits.map((hit) => toSearchHit(toEngineHit(hit), lang));
      }),
  };
}
