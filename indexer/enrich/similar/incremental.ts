import { createHash } from 'node:crypto';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import type { SimilarCache, SimilarState } from './similar-cache.ts';
import { idfOf, termRanks, termWeight, vectorOf, type TermDictionary, type Vector } from './vectors.ts';

/**
 * Steps 1–3 and 5 of `computeSimilar` (similar.ts), the part that reuses the last build's state
 * (`SimilarState`, similar-cache.ts): term counts, document frequencies and IDF, vectors and how far
 * each moved, and the state left for the next build. Without a previous state every step computes
 * everything (nothing is "the same as last build"), so a build from nothing takes the same path.
 */

/** Per decision, its index in the last build's state, or -1 (`prev` undefined: all -1). */
export function previousIndexes(ids: string[], prev: SimilarState | undefined): Int32Array {
  const old = new Int32Array(ids.length).fill(-1);
  if (prev) {
    const at = new Map(prev.ids.map((id, p) => [id, p] as const));
    ids.forEach((id, i) => (old[i] = at.get(id) ?? -1));
  }
  return old;
}

/** Trail and date: what decides candidate sets. */
export function placementOf(doc: KbDocument): string {
  return `${doc.categoryTrail.join(',')}|${doc.date}`;
}

export function normsOf(doc: KbDocument): string {
  return [...new Set(doc.norms)].sort().join('\n');
}

/** The term counts of every decision (step 1). */
export interface TermCounts {
  /** 16 bytes per decision (`hashText`). */
  textHashes: Uint8Array;
  countIds: Int32Array[];
  countValues: Int32Array[];
  /** 1 where the text is the last build's: its counts were taken over. */
  sameText: Uint8Array;
  /** How many texts were counted. */
  counted: number;
}

/**
 * Step 1. Term counts: the cached ones where the text is the same, else counted — so the terms of an
 * unchanged text are not counted again. New terms are added to `dictionary`.
 */
export function countTerms(decisions: KbDocument[], old: Int32Array, prev: SimilarState | undefined, dictionary: TermDictionary): TermCounts {
  const n = decisions.length;
  const textHashes = new Uint8Array(n * 16);
  const countIds = new Array<Int32Array>(n);
  const countValues = new Array<Int32Array>(n);
  const sameText = new Uint8Array(n);
  let counted = 0;
  decisions.forEach((d, i) => {
    textHashes.set(hashText(d), i * 16);
    const p = old[i]!;
    if (p >= 0 && sameBytes(textHashes, i * 16, prev!.textHashes, p * 16, 16)) {
      sameText[i] = 1;
      countIds[i] = prev!.countIds.subarray(prev!.countOffsets[p]!, prev!.countOffsets[p + 1]!);
      countValues[i] = prev!.countValues.subarray(prev!.countOffsets[p]!, prev!.countOffsets[p + 1]!);
    } else {
      const c = dictionary.count(textOf(d));
      countIds[i] = c.ids;
      countValues[i] = c.counts;
      counted++;
    }
  });
  return { textHashes, countIds, countValues, sameText, counted };
}

function textOf(doc: KbDocument): string {
  return [...Object.values(doc.title), ...doc.keywords, ...Object.values(doc.body)].join('\n');
}

/** 16 bytes of SHA-256 of the decision's text (as UTF-16: no encoding pass), parts separated. */
function hashText(doc: KbDocument): Uint8Array {
  const hash = createHash('sha256');
  for (const part of [...Object.values(doc.title), ...doc.keywords, ...Object.values(doc.body)]) hash.update(part, 'utf16le').update('\u0000\u0001', 'utf16le');
  return hash.digest().subarray(0, 16);
}

function sameBytes(a: Uint8Array, at: number, b: Uint8Array, bt: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[at + k] !== b[bt + k]) return false;
  return true;
}

/** Per term id (step 2). */
export interface TermWeights {
  df: Int32Array;
  idf: Float64Array;
  /** 1 where the IDF differs from the last build's. */
  idfChanged: Uint8Array;
}

/**
 * Step 2. Document frequencies and IDF over all `size` terms of the dictionary; which IDFs differ from
 * the last build's (all of them when N does): only those can make a cached vector stale (step 3).
 */
export function weighTerms(countIds: Int32Array[], size: number, prev: SimilarState | undefined): TermWeights {
  const n = countIds.length;
  const df = new Int32Array(size);
  for (const terms of countIds) for (let k = 0; k < terms.length; k++) df[terms[k]!]!++;
  const idf = new Float64Array(size);
  for (let t = 0; t < size; t++) if (df[t]) idf[t] = idfOf(n, df[t]!);
  const idfChanged = new Uint8Array(size);
  if (prev && prev.ids.length === n) {
    const before = new Int32Array(size);
    const all = prev.countIds;
    for (let k = 0; k < all.length; k++) before[all[k]!]!++;
    // By value: a df that moved by one mostly leaves the (rounded) IDF where it was (vectors.ts, idfOf).
    for (let t = 0; t < size; t++) if (before[t] !== df[t] && (!before[t] || !df[t] || idfOf(n, before[t]!) !== idf[t])) idfChanged[t] = 1;
  } else idfChanged.fill(1);
  return { df, idf, idfChanged };
}

