import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, cacheEnabledByDefault, projectRoot, sourceHash } from '../../cache/location.ts';
import { hashOf, replaceFile } from '../../cache/store.ts';

/**
 * The similar decisions of the last build, kept for the next one (similar.ts, `computeSimilar`), so a
 * rebuild after a few edits counts the terms of the changed texts only and re-scores only the lists an
 * edit can reach. The lists never depend on what the cache held (tested against a computation from
 * nothing): it only saves work.
 *
 * What is kept, per decision of the last build, in arrays rather than objects: its id; a hash of its
 * text; its placement (trail and date: they decide candidate sets) and applied norms; its term counts
 * (term ids and counts); its vector; its list (as indexes of decisions). The term ids index one
 * dictionary, kept too.
 *
 * One binary file per content directory under `similar/` of the cache directory (cache/location.ts):
 * a header line naming the format (the version and a hash of the similar/ source, so a code change
 * starts afresh) and the options, then the arrays, then a SHA-256 of all that. A file that is not
 * exactly that — another format, truncated, corrupt — is ignored with one warning, and the lists are
 * computed from nothing. Writes go to a temp file renamed into place.
 */
export const SIMILAR_CACHE_VERSION = 2;

/** Everything one build leaves for the next; arrays indexed by decision (offsets: n + 1 entries). */
export interface SimilarState {
  /** JSON of the options the lists were computed with; another value means nothing is reused. */
  settings: string;
  terms: string[];
  ids: string[];
  /** Per decision, `trail|date`. */
  placements: string[];
  /** Per decision, its applied norms, sorted, without repeats, joined with a line break. */
  norms: string[];
  /** 16 bytes per decision. */
  textHashes: Uint8Array;
  countOffsets: Int32Array;
  countIds: Int32Array;
  countValues: Int32Array;
  vectorOffsets: Int32Array;
  vectorTerms: Int32Array;
  vectorWeights: Float32Array;
  listOffsets: Int32Array;
  /** Indexes into `ids`. */
  listItems: Int32Array;
  /** Per decision, a score that no candidate outside its list exceeds (−∞ when all are in it). */
  listBounds: Float64Array;
}

/** What the last `computeSimilar` with this cache did. */
export interface SimilarStats {
  decisions: number;
  /** Texts whose terms were counted / whose counts came from the cache. */
  countedTexts: number;
  reusedCounts: number;
  /** Vectors computed (a changed text, or a changed IDF of one of its terms that could matter) / taken over. */
  recomputedVectors: number;
  reusedVectors: number;
  /** Lists scored anew / patched (only changed candidates scored) / taken over from the cache. */
  rescoredLists: number;
  patchedLists: number;
  reusedLists: number;
  /** Every list re-scored because candidate sets may have changed (decisions added, removed or moved). */
  full: boolean;
}

export class SimilarCache {
  stats: SimilarStats | undefined;
  private dirty = false;

  private pending: (() => SimilarState) | undefined;

  constructor(
    /** Where `save()` writes; undefined keeps it in memory (tests). */
    readonly file: string | undefined,
    readonly format: string,
    private state: SimilarState | undefined = undefined,
  ) {}

  /** The last build's state when it was computed with these settings. */
  previous(settings: string): SimilarState | undefined {
    const state = this.current();
    return state?.settings === settings ? state : undefined;
  }

  /**
   * This build's state, for the next one (`changed`: whether it differs from what was loaded). Given as
   * a function, it is put together only when needed (by `save()`, or the next build in this process).
   */
  remember(state: SimilarState | (() => SimilarState), changed: boolean): void {
    if (typeof state === 'function') {
      this.pending = state;
      this.state = undefined;
    } else {
      this.pending = undefined;
      this.state = state;
    }
    if (changed) this.dirty = true;
  }

  private current(): SimilarState | undefined {
    if (this.pending) {
      this.state = this.pending();
      this.pending = undefined;
    }
    return this.state;
  }

