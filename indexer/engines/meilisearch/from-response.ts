import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import { toSearchHit, pageCount, type EngineHit, type TextField } from '../server/hit.ts';

/** The parts of a Meilisearch search response we read (POST /indexes/{uid}/search, page mode). */
export interface MeiliRawResponse {
  hits: Record<string, unknown>[];
  totalHits?: number;
  estimatedTotalHits?: number;
  totalPages?: number;
  page?: number;
  hitsPerPage?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

const TEXT_FIELDS: readonly TextField[] = ['title_ru', 'title_kk', 'body_ru', 'body_kk'];

export function toEngineHit(raw: Record<string, unknown>): EngineHit {
  const { _formatted, ...source } = raw;
  const formatted = (_formatted && typeof _formatted === 'object' ? _formatted : {}) as Record<string, unknown>;
  const highlights: EngineHit['highlights'] = {};
  for (const field of TEXT_FIELDS) {
    const value = formatted[field];
    if (typeof value === 'string') highlights[field] = value;
  }
  return { source, highlights };
}

/** Pure translation of a Meilisearch response into the project's SearchResult. */
export function fromEngineResponse(raw: MeiliRawResponse, query: Pick<SearchQuery, 'page' | 'pageSize' | 'lang'>): SearchResult {
  const total = raw.totalHits ?? raw.estimatedTotalHits ?? raw.hits.length;
  const facets: SearchResult['facets'] = {};
  for (const [facet, counts] of Object.entries(raw.facetDistribution ?? {})) {
    facets[facet] = Object.fromEntries(Object.entries(counts).filter(([, n]) => typeof n === 'number' && n > 0));
  }
  return {
    hits: raw.hits.map((hit) => toSearchHit(toEngineHit(hit), query.lang)),
    total,
    facets,
    page: query.page,
    pageSize: query.pageSize,
    pages: raw.totalPages ?? pageCount(total, query.pageSize),
  };
}
