import type { MultiSearchQuery } from 'meilisearch';
import { STATS_FACETS, yearSeries, type StatsFacet, type StatsQuery, type StatsResult } from '../server/stats.ts';
import type { MeiliQuery } from './to-query.ts';
import { toMeiliFilter } from './to-query.ts';

/**
 * The `/api/stats/` request: no hits (`hitsPerPage: 0`), exhaustive totals and the distribution of
 * years, outcomes and instances over the whole result (page mode counts exactly).
 */
export function toStatsQuery(query: StatsQuery): MeiliQuery {
  const text = query.text && query.text.length > 0 ? query.text : null;
  const filter = toMeiliFilter(query);
  return {
    q: text,
    params: {
      ...(filter.length ? { filter } : {}),
      facets: ['year', ...STATS_FACETS],
      matchingStrategy: 'all',
      page: 1,
      hitsPerPage: 0,
    },
  };
}

export interface MeiliStatsResponse {
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** Years as a series without gaps (as Elasticsearch's histogram gives them), the facets as counts. */
export function fromStatsResponse(raw: MeiliStatsResponse): StatsResult {
  const distribution = raw.facetDistribution ?? {};
  const positive = (counts: Record<string, number> = {}) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  return {
    total: raw.totalHits ?? raw.estimatedTotalHits ?? 0,
    years: yearSeries(distribution.year ?? {}),
    facets: Object.fromEntries(STATS_FACETS.map((f) => [f, positive(distribution[f])])) as StatsResult['facets'],
  };
}

/**
 * Splitting every year by a facet (`by=outcome`): Meilisearch has no nested facets, so one
 * multi-search (one HTTP request) asks each year that has documents for its distribution of `by`.
 */
export function toYearSplitQueries(indexUid: string, query: StatsQuery, years: string[], by: StatsFacet): MultiSearchQuery[] {
  const { q, params } = toStatsQuery(query);
  return years.map((year) => ({
    indexUid,
    q,
    ...params,
    filter: [...((params.filter as string[] | undefined) ?? []), `year = ${Number(year)}`],
    facets: [by],
  }));
}

/** Puts each year's distribution of `by` on the result; years without documents get `{}`. */
export function withYearSplit(result: StatsResult, years: string[], responses: MeiliStatsResponse[], by: StatsFacet): StatsResult {
  const split = new Map(years.map((year, i) => [year, responses[i]?.facetDistribution?.[by] ?? {}]));
  return {
    ...result,
    years: result.years.map((y) => ({ ...y, by: Object.fromEntries(Object.entries(split.get(y.year) ?? {}).filter(([, n]) => n > 0)) })),
  };
}
