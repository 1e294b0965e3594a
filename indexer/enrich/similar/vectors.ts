import { termCounts } from './terms.ts';

/**
 * Compact TF-IDF vectors for comparing many documents: terms are interned to integers, and each
 * vector is its heaviest `limit` terms in term-string order, with unit length. A cosine is then one pass
 * over one vector's terms with the other spread over a dense array (`denseCosine`, what computeSimilar
 * uses) — no Map look-ups, no allocation per pair — and every vector costs ≤ limit·8 bytes whatever the
 * length of the act.
 *
 * Canonical: a vector depends on the terms' strings, counts and document frequencies only, never on the
 * integer ids a dictionary happened to give them (the similar cache keeps its dictionary from build to
 * build, so ids depend on history). Pruning breaks ties by term string, and the terms of a vector (so
 * the order its norm and every cosine are summed in) are in term-string order; the ids only index the
 * dense array.
 */
export interface Vector {
  /** Term ids, in the order of their strings. */
  terms: Int32Array;
  weights: Float32Array;
}

/** The order of term strings: by UTF-16 code units, as `<` compares. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** IDF steps: ln(1 + N/df) is rounded to a multiple of 1/IDF_STEPS. */
const IDF_STEPS = 256;

/**
 * IDF of a term in `df` of `n` documents, ln(1 + n/df), rounded to 1/256. The rounding is what keeps a
 * rebuild after one edit cheap: the edit moves the df of every word it adds or removes by one, and an
 * exact IDF then changes the vector of every decision holding such a word among its heaviest terms — at
 * 50,000 decisions, one added sentence of common words re-scored 34,000 vectors and 49,000 lists (10 s).
 * Rounded, a common word's IDF rarely moves at all (its step is far wider than one df), a rare word's
 * does but few decisions hold it. An IDF step of 0.004 against IDFs of 0.3–11 does not change rankings
 * in any way a reader would see; and the result is still exactly the same however it is computed.
 */
export function idfOf(n: number, df: number): number {
  return Math.round(Math.log(1 + n / df) * IDF_STEPS) / IDF_STEPS;
}

/** The unpruned weight of a term: sublinear TF × IDF. */
export function termWeight(count: number, idf: number): number {
  return (1 + Math.log(count)) * idf;
}

/**
 * The vector of one document from its distinct terms (`ids`, with `counts`): sublinear TF × IDF, pruned
 * to the `limit` heaviest terms (ties: the smaller term string first), in term-string order, unit length.
 * `idf` and `names` (term id → string) are indexed by term id; so is `ranks`, when given: each term's
 * place in the order of all names (`termRanks`), the same order compared faster.
 */
export function vectorOf(ids: Int32Array, counts: Int32Array, idf: Float64Array, names: readonly string[], limit: number, ranks?: Int32Array): Vector {
  const m = ids.length;
  const weights = new Float64Array(m);
  for (let k = 0; k < m; k++) weights[k] = termWeight(counts[k]!, idf[ids[k]!]!);
  const byName = ranks ? (a: number, b: number) => ranks[ids[a]!]! - ranks[ids[b]!]! : (a: number, b: number) => compareTerms(names[ids[a]!]!, names[ids[b]!]!);
  const kept = Array.from({ length: m }, (_, k) => k);
  if (m > limit) {
    kept.sort((a, b) => weights[b]! - weights[a]! || byName(a, b));
    kept.length = limit;
  }
  kept.sort(byName);
  let sum = 0;
  for (const k of kept) sum += weights[k]! * weights[k]!;
  const norm = Math.sqrt(sum) || 1;
  return { terms: Int32Array.from(kept, (k) => ids[k]!), weights: Float32Array.from(kept, (k) => weights[k]! / norm) };
}

/** Per term id, its place among `names` in term-string order (names are distinct). */
export function termRanks(names: readonly string[]): Int32Array {
  const order = Array.from(names.keys()).sort((a, b) => compareTerms(names[a]!, names[b]!));
  const ranks = new Int32Array(names.length);
  order.forEach((id, rank) => (ranks[id] = rank));
  return ranks;
}

/** Term ids for strings, assigned in order of first sight (the ids mean nothing else). */
export class TermDictionary {
  readonly names: string[];
  private readonly ids = new Map<string, number>();

  constructor(names: string[] = []) {
    this.names = names;
    names.forEach((name, id) => this.ids.set(name, id));
  }

  get size(): number {
    return this.names.length;
  }

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /** The distinct terms of a text with their counts, as ids (in order of first appearance). */
  count(text: string): { ids: Int32Array; counts: Int32Array } {
    const counts = termCounts(text);
    const ids = new Int32Array(counts.size);
    const values = new Int32Array(counts.size);
    let i = 0;
    for (const [term, count] of counts) {
      ids[i] = this.id(term);
      values[i++] = count;
    }
    return { ids, counts: values };
  }
}

/** TF-IDF vectors of a set of texts, added one by one (tests and small uses; computeSimilar keeps its own state). */
export class VectorSpace {
  private readonly dictionary = new TermDictionary();
  private pending: { ids: Int32Array; counts: Int32Array }[] = [];

  /** Counts the terms of one more document; returns its index for `vectors()`. */
  add(text: string): number {
    this.pending.push(this.dictionary.count(text));
    return this.pending.length - 1;
  }

  /** The vectors (`vectorOf`), in the order the documents were added. */
  vectors(limit = 64): Vector[] {
    const n = this.pending.length;
    const df = new Int32Array(this.dictionary.size);
    for (const { ids } of this.pending) for (const id of ids) df[id]!++;
    const idf = Float64Array.from(df, (f) => (f ? idfOf(n, f) : 0));
    const ranks = termRanks(this.dictionary.names);
    const out = this.pending.map(({ ids, counts }) => vectorOf(ids, counts, idf, this.dictionary.names, limit, ranks));
    this.pending = [];
    return out;
  }
}

/** Cosine of two unit vectors, summed in b's term order (what `denseCosine` gives, bit for bit). */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (let k = 0; k < b.terms.length; k++) {
    const i = a.terms.indexOf(b.terms[k]!);
    dot += (i < 0 ? 0 : a.weights[i]!) * b.weights[k]!;
  }
  return dot;
}

export { termCounts };

/**
 * `cosine(a, b)` with `a` spread over `dense` by term id (0 elsewhere): one pass over b's terms. The
 * products are summed in b's term-string order, so the result does not depend on the ids.
 */
export function denseCosine(dense: Float32Array, b: Vector): number {
  let dot = 0;
  for (let k = 0; k < b.terms.length; k++) dot += dense[b.terms[k]!]! * b.weights[k]!;
  return dot;
}
