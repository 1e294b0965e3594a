import type { KbDocument } from '../../../schemas/kb-document.ts';
import { CandidateIndex } from './candidates.ts';
import { countTerms, normsOf, placementOf, placementsMoved, previousIndexes, rememberBuild, updateVectors, weighTerms } from './incremental.ts';
import { buildLists, planLists } from './lists.ts';
import { PairScorer } from './scoring.ts';
import type { SimilarCache } from './similar-cache.ts';
import { TermDictionary } from './vectors.ts';

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

/**
 * The algorithm, one step per function: steps 1–3 and 5 in incremental.ts, step 4 in lists.ts, the
 * score of a pair in scoring.ts. Without a cache (or with nothing reusable in it) every step computes
 * everything.
 */
export function computeSimilar(documents: KbDocument[], options: SimilarOptions = {}, cache?: SimilarCache): Map<string, string[]> {
  const top = options.top ?? 5;
  const maxCandidates = options.maxCandidates ?? 200;
  const limit = options.terms ?? 64;
  const settings = JSON.stringify({ top, maxCandidates, terms: limit });
  const decisions = documents.filter((d) => d.kind === 'decision');
  const ids = decisions.map((d) => d.id);
  // Repeated ids (no valid knowledge base has them) would make "the same decision" ambiguous: nothing is reused then.
  const prev = cache && new Set(ids).size === ids.length ? cache.previous(settings) : undefined;
  const old = previousIndexes(ids, prev);
  const dictionary = new TermDictionary(prev ? [...prev.terms] : []);
  const placements = decisions.map(placementOf);
  const norms = decisions.map(normsOf);

  // 1. Term counts: the cached ones where the text is the same, else counted.
  const counts = countTerms(decisions, old, prev, dictionary);
  // 2. Document frequencies and IDF; which IDFs differ from the last build's (all of them when N does).
  const weights = weighTerms(counts.countIds, dictionary.size, prev);
  // 3. Vectors: the cached one unless its counts are new or a changed IDF can change it; what changed, by how much.
  const { vectors, recomputed, changes } = updateVectors({ old, prev, counts, weights, names: dictionary.names, norms, limit });
  const placementChanged = placementsMoved(placements, old, prev);

  // 4. Lists: scored anew, patched or the last build's, as far as the changes can reach.
  const index = placementChanged || changes.count ? new CandidateIndex(decisions.map((d) => ({ trail: d.categoryTrail, date: d.date, id: d.id }))) : undefined;
  const plan = planLists(changes, placementChanged, index, maxCandidates, options.boundedDrift ?? 1e-4);
  const scorer = new PairScorer(decisions, ids, vectors, dictionary.size, top);
  const { lists, bounds, rescored, patched } = buildLists({ top, maxCandidates, index, old, prev, changes, plan, scorer });

  const result = new Map<string, string[]>();
  ids.forEach((id, i) => result.set(id, Array.from(lists[i]!, (j) => ids[j]!)));

  // 5. The state for the next build, and what this one reused.
  if (cache) {
    const { textHashes, countIds, countValues, counted } = counts;
    const parts = { settings, ids, placements, norms, textHashes, countIds, countValues, vectors, lists, bounds, names: dictionary.names, df: weights.df };
    rememberBuild(cache, prev, parts, { counted, recomputed, rescored, patched, placementChanged, changedCount: changes.count });
  }
  return result;
}
