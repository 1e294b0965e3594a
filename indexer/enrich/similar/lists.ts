import type { CandidateIndex } from './candidates.ts';
import type { Changes } from './incremental.ts';
import type { PairScorer } from './scoring.ts';
import type { SimilarState } from './similar-cache.ts';

/**
 * Step 4 of `computeSimilar` (similar.ts): the lists. Scored anew where candidate sets may have changed
 * (placements) or the decision's norms did; patched where its vector or some of its candidates changed
 * (see `patch`, `patchByBound`); else the last build's.
 */

/** How a list is built: taken over from the last build (0), patched, or scored anew. */
const PATCH = 1;
const SCORE = 2;

/** Which lists step 4 may patch or must score anew (`planLists`). */
export interface ListPlan {
  /** Per list: 0 (the last build's), PATCH or SCORE. */
  mode: Uint8Array;
  /** A change too large to bound (new, norms, a vector moved by more than SMALL) may be among its candidates: look at them. */
  slow: Uint8Array;
  /** The most a score moved through a candidate's small vector change. */
  smallDrift: number;
}

/**
 * Step 4a. Which lists a change can reach: every list when candidate sets may have changed; else the
 * lists of changed decisions and of their neighbours in the buckets, and of those, the ones near a
 * change too large to bound (`slow`) — the others can be patched from their members alone.
 */
export function planLists(changes: Changes, placementChanged: boolean, index: CandidateIndex | undefined, maxCandidates: number, boundedDrift: number): ListPlan {
  const { changed, anew, drift } = changes;
  const n = changed.length;
  const mode = new Uint8Array(n);
  const slow = new Uint8Array(n);
  let smallDrift = 0;
  if (placementChanged) mode.fill(SCORE);
  else if (changes.count) {
    const SMALL = boundedDrift;
    const big: number[] = [];
    for (let j = 0; j < n; j++) {
      if (!changed[j]) continue;
      mode[j] = anew[j] ? SCORE : PATCH;
      if (anew[j] || drift[j]! > SMALL) big.push(j);
      else smallDrift = Math.max(smallDrift, drift[j]!);
    }
    // Which lists can hold a changed decision: its neighbours in the buckets (candidates.ts), or all when many changed.
    if (changes.count * 8 > n) mode.forEach((m, i) => (mode[i] = m || PATCH));
    else for (let j = 0; j < n; j++) if (changed[j]) for (const i of index!.near(j, maxCandidates)) mode[i] ||= PATCH;
    if (big.length * 8 > n) slow.fill(1);
    else for (const j of big) for (const i of index!.near(j, maxCandidates)) slow[i] = 1;
  }
  return { mode, slow, smallDrift };
}

/** What step 4b reads. */
export interface ListInputs {
  top: number;
  maxCandidates: number;
  /** Defined unless no decision moved or changed (then every list is the last build's). */
  index: CandidateIndex | undefined;
  old: Int32Array;
  prev: SimilarState | undefined;
  changes: Changes;
  plan: ListPlan;
  scorer: PairScorer;
}

/** Lists (indexes of decisions, best first) and their bounds. */
export interface Lists {
  lists: Int32Array[];
  /**
   * Per list, a score no candidate outside it exceeds (−∞: none outside). A patched list relies on it:
   * the candidates that did not change keep their scores, so they cannot enter a list whose last place
   * scores above it.
   */
  bounds: Float64Array;
  rescored: number;
  patched: number;
}

/** One list and its bound. */
interface Built {
  list: Int32Array;
  bound: number;
}

/**
 * Step 4b. Each list as planned: patched by bound alone where no big change is near, else patched from
 * its changed candidates where it is stale, falling back to scoring anew when a patch cannot be exact;
 * else the last build's.
 */
