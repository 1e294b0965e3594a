import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { writePagefindIndex } from '../../indexer/engines/pagefind/index.ts';
import { buildCategoryModel } from '../../indexer/enrich/index.ts';
import { getKb } from '../lib/kb.ts';

/**
 * Writes the Pagefind index into `<outDir>/pagefind/` when the pages are built, from the very documents
 * the pages rendered (the same memoised knowledge base), so a hit and its page always agree. Next to
 * it goes `/category-model.json`, which the search page scores typed text against ("closest categories").
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
        const model = buildCategoryModel(kb.registries.categories.values(), kb.documents);
        await writeFile(path.join(fileURLToPath(dir), 'category-model.json'), JSON.stringify(model));
        logger.info(
          `Pagefind index: ${stats.total} documents (${stats.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`,
        );
      },
    },
  };
}
