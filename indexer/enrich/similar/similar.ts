import { createHash } from 'node:crypto';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { CandidateIndex, depth } from './candidates.ts';
import type { SimilarCache, SimilarState } from './similar-cache.ts';
import { denseCosine, idfOf, TermDictionary, termRanks, termWeight, vectorOf, type Vector } from './vectors.ts';

/**
 * The most similar other decisions of each decision, best first.
 *
 * Candidates come from the decision's own category bucket, nearest in date first, widened one
 * classifier level at a time (leaf → parent → … → branch) until there are enough, and capped
 * (candidates.ts), so the work is O(n·k) rather than all pairs: at 50,000 decisions each one is
 * compared with a bounded neighbourhood, never with all.
 * Score = category closeness (shared depth of the classifier trail, 0..1) + 0.3·(0.7·cosine of the
 * TF-IDF of the masked text + 0.3·overlap of applied norms): the same category first, then neighbouring
 * ones, and within a level the closest in content and norms. A decision in both languages is compared
 * on both texts. Everything a pair needs is computed once per decision (vectors of the 64 heaviest
 * terms, trail depths, norm sets), so scoring a pair allocates nothing.
 *
 * Incremental with a `SimilarCache` (similar-cache.ts): the terms of an unchanged text are not counted
 * again; a vector is recomputed only where its counts changed or the IDF of one of its terms changed in
 * a way that can matter; a list is scored anew where the decision's norms changed — or every list,
 * when a decision was added, removed or moved in the classifier or in time (candidate sets may then
 * change); a list whose vector or candidates changed is patched from the new scores of its members and
 * changed candidates when a bound kept per list (plus how far its own vector moved) shows that no other
 * candidate can enter it, else scored anew. Everything else is the last build's. The
 * lists are the same as from nothing whatever the cache held: every choice is made in an order of
 * strings (ids, term strings), never of the ids a dictionary assigned (vectors.ts).
 */
export interface SimilarOptions {
  /** How many to keep per decision (default 5). */
  top?: number;
  /** Most candidates compared per decision (default 200). */
  maxCandidates?: number;
  /** Terms kept per TF-IDF vector (default 64). */
  terms?: number;
  /**
   * With a cache: the largest move of a vector that a patched list bounds rather than looking at its
   * candidates (default 1e-4). Only the work depends on it, never the lists (tested).
   */
  boundedDrift?: number;
}

function textOf(doc: KbDocument): string {
  return [...Object.values(doc.title), ...doc.keywords, ...Object.values(doc.body)].join('\n');
}

/** What scoring a pair needs of one decision, computed once. */
interface Features {
  /** Trail code → its depth (U = 1, U.13 = 2, U.13.188 = 3). */
  trail: Map<string, number>;
  maxDepth: number;
  norms: Set<string>;
}

function featuresOf(doc: KbDocument): Features {
  const trail = new Map(doc.categoryTrail.map((c) => [c, depth(c)] as const));
  return { trail, maxDepth: Math.max(1, ...trail.values()), norms: new Set(doc.norms) };
}

