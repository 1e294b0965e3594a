import type { AstroIntegration } from 'astro';

/** Where the endpoint answers (with `trailingSlash: 'always'`): set PUBLIC_TALDAU_SEARCH_ENDPOINT to it. */
export const SEARCH_ENDPOINT_PATH = '/api/search/';
/** Similar decisions (GET ?id=) and statistics per year (GET, the search's filters as parameters). */
export const SIMILAR_ENDPOINT_PATH = '/api/similar/';
export const STATS_ENDPOINT_PATH = '/api/stats/';

/**
 * Adds the server-side search endpoints. astro.config.mjs adds this integration (and the Node
 * adapter) only when `TALDAU_SEARCH_ENGINE` names a search server at build time, so the default
 * build stays a purely static site.
 */
export function taldauSearchEndpoint(): AstroIntegration {
  return {
    name: 'taldau-search-endpoint',
    hooks: {
      'astro:config:setup': ({ injectRoute, logger }) => {
        injectRoute({ pattern: '/api/search', entrypoint: new URL('./search-endpoint-route.ts', import.meta.url), prerender: false });
        injectRoute({ pattern: '/api/similar', entrypoint: new URL('./search-endpoint-similar-route.ts', import.meta.url), prerender: false });
        injectRoute({ pattern: '/api/stats', entrypoint: new URL('./search-endpoint-stats-route.ts', import.meta.url), prerender: false });
        logger.info(
          `search endpoints at ${SEARCH_ENDPOINT_PATH}, ${SIMILAR_ENDPOINT_PATH}, ${STATS_ENDPOINT_PATH} (engine and key read from the environment at run time)`,
        );
      },
    },
  };
}

/** Whether the build should include the endpoint: a server engine is configured. */
export const serverSearchConfigured = (env: Record<string, string | undefined>): boolean =>
  ['meilisearch', 'elasticsearch'].includes(env.TALDAU_SEARCH_ENGINE?.trim() ?? '');
