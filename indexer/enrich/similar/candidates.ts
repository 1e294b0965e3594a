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
  /** Per decision: code → its position in that code's bucket. */
  private readonly positions: Map<string, number>[];
  /** Per decision: its trail codes, deepest first. */
  private readonly levels: string[][];

  constructor(private readonly items: readonly Placed[]) {
    items.forEach((item, i) => {
      for (const code of new Set(item.trail)) {
        const bucket = this.buckets.get(code) ?? [];
        bucket.push(i);
        this.buckets.set(code, bucket);
      }
    });
    this.positions = items.map(() => new Map());
    for (const [code, bucket] of this.buckets) {
      bucket.sort((a, b) => compare(items[a]!.date, items[b]!.date) || compare(items[a]!.id, items[b]!.id));
      bucket.forEach((i, position) => this.positions[i]!.set(code, position));
    }
    this.levels = items.map((item) => [...new Set(item.trail)].sort((a, b) => depth(b) - depth(a) || compare(a, b)));
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
    for (const code of this.levels[i]!) {
      const bucket = this.buckets.get(code)!;
      const at = this.positions[i]!.get(code)!;
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
}

export function depth(code: string): number {
  let n = 1;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46 /* . */) n++;
  return n;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