/** Deepest shared classifier level over the deeper of the two trails, 0..1. */
function categoryCloseness(a: Features, b: Features): number {
  let deepest = 0;
  for (const [code, d] of a.trail) if (d > deepest && b.trail.has(code)) deepest = d;
  return deepest / Math.max(a.maxDepth, b.maxDepth);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function computeSimilar(documents: KbDocument[], options: SimilarOptions = {}, cache?: SimilarCache): Map<string, string[]> {
  const top = options.top ?? 5;
  const maxCandidates = options.maxCandidates ?? 200;
  const limit = options.terms ?? 64;
  const settings = JSON.stringify({ top, maxCandidates, terms: limit });
  const decisions = documents.filter((d) => d.kind === 'decision');
  const n = decisions.length;
  const ids = decisions.map((d) => d.id);
  // Repeated ids (no valid knowledge base has them) would make "the same decision" ambiguous: nothing is reused then.
  const prev = cache && new Set(ids).size === n ? cache.previous(settings) : undefined;
  const prevN = prev ? prev.ids.length : 0;
  /** Per decision, its index in the last build's state, or -1. */
  const old = new Int32Array(n).fill(-1);
  if (prev) {
    const at = new Map(prev.ids.map((id, p) => [id, p] as const));
    ids.forEach((id, i) => (old[i] = at.get(id) ?? -1));
  }
  const dictionary = new TermDictionary(prev ? [...prev.terms] : []);
  const names = dictionary.names;

  // 1. Term counts: the cached ones where the text is the same, else counted.
  const textHashes = new Uint8Array(n * 16);
  const placements = decisions.map(placementOf);
  const norms = decisions.map(normsOf);
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

  // 2. Document frequencies and IDF; which IDFs differ from the last build's (all of them when N does).
  const size = dictionary.size;
  const df = new Int32Array(size);
  for (const terms of countIds) for (let k = 0; k < terms.length; k++) df[terms[k]!]!++;
  const idf = new Float64Array(size);
  for (let t = 0; t < size; t++) if (df[t]) idf[t] = idfOf(n, df[t]!);
  const idfChanged = new Uint8Array(size);
  if (prev && prevN === n) {
    const before = new Int32Array(size);
    const all = prev.countIds;
    for (let k = 0; k < all.length; k++) before[all[k]!]!++;
    // By value: a df that moved by one mostly leaves the (rounded) IDF where it was (vectors.ts, idfOf).
    for (let t = 0; t < size; t++) if (before[t] !== df[t] && (!before[t] || !df[t] || idfOf(n, before[t]!) !== idf[t])) idfChanged[t] = 1;
  } else idfChanged.fill(1);

  // 3. Vectors: the cached one unless its counts are new or a changed IDF can change it.
  const stamp = new Int32Array(size);
  /** Whether the cached vector `v` of counts (`terms`, `counts`) is still the vector under the new IDF. */
  const stillValid = (terms: Int32Array, counts: Int32Array, v: Vector, mark: number): boolean => {
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
  };
  // Every vector is computed when N changed: then ranks make the ties of pruning and the term order cheaper.
  const ranks = !prev || prevN !== n ? termRanks(names) : undefined;
  const vectors = new Array<Vector>(n);
  /** Its vector or its norms differ from the last build's, or it is new. */
  const changed = new Uint8Array(n);
  /** Its norms changed or it is new: its list is scored anew. */
  const anew = new Uint8Array(n);
  /** Only its vector changed: by how much any score of its own list can have moved. */
  const drift = new Float64Array(n);
  let recomputed = 0;
  let changedCount = 0;
  let placementChanged = !prev || prevN !== n;
  for (let i = 0; i < n; i++) {
    const p = old[i]!;
    const cached = p >= 0 ? { terms: prev!.vectorTerms.subarray(prev!.vectorOffsets[p]!, prev!.vectorOffsets[p + 1]!), weights: prev!.vectorWeights.subarray(prev!.vectorOffsets[p]!, prev!.vectorOffsets[p + 1]!) } : undefined;
    let vector: Vector;
    if (cached && sameText[i] && stillValid(countIds[i]!, countValues[i]!, cached, i + 1)) vector = cached;
    else {
      vector = vectorOf(countIds[i]!, countValues[i]!, idf, names, limit, ranks);
      recomputed++;
    }
    vectors[i] = vector;
    if (p < 0 || placements[i] !== prev!.placements[p]) placementChanged = true;
    if (!cached || norms[i] !== prev!.norms[p]) {
      changed[i] = 1;
      anew[i] = 1;
      changedCount++;
    } else if (vector !== cached && !sameVector(vector, cached)) {
      changed[i] = 1;
      changedCount++;
      // How far any of its cosines can have moved: ≤ ‖new − old‖ (Cauchy–Schwarz, unit vectors), times
      // 0.3·0.7 in the score, with room for rounding (float32 norms, sums of 64 products).
      drift[i] = 0.21 * distance(vector, cached) * (1 + 1e-6) + 1e-12;
    }
  }

  // 4. Lists. Scored anew where candidate sets may have changed (placements) or the decision's norms
  // did; patched where its vector or some of its candidates changed (see `patch`, `patchByBound`); else
  // the last build's.
  const index = placementChanged || changedCount ? new CandidateIndex(decisions.map((d) => ({ trail: d.categoryTrail, date: d.date, id: d.id }))) : undefined;
  const SCORE = 2;
  const PATCH = 1;
  const mode = new Uint8Array(n);
  /** A change too large to bound (new, norms, a vector moved by more than SMALL) may be among its candidates: look at them. */
  const slow = new Uint8Array(n);
  /** The most a score moved through a candidate's small vector change. */
  let smallDrift = 0;
  if (placementChanged) mode.fill(SCORE);
  else if (changedCount) {
    const SMALL = options.boundedDrift ?? 1e-4;
    const big: number[] = [];
    for (let j = 0; j < n; j++) {
      if (!changed[j]) continue;
      mode[j] = anew[j] ? SCORE : PATCH;
      if (anew[j] || drift[j]! > SMALL) big.push(j);
      else smallDrift = Math.max(smallDrift, drift[j]!);
    }
    // Which lists can hold a changed decision: its neighbours in the buckets (candidates.ts), or all when many changed.
    if (changedCount * 8 > n) mode.forEach((m, i) => (mode[i] = m || PATCH));
    else for (let j = 0; j < n; j++) if (changed[j]) for (const i of index!.near(j, maxCandidates)) mode[i] ||= PATCH;
    if (big.length * 8 > n) slow.fill(1);
    else for (const j of big) for (const i of index!.near(j, maxCandidates)) slow[i] = 1;
  }

  const features = new Array<Features | undefined>(n);
  const featuresAt = (i: number) => (features[i] ??= featuresOf(decisions[i]!));
  const lists = new Array<Int32Array>(n);
  /**
   * Per list, a score no candidate outside it exceeds (−∞: none outside). A patched list relies on it:
   * the candidates that did not change keep their scores, so they cannot enter a list whose last place
   * scores above it.
   */
  const bounds = new Float64Array(n);
  const bestIndex = new Int32Array(top);
  const bestScore = new Float64Array(top);
  // `a` ranks before `b`: higher score, then the smaller id.
  const before = (sa: number, a: number, sb: number, b: number) => sa > sb || (sa === sb && ids[a]! < ids[b]!);
  // The decision's own vector spread over every term id: a candidate's cosine is then one pass over its
  // 64 terms, no merge of two lists (similar decisions at 50,000: 27.6 s → 20.8 s, the same lists).
  const dense = new Float32Array(size);
  const spread = (i: number, on: boolean) => {
    const mine = vectors[i]!;
    for (let k = 0; k < mine.terms.length; k++) dense[mine.terms[k]!] = on ? mine.weights[k]! : 0;
  };
  // Category first (levels are ≥ 1/3 apart, content adds < 1/3), then content and applied norms.
  const scoreOf = (own: Features, j: number) => {
    const other = featuresAt(j);
    return categoryCloseness(own, other) + 0.3 * (0.7 * denseCosine(dense, vectors[j]!) + 0.3 * jaccard(own.norms, other.norms));
  };
  let newOf: Int32Array | undefined;
  const previousList = (p: number) => {
    // Same decisions as last build (else every list is scored anew): its list, with this build's indexes.
    if (!newOf) {
      newOf = new Int32Array(prevN);
      old.forEach((q, k) => (newOf![q] = k));
    }
    return prev!.listItems.slice(prev!.listOffsets[p]!, prev!.listOffsets[p + 1]!).map((q) => newOf![q]!);
  };

  /**
   * Patches the list of `i` from the new scores of its changed candidates and of its members; false when
   * that cannot be exact. The other candidates score as before — or, when the vector of `i` changed, at
   * most `drift[i]` more.
   */
  const patch = (i: number, candidates: number[], touched: number[]): boolean => {
    const p = old[i]!;
    const known = [...previousList(p)];
    for (const j of touched) if (!known.includes(j)) known.push(j);
    const own = featuresAt(i);
    spread(i, true);
    const scores = new Map(known.map((j) => [j, scoreOf(own, j)] as const));
    spread(i, false);
    known.sort((a, b) => (before(scores.get(a)!, a, scores.get(b)!, b) ? -1 : 1));
    const bound = prev!.listBounds[p]! + drift[i]!;
    // The unchanged candidates outside the old list: none of them scores above `bound`.
    const outside = candidates.length - known.length;
    if (outside > 0 && (known.length < top || !(scores.get(known[top - 1]!)! > bound))) return false;
    lists[i] = Int32Array.from(known.slice(0, top));
    let beyond = outside > 0 ? bound : -Infinity;
    for (const j of known.slice(top)) beyond = Math.max(beyond, scores.get(j)!);
    bounds[i] = beyond;
    return true;
  };

  /**
   * Patches the list of `i` from the new scores of its members alone, when no big change can be among
   * its candidates: every other candidate then scores at most `smallDrift` (its vector) + `drift[i]` (the
   * list's own) above the bound. False when the last place does not stay above that.
   */
  const patchByBound = (i: number): boolean => {
    const p = old[i]!;
    const members = [...previousList(p)];
    const own = featuresAt(i);
    spread(i, true);
    const scores = new Map(members.map((j) => [j, scoreOf(own, j)] as const));
    spread(i, false);
    members.sort((a, b) => (before(scores.get(a)!, a, scores.get(b)!, b) ? -1 : 1));
    const bound = prev!.listBounds[p]!;
    if (bound === -Infinity) {
      // Every candidate is in the list.
      lists[i] = Int32Array.from(members);
      bounds[i] = bound;
      return true;
    }
    const raised = bound + smallDrift + drift[i]!;
    if (members.length < top || !(scores.get(members[top - 1]!)! > raised)) return false;
    lists[i] = Int32Array.from(members);
    bounds[i] = raised;
    return true;
  };

  let rescored = 0;
  let patched = 0;
  for (let i = 0; i < n; i++) {
    if (mode[i] === PATCH && !slow[i] && patchByBound(i)) {
      patched++;
      continue;
    }
    if (mode[i] === PATCH) {
      const candidates = index!.candidates(i, maxCandidates, top * 4);
      const touched = candidates.filter((j) => changed[j]);
      const stale = touched.length > 0 || changed[i];
      if (stale && patch(i, candidates, touched)) {
        patched++;
        continue;
      }
      if (stale) mode[i] = SCORE;
    }
    if (mode[i] !== SCORE) {
      const p = old[i]!;
      lists[i] = previousList(p);
      bounds[i] = prev!.listBounds[p]!;
      continue;
    }
    rescored++;
    const own = featuresAt(i);
    spread(i, true);
    let kept = 0;
    let outside = -Infinity;
    for (const j of index!.candidates(i, maxCandidates, top * 4)) {
      const score = scoreOf(own, j);
      // Insertion into the `top` best so far: no array of all scored candidates, no sort.
      if (kept === top && !before(score, j, bestScore[top - 1]!, bestIndex[top - 1]!)) {
        outside = Math.max(outside, score);
        continue;
      }
      if (kept === top) outside = Math.max(outside, bestScore[top - 1]!);
      let at = kept < top ? kept++ : top - 1;
      while (at > 0 && before(score, j, bestScore[at - 1]!, bestIndex[at - 1]!)) {
        bestScore[at] = bestScore[at - 1]!;
        bestIndex[at] = bestIndex[at - 1]!;
        at--;
      }
      bestScore[at] = score;
      bestIndex[at] = j;
    }
    lists[i] = bestIndex.slice(0, kept);
    bounds[i] = outside;
    spread(i, false);
  }

  const result = new Map<string, string[]>();
  for (let i = 0; i < n; i++) result.set(ids[i]!, Array.from(lists[i]!, (j) => ids[j]!));

  if (cache) {
    // Nothing stored differs when no text was counted and every decision kept its place and norms.
    const dirty = !prev || counted > 0 || placementChanged || changedCount > 0;
    if (dirty) cache.remember(() => stateOf({ settings, ids, placements, norms, textHashes, countIds, countValues, vectors, lists, bounds, names, df }), true);
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
  return result;
}

/** Trail and date: what decides candidate sets. */
function placementOf(doc: KbDocument): string {
  return `${doc.categoryTrail.join(',')}|${doc.date}`;
}

function normsOf(doc: KbDocument): string {
  return [...new Set(doc.norms)].sort().join('\n');
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

interface StateParts {
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
