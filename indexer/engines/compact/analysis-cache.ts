import { readFile } from 'node:fs/promises';
import { replaceFile } from '../../cache/store.ts';
import { ByteReader, ByteWriter } from './codec.ts';
import { TermIds, type NumberedAnalysis } from './term-ids.ts';

const MAGIC = 'taldau-compact-analysis';

/**
 * The compact writer's per-document work (Markdown → text, words → stems, the fragment's gzip) kept between
 * builds, keyed by a hash of what that work reads: a rebuild after one changed document redoes one
 * document's analysis and only merges the rest.
 *
 * One binary file: a term dictionary, then per document its key, fragment bytes and (term id, count)
 * pairs. The dictionary only grows (new terms are appended), so a reused entry's bytes are copied as
 * they are. A file of another code version, or one that does not parse, is ignored whole (all misses).
 * The dictionary is the build's TermIds (`termIds`): a stored entry's term ids are the build's, so
 * reading it back makes no strings at all.
 */
export class AnalysisCache {
  hits = 0;
  misses = 0;
  /** The dictionary: the file's terms first, in its order, then this build's new ones. */
  readonly termIds = new TermIds();
  /** Entries of the file read at open: key → encoded entry body. */
  readonly #stored = new Map<string, Uint8Array>();
  /** Entries this build used, encoded against the (grown) dictionary, in use order. */
  readonly #used = new Map<string, Uint8Array>();

  private constructor(
    readonly file: string,
    readonly version: string,
  ) {}

  static async open(file: string, version: string): Promise<AnalysisCache> {
    const cache = new AnalysisCache(file, version);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      return cache;
    }
    try {
      const r = new ByteReader(bytes, file);
      if (r.string() !== MAGIC || r.string() !== version) return cache;
      for (let n = r.varint(); n > 0; n--) cache.termIds.id(r.string());
      for (let n = r.varint(); n > 0; n--) {
        const key = r.string();
        cache.#stored.set(key, r.take(r.varint()));
      }
    } catch {
      // A damaged file: start over rather than trust part of it.
      cache.#stored.clear();
    }
    return cache;
  }

  /** The analysis stored under `key` (remembered for `save()`), or undefined: compute it and `put()` it. */
  get(key: string): NumberedAnalysis | undefined {
    const stored = this.#used.get(key) ?? this.#stored.get(key);
    if (!stored) return undefined;
    try {
      const analysis = this.#decode(stored);
      this.hits++;
      this.#used.set(key, stored);
      return analysis;
    } catch {
      return undefined; // recomputed
    }
  }

  /**
   * The analysis stored under `key`, not kept for `save()`: what a patch reads of a changed document's
   * previous analysis (its old terms), which the next build no longer needs.
   */
  peek(key: string): NumberedAnalysis | undefined {
    const stored = this.#used.get(key) ?? this.#stored.get(key);
    if (!stored) return undefined;
    try {
      return this.#decode(stored);
    } catch {
      return undefined;
    }
  }

  /** Keeps the entry under `key` for `save()` without decoding it (a patch's unchanged documents); false if there is none. */
  keep(key: string): boolean {
    if (this.#used.has(key)) return true;
    const stored = this.#stored.get(key);
    if (!stored) return false;
    this.#used.set(key, stored);
    return true;
  }

  /** A new analysis, kept for the next build. */
  put(key: string, analysis: NumberedAnalysis): void {
    this.misses++;
    this.#used.set(key, this.#encode(analysis));
  }

  /** Writes the entries this build used (temp file renamed into place); a failure to write is not fatal. */
  async save(): Promise<void> {
    if (this.misses === 0 && this.#used.size === this.#stored.size) return;
    const terms = this.termIds.terms;
    const head = new ByteWriter().string(MAGIC).string(this.version).varint(terms.length);
    for (const t of terms) head.string(t);
    head.varint(this.#used.size);
    // Sized at once (keys are hex, a varint is at most 8 bytes here): 100+ MB are copied once, not regrown.
    let size = head.view().length;
    for (const [key, body] of this.#used) size += key.length + body.length + 16;
    const out = new ByteWriter(size).bytes(head.view());
    for (const [key, body] of this.#used) out.string(key).varint(body.length).bytes(body);
    await replaceFile(this.file, out.view()).catch(() => undefined);
  }

  #encode({ fragment, ids, counts }: NumberedAnalysis): Uint8Array {
    const out = new ByteWriter().varint(fragment.length).bytes(fragment).varint(ids.length);
    for (let k = 0; k < ids.length; k++) out.varint(ids[k]!).varint(counts[k]!);
    return out.view().slice();
  }

  #decode(body: Uint8Array): NumberedAnalysis {
    const r = new ByteReader(body, this.file);
    const fragment = r.take(r.varint());
    const n = r.varint();
    const ids = new Uint32Array(n);
    const counts = new Uint32Array(n);
    const known = this.termIds.terms.length;
    for (let k = 0; k < n; k++) {
      const id = r.varint();
      if (id >= known) throw new Error(`${this.file}: a term id past the dictionary`);
      ids[k] = id;
      counts[k] = r.varint();
    }
    return { fragment, ids, counts };
  }
}
