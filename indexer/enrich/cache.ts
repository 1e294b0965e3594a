import path from 'node:path';
import type { Citation } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { cacheDir, cacheEnabledByDefault, projectRoot, sourceHash } from '../cache/location.ts';
import { FileCache, hashOf } from '../cache/store.ts';
import { LOAD_SOURCE_DIRS } from '../normalize/load-cache.ts';

/**
 * The on-disk cache of the per-document enrich work (masking, citation extraction), so a rebuild
 * redoes only what changed. What depends on other documents (resolving citations to resolutions and
 * cases, `citedBy`, `similar`) is never cached: those are cheap global passes over the cached parts.
 *
 * Keys: masking — the document's id, content hash (the bytes of its files, which its body is read from),
 * title, judge and languages; citations — the mask's key (or, for a document that is not masked, its id,
 * content hash and languages) and the norm codes. Hashing the texts themselves cost ≈ 3.5 s a build at
 * 50,000 decisions, most of a rebuild's enrich stage. The format names the cache version and a hash of the enrich source it came from
 * (redact/ for masking, citations/ for citations), so changing the code invalidates the entries
 * without anyone having to remember a version bump. Where: `enrich/` under `TALDAU_CACHE_DIR` (the
 * build's cache directory, which Astro uses too), else `.cache/enrich/` of the project; off with `TALDAU_NO_CACHE=1` or `cache: false`, and off in tests unless a test sets
 * its own `TALDAU_CACHE_DIR` (tests must not share state through a cache).
 */
export const ENRICH_CACHE_VERSION = 1;

/**
 * A masked decision: per language the masked title and the body's replaced spans. The leak check runs
 * on the masked text every build, cached or not.
 */
export interface MaskEntry {
  title: Partial<Record<'ru' | 'kk', string>>;
  /** Per language `[start, end, replacement]` spans of the original body, in text order. */
  spans: Partial<Record<'ru' | 'kk', [number, number, string][]>>;
}

/** Citations as extracted from one document, resolution and case targets not yet resolved. */
export type CitationEntry = Citation[];

export interface EnrichCache {
  mask: FileCache<MaskEntry>;
  citations: FileCache<CitationEntry>;
  /** Hash of the norm codes, part of every citation key. */
  codesHash: string;
  save(): Promise<void>;
}

export interface EnrichCacheOptions {
  contentDir: string;
  codes: NormCode[];
  /** Default: on, unless TALDAU_NO_CACHE is set or under a test runner without TALDAU_CACHE_DIR. */
  enabled?: boolean;
  /** Overrides TALDAU_CACHE_DIR and the default directory. */
  dir?: string;
}

export { cacheEnabledByDefault } from '../cache/location.ts';

/** Opens the caches for one content directory; undefined when caching is off or the code is not found. */
export async function openEnrichCache(options: EnrichCacheOptions): Promise<EnrichCache | undefined> {
  if (!(options.enabled ?? cacheEnabledByDefault())) return undefined;
  const root = projectRoot();
  if (!root) return undefined;
  const enrichDir = path.join(root, 'indexer', 'enrich');
  const dir = options.dir ?? cacheDir(root, 'enrich');
  const base = path.join(dir, hashOf(path.resolve(options.contentDir)).slice(0, 16));
  // The keys name a document by its files' content hash, not its text: the code that reads the text out
  // of the files (the load code) is part of the format, so a change to it invalidates both caches.
  const [maskSource, citationSource, loadSource] = await Promise.all([
    sourceHash(enrichDir, ['redact', 'index.ts', 'cache.ts']),
    sourceHash(enrichDir, ['citations', 'index.ts', 'cache.ts']),
    sourceHash(root, LOAD_SOURCE_DIRS),
  ]);
  const [mask, citations] = await Promise.all([
    FileCache.open(`${base}.mask.jsonl`, `mask/${ENRICH_CACHE_VERSION}/${maskSource}/${loadSource}`, isMaskEntry),
    FileCache.open(`${base}.citations.jsonl`, `citations/${ENRICH_CACHE_VERSION}/${citationSource}/${loadSource}`, isCitationEntry),
  ]);
  return {
    mask,
    citations,
    codesHash: hashOf(options.codes),
    save: async () => {
      await Promise.all([mask.save(), citations.save()]);
    },
  };
}


const isString = (x: unknown): x is string => typeof x === 'string';
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const LANGS = new Set(['ru', 'kk']);

function isMaskEntry(value: unknown): value is MaskEntry {
  if (!isRecord(value) || !isRecord(value.title) || !isRecord(value.spans)) return false;
  const okTitle = Object.entries(value.title).every(([lang, t]) => LANGS.has(lang) && isString(t));
  const okSpans = Object.entries(value.spans).every(
    ([lang, spans]) =>
      LANGS.has(lang) &&
      Array.isArray(spans) &&
      spans.every((s) => Array.isArray(s) && s.length === 3 && Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] <= s[1] && isString(s[2])),
  );
  return okTitle && okSpans;
}

function isCitationEntry(value: unknown): value is CitationEntry {
  return (
    Array.isArray(value) &&
    value.every(
      (c) =>
        isRecord(c) &&
        (c.type === 'norm' || c.type === 'resolution' || c.type === 'case') &&
        isString(c.text) &&
        LANGS.has(c.language as string) &&
        Number.isInteger(c.start) &&
        Number.isInteger(c.end) &&
        (c.target === null || isString(c.target)),
    )
  );
}
