// @ts-check
import { defineConfig } from 'astro/config';
import { taldauPagefind } from './site/integrations/pagefind.ts';

// TALDAU_CONTENT (read in site/lib/kb.ts) picks the content tree; TALDAU_OUT_DIR and TALDAU_CACHE_DIR let
// tests build a fixture site into a temporary directory without touching dist/.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.TALDAU_OUT_DIR || './dist',
  cacheDir: process.env.TALDAU_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [taldauPagefind()],
});
