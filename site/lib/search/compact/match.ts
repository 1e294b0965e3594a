import { BM25, idf } from '../../../../indexer/engines/compact/format.ts';
import type { FacetColumn, Postings } from './load.ts';

/**
 * The search itself, over decoded postings and facet columns: pure functions on typed arrays of one slot
 * per record (50,000 records: a few hundred KB, a few milliseconds a pass), so they are tested without a
 * browser and the backend only fetches and assembles.
 */

/** Per record: the summed BM25 score and how many of the query's words it holds. */
export interface TextMatch {
  scores: Float32Array;
  matched: Uint8Array;
}

/**
 * `perWord[w]`: the postings of word w — one list for a word found as a term, several for a word being
 * typed (the terms it is a prefix of; a record scores its best one).
 */
export function matchWords(docs: number, perWord: Postings[][]): TextMatch {
  const scores = new Float32Array(docs);
  const matched = new Uint8Array(docs);
  const best = new Float32Array(docs);
  const scale = (BM25.k1 + 1) / 255;
  for (const lists of perWord) {
    if (lists.length === 1) {
      const { records, impacts } = lists[0]!;
      const weight = idf(docs, records.length) * scale;
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        scores[r] = scores[r]! + weight * impacts[i]!;
        matched[r] = matched[r]! + 1;
      }
      continue;
    }
    best.fill(0);
    for (const { records, impacts } of lists) {
      const weight = idf(docs, records.length) * scale;
      for (let i = 0; i < records.length; i++) best[records[i]!] = Math.max(best[records[i]!]!, weight * impacts[i]!);
    }
    for (let r = 0; r < docs; r++) {
      if (best[r]! > 0) {
        scores[r] = scores[r]! + best[r]!;
        matched[r] = matched[r]! + 1;
      }
    }
  }
  return { scores, matched };
}

/** A facet filter against one column: `any` (OR; null = no constraint) and `none` as value ids. */
export interface ColumnFilter {
  key: string;
  column: FacetColumn;
  any: Set<number> | null;
  none: Set<number>;
}

/** Value strings → ids of the column. An `any` of values the index has never seen matches nothing. */
export function columnFilter(key: string, column: FacetColumn, filter: { any?: string[]; none?: string[] }): ColumnFilter {
  const ids = (values: string[] | undefined) => new Set((values ?? []).map((v) => column.values.indexOf(v)).filter((i) => i >= 0));
  return { key, column, any: filter.any?.length ? ids(filter.any) : null, none: ids(filter.none) };
}

function holds(f: ColumnFilter, record: number, ignoreAny: boolean): boolean {
  const { offsets, ids } = f.column;
  let any = ignoreAny || f.any === null;
  for (let i = offsets[record]!; i < offsets[record + 1]!; i++) {
    const v = ids[i]!;
    if (f.none.has(v)) return false;
    if (!any && f.any!.has(v)) any = true;
  }
  return any;
}

/**
 * Records that pass `candidate` and every filter, in id order. `ignoreAnyOf`: the facet whose own choice
 * is left out — its counts must show what choosing another of its values would add.
 */
export function select(docs: number, candidate: (record: number) => boolean, filters: readonly ColumnFilter[], ignoreAnyOf?: string): Uint32Array {
  const out: number[] = [];
  for (let r = 0; r < docs; r++) {
    if (!candidate(r)) continue;
    if (filters.every((f) => holds(f, r, f.key === ignoreAnyOf))) out.push(r);
  }
  return Uint32Array.from(out);
}

/** How many of `records` hold each value of the column. */
export function countValues(column: FacetColumn, records: Uint32Array): Record<string, number> {
  const counts = new Uint32Array(column.values.length);
  for (const r of records) for (let i = column.offsets[r]!; i < column.offsets[r + 1]!; i++) counts[column.ids[i]!]!++;
  const out: Record<string, number> = {};
  counts.forEach((n, id) => {
    if (n > 0) out[column.values[id]!] = n;
  });
  return out;
}

export type Order = 'relevance' | 'date-desc' | 'date-asc';

/**
 * Records in display order. Ids are in date order (newest first), so dates need no data. Relevance ranks
 * by words held first (only differs in the some-words fallback), then score, then newest.
 */
export function ordered(records: Uint32Array, order: Order, text?: TextMatch): Uint32Array {
  const out = records.slice();
  if (order === 'date-asc') return out.reverse();
  if (order === 'date-desc' || !text) return out;
  const { scores, matched } = text;
  return out.sort((a, b) => matched[b]! - matched[a]! || scores[b]! - scores[a]! || a - b);
}
