import type { KbDocument } from '../../../schemas/kb-document.ts';
import { depth } from './candidates.ts';
import { denseCosine, type Vector } from './vectors.ts';

/**
 * The score of a pair of decisions, and the best candidates of one decision (similar.ts, `computeSimilar`):
 * category closeness + 0.3·(0.7·cosine + 0.3·overlap of applied norms). Everything a pair needs is
 * computed once per decision, so scoring a pair allocates nothing.
 */

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

/**
 * Scores the candidates of one decision's list at a time, against this build's vectors. Holds what is
 * shared between lists: the features of each decision (computed when first needed), the dense array the
 * list's own vector is spread over, and the scratch arrays of the `top` best.
 */
export class PairScorer {
  private readonly features: (Features | undefined)[];
  // The decision's own vector spread over every term id: a candidate's cosine is then one pass over its
  // 64 terms, no merge of two lists (similar decisions at 50,000: 27.6 s → 20.8 s, the same lists).
  private readonly dense: Float32Array;
  private readonly bestIndex: Int32Array;
  private readonly bestScore: Float64Array;

  constructor(
    private readonly decisions: KbDocument[],
    private readonly ids: string[],
    private readonly vectors: Vector[],
    /** Size of the term dictionary (term ids are below it). */
    terms: number,
    private readonly top: number,
  ) {
    this.features = new Array<Features | undefined>(decisions.length);
    this.dense = new Float32Array(terms);
    this.bestIndex = new Int32Array(top);
    this.bestScore = new Float64Array(top);
  }

  /** `a` ranks before `b`: higher score, then the smaller id. */
  before(sa: number, a: number, sb: number, b: number): boolean {
    return sa > sb || (sa === sb && this.ids[a]! < this.ids[b]!);
  }

  /** The new scores of `members` in the list of `i`. */
  scores(i: number, members: number[]): Map<number, number> {
    const own = this.featuresAt(i);
    this.spread(i, true);
    const scores = new Map(members.map((j) => [j, this.scoreOf(own, j)] as const));
    this.spread(i, false);
    return scores;
  }

  /** Sorts `members` best first by their `scores` (`before`). */
  rank(members: number[], scores: Map<number, number>): void {
    members.sort((a, b) => (this.before(scores.get(a)!, a, scores.get(b)!, b) ? -1 : 1));
  }

  /**
   * The list of `i` scored anew: the `top` best of `candidates`, best first, and the best score of the
   * others (−∞: none), the list's bound.
   */
  best(i: number, candidates: number[]): { list: Int32Array; outside: number } {
    const { top, bestIndex, bestScore } = this;
    const own = this.featuresAt(i);
    this.spread(i, true);
    let kept = 0;
    let outside = -Infinity;
    for (const j of candidates) {
      const score = this.scoreOf(own, j);
      // Insertion into the `top` best so far: no array of all scored candidates, no sort.
      if (kept === top && !this.before(score, j, bestScore[top - 1]!, bestIndex[top - 1]!)) {
        outside = Math.max(outside, score);
        continue;
      }
      if (kept === top) outside = Math.max(outside, bestScore[top - 1]!);
      let at = kept < top ? kept++ : top - 1;
      while (at > 0 && this.before(score, j, bestScore[at - 1]!, bestIndex[at - 1]!)) {
        bestScore[at] = bestScore[at - 1]!;
        bestIndex[at] = bestIndex[at - 1]!;
        at--;
      }
      bestScore[at] = score;
      bestIndex[at] = j;
    }
    const list = bestIndex.slice(0, kept);
    this.spread(i, false);
    return { list, outside };
  }

  private featuresAt(i: number): Features {
    return (this.features[i] ??= featuresOf(this.decisions[i]!));
  }

  private spread(i: number, on: boolean): void {
    const mine = this.vectors[i]!;
    for (let k = 0; k < mine.terms.length; k++) this.dense[mine.terms[k]!] = on ? mine.weights[k]! : 0;
  }

  // Category first (levels are ≥ 1/3 apart, content adds < 1/3), then content and applied norms.
  private scoreOf(own: Features, j: number): number {
    const other = this.featuresAt(j);
    return categoryCloseness(own, other) + 0.3 * (0.7 * denseCosine(this.dense, this.vectors[j]!) + 0.3 * jaccard(own.norms, other.norms));
  }
}
