import type { estypes } from '@elastic/elasticsearch';
import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import { toSearchHit, pageCount, type EngineHit, type TextField } from '../server/hit.ts';
import { MAX_RESULT_WINDOW } from './to-query.ts';

const TEXT_FIELDS: readonly TextField[] = ['title_ru', 'title_kk', 'body_ru', 'body_kk'];

type Bucket = { key: string | number; key_as_string?: string; doc_count: number };

/** Terms or histogram buckets as `{ value: count }`, empty buckets left out. */
export function bucketCounts(aggregation: unknown): Record<string, number> {
  const buckets = (aggregation as { buckets?: Bucket[] } | undefined)?.buckets;
  if (!Array.isArray(buckets)) return {};
  return Object.fromEntries(buckets.filter((b) => b.doc_count > 0).map((b) => [b.key_as_string ?? String(b.key), b.doc_count]));
}

export function toEngineHit(hit: estypes.SearchHit<Record<string, unknown>>): EngineHit {
  const highlights: EngineHit['highlights'] = {};
  for (const field of TEXT_FIELDS) {
    const fragments = hit.highlight?.[field];
    if (fragments?.length) highlights[field] = fragments.join(' … ');
  }
  return { source: { ...(hit._source ?? {}) }, highlights };
}

export const totalOf = (total: estypes.SearchTotalHits | number | undefined, fallback: number): number =>
  typeof total === 'number' ? total : (total?.value ?? fallback);

/** Pure translation of an Elasticsearch `_search` response into the project's SearchResult. */
export function fromEngineResponse(
  raw: estypes.SearchResponse<Record<string, unknown>>,
  query: Pick<SearchQuery, 'page' | 'pageSize' | 'lang'>,
): SearchResult {
  const total = totalOf(raw.hits.total, raw.hits.hits.length);
  const facets: SearchResult['facets'] = {};
  for (const [name, aggregation] of Object.entries(raw.aggregations ?? {})) facets[name] = bucketCounts(aggregation);
  return {
    hits: raw.hits.hits.map((hit) => toSearchHit(toEngineHit(hit), query.lang)),
    total,
    facets,
    page: query.page,
    pageSize: query.pageSize,
    // Pages past the result window cannot be fetched, so they are not offered.
    pages: Math.min(pageCount(total, query.pageSize), Math.ceil(MAX_RESULT_WINDOW / query.pageSize)),
  };
}