/** Which decisions changed since the last build, and how (step 3); what step 4 decides from. */
export interface Changes {
  /** Its vector or its norms differ from the last build's, or it is new. */
  changed: Uint8Array;
  /** Its norms changed or it is new: its list is scored anew. */
  anew: Uint8Array;
  /** Only its vector changed: by how much any score of its own list can have moved. */
  drift: Float64Array;
  /** How many changed. */
  count: number;
}

/** What step 3 reads. */
export interface VectorInputs {
  old: Int32Array;
  prev: SimilarState | undefined;
  counts: TermCounts;
  weights: TermWeights;
  /** Term id → string (the dictionary's, complete after step 1). */
  names: string[];
  /** Per decision, `normsOf`. */
  norms: string[];
  /** Terms kept per vector. */
  limit: number;
}

/**
 * Step 3. Vectors: the cached one unless its counts are new or a changed IDF can change it
 * (`stillValid`), else computed. Compared with the cached one, each decision's change: none, its
 * norms (or new: its list is scored anew), or only its vector, with a bound on how far its scores moved
 * (its list may then be patched, step 4).
 */
export function updateVectors({ old, prev, counts, weights, names, norms, limit }: VectorInputs): { vectors: Vector[]; recomputed: number; changes: Changes } {
  const { countIds, countValues, sameText } = counts;
  const n = old.length;
  const stamp = new Int32Array(weights.idf.length);
  // Every vector is computed when N changed: then ranks make the ties of pruning and the term order cheaper.
  const ranks = !prev || prev.ids.length !== n ? termRanks(names) : undefined;
  const vectors = new Array<Vector>(n);
  const changes: Changes = { changed: new Uint8Array(n), anew: new Uint8Array(n), drift: new Float64Array(n), count: 0 };
  let recomputed = 0;
  for (let i = 0; i < n; i++) {
    const p = old[i]!;
    const cached = p >= 0 ? cachedVector(prev!, p) : undefined;
    let vector: Vector;
    if (cached && sameText[i] && stillValid(countIds[i]!, countValues[i]!, cached, weights, names, limit, stamp, i + 1)) vector = cached;
    else {
      vector = vectorOf(countIds[i]!, countValues[i]!, weights.idf, names, limit, ranks);
      recomputed++;
    }
    vectors[i] = vector;
    if (!cached || norms[i] !== prev!.norms[p]) {
      changes.changed[i] = 1;
      changes.anew[i] = 1;
      changes.count++;
    } else if (vector !== cached && !sameVector(vector, cached)) {
      changes.changed[i] = 1;
      changes.count++;
      // How far any of its cosines can have moved: ≤ ‖new − old‖ (Cauchy–Schwarz, unit vectors), times
      // 0.3·0.7 in the score, with room for rounding (float32 norms, sums of 64 products).
      changes.drift[i] = 0.21 * distance(vector, cached) * (1 + 1e-6) + 1e-12;
    }
  }
  return { vectors, recomputed, changes };
}

/** The vector of decision `p` of the last build (views of its arrays). */
function cachedVector(prev: SimilarState, p: number): Vector {
  return { terms: prev.vectorTerms.subarray(prev.vectorOffsets[p]!, prev.vectorOffsets[p + 1]!), weights: prev.vectorWeights.subarray(prev.vectorOffsets[p]!, prev.vectorOffsets[p + 1]!) };
}

/**
 * Whether the cached vector `v` of counts (`terms`, `counts`) is still the vector under the new IDF.
 * `stamp` is scratch, one entry per term id; `mark` is distinct per call.
 */
function stillValid(terms: Int32Array, counts: Int32Array, v: Vector, { idf, idfChanged }: TermWeights, names: string[], limit: number, stamp: Int32Array, mark: number): boolean {
  let touched = false;
  for (let k = 0; k < terms.length && !touched; k++) if (idfChanged[terms[k]!]) touched = true;
  if (!touched) return true;
  // Every term kept: a changed IDF changes the weights.
  if (terms.length <= limit) return false;
  for (let k = 0; k < v.terms.length; k++) {
    if (idfChanged[v.terms[k]!]) return false;
    stamp[v.terms[k]!] = mark;
  }
  // The kept terms and their weights are as before; the vector is too if every term whose IDF changed
  // still ranks after the last kept one (heaviest first, ties by the smaller string).
  let lastWeight = Infinity;
  let lastName = '';
  for (let k = 0; k < terms.length; k++) {
    if (stamp[terms[k]!] !== mark) continue;
    const w = termWeight(counts[k]!, idf[terms[k]!]!);
    const name = names[terms[k]!]!;
    if (w < lastWeight || (w === lastWeight && name > lastName)) {
      lastWeight = w;
      lastName = name;
    }
  }
  for (let k = 0; k < terms.length; k++) {
    if (!idfChanged[terms[k]!]) continue;
    const w = termWeight(counts[k]!, idf[terms[k]!]!);
    if (!(w < lastWeight || (w === lastWeight && names[terms[k]!]! > lastName))) return false;
  }
  return true;
}

