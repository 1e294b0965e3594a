import type { Meilisearch } from 'meilisearch';
import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import type { MeiliConnection } from '../server/config.ts';
import type { SearchEngine } from '../server/search-engine.ts';
import { withRetry } from '../server/retry.ts';
import { createMeiliClient } from './client.ts';
import { isRetryable, toServerError } from './errors.ts';
import { fromEngineResponse, type MeiliRawResponse } from './from-response.ts';
import { toEngineQuery } from './to-query.ts';

/**
 * Search over the live index. The connection should carry a search-only key
 * (MEILISEARCH_SEARCH_KEY): this code runs on the server, but a key that can only search limits what
 * a leak could do. One quick retry, then a clear error: a visitor should not wait on a dead server.
 */
export function createMeiliSearch(connection: MeiliConnection, client: Meilisearch = createMeiliClient(connection, { requestTimeoutMs: 5000 })): SearchEngine {
  return {
    engine: 'meilisearch',
    async search(query: SearchQuery): Promise<SearchResult> {
      const { q, params } = toEngineQuery(query);
      try {
        const raw = await withRetry(() => client.index(connection.indexName).search(q, params), { retries: 1, baseDelayMs: 150, isRetryable });
        return fromEngineResponse(raw as unknown as MeiliRawResponse, query);
      } catch (error) {
        throw toServerError(error, connection.url);
      }
    },
  };
}
