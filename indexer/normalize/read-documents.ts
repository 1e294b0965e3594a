import { createHash } from 'node:crypto';
import { readFile } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../schemas/common.ts';
import type { FileCache } from '../cache/store.ts';
import { listDocFiles, nameOf, parseDocFile, type DocFile, type DocPath } from '../load/documents.ts';
import { lazyLineSource } from '../load/yaml.ts';
import { WorkerPool } from '../workers/pool.ts';
import { normalizeFile, type FileFields } from './fields.ts';
import { entryHolds, loadKey, type LoadEntry } from './load-cache.ts';
import { buildRegistries, type Registries, type RegistryInput } from './registries.ts';

/** A document file read, validated and normalised on its own; `fields` is null when it has problems. */
export interface ReadDocFile {
  doc: DocFile;
  fields: FileFields | null;
}

export interface ReadDocuments {
  /** Files readable as documents, in path order. */
  files: ReadDocFile[];
  /** Every file's own problems. */
  problems: Problem[];
  /** Files that could not be read as documents at all (they still count as seen). */
  unreadable: DocPath[];
}

/**
 * A file's bytes. The callback API, not fs/promises: its file handle costs four promise round trips per
 * file, twice the CPU of reading 50,000 decisions (2.8 vs 1.4 CPU-s here) for the same bytes.
 */
const readBytes = (file: string) => new Promise<Buffer>((resolve, reject) => readFile(file, (error, bytes) => (error ? reject(error) : resolve(bytes))));

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const READ_CONCURRENCY = 32;

export interface ReadOptions {
  /** What `registries` were built from: given, files the cache does not hold are parsed on worker threads. */
  registryInput?: RegistryInput;
  /** Threads for parsing (default: every core, up to four, from 200 files); 0 parses in this thread. */
  workers?: number;
}

interface FileWork {
  where: DocPath;
  bytes: Uint8Array;
  hash: string;
}

type FileReadingInit = { registryInput: RegistryInput; today: string };

/** The worker pool's job: a file's cache entry from its bytes, against registries built once per thread. */
export function fileReading(init: FileReadingInit): (work: FileWork) => LoadEntry {
  const registries = buildRegistries(init.registryInput);
  return ({ where, bytes, hash }) => readFresh(where, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), hash, registries, init.today).entry;
}

/**
 * Reads every document file and takes it through validation and normalisation one file at a time, so
 * only a few files' bytes and parsed YAML exist at once: what is kept per file is its body and a few
 * fields. With a cache, a file whose bytes were seen before is not parsed at all (load-cache.ts). The
 * parsing of the others (YAML, schemas: ≈ 0.4 ms a decision) runs on every core when there are enough
 * files and `registryInput` is given: this thread only reads bytes and waits (issue #5).
 */
export async function readDocuments(
  contentDir: string,
  registries: Registries,
  today: string,
  cache?: FileCache<LoadEntry>,
  options: ReadOptions = {},
): Promise<ReadDocuments> {
  const paths = await listDocFiles(contentDir);
  const results: ({ entry: LoadEntry; file?: ReadDocFile } | undefined)[] = new Array(paths.length);
  const { registryInput } = options;
  const threads = registryInput ? WorkerPool.threadsFor(paths.length, options.workers) : 0;
  // No pool at all without threads: parsed here, a file keeps its parse instead of being rebuilt from an entry.
  const pool = threads > 0
    ? new WorkerPool({ module: 'indexer/normalize/read-documents.ts', factory: 'fileReading', init: { registryInput: registryInput!, today }, local: fileReading, name: 'load' }, threads)
    : undefined;
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const i = next++;
      const bytes = await readBytes(path.join(contentDir, paths[i]!.file));
      results[i] = await readOne(paths[i]!, bytes, registries, today, cache, pool);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, lane));
  } finally {
    await pool?.close();
  }

  const out: ReadDocuments = { files: [], problems: [], unreadable: [] };
  results.forEach((result, i) => {
    out.problems.push(...result!.entry.problems);
    if (result!.file) out.files.push(result!.file);
    else out.unreadable.push(paths[i]!);
  });
  return out;
}

async function readOne(
  where: DocPath,
  bytes: Buffer,
  registries: Registries,
  today: string,
  cache: FileCache<LoadEntry> | undefined,
  pool: WorkerPool<FileReadingInit, FileWork, LoadEntry> | undefined,
): Promise<{ entry: LoadEntry; file?: ReadDocFile }> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const key = cache ? loadKey(where.file, hash) : '';
  const stored = cache?.find(key, (entry) => entryHolds(entry, today));
  if (stored) return { entry: stored, ...fromEntry(where, bytes, hash, stored) };
  if (!pool) {
    const fresh = readFresh(where, bytes, hash, registries, today);
    cache?.put(key, fresh.entry);
    return fresh;
  }
  // A worker sends back the cache entry; the file is rebuilt from it here, as from a cache hit.
  const entry = await pool.run({ where, bytes, hash });
  cache?.put(key, entry);
  return { entry, ...fromEntry(where, bytes, hash, entry) };
}

/** Parses, validates and normalises a file: the result, and the same as a cache entry. */
function readFresh(where: DocPath, bytes: Buffer, hash: string, registries: Registries, today: string): { entry: LoadEntry; file?: ReadDocFile } {
  const result = parseDocFile(where, bytes, hash);
  if (!result.ok) return { entry: { today, problems: result.problems } };
  const { parsed } = result;
  const { fields, problems } = normalizeFile(parsed, registries, today);
  const stored = fields && (({ file: _file, ...rest }) => rest)(fields);
  return {
    entry: {
      today,
      problems,
      read: { yaml: parsed.yaml.text, yamlLine: parsed.yaml.firstLine, keys: parsed.doc.keys, bodyStart: parsed.bodyStart, bodyLine: parsed.doc.bodyLine, fields: stored },
    },
    file: { doc: parsed.doc, fields },
  };
}

/** The file as a cache entry describes it: only the body is taken from the bytes. */
function fromEntry(where: DocPath, bytes: Buffer, hash: string, entry: LoadEntry): { file?: ReadDocFile } {
  const read = entry.read;
  const name = nameOf(where.file);
  if (!read || 'message' in name) return {};
  const doc: DocFile = {
    file: where.file,
    kind: where.kind,
    slug: name.slug,
    lang: name.lang,
    frontmatter: lazyLineSource(read.yaml, read.yamlLine),
    keys: read.keys,
    body: bytes.toString('utf8', read.bodyStart),
    bodyLine: read.bodyLine,
    hash,
  };
  return { file: { doc, fields: read.fields && { ...read.fields, file: doc } } };
}
