import type { Problem } from '../schemas/common.ts';
import type { KbDocument } from '../schemas/kb-document.ts';
import { loadRegistrySources } from './load/registries.ts';
import { todayIso } from './normalize/dates.ts';
import { normalizeDocuments } from './normalize/documents.ts';
import { openLoadCache } from './normalize/load-cache.ts';
import { readDocuments } from './normalize/read-documents.ts';
import { buildRegistries, type Registries, type RegistryInput } from './normalize/registries.ts';
import { validateRegistries } from './validate/registries.ts';
import { cacheEnabledByDefault } from './cache/location.ts';
import { timed, timingsEnabled } from './cache/timings.ts';

export interface KnowledgeBaseCounts {
  /** Valid documents (a ru+kk pair is one); those left out are in `rejected`. */
  documents: number;
  decisions: number;
  resolutions: number;
  summaries: number;
  categories: number;
  leafCategories: number;
  courts: number;
  regions: number;
  /** Articles known across all codes. */
  norms: number;
}

export interface KnowledgeBase {
  contentDir: string;
  registries: Registries;
  /** Valid documents only, normalised (and enriched unless `enrich: false`). */
  documents: KbDocument[];
  /** Every problem found, in file order. */
  problems: Problem[];
  counts: KnowledgeBaseCounts;
  /** Documents left out because of problems: ids, or the paths of files that could not be read. */
  rejected: string[];
}

export interface LoadOptions {
  contentDir: string;
  /** Run the enrich stage (depersonalisation, citations, similar documents). Default true. */
  enrich?: boolean;
  /** ISO date treated as today when refusing future dates (tests pin it). */
  today?: string;
  /**
   * Reuse the per-file load work (`load/`, indexer/normalize/load-cache.ts) and the per-document enrich
   * work (`enrich/`, indexer/enrich/cache.ts) and the similar decisions (`similar/`,
   * indexer/enrich/similar/similar-cache.ts) of earlier builds, under `$TALDAU_CACHE_DIR` or `.cache/`.
   * Default: on, unless TALDAU_NO_CACHE=1 (and off under vitest unless TALDAU_CACHE_DIR is set).
   */
  cache?: boolean;
}

/** Reads every document file through the load cache when it is on; the cache is let go once saved. */
async function readFiles(contentDir: string, registries: Registries, input: RegistryInput, today: string, useCache: boolean) {
  const loadCache = useCache ? await timed('load: open cache', () => openLoadCache({ contentDir, registries: input })) : undefined;
  const read = await timed('load+validate+normalise files', () => readDocuments(contentDir, registries, today, loadCache, { registryInput: input }));
  if (loadCache) {
    await timed('load: save cache', () => loadCache.save());
    if (timingsEnabled()) process.stderr.write(`taldau timing: load cache ${loadCache.hits} hit / ${loadCache.misses} miss (${loadCache.file})\n`);
  }
  return read;
}

/** load → validate → normalise → enrich, collecting every problem instead of stopping at the first. */
export async function loadKnowledgeBase({ contentDir, enrich = true, today = todayIso(), cache }: LoadOptions): Promise<KnowledgeBase> {
  const registrySources = await timed('load registries', () => loadRegistrySources(contentDir));
  const validated = timed('validate registries', () => validateRegistries(registrySources.sources));
  const registries = buildRegistries(validated.input);

  const useCache = cache ?? cacheEnabledByDefault();
  // Each file is read, validated and normalised on its own (bytes and YAML trees are dropped at once);
  // then pairs are merged and links checked. The un-enriched documents are dropped once enriched.
  const { files, problems: loadProblems, unreadable } = await readFiles(contentDir, registries, validated.input, today, useCache);
  const { documents: normalizedDocuments, problems: normalizeProblems, rejected } = timed('merge documents', () => normalizeDocuments(files, registries));
  files.length = 0;
  let documents = normalizedDocuments;
  const problems: Problem[] = [...registrySources.problems, ...validated.problems, ...loadProblems, ...normalizeProblems];
  if (enrich) {
    // Loaded on demand: validation-only runs (and tests with enrich off) do not pay for the enrich stage.
    const { enrichDocuments } = await import('./enrich/index.ts');
    const { openEnrichCache } = await import('./enrich/cache.ts');
    const codes = [...registries.codes.values()];
    const { openSimilarCache } = await import('./enrich/similar/similar-cache.ts');
    const enrichCache = await timed('enrich: open cache', () => openEnrichCache({ contentDir, codes, enabled: useCache }));
    const similarCache = await timed('similar: open cache', () => openSimilarCache({ contentDir, enabled: useCache }));
    const caches = { ...(enrichCache ? { cache: enrichCache } : {}), ...(similarCache ? { similarCache } : {}) };
    const enriched = await timed('enrich (total)', () => enrichDocuments(documents, { codes, ...caches }));
    normalizedDocuments.length = 0;
    if (enrichCache) {
      await timed('enrich: save cache', () => enrichCache.save());
      if (timingsEnabled()) {
        const { mask, citations } = enrichCache;
        process.stderr.write(`taldau timing: enrich cache mask ${mask.hits} hit / ${mask.misses} miss, citations ${citations.hits} hit / ${citations.misses} miss (${mask.file})\n`);
      }
    }
    if (similarCache) {
      await timed('similar: save cache', () => similarCache.save());
      const stats = similarCache.stats;
      if (timingsEnabled() && stats) {
        process.stderr.write(
          `taldau timing: similar cache texts ${stats.reusedCounts} reused / ${stats.countedTexts} counted, vectors ${stats.reusedVectors} reused / ${stats.recomputedVectors} recomputed, lists ${stats.reusedLists} reused / ${stats.patchedLists} patched / ${stats.rescoredLists} recomputed${stats.full ? ' (all: decisions added, removed or moved)' : ''} (${similarCache.file})\n`,
        );
      }
    }
    documents = enriched.documents;
    problems.push(...enriched.problems);
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));

  const byKind = (kind: string) => documents.filter((d) => d.kind === kind).length;
  const categories = [...registries.categories.values()];
  return {
    contentDir,
    registries,
    documents,
    problems,
    rejected: [...rejected, ...unreadable.map((u) => u.file)],
    counts: {
      documents: documents.length,
      decisions: byKind('decision'),
      resolutions: byKind('resolution'),
      summaries: byKind('summary'),
      categories: categories.length,
      leafCategories: categories.filter((c) => c.isLeaf).length,
      courts: registries.courts.size,
      regions: registries.regions.size,
      norms: [...registries.codes.values()].reduce((n, c) => n + c.articles.length, 0),
    },
  };
}
