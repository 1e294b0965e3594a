import path from 'node:path';
import type { Problem } from '../../schemas/common.ts';
import { cacheDir, projectRoot, sourceHash } from '../cache/location.ts';
import { FileCache, hashOf } from '../cache/store.ts';
import type { RegistryInput } from './registries.ts';
import type { FileFields } from './fields.ts';

/**
 * The on-disk cache of reading, validating and normalising each document file, so a rebuild after one
 * changed file parses one file (issue #5). At 50,000 decisions this work was ~39 CPU-s on every build,
 * in `taldau index` and again in `astro build`.
 *
 * Key: the file's path and the SHA-256 of its bytes. The format names the cache version, a hash of the
 * code that does the work (indexer/load, validate, normalize and schemas/, so a code change invalidates
 * every entry without a version bump to remember) and a hash of the registries a file is resolved
 * against (classifier, courts, regions). An entry also records the day it was made: dates are refused
 * when in the future, so an entry with problems holds only on its own day, and one without only from
 * that day on. What depends on other files (a ru+kk pair agreeing, links between documents) is checked
 * every build. The body is never stored: it is the tail of the file, read from `bodyStart`.
 *
 * Where: `load/` under `TALDAU_CACHE_DIR`, else `.cache/load/` of the project, next to the enrich cache;
 * off with `TALDAU_NO_CACHE=1` or `cache: false` (and in tests unless they set TALDAU_CACHE_DIR).
 */
export const LOAD_CACHE_VERSION = 1;

/** What one file gave, as stored: `FileFields` without the file it belongs to. */
export type StoredFields = Omit<FileFields, 'file'>;

export interface LoadEntry {
  /** The day (ISO) the entry was made, the "today" its dates were checked against. */
  today: string;
  /** The file's own problems, with their lines. */
  problems: Problem[];
  /** Present when the file could be read as a document (it has a name, text and a frontmatter mapping). */
  read?: {
    /** The YAML text and the line it starts on: parsed again only when a later problem needs a line. */
    yaml: string;
    yamlLine: number;
    keys: string[];
    /** Offset in bytes of the body in the file, and its first line. */
    bodyStart: number;
    bodyLine: number;
    /** Null when the file has problems. */
    fields: StoredFields | null;
  };
}

/** Whether an entry made on `entry.today` still gives what reading the file would give on `today`. */
export function entryHolds(entry: LoadEntry, today: string): boolean {
  return entry.today === today || (entry.problems.length === 0 && entry.today <= today);
}

export interface LoadCacheOptions {
  contentDir: string;
  /** The registries documents are resolved against (validated entries). */
  registries: RegistryInput;
  /** Overrides TALDAU_CACHE_DIR and the default directory. */
  dir?: string;
}

/** Opens the cache for one content directory; undefined when the project's source cannot be found. */
export async function openLoadCache(options: LoadCacheOptions): Promise<FileCache<LoadEntry> | undefined> {
  const root = projectRoot();
  if (!root) return undefined;
  const dir = options.dir ?? cacheDir(root, 'load');
  const file = path.join(dir, `${hashOf(path.resolve(options.contentDir)).slice(0, 16)}.jsonl`);
  const { classifier, courts, regions } = options.registries;
  const format = `load/${LOAD_CACHE_VERSION}/${await sourceHash(root, LOAD_SOURCE_DIRS)}/${hashOf(classifier, courts, regions).slice(0, 16)}`;
  return FileCache.open(file, format, isLoadEntry);
}

/** The cache key of a file: its path and content. */
export const loadKey = (file: string, contentHash: string): string => `${file}\u0000${contentHash}`;

/** The code a document's fields and body are read by: its hash is part of every cache keyed by a file's content hash. */
export const LOAD_SOURCE_DIRS = ['indexer/load', 'indexer/validate', 'indexer/normalize', 'schemas'];


const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function isProblem(x: unknown): x is Problem {
  return isRecord(x) && isString(x.file) && isString(x.message) && (x.line === undefined || isCount(x.line)) && (x.field === undefined || isString(x.field));
}

function isStoredFields(x: unknown): x is StoredFields {
  return (
    isRecord(x) && isRecord(x.shared) && isRecord(x.keyOf) && isStrings(x.keywords) && isStrings(x.given) &&
    (x.title === undefined || isString(x.title)) && (x.judge === undefined || isString(x.judge)) &&
    (x.statusActs === undefined || Array.isArray(x.statusActs))
  );
}

/** A line of the cache file that does not pass is a miss (the file is read again), never a crash. */
export function isLoadEntry(x: unknown): x is LoadEntry {
  if (!isRecord(x) || !isString(x.today) || !Array.isArray(x.problems) || !x.problems.every(isProblem)) return false;
  if (x.read === undefined) return x.problems.length > 0;
  const r = x.read;
  return (
    isRecord(r) && isString(r.yaml) && isCount(r.yamlLine) && isStrings(r.keys) && isCount(r.bodyStart) && isCount(r.bodyLine) &&
    (r.fields === null ? x.problems.length > 0 : isStoredFields(r.fields))
  );
}
