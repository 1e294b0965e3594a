import { createHash } from 'node:crypto';
import { type FileHandle, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, cacheEnabledByDefault, projectRoot, sourceHash } from '../../cache/location.ts';
import { hashOf, replaceFile } from '../../cache/store.ts';
import { ByteReader, ByteWriter } from '../../engines/compact/codec.ts';
import type { CategoryModel } from './suggest.ts';
import {
  addDocumentCounts,
  buildCategoryModel,
  type CategoryDocument,
  categoryModelFromSums,
  type CategorySums,
  type CategoryWords,
  type DocumentCounts,
  documentCounts,
  TERMS_PER_CATEGORY,
} from './category-model.ts';

/**
 * The category model, rebuilt by deltas: the on-disk cache keeps, per document, a hash of what the model
 * reads of it (its trail, title, keywords, body) and its integer head and body term counts, and per
 * code the integer sums of the documents filed under it. A build recounts only the documents whose hash
 * changed (or that are new), takes away the old counts of those and of the documents that are gone, adds
 * the new ones, and makes the model from the sums (`categoryModelFromSums`, over categories × their terms).
 * Integer sums are exact, so the result is exactly `buildCategoryModel` from nothing.
 *
 * Sums are kept for every code of a trail, known to the classifier or not: a changed registry (names,
 * aliases, descriptions, codes added or dropped) needs no recount, only the final step, which reads the
 * registry every time.
 *
 * One binary file per corpus, `category-model/<hash of the content directory>.bin` (or `model.bin`) under the cache directory (TALDAU_CACHE_DIR, else `.cache/`),
 * keyed by the source of this file, category-model.ts and terms.ts; off with TALDAU_NO_CACHE=1 and in
 * tests without their own TALDAU_CACHE_DIR. A file that is not ours or does not check (truncated, bad
 * checksum, counts that would go negative) is ignored with a one-line warning: the model is computed from
 * nothing and the file rewritten. Per-document counts are decoded only for the documents that changed;
 * the others are written back byte for byte.
 */
export const CATEGORY_MODEL_CACHE_VERSION = 1;

const MAGIC = 'taldau category-model cache\n';

export interface CategoryModelCacheOptions {
  /** The cache directory. Default: `category-model` under TALDAU_CACHE_DIR, else under the project's `.cache/`. */
  dir?: string;
  /** The corpus's content directory: one file per corpus (`<hash of it>.bin`), so builds of two corpora sharing a cache directory do not recount each other's. Default: one `model.bin`. */
  contentDir?: string;
  /** Default: on, unless TALDAU_NO_CACHE is set or under a test runner without TALDAU_CACHE_DIR. */
  enabled?: boolean;
  termsPerCategory?: number;
}

export interface CategoryModelResult {
  model: CategoryModel;
  /** Documents whose cached counts were used as they were. */
  reused: number;
  /** Documents counted in this build (new, changed, or all of them without a usable cache). */
  recounted: number;
  /** Cached documents no longer in the corpus, taken away. */
  removed: number;
  /** Milliseconds spent reading the cache, hashing and recounting documents, making the model from the sums, writing the cache. */
  ms: { read: number; documents: number; model: number; write: number };
}

/**
 * `buildCategoryModel(categories, documents)` through the cache: the same model, exactly, recounting only
 * what changed since the last build. Opens, updates and saves the cache; a failure to write is not fatal.
 */
