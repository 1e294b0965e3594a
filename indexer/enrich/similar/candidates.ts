/**
 * Bounded, deterministic candidate sets for similar decisions.
 *
 * Every decision sits in one bucket per node of its classifier trail (U, U.13, U.13.188), each bucket
 * sorted by date then id. A decision's candidates are taken from its deepest bucket first, nearest in
 * date outward from its own place (one earlier, one later, …), then from the parent bucket if the leaf
 * gave fewer than `enough`, and so on up to the branch — never more than `max` in all. So the work per
 * decision is O(max) however large the head categories of the corpus are (a Zipf corpus puts thousands
 * of decisions in a few leaves), and the same input always gives the same candidates.
 */
export interface Placed {
  /** Classifier trail: every code from the branch down to the categories of the decision. */
  trail: readonly string[];
  date: string;
  id: string;
}

export class CandidateIndex {
  private readonly buckets = new Map<string, number[]>();
  /** Per decision: its trail codes, deepest first. */
  private readonly levels: string[][];
  /** Per decision: its position in the bucket of each of its `levels`. */
  private readonly positions: Int32Array[];

  constructor(private readonly items: readonly Placed[]) {
    this.levels = items.map((item) => [...new Set(item.trail)].sort((a, b) => depth(b) - depth(a) || compare(a, b)));
    this.positions = this.levels.map((codes) => new Int32Array(codes.length));
    // One sort by date then id, then every bucket filled in that order: each is sorted already.
    const order = Array.from(items.keys()).sort((a, b) => compare(items[a]!.date, items[b]!.date) || compare(items[a]!.id, items[b]!.id));
    for (const i of order) {
      const codes = this.levels[i]!;
      for (let k = 0; k < codes.length; k++) {
        let bucket = this.buckets.get(codes[k]!);
        if (!bucket) this.buckets.set(codes[k]!, (bucket = []));
        this.positions[i]![k] = bucket.length;
        bucket.push(i);
      }
    }
    this.marks = new Int32Array(items.length);
  }

  /** Stamp per decision: equal to `stamp` when taken in the current `candidates()` call (no Set per call). */
  private readonly marks: Int32Array;
  private stamp = 0;

  /** Indexes of the candidates of decision `i`, at most `max`, widening while fewer than `enough`. */
  candidates(i: number, max: number, enough: number): number[] {
    const stamp = ++this.stamp;
    this.marks[i] = stamp;
    const out: number[] = [];
    const codes = this.levels[i]!;
    for (let level = 0; level < codes.length; level++) {
      const bucket = this.buckets.get(codes[level]!)!;
      const at = this.positions[i]![level]!;
      const take = (k: number) => {
        if (k < 0 || k >= bucket.length || out.length >= max) return;
        const j = bucket[k]!;
        if (this.marks[j] === stamp) return;
        this.marks[j] = stamp;
        out.push(j);
      };
      for (let step = 1; out.length < max && (at - step >= 0 || at + step < bucket.length); step++) {
        take(at - step);
        take(at + step);
      }
      if (out.length >= enough || out.length >= max) break;
    }
    return out;
  }

  /**
   * Every decision that can have `j` among its candidates when at most `max` are taken: those within
   * `max` places of `j` in a bucket of j's trail (a superset, with repeats). Why: `i` takes `j` from a
   * bucket they share at step s = |place of i − place of j|; each step before visits at least one place
   * in range, and each place visited holds a decision newly taken (fewer than `max` before `j`) or
   * one taken at a deeper level (together with the new ones, fewer than `max`), so s ≤ max.
   */
  *near(j: number, max: number): Generator<number> {
    const codes = this.levels[j]!;
    for (let level = 0; level < codes.length; level++) {
      const bucket = this.buckets.get(codes[level]!)!;
      const at = this.positions[j]![level]!;
      for (let k = Math.max(0, at - max); k <= Math.min(bucket.length - 1, at + max); k++) yield bucket[k]!;
    }
  }
}

export function depth(code: string): number {
  let n = 1;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46 /* . */) n++;
  return n;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
