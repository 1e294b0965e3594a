import type { DocLang } from '../../../schemas/common.ts';

/**
 * Format 1 of the compact index (FORMAT.md) as code: file names, the manifest and fragment shapes, and the
 * scoring both sides must agree on. Shared by the writer and the search client, so pure.
 */
export const FORMAT = 'taldau-compact';
export const FORMAT_VERSION = 1;
export const BM25 = { k1: 1.2, b: 0.75 } as const;
/** A title word counts as this many body words. */
export const TITLE_WEIGHT = 3;

export const manifestFile = 'manifest.json';
export const termShardFile = (i: number): string => `terms/${i}.ctx`;
export const facetFile = (key: string): string => `facets/${key}.cfc`;
export const fragmentFile = (record: number): string => `fragments/${record}.cfr`;

/** The shard a term lives in: the last whose first term is ≤ `term` (the first for a term before them all). */
export function shardOf(firsts: readonly string[], term: string): number {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface CompactManifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** Records (= documents), ids 0 … docs-1 newest first. */
  docs: number;
  /** Mean record length in term occurrences (BM25's avgdl). */
  avgLength: number;
  k1: number;
  b: number;
  /** First term of each term shard, ascending. */
  shards: string[];
  /**
   * Facets with a column file, and how many distinct values each has. A hierarchical facet (the
   * classifier trail) stores only the deepest codes of each record; the client adds their ancestors.
   */
  facets: Record<string, { values: number; hierarchical?: true }>;
  years: number[];
  built: string;
}

/** What a hit shows, one file per record. */
export interface CompactFragment {
  id: string;
  url: string;
  kind: string;
  date: string;
  title: Partial<Record<DocLang, string>>;
  meta: Partial<Record<'caseNumber' | 'court' | 'category' | 'number', string>>;
  filters: Record<string, string[]>;
  /** Plain text per language, the excerpt is cut from it. */
  text: Partial<Record<DocLang, string>>;
}

/** BM25's saturated, length-normalised term frequency as one byte (1 … 255). */
export function impact(tf: number, length: number, avgLength: number): number {
  const { k1, b } = BM25;
  const tfn = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
  return Math.max(1, Math.min(255, Math.round((255 * tfn) / (k1 + 1))));
}

/** BM25's inverse document frequency. */
export const idf = (docs: number, df: number): number => Math.log(1 + (docs - df + 0.5) / (df + 0.5));

/** A dotted classifier code and its ancestors, root first: `G.02.01` → `G`, `G.02`, `G.02.01`. */
export const withAncestors = (code: string): string[] => code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

/** The codes of a trail that no other code of it extends: what a hierarchical column stores. */
export const deepestCodes = (trail: readonly string[]): string[] => trail.filter((c) => !trail.some((o) => o.startsWith(`${c}.`)));
