import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { writeCompactIndex } from '../../indexer/engines/compact/index.ts';
import { dropState as dropCompactState, readState as readCompactState, writeState as writeCompactState } from '../../indexer/engines/compact/state.ts';
import { writePagefindIndex } from '../../indexer/engines/pagefind/index.ts';
import type { IndexStats } from '../../indexer/engines/types.ts';
import { categoryModelWithCache } from '../../indexer/enrich/similar/category-model-cache.ts';
import { getKb, whenKbLoaded, type SiteKb } from '../lib/kb.ts';
import { staticIndexFor, type StaticIndex } from '../lib/static-index.ts';

/** The static index the search page of this build reads (site/lib/static-index.ts), written to `outDir`. */
export function writeStaticIndex(kind: StaticIndex, documents: KbDocument[], outDir: string, log: (line: string) => void): Promise<IndexStats> {
  return kind === 'compact' ? writeCompactIndex(documents, outDir, log) : writePagefindIndex(documents, outDir, log);
}

/**
 * Writes the static search index — Pagefind into `<outDir>/pagefind/`, or the compact index into
 * `<outDir>/compact/` (which one: site/lib/static-index.ts) — from the very documents the pages render (the same
 * memoised knowledge base), so a hit and its page always agree. Next to it goes `/category-model.json`,
 * which the search page scores typed text against ("closest categories").
 *
 * The index is built from the documents, not from the HTML, so it does not wait for the pages: it starts
 * as soon as the pages have loaded the knowledge base, into a staging directory under Astro's cache dir,
 * and is moved into place at `astro:build:done`. Pagefind is a separate process, so on a machine with two cores its indexing runs
 * beside Astro's single-threaded page rendering instead of after it (at 2,000 decisions ~15 s of a ~65 s
 * build; it grows linearly with the corpus). The compact writer runs in this process, between the pages'
 * awaits: its per-document analysis shares Astro's thread unless `.cache/compact/` already holds it (a
 * `taldau index --engine compact` before the build, or the previous build).
 */
export function taldauSearchIndex(): AstroIntegration {
  let cacheDir = '';
  let pending: { staging: string; started: number; done: Promise<{ kind: StaticIndex; stats: IndexStats }> } | undefined;
  return {
    name: 'taldau-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        const staging = path.join(cacheDir, `taldau-search-index-${process.pid}-${Date.now()}`);
        const done = whenKbLoaded().then(async (kb) => {
          const kind = staticIndexFor(kb.documents.length);
          return { kind, stats: await writeStaticIndex(kind, kb.documents, staging, (line) => logger.info(line)) };
        });
        // Awaited at build:done; until then a failure must not surface as an unhandled rejection.
        done.catch(() => undefined);
        pending = { staging, started: Date.now(), done };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const doneAt = Date.now();
        const outDir = fileURLToPath(dir);
        const kb = await getKb();
        const kind = staticIndexFor(kb.documents.length);
        const out = path.join(outDir, kind);
        const started = pending?.started ?? Date.now();
        let stats: IndexStats;
        if (pending) {
          const { staging, done } = pending;
          pending = undefined;
          try {
            ({ stats } = await done);
            await moveDir(staging, out);
            if (kind === 'compact') await moveCompactState(staging, out);
          } finally {
            await rm(staging, { recursive: true, force: true });
          }
        } else {
          stats = await writeStaticIndex(kind, kb.documents, out, (line) => logger.info(line));
        }
        const waited = Date.now();
        const modelBytes = await writeCategoryModel(kb, outDir);
        // "in X s" is what build:done waited for the index (bench parses it); the total ran beside the pages.
        logger.info(
          `${kind === 'compact' ? 'Compact' : 'Pagefind'} index: ${stats.total} documents (${stats.failed} failed) in ${((waited - doneAt) / 1000).toFixed(1)} s at build:done, ${((waited - started) / 1000).toFixed(1)} s since it started beside the pages → ${out}; category model ${((Date.now() - waited) / 1000).toFixed(1)} s, ${Math.round(modelBytes / 1024)} KB`,
        );
      },
    },
  };
}

/**
 * Writes `/category-model.json`, which the search page scores typed text against ("closest categories").
 * Bounded by the classifier (terms per category), not the corpus; the page fetches it only for the hint.
 * Returns its size in bytes.
 */
export async function writeCategoryModel(kb: SiteKb, outDir: string): Promise<number> {
  // From the previous build's per-category sums, recounting only the documents that changed (≈ 1 s instead
  // of ≈ 11 s at 50,000 decisions); the same model as one counted from nothing.
  const { model: built } = await categoryModelWithCache(kb.registries.categories.values(), kb.documents, { contentDir: kb.contentDir });
  const model = JSON.stringify(built);
  await writeFile(path.join(outDir, 'category-model.json'), model);
  return Buffer.byteLength(model);
}

/**
 * The compact writer leaves the state a later patch needs (indexer/engines/compact/state.ts) under the
 * directory it wrote, the staging one: it now describes `to`.
 */
async function moveCompactState(from: string, to: string): Promise<void> {
  const state = await readCompactState(from);
  if (typeof state === 'string') return; // built without the cache: nothing to patch from
  const { format: _format, indexDir: _indexDir, ...rest } = state;
  await writeCompactState(to, rest);
  await dropCompactState(from);
}

/** Renames `from` to `to` (replacing it); copies when they are on different file systems. */
async function moveDir(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}
