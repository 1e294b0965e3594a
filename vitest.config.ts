import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{schemas,indexer,site,scripts}/**/*.test.ts'],
    globalSetup: ['scripts/live-engines-notice.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