/** Euclidean distance of two vectors (over the union of their terms). */
function distance(a: Vector, b: Vector): number {
  const weights = new Map<number, number>();
  a.terms.forEach((t, k) => weights.set(t, a.weights[k]!));
  let sum = 0;
  b.terms.forEach((t, k) => {
    const d = (weights.get(t) ?? 0) - b.weights[k]!;
    weights.delete(t);
    sum += d * d;
  });
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}

function sameVector(a: Vector, b: Vector): boolean {
  if (a.terms.length !== b.terms.length) return false;
  for (let k = 0; k < a.terms.length; k++) if (a.terms[k] !== b.terms[k] || a.weights[k] !== b.weights[k]) return false;
  return true;
}

/**
 * Whether candidate sets may have changed since the last build: a decision was added, removed or moved
 * in the classifier or in time (or there is no last build). Then every list is scored anew.
 */
export function placementsMoved(placements: string[], old: Int32Array, prev: SimilarState | undefined): boolean {
  if (!prev || prev.ids.length !== placements.length) return true;
  for (let i = 0; i < placements.length; i++) {
    const p = old[i]!;
    if (p < 0 || placements[i] !== prev.placements[p]) return true;
  }
  return false;
}

/** The arrays of this build the next one reuses. */
export interface StateParts {
  settings: string;
  ids: string[];
  placements: string[];
  norms: string[];
  textHashes: Uint8Array;
  countIds: Int32Array[];
  countValues: Int32Array[];
  vectors: Vector[];
  lists: Int32Array[];
  bounds: Float64Array;
  names: string[];
  df: Int32Array;
}

/** What this build did, for `SimilarCache.stats`. */
export interface BuildWork {
  counted: number;
  recomputed: number;
  rescored: number;
  patched: number;
  placementChanged: boolean;
  changedCount: number;
}

/**
 * Step 5. The new cache state, for the next build — put together only when needed — and what this build
 * reused or computed (`cache.stats`).
 */
export function rememberBuild(cache: SimilarCache, prev: SimilarState | undefined, parts: StateParts, work: BuildWork): void {
  const { counted, recomputed, rescored, patched, placementChanged, changedCount } = work;
  const n = parts.ids.length;
  // Nothing stored differs when no text was counted and every decision kept its place and norms.
  const dirty = !prev || counted > 0 || placementChanged || changedCount > 0;
  if (dirty) cache.remember(() => stateOf(parts), true);
  else cache.remember(prev, false);
  cache.stats = {
    decisions: n,
    countedTexts: counted,
    reusedCounts: n - counted,
    recomputedVectors: recomputed,
    reusedVectors: n - recomputed,
    rescoredLists: rescored,
    patchedLists: patched,
    reusedLists: n - rescored - patched,
    full: placementChanged,
  };
}

/** The arrays of this build for the cache; a dictionary mostly of terms no text has any more is compacted. */
function stateOf(parts: StateParts): SimilarState {
  const { countIds, countValues, vectors, lists, df } = parts;
  const n = parts.ids.length;
  let terms = parts.names;
  let remap: Int32Array | undefined;
  const unused = df.reduce((u, f) => u + (f === 0 ? 1 : 0), 0);
  if (unused > 1000 && unused * 2 > terms.length) {
    remap = new Int32Array(terms.length).fill(-1);
    const kept: string[] = [];
    terms.forEach((name, t) => {
      if (df[t]) {
        remap![t] = kept.length;
        kept.push(name);
      }
    });
    terms = kept;
  }
  const concat = <T extends Int32Array | Float32Array>(make: (length: number) => T, items: T[], offsets: Int32Array, map?: Int32Array): T => {
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + items[i]!.length;
    const out = make(offsets[n]!);
    for (let i = 0; i < n; i++) out.set(items[i]!, offsets[i]!);
    if (map) for (let k = 0; k < out.length; k++) out[k] = map[out[k]!]!;
    return out;
  };
  const countOffsets = new Int32Array(n + 1);
  const vectorOffsets = new Int32Array(n + 1);
  const listOffsets = new Int32Array(n + 1);
  return {
    settings: parts.settings,
    terms: [...terms],
    ids: parts.ids,
    placements: parts.placements,
    norms: parts.norms,
    textHashes: parts.textHashes,
    countOffsets,
    countIds: concat((l) => new Int32Array(l), countIds, countOffsets, remap),
    countValues: concat((l) => new Int32Array(l), countValues, new Int32Array(n + 1)),
    vectorOffsets,
    vectorTerms: concat((l) => new Int32Array(l), vectors.map((v) => v.terms), vectorOffsets, remap),
    vectorWeights: concat((l) => new Float32Array(l), vectors.map((v) => v.weights), new Int32Array(n + 1)),
    listOffsets,
    listItems: concat((l) => new Int32Array(l), lists, listOffsets),
    listBounds: parts.bounds,
  };
}