export async function categoryModelWithCache(
  categories: Iterable<CategoryWords>,
  documents: readonly CategoryDocument[],
  options: CategoryModelCacheOptions = {},
): Promise<CategoryModelResult> {
  const list = [...categories];
  const termsPerCategory = options.termsPerCategory ?? TERMS_PER_CATEGORY;
  const fromNothing = (): CategoryModelResult => {
    const started = performance.now();
    const model = buildCategoryModel(list, [...documents], termsPerCategory);
    return {
      model,
      reused: 0,
      recounted: documents.length,
      removed: 0,
      ms: {
        read: 0,
        documents: 0,
        model: Math.round(performance.now() - started),
        write: 0,
      },
    };
  };
  if (!(options.enabled ?? cacheEnabledByDefault())) return fromNothing();
  const root = projectRoot();
  if (!root) return fromNothing();
  const source = path.join(root, 'indexer', 'enrich', 'similar');
  // Two documents with one id: the cache keys by id, so count them the plain way.
  if (new Set(documents.map((d) => d.id)).size !== documents.length) return fromNothing();

  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - clock);
    clock = now;
    return ms;
  };
  const dir = options.dir ?? cacheDir(root, 'category-model');
  const file = path.join(dir, options.contentDir ? `${hashOf(path.resolve(options.contentDir)).slice(0, 16)}.bin` : 'model.bin');
  const format = `${CATEGORY_MODEL_CACHE_VERSION}/${await sourceHash(source, ['category-model.ts', 'terms.ts', 'category-model-cache.ts'])}`;
  let state = emptyState();
  let bytes: Buffer | undefined;
  try {
    bytes = await readFile(file);
  } catch {
    // no cache yet: everything is counted
  }
  if (bytes) {
    try {
      state = decodeState(bytes, format) ?? emptyState();
    } catch (error) {
      warn(file, error);
    }
  }
  const read = lap();

  let counted: Counted;
  try {
    counted = update(state, documents);
  } catch (error) {
    if (!(error instanceof CorruptCache)) throw error;
    // The cached counts do not add up (a sum would go below 0): start again from nothing.
    warn(file, error);
    state = emptyState();
    counted = update(state, documents);
  }
  const documentsMs = lap();
  const model = categoryModelFromSums(list, state.sums, termsPerCategory);
  const modelMs = lap();
  await save(file, state, format);
  return {
    model,
    ...counted,
    ms: { read, documents: documentsMs, model: modelMs, write: lap() },
  };
}

class CorruptCache extends Error {}

function warn(file: string, error: unknown): void {
  process.emitWarning(`category model cache ${file} ignored (${error instanceof Error ? error.message : String(error)}): counted from nothing`);
}

/** One document as cached: the hash of what the model reads of it, and its trail and counts, encoded. */
interface DocEntry {
  hash: string;
  /** Encoded (see `encodePayload`) against `State.terms`. */
  payload: Uint8Array;
}

interface State {
  /** Term dictionary of the payloads: append-only between compactions, so unchanged payloads stay valid. */
  terms: string[];
  termIds: Map<string, number>;
  docs: Map<string, DocEntry>;
  /** Per code (every code of a trail, known or not) the integer sums of its documents' counts. */
  sums: Map<string, CategorySums>;
  /** Whether `save` has anything to write. */
  dirty: boolean;
}

const emptyState = (): State => ({
  terms: [],
  termIds: new Map(),
  docs: new Map(),
  sums: new Map(),
  dirty: true,
});

type Counted = Pick<CategoryModelResult, 'reused' | 'recounted' | 'removed'>;

/** Brings the state's sums and entries up to `documents`: recounts the new and changed ones, takes away the gone. */
function update(state: State, documents: readonly CategoryDocument[]): Counted {
  let reused = 0;
  let recounted = 0;
  let removed = 0;
  const docs = new Map<string, DocEntry>();
  for (const doc of documents) {
    const hash = documentHash(doc);
    const old = state.docs.get(doc.id);
    if (old && old.hash === hash) {
      reused++;
      docs.set(doc.id, old);
      continue;
    }
    recounted++;
    if (old) subtract(state, old);
    const counts: DocumentCounts = doc.categoryTrail.length ? documentCounts(doc) : { head: new Map(), body: new Map() };
    addDocumentCounts(state.sums, doc.categoryTrail, counts, 1);
    docs.set(doc.id, {
      hash,
      payload: encodePayload(doc.categoryTrail, counts, state),
    });
  }
  for (const [id, old] of state.docs) {
    if (docs.has(id)) continue;
    removed++;
    subtract(state, old);
  }
  if (recounted || removed || docs.size !== state.docs.size) state.dirty = true;
  state.docs = docs;
  return { reused, recounted, removed };
}

