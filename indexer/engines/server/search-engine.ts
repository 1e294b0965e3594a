import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';

/** What the search endpoint needs from a server engine. */
export interface SearchEngine {
  readonly engine: 'meilisearch' | 'elasticsearch';
  search(query: SearchQuery): Promise<SearchResult>;
}
