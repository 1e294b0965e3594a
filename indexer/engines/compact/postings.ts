import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { ByteWriter } from './codec.ts';
import { impact } from './format.ts';

/**
 * Term shards are gzipped at zlib's default level, not 9: at 50,000 documents level 9 took 3.45 s for the
 * 593 shards against 0.73 s, for 0.3 % fewer bytes (12.76 against 12.80 MB; a search fetches a few
 * shards). A patch after one edit regzips about a hundred of them (patch.ts).
 */
const gzipShard = (bytes: Uint8Array): Promise<Uint8Array> => promisify(gzip)(bytes, { level: 6 });

/**
 * The manifest's `avgLength`: the mean record length rounded to a whole number of terms (at least 1), so
 * that an edit of a document rarely moves it, and a patch (patch.ts) need not recompute every impact.
 */
export const avgLength = (totalLength: number, records: number): number => (records ? Math.max(1, Math.round(totalLength / records)) : 1);

/** One term's postings while the index is built: record (in arrival order) and term frequency. */
interface Growing {
  records: Uint32Array;
  tfs: Uint16Array;
  n: number;
}

/**
 * The inverted index in memory: term → postings, in typed arrays (a corpus of 50,000 decisions has tens of
 * millions of postings; JS arrays of objects would need gigabytes). Records arrive in any order; the
 * final record ids (date order) are known only at the end, so postings are re-ordered then.
 */
export class PostingsBuilder {
  /** Postings by term id (TermIds). */
  #byTerm: (Growing | undefined)[] = [];
  readonly #lengths: number[] = [];

  /** Adds one record's term counts (term ids and counts, each term once); returns its arrival number. */
  add(ids: ArrayLike<number>, counts: ArrayLike<number>): number {
    const record = this.#lengths.length;
    let length = 0;
    for (let k = 0; k < ids.length; k++) {
      const tf = counts[k]!;
      length += tf;
      let p = this.#byTerm[ids[k]!];
      if (!p) this.#byTerm[ids[k]!] = p = { records: new Uint32Array(2), tfs: new Uint16Array(2), n: 0 };
      if (p.n === p.records.length) {
        const records = new Uint32Array(p.n * 2);
        records.set(p.records);
        const tfs = new Uint16Array(p.n * 2);
        tfs.set(p.tfs);
        p.records = records;
        p.tfs = tfs;
      }
      p.records[p.n] = record;
      p.tfs[p.n] = Math.min(tf, 0xffff);
      p.n++;
    }
    this.#lengths.push(length);
    return record;
  }

  get records(): number {
    return this.#lengths.length;
  }

  get terms(): number {
    let n = 0;
    for (const p of this.#byTerm) if (p) n++;
    return n;
  }

  /** The record's length in term occurrences (title words counted TITLE_WEIGHT times). */
  lengthOf(record: number): number {
    return this.#lengths[record]!;
  }

  /** BM25's average record length, rounded (`avgLength`): what every impact is computed with. */
  avgLength(): number {
    return avgLength(this.#lengths.reduce((a, b) => a + b, 0), this.#lengths.length);
  }

  /**
   * Every term (`terms[id]` names each id), ascending, encoded as FORMAT.md's term entry with final
   * record ids (`finalId[arrival]`).
   * Each term's memory is released once encoded.
   */
  *encoded(finalId: Uint32Array, terms: readonly string[]): Generator<{ term: string; bytes: Uint8Array }> {
    const avg = this.avgLength();
    const present: number[] = [];
    this.#byTerm.forEach((p, id) => p && present.push(id));
    present.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    for (const id of present) {
      const term = terms[id]!;
      const p = this.#byTerm[id]!;
      this.#byTerm[id] = undefined;
      // id and impact packed in one number so a numeric typed-array sort orders the pairs by id.
      const packed = new Float64Array(p.n);
      for (let i = 0; i < p.n; i++) {
        const arrival = p.records[i]!;
        packed[i] = finalId[arrival]! * 256 + postingImpact(p.tfs[i]!, this.#lengths[arrival]!, avg);
      }
      packed.sort();
      yield { term, bytes: termEntry(term, packed) };
    }
  }
}

/** A posting's impact byte: tf capped as the builder stores it (16 bits). */
export const postingImpact = (tf: number, length: number, avg: number): number => impact(Math.min(tf, 0xffff), length, avg);

/** FORMAT.md's term entry from postings packed as `record · 256 + impact`, ascending. */
export function termEntry(term: string, packed: Float64Array): Uint8Array {
  const records = new Uint32Array(packed.length);
  const impacts = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    records[i] = Math.floor(packed[i]! / 256);
    impacts[i] = packed[i]! % 256;
  }
  return encodeTermEntry(term, records, impacts);
}

/** FORMAT.md's term entry: `records` ascending, `impacts` theirs. */
export function encodeTermEntry(term: string, records: Uint32Array, impacts: Uint8Array): Uint8Array {
  const out = new ByteWriter(records.length * 4 + term.length * 3 + 16).string(term).varint(records.length);
  let previous = 0;
  for (let i = 0; i < records.length; i++) {
    out.varint(records[i]! - previous);
    previous = records[i]!;
  }
  out.bytes(impacts);
  return out.view().slice();
}

/** A term shard file (FORMAT.md): its entries (`termEntry`, ascending by term), counted and gzipped (on zlib's threads). */
export function termShard(entries: readonly Uint8Array[]): Promise<Uint8Array> {
  let size = 8;
  for (const e of entries) size += e.length;
  const out = new ByteWriter(size).varint(entries.length);
  for (const e of entries) out.bytes(e);
  return gzipShard(out.view());
}