function subtract(state: State, entry: DocEntry): void {
  const { trail, counts } = decodePayload(entry.payload, state.terms);
  addDocumentCounts(state.sums, trail, counts, -1);
  for (const code of trail) {
    const bag = state.sums.get(code);
    for (const [part, map] of [
      ['head', counts.head],
      ['body', counts.body],
    ] as const) {
      for (const t of map.keys()) if ((bag?.[part].get(t) ?? 0) < 0) throw new CorruptCache(`the count of «${t}» under ${code} went below 0`);
    }
  }
}

/** Bytes kept of a document's hash; the file ends with the SHA-256 of all that precedes it. */
const CHECKSUM_BYTES = 32;
const HASH_BYTES = 16;

/**
 * Hash of everything the model reads of a document: SHA-256 (the fastest here, with the CPU's SHA
 * instructions) of its trail, title, keywords and the languages and lengths of its texts, then the texts
 * as UTF-16 (no transcoding). 0.35–0.55 s for the 210 M characters of 50,000 decisions: most of a rebuild.
 */
function documentHash(doc: CategoryDocument): string {
  const texts = Object.values(doc.body).map((text) => text ?? '');
  const hash = createHash('sha256').update(JSON.stringify([doc.categoryTrail, doc.title, doc.keywords, Object.keys(doc.body), texts.map((t) => t.length)]));
  for (const text of texts) hash.update(text, 'utf16le');
  return hash.digest().toString('latin1', 0, HASH_BYTES);
}

// ——— encoding ———

/** Payload: trail length, trail codes, then the head counts and the body counts (`writeCounts`). */
function encodePayload(trail: readonly string[], counts: DocumentCounts, state: State): Uint8Array {
  const out = new ByteWriter(64 + 3 * (counts.head.size + counts.body.size));
  out.varint(trail.length);
  for (const code of trail) out.string(code);
  const idOf = (t: string) => {
    let id = state.termIds.get(t);
    if (id === undefined) {
      id = state.terms.length;
      state.terms.push(t);
      state.termIds.set(t, id);
    }
    return id;
  };
  writeCounts(out, counts.head, idOf);
  writeCounts(out, counts.body, idOf);
  return out.view();
}

/** Count by term id while one map is written (reused: a typed sort of the ids is what makes writing 50,000 documents cheap). */
let scratch = new Float64Array(1024);

/** Term → count as the number of terms, then by ascending term id: id delta, count (non-zero). */
function writeCounts(out: ByteWriter, counts: Map<string, number>, idOf: (t: string) => number): void {
  const ids = new Uint32Array(counts.size);
  let n = 0;
  for (const [t, c] of counts) {
    const id = idOf(t);
    if (id >= scratch.length) {
      const grown = new Float64Array(Math.max(scratch.length * 2, id + 1));
      grown.set(scratch);
      scratch = grown;
    }
    scratch[id] = c;
    ids[n++] = id;
  }
  ids.sort();
  out.varint(n);
  let last = 0;
  for (const id of ids) {
    out.varint(id - last);
    out.varint(scratch[id]!);
    last = id;
  }
}

function readCounts(input: ByteReader, terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  let id = 0;
  for (let n = input.varint(); n > 0; n--) {
    id += input.varint();
    const t = terms[id];
    if (t === undefined) throw new Error(`term ${id} is not in the dictionary`);
    const c = input.varint();
    if (!c || counts.has(t)) throw new Error('a count of 0 or a term twice');
    counts.set(t, c);
  }
  return counts;
}

