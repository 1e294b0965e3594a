import type { estypes } from '@elastic/elasticsearch';
import type { FacetKey } from '../../../schemas/facets.ts';
import { STATS_FACETS, type StatsOptions, type StatsQuery, type StatsResult, type YearCount } from '../server/stats.ts';
import { filterQuery, textQuery } from './to-query.ts';
import { bucketCounts, totalOf } from './from-response.ts';

export type { YearCount } from '../server/stats.ts';

/** Enough buckets for every outcome and instance value. */
const STATS_FACET_SIZE = 100;

/**
 * Statistics for a judge's overview: documents per year (a calendar-year date histogram, empty
 * years included so a chart has no gaps), optionally split by one facet such as `outcome`.
 * Same filters and text as the search, no hits.
 */
export function toYearStatsQuery(query: StatsQuery, by?: FacetKey): estypes.SearchRequest {
  const bool = filterQuery(query);
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { ...bool, must: query.text ? [textQuery(query.text)] : [{ match_all: {} }] } },
    aggs: {
      years: {
        date_histogram: { field: 'date', calendar_interval: 'year', format: 'yyyy', min_doc_count: 0 },
        ...(by ? { aggs: { by: { terms: { field: by, size: STATS_FACET_SIZE } } } } : {}),
      },
    },
  };
}

export function fromYearStatsResponse(raw: estypes.SearchResponse): YearCount[] {
  const buckets = (raw.aggregations?.years as { buckets?: (Record<string, unknown> & { key_as_string?: string; key: number; doc_count: number })[] } | undefined)?.buckets ?? [];
  return buckets.map((b) => ({
    year: b.key_as_string ?? String(new Date(b.key).getUTCFullYear()),
    count: b.doc_count,
    ...(b.by ? { by: bucketCounts(b.by) } : {}),
  }));
}

/** The `/api/stats/` request: the yearly histogram (split by `by` if asked) plus one terms aggregation per stats facet. */
export function toStatsQuery(query: StatsQuery, options: StatsOptions = {}): estypes.SearchRequest {
  const body = toYearStatsQuery(query, options.by);
  for (const facet of STATS_FACETS) body.aggs![facet] = { terms: { field: facet, size: STATS_FACET_SIZE } };
  return body;
}

export function fromStatsResponse(raw: estypes.SearchResponse): StatsResult {
  const aggregations = raw.aggregations ?? {};
  return {
    total: totalOf(raw.hits.total, 0),
    years: fromYearStatsResponse(raw),
    facets: Object.fromEntries(STATS_FACETS.map((f) => [f, bucketCounts(aggregations[f])])) as StatsResult['facets'],
  };
}
