import { DOC_LANGS } from '../../schemas/common.ts';
import { FACETS } from '../../schemas/facets.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { EngineEntry, IndexSpec, IndexStats, IndexWriter } from './types.ts';
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
    defaultOut: 'dist/pagefind',
    create: async ({ outDir, log, progress }) => {
      const { PagefindWriter } = await import('./pagefind/writer.ts');
      return new PagefindWriter(outDir, { log, ...(progress ? { progress } : {}) });
    },
  },
  compact: {
    summary: 'static index of our own for large corpora (see indexer/engines/compact/FORMAT.md), written to --out',
    defaultOut: 'dist/compact',
    create: async ({ outDir, log, progress }) => {
      const { CompactWriter } = await import('./compact/writer.ts');
      return new CompactWriter(outDir, { log, ...(progress ? { progress } : {}) });
    },
  },
  // Server engines: their entries (options --url/--key/--index-name/--changed, lazy client import) live
  // with them in indexer/engines/server/entries.ts.
  meilisearch: MEILISEARCH_ENTRY,
  elasticsearch: ELASTICSEARCH_ENTRY,
};

export const DEFAULT_ENGINE = 'pagefind';

export const engineNames = (): string[] => Object.keys(ENGINES);

/** Runs a writer over `documents` from prepare to finalize, closing it whatever happens. */
export async function writeAll(writer: IndexWriter, documents: KbDocument[]): Promise<IndexStats> {
  try {
    await writer.prepare(INDEX_SPEC);
    await writer.write(documents);
    return await writer.finalize();
  } finally {
    await writer.close();
  }
}