function decodePayload(payload: Uint8Array, terms: string[]): { trail: string[]; counts: DocumentCounts } {
  const input = new ByteReader(payload, 'category model cache');
  try {
    const trail = Array.from({ length: input.varint() }, () => input.string());
    const counts: DocumentCounts = { head: readCounts(input, terms), body: readCounts(input, terms) };
    if (input.offset !== payload.length) throw new Error('bytes after a document');
    return { trail, counts };
  } catch (error) {
    throw new CorruptCache(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Writes the file: magic, format line, then dictionary, documents and sums, then a SHA-256 of all that
 * precedes it. A megabyte at a time through one reused buffer: one buffer of the whole file (18 MB at
 * 50,000 decisions) made V8 collect a large heap, 0.7 s of a one-edit rebuild.
 */
async function writeState(handle: FileHandle, state: State, format: string): Promise<void> {
  const CHUNK = 1 << 20;
  const out = new ByteWriter(CHUNK + 4096);
  const checksum = createHash('sha256');
  const flush = async (atLeast: number) => {
    if (out.length < atLeast) return;
    const bytes = out.view();
    checksum.update(bytes);
    await handle.write(bytes);
    out.clear();
  };
  out.bytes(Buffer.from(`${MAGIC}${format}\n`));
  out.varint(state.terms.length);
  for (const t of state.terms) {
    out.string(t);
    await flush(CHUNK);
  }
  out.varint(state.docs.size);
  for (const [id, entry] of state.docs) {
    out.string(id);
    out.bytes(Buffer.from(entry.hash, 'latin1'));
    out.varint(entry.payload.length);
    out.bytes(entry.payload);
    await flush(CHUNK);
  }
  out.varint(state.sums.size);
  const idOf = (t: string) => state.termIds.get(t)!;
  for (const [code, { head, body }] of state.sums) {
    out.string(code);
    writeCounts(out, head, idOf);
    writeCounts(out, body, idOf);
    await flush(CHUNK);
  }
  await flush(0);
  await handle.write(checksum.digest());
}

/** The cached state, or undefined for a cache of another code version (silently recomputed); throws on a file that is not ours or does not check. */
function decodeState(bytes: Buffer, format: string): State | undefined {
  if (bytes.length < MAGIC.length + CHECKSUM_BYTES || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a category model cache');
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (
    !createHash('sha256')
      .update(body)
      .digest()
      .equals(bytes.subarray(bytes.length - CHECKSUM_BYTES))
  )
    throw new Error('checksum mismatch');
  const lineEnd = body.indexOf(0x0a, MAGIC.length);
  if (lineEnd < 0) throw new Error('no format line');
  if (body.toString('utf8', MAGIC.length, lineEnd) !== format) return undefined;
  const input = new ByteReader(body.subarray(lineEnd + 1), 'category model cache');
  const terms = Array.from({ length: input.varint() }, () => input.string());
  const termIds = new Map(terms.map((t, i) => [t, i]));
  if (termIds.size !== terms.length) throw new Error('a term twice in the dictionary');
  const docs = new Map<string, DocEntry>();
  for (let n = input.varint(); n > 0; n--) {
    const id = input.string();
    const hash = Buffer.from(input.take(HASH_BYTES)).toString('latin1');
    docs.set(id, { hash, payload: input.take(input.varint()) });
  }
  const sums = new Map<string, CategorySums>();
  for (let n = input.varint(); n > 0; n--) {
    const code = input.string();
    sums.set(code, { head: readCounts(input, terms), body: readCounts(input, terms) });
  }
  if (input.offset !== input.bytes.length) throw new Error('bytes after the sums');
  return { terms, termIds, docs, sums, dirty: false };
}

async function save(file: string, state: State, format: string): Promise<void> {
  if (!state.dirty) return;
  try {
    compactIfNeeded(state);
    await replaceFile(file, (handle) => writeState(handle, state, format));
    state.dirty = false;
  } catch {
    // Not written (or a cached document did not decode while compacting): the next build finds the old file, or none.
  }
}

/**
 * The dictionary only grows while payloads are kept byte for byte; when more than half of it is no longer
 * used by any sum (every counted document's terms are in its trail's sums), re-encode every payload.
 */
function compactIfNeeded(state: State): void {
  const live = new Set<string>();
  for (const { head, body } of state.sums.values()) {
    for (const t of head.keys()) live.add(t);
    for (const t of body.keys()) live.add(t);
  }
  if (state.terms.length <= 2 * live.size + 1024) return;
  const old = state.terms;
  state.terms = [];
  state.termIds = new Map();
  for (const [id, entry] of state.docs) {
    const { trail, counts } = decodePayload(entry.payload, old);
    state.docs.set(id, {
      hash: entry.hash,
      payload: encodePayload(trail, counts, state),
    });
  }
  // Terms of the sums that no payload uses (none when the cache is consistent) still need an id.
  for (const t of live) if (!state.termIds.has(t)) (state.termIds.set(t, state.terms.length), state.terms.push(t));
}
