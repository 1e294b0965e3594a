// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { outDirSetting } from './site/build/out-dir.ts';
import { taldauBuildState } from './site/integrations/build-state.ts';
import { taldauDocumentPages } from './site/integrations/document-pages.ts';
import { taldauOutDirCleanup } from './site/integrations/out-dir-cleanup.ts';
import { taldauSearchIndex } from './site/integrations/search-index.ts';
import { serverSearchConfigured, taldauSearchEndpoint } from './site/integrations/search-endpoint.ts';

// With TALDAU_SEARCH_ENGINE=meilisearch|elasticsearch at build time the site gains one server route,
// /api/search/, run by the Node adapter (docs/server-engines.md); without it the build stays purely static.
const serverSearch = serverSearchConfigured(process.env);

// TALDAU_CONTENT (read in site/lib/kb.ts) picks the content tree; TALDAU_OUT_DIR and TALDAU_CACHE_DIR let
// tests build a fixture site into a temporary directory without touching dist/.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: outDirSetting(),
  cacheDir: process.env.TALDAU_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  // Pages are rendered on one thread either way; a few in flight let one page's mkdir/write overlap the
  // next page's rendering (measured in docs/scale.md). TALDAU_BUILD_CONCURRENCY overrides it for benchmarks.
  build: { format: 'directory', concurrency: Number(process.env.TALDAU_BUILD_CONCURRENCY) || 4 },
  server: { host: '127.0.0.1', port: 4321 },
  // The dev server watches the project; the caches and generated corpora (a benchmark's .cache/bench holds
  // tens of thousands of files) would exhaust the system's file watchers and are not sources.
  vite: { server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/test-results/**'] } } },
  // build:done hooks run in this order: the pages, the index, then the record of the finished build
  // (site/build/state.ts) that lets the next `taldau build` update the output in place.
  integrations: [taldauOutDirCleanup(), taldauDocumentPages(), taldauSearchIndex(), ...(serverSearch ? [taldauSearchEndpoint()] : []), taldauBuildState()],
  ...(serverSearch ? { adapter: node({ mode: 'standalone' }) } : {}),
});
