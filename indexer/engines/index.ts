import { DOC_LANGS } from '../../schemas/common.ts';
import { FACETS } from '../../schemas/facets.ts';
import type { EngineEntry, IndexSpec } from './types.ts';
import { ELASTICSEARCH_ENTRY, MEILISEARCH_ENTRY } from './server/entries.ts';

/** What every engine indexes: the shared facets, a date sort, both document languages. */
export const INDEX_SPEC: IndexSpec = { facets: FACETS, sortFields: ['date'], languages: DOC_LANGS };

/**
 * Engine name → writer factory. `taldau index --engine <name>` picks one; an unknown name is a usage
 * error listing these keys. Server engines register here next to Pagefind, each importing its own
 * client lazily inside `create`.
 */
export const ENGINES: Record<string, EngineEntry> = {
  pagefind: {
    summary: 'static index for the browser (default), written to --out',
    create: async ({ outDir, log, progress }) => {
      const { PagefindWriter } = await import('./pagefind/writer.ts');
      return new PagefindWriter(outDir, { log, ...(progress ? { progress } : {}) });
    },
  },
  // Server engines: their entries (options --url/--key/--index-name/--changed, lazy client import) live
  // with them in indexer/engines/server/entries.ts.
  meilisearch: MEILISEARCH_ENTRY,
  elasticsearch: ELASTICSEARCH_ENTRY,
};

export const DEFAULT_ENGINE = 'pagefind';

export const engineNames = (): string[] => Object.keys(ENGINES);
