import type { estypes } from '@elastic/elasticsearch';
import type { SearchQuery } from '../../../schemas/search.ts';
import { FACET_FIELDS, HIT_FIELDS } from '../server/document.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../server/excerpt.ts';

/** Elasticsearch's default `index.max_result_window`: from + size never goes past it. */
export const MAX_RESULT_WINDOW = 10_000;
export const FACET_SIZE = 500;
/** Characters of body text around the best match. */
export const FRAGMENT_SIZE = 220;

/** Where a text query looks, with the weights a lawyer expects: numbers and titles first. */
export const SEARCH_FIELDS = ['caseNumber^6', 'number^4', 'title_ru^3', 'title_kk^3', 'keywords^2', 'body_ru', 'body_kk'];

/**
 * The user's text as a `simple_query_string`: "quoted phrases" (searched unstemmed, in `.exact`),
 * `+` and, `|` or, `-` not, `*` prefix, parentheses. Terms are ANDed by default, as a lawyer's
 * query means all of its words. The simple parser never throws on bad syntax, so hostile input
 * cannot turn into a 500.
 */
export function textQuery(text: string): estypes.QueryDslQueryContainer {
  return {
    simple_query_string: {
      query: text,
      fields: SEARCH_FIELDS,
      default_operator: 'and',
      flags: 'AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE',
      quote_field_suffix: '.exact',
      auto_generate_synonyms_phrase_query: false,
    },
  };
}

/** The filters of a query as a bool query (AND across facets, OR within `any`, NOT for `none`). */
export function filterQuery(query: Pick<SearchQuery, 'filters' | 'years'>): estypes.QueryDslBoolQuery {
  const filter: estypes.QueryDslQueryContainer[] = [];
  const mustNot: estypes.QueryDslQueryContainer[] = [];
  for (const [facet, spec] of Object.entries(query.filters)) {
    if (!spec || !(FACET_FIELDS as readonly string[]).includes(facet)) continue;
    if (spec.any?.length) filter.push({ terms: { [facet]: spec.any } });
    if (spec.none?.length) mustNot.push({ terms: { [facet]: spec.none } });
  }
  if (query.years?.from !== undefined || query.years?.to !== undefined) {
    filter.push({ range: { year: { ...(query.years.from !== undefined ? { gte: query.years.from } : {}), ...(query.years.to !== undefined ? { lte: query.years.to } : {}) } } });
  }
  return { ...(filter.length ? { filter } : {}), ...(mustNot.length ? { must_not: mustNot } : {}) };
}

export function facetAggregations(): Record<string, estypes.AggregationsAggregationContainer> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, { terms: { field: f, size: FACET_SIZE } }]));
}

const bodyHighlight: estypes.SearchHighlightField = { fragment_size: FRAGMENT_SIZE, number_of_fragments: 1, no_match_size: FRAGMENT_SIZE };
const titleHighlight: estypes.SearchHighlightField = { number_of_fragments: 0 };

/** Pure translation of the project's SearchQuery into an Elasticsearch `_search` body. */
export function toEngineQuery(query: SearchQuery): estypes.SearchRequest {
  const text = query.text && query.text.length > 0 ? query.text : null;
  const bool = filterQuery(query);
  const sort: estypes.Sort =
    query.sort === 'date-asc'
      ? [{ date: 'asc' }, { key: 'asc' }]
      : query.sort === 'date-desc' || text === null
        ? [{ date: 'desc' }, { key: 'asc' }]
        : ['_score', { date: 'desc' }, { key: 'asc' }];
  const wanted = (query.page - 1) * query.pageSize;
  const from = Math.min(wanted, MAX_RESULT_WINDOW);
  const size = Math.max(0, Math.min(query.pageSize, MAX_RESULT_WINDOW - from));
  return {
    track_total_hits: true,
    from: size === 0 ? 0 : from,
    size,
    query: { bool: { ...bool, must: text ? [textQuery(text)] : [{ match_all: {} }] } },
    aggs: facetAggregations(),
    sort,
    _source: [...HIT_FIELDS],
    highlight: {
      pre_tags: [HIGHLIGHT_PRE],
      post_tags: [HIGHLIGHT_POST],
      require_field_match: false,
      fields: { title_ru: titleHighlight, title_kk: titleHighlight, body_ru: bodyHighlight, body_kk: bodyHighlight },
    },
  };
}