  /** The state as bytes (see the module comment); undefined when a string would not survive its separator. */
  toBytes(): Buffer | undefined {
    const state = this.current();
    return state ? encode(this.format, state) : undefined;
  }

  /** A cache of `bytes`; bytes that are not a state of `format` give an empty cache and one warning. */
  static fromBytes(bytes: Uint8Array, format: string, file?: string): SimilarCache {
    let state: SimilarState | undefined;
    try {
      state = decode(bytes, format);
    } catch (error) {
      process.emitWarning(`similar cache ${file ?? '(bytes)'} ignored: ${(error as Error).message}`);
    }
    return new SimilarCache(file, format, state);
  }

  /** Writes the state when it changed since `open`; a failure to write is not fatal. */
  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    const bytes = this.toBytes();
    if (!bytes) return;
    try {
      await replaceFile(this.file, bytes);
      this.dirty = false;
    } catch {
      // Not written: the next build finds the old file, or none.
    }
  }
}

export interface SimilarCacheOptions {
  contentDir: string;
  /** Default: on, unless TALDAU_NO_CACHE is set or under a test runner without TALDAU_CACHE_DIR. */
  enabled?: boolean;
  /** Overrides TALDAU_CACHE_DIR and the default directory. */
  dir?: string;
}

/**
 * The code the lists depend on (similar.ts and what it imports): a change to any of it starts afresh.
 * Not the rest of similar/ (the category model), whose edits do not change a list.
 */
const SOURCES = ['candidates.ts', 'incremental.ts', 'lists.ts', 'scoring.ts', 'similar.ts', 'similar-cache.ts', 'terms.ts', 'vectors.ts'];

/** Opens the cache of one content directory; undefined when caching is off or the code is not found. */
export async function openSimilarCache(options: SimilarCacheOptions): Promise<SimilarCache | undefined> {
  if (!(options.enabled ?? cacheEnabledByDefault())) return undefined;
  const root = projectRoot();
  if (!root) return undefined;
  const source = path.join(root, 'indexer', 'enrich', 'similar');
  const dir = options.dir ?? cacheDir(root, 'similar');
  const file = path.join(dir, `${hashOf(path.resolve(options.contentDir)).slice(0, 16)}.similar.bin`);
  const format = `similar/${SIMILAR_CACHE_VERSION}/${await sourceHash(source, SOURCES)}`;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return new SimilarCache(file, format); // no cache yet
  }
  return SimilarCache.fromBytes(bytes, format, file);
}


// ---- The file: MAGIC, u32 header length, header JSON, then the arrays, each at a multiple of 8, then SHA-256 of all before.

const MAGIC = Buffer.from('TALDAU-SIMILAR\n\0', 'latin1');
const SEPARATOR = '\u0000';
const STRINGS = ['terms', 'ids', 'placements', 'norms'] as const;
const ARRAYS = [
  ['textHashes', Uint8Array],
  ['countOffsets', Int32Array],
  ['countIds', Int32Array],
  ['countValues', Int32Array],
  ['vectorOffsets', Int32Array],
  ['vectorTerms', Int32Array],
  ['vectorWeights', Float32Array],
  ['listOffsets', Int32Array],
  ['listItems', Int32Array],
  ['listBounds', Float64Array],
] as const;
/** Written little-endian (the platform's order, checked on reading). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface Header {
  format: string;
  settings: string;
  littleEndian: boolean;
  /** Byte length of each section, strings then arrays. */
  lengths: number[];
}

const pad8 = (n: number) => (n + 7) & ~7;

