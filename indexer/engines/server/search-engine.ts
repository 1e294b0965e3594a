import type { UiLang } from '../../../schemas/common.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../../../schemas/search.ts';
import type { StatsOptions, StatsQuery, StatsResult } from './stats.ts';

export interface SimilarOptions {
  /** How many similar decisions (default 10). */
  size?: number;
  /** Interface language: picks titles and excerpts when a document has both. */
  lang?: UiLang;
}

/** What the search endpoints need from a server engine. */
export interface SearchEngine {
  readonly engine: 'meilisearch' | 'elasticsearch';
  search(query: SearchQuery): Promise<SearchResult>;
  /** Decisions similar to one document (by KbDocument id); null when the index has no such document. */
  similar(docId: string, options?: SimilarOptions): Promise<SearchHit[] | null>;
  /** Documents per year and per outcome/instance for the same text and filters as a search. */
  stats(query: StatsQuery, options?: StatsOptions): Promise<StatsResult>;
}
