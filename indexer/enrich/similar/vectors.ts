import { termCounts } from './terms.ts';

/** A sparse, unit-length TF-IDF vector. */
export type Vector = Map<string, number>;

/** Document frequencies over a corpus, then IDF = ln(1 + N / df). */
export function inverseFrequencies(corpus: Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const counts of corpus) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + corpus.length / n));
  return idf;
}

/**
 * Sublinear TF × IDF, keeping the `limit` heaviest terms: bounded vectors keep comparison cost flat
 * whatever the length of the act.
 */
export function tfidf(counts: Map<string, number>, idf: Map<string, number>, limit = 80): Vector {
  const weighted = [...counts].map(([t, c]) => [t, (1 + Math.log(c)) * (idf.get(t) ?? 0)] as const);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, limit);
  const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(kept.map(([t, w]) => [t, w / norm]));
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

export { termCounts };
