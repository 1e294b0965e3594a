import type { Client } from '@elastic/elasticsearch';
import type { FacetKey } from '../../../schemas/facets.ts';
import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import type { ElasticConnection } from '../server/config.ts';
import type { SearchEngine } from '../server/search-engine.ts';
import { createElasticClient } from './client.ts';
import { toServerError } from './errors.ts';
import { guardEngineCalls } from '../server/guard.ts';
import { fromEngineResponse } from './from-response.ts';
import type { StatsQuery } from '../server/stats.ts';
import { moreLikeThis } from './more-like-this.ts';
import { fromStatsResponse, fromYearStatsResponse, toStatsQuery, toYearStatsQuery, type YearCount } from './stats.ts';
import { toEngineQuery } from './to-query.ts';

export interface ElasticSearchEngine extends SearchEngine {
  /** Documents per year, optionally split by one facet within each year. */
  yearStats(query: StatsQuery, by?: FacetKey): Promise<YearCount[]>;
}

/**
 * Search over the alias. The credentials stay in this server-side object; nothing here is sent to a
 * browser. The client itself retries another node on a connection error (one retry: a visitor waits).
 */
export function createElasticSearch(connection: ElasticConnection, client: Client = createElasticClient(connection, { requestTimeoutMs: 5000, maxRetries: 1 })): ElasticSearchEngine {
  const index = connection.indexName;
  const wrap = guardEngineCalls(toServerError, connection.url);
  return {
    engine: 'elasticsearch',
    search: (query: SearchQuery): Promise<SearchResult> =>
      wrap(async () => fromEngineResponse(await client.search<Record<string, unknown>>({ index, ...toEngineQuery(query) }), query)),
    yearStats: (query, by) => wrap(async () => fromYearStatsResponse(await client.search({ index, ...toYearStatsQuery(query, by) }))),
    stats: (query, options) => wrap(async () => fromStatsResponse(await client.search({ index, ...toStatsQuery(query, options) }))),
    // more_like_this over the texts, boosted by shared norms and categories; decisions only.
    similar: (docId, options) => wrap(() => moreLikeThis(client, index, docId, { ...options, kind: 'decision' })),
  };
}
