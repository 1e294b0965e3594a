import type { SearchQuery } from '../../../schemas/search.ts';

/** Statistics take the search's text and filters; pages and sort mean nothing for counts. */
export type StatsQuery = Pick<SearchQuery, 'text' | 'filters' | 'years'>;

/** Facets counted next to the years: how cases ended and at which instance. */
export const STATS_FACETS = ['outcome', 'instance'] as const;
export type StatsFacet = (typeof STATS_FACETS)[number];

export interface StatsOptions {
  /** Also split every year by this facet (`years[i].by`). */
  by?: StatsFacet;
}

export interface YearCount {
  year: string;
  count: number;
  /** Counts by the `by` facet within the year (e.g. outcome), when asked. */
  by?: Record<string, number>;
}

/** What `/api/stats/` answers, the same for both engines. */
export interface StatsResult {
  /** Documents matching the query. */
  total: number;
  /** Documents per year, oldest first; years without documents between the first and last are 0 (and `by: {}`). */
  years: YearCount[];
  facets: Record<StatsFacet, Record<string, number>>;
}

/**
 * `{ "2021": 2, "2023": 3 }` → one entry per year from the first to the last, gaps as 0, as
 * Elasticsearch's date histogram gives it: a chart then has no holes and no year silently missing.
 */
export function yearSeries(counts: Record<string, number>): YearCount[] {
  const years = Object.entries(counts)
    .filter(([year, n]) => /^\d{4}$/.test(year) && n > 0)
    .map(([year]) => Number(year));
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = String(first + i);
    return { year, count: counts[year] ?? 0 };
  });
}