function encode(format: string, state: SimilarState): Buffer | undefined {
  const sections: Uint8Array[] = [];
  for (const name of STRINGS) {
    if (state[name].some((s) => s.includes(SEPARATOR))) return undefined;
    sections.push(Buffer.from(state[name].join(SEPARATOR), 'utf8'));
  }
  for (const [name] of ARRAYS) {
    const array = state[name];
    sections.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  const header: Header = { format, settings: state.settings, littleEndian: LITTLE_ENDIAN, lengths: sections.map((s) => s.byteLength) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = pad8(MAGIC.length + 4 + headerBytes.length);
  const total = sections.reduce((at, s) => pad8(at + s.byteLength), start);
  // Not zero-filled first: every byte is written below, padding included.
  const out = Buffer.allocUnsafeSlow(total + 32);
  out.fill(0, 0, start);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  let at = start;
  for (const s of sections) {
    out.set(s, at);
    out.fill(0, at + s.byteLength, pad8(at + s.byteLength));
    at = pad8(at + s.byteLength);
  }
  createHash('sha256').update(out.subarray(0, total)).digest().copy(out, total);
  return out;
}

function decode(bytes: Uint8Array, format: string): SimilarState {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => {
    throw new Error(why);
  };
  if (buffer.length < MAGIC.length + 4 + 32 || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) fail('not a similar cache');
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + headerLength > buffer.length) fail('truncated');
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  } catch {
    return fail('unreadable header');
  }
  if (header.format !== format) fail(`format ${String(header.format)}, not ${format}`);
  if (header.littleEndian !== LITTLE_ENDIAN) fail('written with the other byte order');
  const lengths = header.lengths;
  if (!Array.isArray(lengths) || lengths.length !== STRINGS.length + ARRAYS.length || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) fail('bad header');
  const start = pad8(MAGIC.length + 4 + headerLength);
  const total = lengths.reduce((at, n) => pad8(at + n), start);
  if (buffer.length !== total + 32) fail('truncated');
  const digest = createHash('sha256').update(buffer.subarray(0, total)).digest();
  if (!digest.equals(buffer.subarray(total))) fail('checksum mismatch');

  // Typed arrays over the file's bytes, copied once if the buffer is not 8-aligned.
  let base = buffer;
  if (buffer.byteOffset % 8 !== 0) {
    base = Buffer.alloc(buffer.length); // never from the shared pool: offset 0
    buffer.copy(base);
  }
  const state = { settings: header.settings } as SimilarState;
  let at = start;
  lengths.forEach((length, k) => {
    if (k < STRINGS.length) {
      const text = base.toString('utf8', at, at + length);
      state[STRINGS[k]!] = text === '' ? [] : text.split(SEPARATOR);
    } else {
      const [name, Type] = ARRAYS[k - STRINGS.length]!;
      if (length % Type.BYTES_PER_ELEMENT) fail(`bad ${name}`);
      (state as unknown as Record<string, unknown>)[name] = new Type(base.buffer as ArrayBuffer, base.byteOffset + at, length / Type.BYTES_PER_ELEMENT);
    }
    at = pad8(at + length);
  });
  check(state) || fail('inconsistent arrays');
  return state;
}

/** Offsets that cover their arrays, ids that index what they name: nothing read later can run out of bounds. */
function check(s: SimilarState): boolean {
  const n = s.ids.length;
  if (typeof s.settings !== 'string' || s.placements.length !== n || s.norms.length !== n || s.textHashes.length !== n * 16) return false;
  const offsets = (o: Int32Array, length: number) => {
    if (o.length !== n + 1 || o[0] !== 0 || o[n] !== length) return false;
    for (let i = 0; i < n; i++) if (o[i]! > o[i + 1]!) return false;
    return true;
  };
  const below = (a: Int32Array, limit: number) => a.every((x) => x >= 0 && x < limit);
  return (
    offsets(s.countOffsets, s.countIds.length) &&
    s.countValues.length === s.countIds.length &&
    s.countValues.every((c) => c > 0) &&
    below(s.countIds, s.terms.length) &&
    offsets(s.vectorOffsets, s.vectorTerms.length) &&
    s.vectorWeights.length === s.vectorTerms.length &&
    below(s.vectorTerms, s.terms.length) &&
    offsets(s.listOffsets, s.listItems.length) &&
    below(s.listItems, n) &&
    s.listBounds.length === n
  );
}
