import type { Client } from '@elastic/elasticsearch';
import type { FacetKey } from '../../../schemas/facets.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../../../schemas/search.ts';
import type { ElasticConnection } from '../server/config.ts';
import type { SearchEngine } from '../server/search-engine.ts';
import { createElasticClient } from './client.ts';
import { toServerError } from './errors.ts';
import { fromEngineResponse } from './from-response.ts';
import { moreLikeThis, type MoreLikeThisOptions } from './more-like-this.ts';
import { fromYearStatsResponse, toYearStatsQuery, type YearCount } from './stats.ts';
import { toEngineQuery } from './to-query.ts';

export interface ElasticSearchEngine extends SearchEngine {
  /** Documents per year for the statistics, optionally split by one facet. */
  yearStats(query: Pick<SearchQuery, 'text' | 'filters' | 'years'>, by?: FacetKey): Promise<YearCount[]>;
  /** Decisions similar to one document (by KbDocument id). */
  similar(docId: string, options?: MoreLikeThisOptions): Promise<SearchHit[]>;
}

/**
 * Search over the alias. The credentials stay in this server-side object; nothing here is sent to a
 * browser. The client itself retries another node on a connection error (one retry: a visitor waits).
 */
export function createElasticSearch(connection: ElasticConnection, client: Client = createElasticClient(connection, { requestTimeoutMs: 5000, maxRetries: 1 })): ElasticSearchEngine {
  const index = connection.indexName;
  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toServerError(error, connection.url);
    }
  };
  return {
    engine: 'elasticsearch',
    search: (query: SearchQuery): Promise<SearchResult> =>
      wrap(async () => fromEngineResponse(await client.search<Record<string, unknown>>({ index, ...toEngineQuery(query) }), query)),
    yearStats: (query, by) => wrap(async () => fromYearStatsResponse(await client.search({ index, ...toYearStatsQuery(query, by) }))),
    similar: (docId, options) => wrap(() => moreLikeThis(client, index, docId, options)),
  };
}
