import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { writePagefindIndex } from '../../indexer/engines/pagefind/index.ts';
import { getKb } from '../lib/kb.ts';

/**
 * Writes the Pagefind index into `<outDir>/pagefind/` when the pages are built, from the very documents
 * the pages rendered (the same memoised knowledge base), so a hit and its page always agree.
 */
export function taldauPagefind(): AstroIntegration {
  return {
    name: 'taldau-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const kb = await getKb();
        const out = path.join(fileURLToPath(dir), 'pagefind');
        const started = Date.now();
        const stats = await writePagefindIndex(kb.documents, out, (line) => logger.info(line));
        logger.info(
          `Pagefind index: ${stats.total} documents (${stats.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`,
        );
      },
    },
  };
}
