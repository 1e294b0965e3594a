import type { SearchParams } from 'meilisearch';
import type { SearchQuery } from '../../../schemas/search.ts';
import { FACET_FIELDS, HIT_FIELDS } from '../server/document.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../server/excerpt.ts';

/** Words of body text around the best match: about two lines of a result list. */
export const CROP_WORDS = 32;

export interface MeiliQuery {
  /** `null` is Meilisearch's placeholder search: filters only. */
  q: string | null;
  params: SearchParams;
}

/**
 * A filter value as a double-quoted Meilisearch string. Facet values never hold backslashes, and a
 * trailing one would escape the closing quote, so they are dropped rather than escaped.
 */
export const quoteFilterValue = (value: string): string => `"${value.replace(/\\/g, '').replace(/"/g, '\\"')}"`;

/** The project's filters as Meilisearch filter expressions: the array is ANDed, IN is OR within a facet. */
export function toMeiliFilter(query: Pick<SearchQuery, 'filters' | 'years'>): string[] {
  const filter: string[] = [];
  for (const [facet, spec] of Object.entries(query.filters)) {
    if (!spec || !(FACET_FIELDS as readonly string[]).includes(facet)) continue;
    if (spec.any?.length) filter.push(`${facet} IN [${spec.any.map(quoteFilterValue).join(', ')}]`);
    if (spec.none?.length) filter.push(`${facet} NOT IN [${spec.none.map(quoteFilterValue).join(', ')}]`);
  }
  if (query.years?.from !== undefined) filter.push(`year >= ${query.years.from}`);
  if (query.years?.to !== undefined) filter.push(`year <= ${query.years.to}`);
  return filter;
}

/** Pure translation of the project's SearchQuery into a Meilisearch search request. */
export function toEngineQuery(query: SearchQuery): MeiliQuery {
  const text = query.text && query.text.length > 0 ? query.text : null;
  const sort =
    query.sort === 'date-asc' ? ['date:asc'] : query.sort === 'date-desc' || text === null ? ['date:desc'] : undefined;
  const filter = toMeiliFilter(query);
  return {
    q: text,
    params: {
      ...(filter.length ? { filter } : {}),
      ...(sort ? { sort } : {}),
      facets: [...FACET_FIELDS],
      // Every word must match, as with Pagefind and Elasticsearch: a lawyer's query means all of it.
      matchingStrategy: 'all',
      page: query.page,
      hitsPerPage: query.pageSize,
      attributesToRetrieve: [...HIT_FIELDS],
      attributesToHighlight: ['title_ru', 'title_kk', 'body_ru', 'body_kk'],
      attributesToCrop: ['body_ru', 'body_kk'],
      cropLength: CROP_WORDS,
      cropMarker: '…',
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    },
  };
}
