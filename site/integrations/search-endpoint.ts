import type { AstroIntegration } from 'astro';

/** Where the endpoint answers (with `trailingSlash: 'always'`): set PUBLIC_TALDAU_SEARCH_ENDPOINT to it. */
export const SEARCH_ENDPOINT_PATH = '/api/search/';

/**
 * Adds the server-side search endpoint. astro.config.mjs adds this integration (and the Node
 * adapter) only when `TALDAU_SEARCH_ENGINE` names a search server at build time, so the default
 * build stays a purely static site.
 */
export function taldauSearchEndpoint(): AstroIntegration {
  return {
    name: 'taldau-search-endpoint',
    hooks: {
      'astro:config:setup': ({ injectRoute, logger }) => {
        injectRoute({ pattern: '/api/search', entrypoint: new URL('./search-endpoint-route.ts', import.meta.url), prerender: false });
        logger.info(`search endpoint at ${SEARCH_ENDPOINT_PATH} (engine and key read from the environment at run time)`);
      },
    },
  };
}

/** Whether the build should include the endpoint: a server engine is configured. */
export const serverSearchConfigured = (env: Record<string, string | undefined>): boolean =>
  ['meilisearch', 'elasticsearch'].includes(env.TALDAU_SEARCH_ENGINE?.trim() ?? '');
