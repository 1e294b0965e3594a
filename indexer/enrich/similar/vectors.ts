import { termCounts } from './terms.ts';

/**
 * Compact TF-IDF vectors for comparing many documents: terms are interned to integers, and each
 * vector is its heaviest `limit` terms sorted by term id, with unit length. A cosine is then one merge
 * of two short sorted arrays (`cosine`), or one pass over one of them when the other is spread over a
 * dense array (`denseCosine`, what computeSimilar uses) — no Map look-ups, no allocation per pair — and
 * every vector costs ≤ limit·8 bytes whatever the length of the act.
 */
export interface Vector {
  terms: Int32Array;
  weights: Float32Array;
}

/** Term counts of one document with interned term ids, kept only until the vectors are built. */
interface Counts {
  ids: Int32Array;
  counts: Int32Array;
}

export class VectorSpace {
  private readonly ids = new Map<string, number>();
  /** Document frequency per term id. */
  private readonly df: number[] = [];
  private pending: Counts[] = [];

  /** Counts the terms of one more document; returns its index for `vectors()`. */
  add(text: string): number {
    const counts = termCounts(text);
    const ids = new Int32Array(counts.size);
    const values = new Int32Array(counts.size);
    let i = 0;
    for (const [term, count] of counts) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.df.length;
        this.ids.set(term, id);
        this.df.push(0);
      }
      this.df[id]! += 1;
      ids[i] = id;
      values[i++] = count;
    }
    this.pending.push({ ids, counts: values });
    return this.pending.length - 1;
  }

  /**
   * Sublinear TF × IDF (IDF = ln(1 + N / df)), pruned to the `limit` heaviest terms, in the order the
   * documents were added. The counts are dropped afterwards: only the vectors stay in memory.
   */
  vectors(limit = 64): Vector[] {
    const n = this.pending.length;
    const idf = Float64Array.from(this.df, (df) => Math.log(1 + n / df));
    const out = this.pending.map(({ ids, counts }) => {
      const order = Array.from(ids.keys());
      const weight = (k: number) => (1 + Math.log(counts[k]!)) * idf[ids[k]!]!;
      const weights = Float64Array.from(order, weight);
      // Heaviest first, ties by term id, so pruning is deterministic.
      order.sort((a, b) => weights[b]! - weights[a]! || ids[a]! - ids[b]!);
      const kept = order.slice(0, limit).sort((a, b) => ids[a]! - ids[b]!);
      const norm = Math.sqrt(kept.reduce((s, k) => s + weights[k]! * weights[k]!, 0)) || 1;
      return { terms: Int32Array.from(kept, (k) => ids[k]!), weights: Float32Array.from(kept, (k) => weights[k]! / norm) };
    });
    this.pending = [];
    this.ids.clear();
    return out;
  }
}

/** Cosine of two unit vectors: a merge over their sorted term ids. */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

export { termCounts };

/**
 * `cosine(a, b)` with `a` spread over `dense` by term id (0 elsewhere): one pass over b's terms instead
 * of a merge. The same products, summed in the same order — a term `a` lacks adds +0 — so the result
 * is the merge's bit for bit.
 */
export function denseCosine(dense: Float32Array, b: Vector): number {
  let dot = 0;
  for (let k = 0; k < b.terms.length; k++) dot += dense[b.terms[k]!]! * b.weights[k]!;
  return dot;
}
