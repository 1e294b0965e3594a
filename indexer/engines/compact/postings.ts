import { ByteWriter } from './codec.ts';
import { impact } from './format.ts';

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

  avgLength(): number {
    return this.#lengths.length ? this.#lengths.reduce((a, b) => a + b, 0) / this.#lengths.length : 1;
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
        packed[i] = finalId[arrival]! * 256 + impact(p.tfs[i]!, this.#lengths[arrival]!, avg);
      }
      packed.sort();
      const out = new ByteWriter().string(term).varint(p.n);
      let previous = 0;
      for (let i = 0; i < p.n; i++) {
        const id = Math.floor(packed[i]! / 256);
        out.varint(id - previous);
        previous = id;
      }
      for (let i = 0; i < p.n; i++) out.byte(packed[i]! % 256);
      yield { term, bytes: out.view().slice() };
    }
  }
}
