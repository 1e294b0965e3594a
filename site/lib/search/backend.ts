import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import type { StaticIndex } from '../static-index.ts';
// Imported, not loaded on demand like Pagefind's: a cold search on the compact index would otherwise wait
// for one more script before it can ask for its first file (a few KB, against a round trip).
import { createCompactBackend } from './compact/backend.ts';

/** What the search page needs from an engine; the page knows nothing else about it. */
export interface SearchBackend {
  search(q: SearchQuery): Promise<SiteSearchResult>;
}

export type FacetCounts = SearchResult['facets'];

/**
 * `relaxed`: no document held all the words, so these hold some of them (Pagefind's fallback).
 * `facetsLater`: the hits came first and `facets` is still empty; this resolves with the counts (the
 * static index loads its filter lists only after the first results). `uncounted`: facet values that may
 * be chosen but whose count this search did not compute (shown without a number).
 */
export type SiteSearchResult = SearchResult & {
  relaxed?: boolean;
  facetsLater?: () => Promise<FacetCounts>;
  uncounted?: Record<string, string[]>;
};

/** A query the engine refused or could not run: shown to the user as "this query cannot be run". */
export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
}

export interface BackendOptions {
  /** Path prefix of the interface language (`''`, `/kk`, `/en`): hit urls are rewritten under it. */
  urlPrefix: string;
  /** Build-time `PUBLIC_TALDAU_SEARCH_ENDPOINT`: a search server instead of the static index. */
  endpoint?: string;
  /** The static index the build wrote (site/lib/static-index.ts); Pagefind when not given. */
  staticIndex?: StaticIndex;
  /** Years the documents span, known at build time: a year range needs them, and the static index need not be asked. */
  years?: readonly number[];
}

type ServerModule = { createServerBackend(endpoint: string, options: BackendOptions): SearchBackend };
// A glob rather than an import: the server backend is optional, and a missing file must not break the build.
const serverModules = import.meta.glob<ServerModule>('./server-backend.ts');

/** The one place that picks the engine: a configured search server, else the static index the build wrote. */
export async function chooseBackend(options: BackendOptions): Promise<SearchBackend> {
  const load = serverModules['./server-backend.ts'];
  if (options.endpoint && load) {
    const mod = await load();
    return mod.createServerBackend(options.endpoint, options);
  }
  if (options.staticIndex === 'compact') return createCompactBackend({ urlPrefix: options.urlPrefix });
  const { createPagefindBackend } = await import('./pagefind-backend.ts');
  return createPagefindBackend({ urlPrefix: options.urlPrefix, ...(options.years ? { years: options.years } : {}) });
}
