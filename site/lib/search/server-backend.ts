import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import { SearchQueryError, type BackendOptions, type SearchBackend } from './backend.ts';

/**
 * The search page's backend when a search server is configured: it posts the SearchQuery to the
 * site's own endpoint (PUBLIC_TALDAU_SEARCH_ENDPOINT) and gets a SearchResult back. The browser
 * never learns which engine answers, where it lives, or any key.
 */
export function createServerBackend(endpoint: string, options: Pick<BackendOptions, 'urlPrefix'>, fetchImpl: typeof fetch = fetch): SearchBackend {
  return {
    async search(q: SearchQuery): Promise<SearchResult> {
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(q),
        });
      } catch (error) {
        throw new Error('the search server cannot be reached', { cause: error });
      }
      const payload = (await response.json().catch(() => null)) as (SearchResult & { error?: string }) | null;
      if (response.status === 400) throw new SearchQueryError(payload?.error ?? 'this query cannot be run');
      if (!response.ok || !payload) throw new Error(payload?.error ?? `search failed (HTTP ${response.status})`);
      // Hit urls are language-neutral paths; the interface language puts its prefix in front, as with Pagefind.
      return { ...payload, hits: payload.hits.map((hit) => ({ ...hit, url: `${options.urlPrefix}${hit.url}` })) };
    },
  };
}
