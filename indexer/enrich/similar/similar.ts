import type { KbDocument } from '../../../schemas/kb-document.ts';
import { cosine, inverseFrequencies, termCounts, tfidf, type Vector } from './vectors.ts';

/**
 * The most similar other decisions of each decision, best first.
 *
 * Candidates come from the decision's own category bucket, widened one classifier level at a time
 * (leaf → parent → … → branch) until there are enough, and capped, so the work is O(n·k) rather than
 * all pairs: at 50,000 decisions each one is compared with a bounded neighbourhood, never with all.
 * Score = category closeness (shared depth of the classifier trail, 0..1) + 0.3·(0.7·cosine of the
 * TF-IDF of the masked text + 0.3·overlap of applied norms): the same category first, then neighbouring
 * ones, and within a level the closest in content and norms. A decision in both languages is compared
 * on both texts.
 */
export interface SimilarOptions {
  /** How many to keep per decision (default 5). */
  top?: number;
  /** Most candidates compared per decision (default 2000). */
  maxCandidates?: number;
}

function textOf(doc: KbDocument): string {
  return [...Object.values(doc.title), ...doc.keywords, ...Object.values(doc.body)].join('\n');
}

function jaccard(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const setB = new Set(b);
  const shared = new Set(a.filter((x) => setB.has(x))).size;
  return shared / new Set([...a, ...b]).size;
}

function categoryCloseness(a: KbDocument, b: KbDocument): number {
  const trailB = new Set(b.categoryTrail);
  const shared = a.categoryTrail.filter((c) => trailB.has(c));
  const deepest = Math.max(...shared.map((c) => c.split('.').length), 0);
  const depth = Math.max(...[...a.categoryTrail, ...b.categoryTrail].map((c) => c.split('.').length), 1);
  return deepest / depth;
}

export function computeSimilar(documents: KbDocument[], options: SimilarOptions = {}): Map<string, string[]> {
  const top = options.top ?? 5;
  const maxCandidates = options.maxCandidates ?? 2000;
  const decisions = documents.filter((d) => d.kind === 'decision');
  const counts = decisions.map((d) => termCounts(textOf(d)));
  const idf = inverseFrequencies(counts);
  const vectors = new Map<string, Vector>(decisions.map((d, i) => [d.id, tfidf(counts[i]!, idf)]));

  // Bucket by every node of the trail: a decision filed under U.13.188 sits in U, U.13 and U.13.188.
  const buckets = new Map<string, KbDocument[]>();
  for (const d of decisions) {
    for (const code of d.categoryTrail) {
      const bucket = buckets.get(code) ?? [];
      bucket.push(d);
      buckets.set(code, bucket);
    }
  }

  const result = new Map<string, string[]>();
  for (const d of decisions) {
    const candidates = new Map<string, KbDocument>();
    const levels = [...d.categoryTrail].sort((a, b) => b.split('.').length - a.split('.').length);
    for (const code of levels) {
      for (const other of buckets.get(code) ?? []) {
        if (other.id !== d.id && candidates.size < maxCandidates) candidates.set(other.id, other);
      }
      if (candidates.size >= top * 4) break;
    }
    const own = vectors.get(d.id)!;
    const scored = [...candidates.values()].map((o) => ({
      id: o.id,
      // Category first (levels are ≥ 1/3 apart, content adds < 1/3), then content and applied norms.
      score: categoryCloseness(d, o) + 0.3 * (0.7 * cosine(own, vectors.get(o.id)!) + 0.3 * jaccard(d.norms, o.norms)),
    }));
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    result.set(d.id, scored.slice(0, top).map((s) => s.id));
  }
  return result;
}
