import type { estypes } from '@elastic/elasticsearch';
import type { FacetKey } from '../../../schemas/facets.ts';
import type { SearchQuery } from '../../../schemas/search.ts';
import { filterQuery, textQuery } from './to-query.ts';
import { bucketCounts } from './from-response.ts';

export interface YearCount {
  year: string;
  count: number;
  /** Counts by the `by` facet within the year (e.g. outcome), when asked. */
  by?: Record<string, number>;
}

/**
 * Statistics for a judge's overview: documents per year (a calendar-year date histogram, empty
 * years included so a chart has no gaps), optionally split by one facet such as `outcome`.
 * Same filters and text as the search, no hits.
 */
export function toYearStatsQuery(query: Pick<SearchQuery, 'text' | 'filters' | 'years'>, by?: FacetKey): estypes.SearchRequest {
  const bool = filterQuery(query);
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { ...bool, must: query.text ? [textQuery(query.text)] : [{ match_all: {} }] } },
    aggs: {
      years: {
        date_histogram: { field: 'date', calendar_interval: 'year', format: 'yyyy', min_doc_count: 0 },
        ...(by ? { aggs: { by: { terms: { field: by, size: 100 } } } } : {}),
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