export function buildLists({ top, maxCandidates, index, old, prev, changes, plan, scorer }: ListInputs): Lists {
  const { changed, drift } = changes;
  const { mode, slow, smallDrift } = plan;
  const n = old.length;
  const lists = new Array<Int32Array>(n);
  const bounds = new Float64Array(n);
  const previousList = previousLists(prev, old);
  const set = (i: number, built: Built) => {
    lists[i] = built.list;
    bounds[i] = built.bound;
  };
  let rescored = 0;
  let patched = 0;
  for (let i = 0; i < n; i++) {
    const p = old[i]!;
    let how = mode[i];
    if (how === PATCH && !slow[i]) {
      const built = patchByBound(scorer, i, [...previousList(p)], prev!.listBounds[p]!, smallDrift, drift[i]!, top);
      if (built) {
        set(i, built);
        patched++;
        continue;
      }
    }
    if (how === PATCH) {
      const candidates = index!.candidates(i, maxCandidates, top * 4);
      const touched = candidates.filter((j) => changed[j]);
      const stale = touched.length > 0 || changed[i];
      if (stale) {
        const built = patch(scorer, i, [...previousList(p)], candidates, touched, prev!.listBounds[p]!, drift[i]!, top);
        if (built) {
          set(i, built);
          patched++;
          continue;
        }
        how = SCORE;
      }
    }
    if (how !== SCORE) {
      set(i, { list: previousList(p), bound: prev!.listBounds[p]! });
      continue;
    }
    rescored++;
    const best = scorer.best(i, index!.candidates(i, maxCandidates, top * 4));
    set(i, { list: best.list, bound: best.outside });
  }
  return { lists, bounds, rescored, patched };
}

/** The list of decision `p` of the last build, with this build's indexes. */
function previousLists(prev: SimilarState | undefined, old: Int32Array): (p: number) => Int32Array {
  let newOf: Int32Array | undefined;
  return (p) => {
    // Same decisions as last build (else every list is scored anew): its list, with this build's indexes.
    if (!newOf) {
      newOf = new Int32Array(prev!.ids.length);
      old.forEach((q, k) => (newOf![q] = k));
    }
    return prev!.listItems.slice(prev!.listOffsets[p]!, prev!.listOffsets[p + 1]!).map((q) => newOf![q]!);
  };
}

/**
 * Patches the list of `i` (last build's: `known`, its bound `lastBound`) from the new scores of its
 * changed candidates (`touched`, of `candidates`) and of its members; undefined when that cannot be
 * exact. The other candidates score as before — or, when the vector of `i` changed, at most `drift`
 * more.
 */
function patch(scorer: PairScorer, i: number, known: number[], candidates: number[], touched: number[], lastBound: number, drift: number, top: number): Built | undefined {
  for (const j of touched) if (!known.includes(j)) known.push(j);
  const scores = scorer.scores(i, known);
  scorer.rank(known, scores);
  const bound = lastBound + drift;
  // The unchanged candidates outside the old list: none of them scores above `bound`.
  const outside = candidates.length - known.length;
  if (outside > 0 && (known.length < top || !(scores.get(known[top - 1]!)! > bound))) return undefined;
  let beyond = outside > 0 ? bound : -Infinity;
  for (const j of known.slice(top)) beyond = Math.max(beyond, scores.get(j)!);
  return { list: Int32Array.from(known.slice(0, top)), bound: beyond };
}

/**
 * Patches the list of `i` (last build's: `members`, its bound `bound`) from the new scores of its members
 * alone, when no big change can be among its candidates: every other candidate then scores at most
 * `smallDrift` (its vector) + `drift` (the list's own) above the bound. Undefined when the last place
 * does not stay above that.
 */
function patchByBound(scorer: PairScorer, i: number, members: number[], bound: number, smallDrift: number, drift: number, top: number): Built | undefined {
  const scores = scorer.scores(i, members);
  scorer.rank(members, scores);
  if (bound === -Infinity) {
    // Every candidate is in the list.
    return { list: Int32Array.from(members), bound };
  }
  const raised = bound + smallDrift + drift;
  if (members.length < top || !(scores.get(members[top - 1]!)! > raised)) return undefined;
  return { list: Int32Array.from(members), bound: raised };
}
