import { describe, expect, it } from 'vitest';
import type { estypes } from '@elastic/elasticsearch';
import { SearchQuery } from '../../../schemas/search.ts';
import { FACET_KEYS } from '../../../schemas/facets.ts';
import { createElasticClient } from './client.ts';
import Mock from '@elastic/elasticsearch-mock';
import { errors } from '@elastic/elasticsearch';
import { fromEngineResponse } from './from-response.ts';
import { moreLikeThis, toMoreLikeThisQuery, toSourceRequest } from './more-like-this.ts';
import { fromStatsResponse, fromYearStatsResponse, toStatsQuery, toYearStatsQuery } from './stats.ts';
import { MAX_RESULT_WINDOW, toEngineQuery } from './to-query.ts';
import divorce from './fixtures/search-divorce.json' with { type: 'json' };
import yearStats from './fixtures/year-stats.json' with { type: 'json' };
import statsPayload from './fixtures/stats-outcome-instance.json' with { type: 'json' };
import sourceFound from './fixtures/get-source-found.json' with { type: 'json' };

type Raw = estypes.SearchResponse<Record<string, unknown>>;

describe('Elasticsearch toEngineQuery', () => {
  it('puts the text in a simple_query_string with phrases on unstemmed fields, ANDed by default', () => {
    const body = toEngineQuery(SearchQuery.parse({ text: '"срок для примирения" +брак -алименты | развод' }));
    const must = (body.query?.bool?.must as estypes.QueryDslQueryContainer[])[0];
    expect(must?.simple_query_string).toMatchObject({
      query: '"срок для примирения" +брак -алименты | развод',
      default_operator: 'and',
      quote_field_suffix: '.exact',
      flags: expect.stringContaining('PHRASE'),
    });
    expect(must?.simple_query_string?.fields).toContain('body_kk');
    expect(body.sort).toEqual(['_score', { date: 'desc' }, { key: 'asc' }]);
  });

  it('filters with terms (any), must_not (none) and a year range, and counts every facet', () => {
    const body = toEngineQuery(
      SearchQuery.parse({ filters: { category: { any: ['U.13'] }, outcome: { none: ['acquitted', 'terminated'] } }, years: { from: 2015 } }),
    );
    expect(body.query?.bool).toEqual({
      filter: [{ terms: { category: ['U.13'] } }, { range: { year: { gte: 2015 } } }],
      must_not: [{ terms: { outcome: ['acquitted', 'terminated'] } }],
      must: [{ match_all: {} }],
    });
    expect(Object.keys(body.aggs ?? {})).toEqual([...FACET_KEYS]);
    expect(body.aggs?.year).toEqual({ terms: { field: 'year', size: 500 } });
    expect(body.sort).toEqual([{ date: 'desc' }, { key: 'asc' }]);
    expect(body.track_total_hits).toBe(true);
  });

  it('pages with from/size and never asks past the result window', () => {
    expect(toEngineQuery(SearchQuery.parse({ page: 3, pageSize: 10 }))).toMatchObject({ from: 20, size: 10 });
    const deep = toEngineQuery(SearchQuery.parse({ page: 1000, pageSize: 50 }));
    expect((deep.from ?? 0) + (deep.size ?? 0)).toBeLessThanOrEqual(MAX_RESULT_WINDOW);
    expect(deep.size).toBe(0);
  });

  it('returns only display fields and highlights with sentinel markers', () => {
    const body = toEngineQuery(SearchQuery.parse({ text: 'брак' }));
    expect(body._source).not.toContain('body_ru');
    expect(body.highlight?.pre_tags).toEqual(['\uE000']);
    expect(body.highlight?.fields).toHaveProperty('body_kk');
  });
});

describe('Elasticsearch fromEngineResponse (recorded payload)', () => {
  it('maps hits.total.value, highlights and terms buckets into a SearchResult', () => {
    const result = fromEngineResponse(divorce as unknown as Raw, SearchQuery.parse({ text: 'расторжение брака' }));
    expect(result).toMatchObject({ total: 2, page: 1, pageSize: 20, pages: 1 });
    expect(result.facets.year).toEqual({ '2000': 1, '2023': 1 });
    expect(result.facets.category).toEqual({ G: 2, 'G.02': 2, 'G.02.01': 1 });
    expect(result.facets.language).toEqual({ ru: 2, kk: 1 });
    const [first, second] = result.hits;
    expect(first).toMatchObject({ id: 'decision/civ-divorce-almaty-2023', url: '/decisions/civ-divorce-almaty-2023/', title: 'О расторжении брака', date: '2023-03-14' });
    expect(first?.excerpt).toContain('<mark>расторжении</mark> <mark>брака</mark>');
    expect(first?.excerpt).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(first?.excerpt).not.toMatch(/<img/);
    expect(second).toMatchObject({ id: 'resolution/2000-04-28-n5', kind: 'resolution', meta: { number: '5', status: 'in-force' } });
  });

  it('shows a Kazakh interface the Kazakh text when it exists and matched', () => {
    const raw = structuredClone(divorce) as unknown as Raw;
    const hit = raw.hits.hits[0]!;
    hit.highlight = { body_kk: ['\uE000Некені\uE001 бұзу туралы'], body_ru: ['Иск о расторжении…'] };
    const result = fromEngineResponse(raw, SearchQuery.parse({ text: 'некені', lang: 'kk' }));
    expect(result.hits[0]).toMatchObject({ url: '/decisions/civ-divorce-almaty-2023/#kk', title: 'Некені бұзу туралы', meta: { docLang: 'kk' } });
  });
});

describe('Elasticsearch statistics and similar decisions', () => {
  it('asks for a yearly date histogram with the search filters, split by a facet', () => {
    const body = toYearStatsQuery(SearchQuery.parse({ filters: { category: { any: ['U.13'] } } }), 'outcome');
    expect(body.size).toBe(0);
    expect(body.query?.bool?.filter).toEqual([{ terms: { category: ['U.13'] } }]);
    expect(body.aggs?.years).toEqual({
      date_histogram: { field: 'date', calendar_interval: 'year', format: 'yyyy', min_doc_count: 0 },
      aggs: { by: { terms: { field: 'outcome', size: 100 } } },
    });
  });

  it('reads counts per year, keeping empty years for the chart', () => {
    expect(fromYearStatsResponse(yearStats as unknown as estypes.SearchResponse)).toEqual([
      { year: '2021', count: 2, by: { convicted: 2 } },
      { year: '2022', count: 0, by: {} },
      { year: '2023', count: 3, by: { convicted: 2, acquitted: 1 } },
    ]);
  });

  it('builds a more_like_this query over the texts of one document, restricted to decisions', () => {
    const body = toMoreLikeThisQuery('taldau', 'decision/civ-divorce-almaty-2023');
    const must = (body.query?.bool?.must as estypes.QueryDslQueryContainer[])[0];
    expect(must?.more_like_this).toMatchObject({
      fields: ['title_ru', 'title_kk', 'body_ru', 'body_kk'],
      like: [{ _index: 'taldau', _id: 'decision__civ-divorce-almaty-2023' }],
    });
    expect(body.query?.bool?.filter).toEqual([{ term: { kind: 'decision' } }]);
  });

  it('boosts documents sharing the categories (deeper weighs more) and the cited norms, without requiring them', () => {
    const body = toMoreLikeThisQuery('taldau', 'decision/x', {}, { category: ['G', 'G.02', 'G.02.01'], norm: ['kobs:20'] });
    expect(body.query?.bool?.should).toEqual([
      { term: { category: { value: 'G', boost: 1 } } },
      { term: { category: { value: 'G.02', boost: 2 } } },
      { term: { category: { value: 'G.02.01', boost: 3 } } },
      { term: { norm: { value: 'kobs:20', boost: 2 } } },
    ]);
    expect(body.query?.bool).not.toHaveProperty('minimum_should_match');
    expect((body.query?.bool?.must as estypes.QueryDslQueryContainer[])[0]).toHaveProperty('more_like_this');
    expect(toSourceRequest('taldau', 'decision/x')).toEqual({ index: 'taldau', id: 'decision__x', _source_includes: ['category', 'norm'] });
  });

  it('moreLikeThis reads the document, sends the boosted query and returns SearchHits', async () => {
    const mock = new Mock();
    let sent: unknown;
    let got = '';
    mock.add({ method: 'GET', path: '/taldau/_doc/:id' }, (params) => ((got = String(params.path)), sourceFound));
    mock.add({ method: 'POST', path: '/taldau/_search' }, (params) => {
      sent = params.body;
      return divorce;
    });
    const client = createElasticClient({ url: 'http://es.test:9200' }, { Connection: mock.getConnection() });
    const hits = await moreLikeThis(client, 'taldau', 'decision/x', { size: 5 });
    expect(got).toBe('/taldau/_doc/decision__x');
    expect((sent as { size: number }).size).toBe(5);
    expect(JSON.stringify((sent as estypes.SearchRequest).query?.bool?.should)).toContain('gpk:187');
    expect(hits?.map((h) => h.id)).toEqual(['decision/civ-divorce-almaty-2023', 'resolution/2000-04-28-n5']);
  });

  it('moreLikeThis answers null for a document the index does not hold, without searching', async () => {
    const mock = new Mock();
    let searched = false;
    mock.add({ method: 'GET', path: '/taldau/_doc/:id' }, () =>
      new errors.ResponseError({ body: { _index: 'taldau', _id: 'decision__gone', found: false }, statusCode: 404, headers: {}, warnings: null, meta: {} as never }),
    );
    mock.add({ method: 'POST', path: '/taldau/_search' }, () => ((searched = true), divorce));
    const client = createElasticClient({ url: 'http://es.test:9200' }, { Connection: mock.getConnection() });
    expect(await moreLikeThis(client, 'taldau', 'decision/gone')).toBeNull();
    expect(searched).toBe(false);
  });

  it('asks for the yearly histogram and the outcome and instance counts in one request', () => {
    const body = toStatsQuery({ text: '"кража" -грабеж', filters: { category: { any: ['U.13'] } }, years: { from: 2018 } });
    expect(body).toMatchObject({ size: 0, track_total_hits: true });
    expect(body.query?.bool?.filter).toEqual([{ terms: { category: ['U.13'] } }, { range: { year: { gte: 2018 } } }]);
    expect((body.query?.bool?.must as estypes.QueryDslQueryContainer[])[0]?.simple_query_string?.query).toBe('"кража" -грабеж');
    expect(body.aggs).toEqual({
      years: { date_histogram: { field: 'date', calendar_interval: 'year', format: 'yyyy', min_doc_count: 0 } },
      outcome: { terms: { field: 'outcome', size: 100 } },
      instance: { terms: { field: 'instance', size: 100 } },
    });
  });

  it('splits every year by outcome when asked, in the same request', () => {
    const body = toStatsQuery({ text: null, filters: {} }, { by: 'outcome' });
    expect(body.aggs?.years?.aggs).toEqual({ by: { terms: { field: 'outcome', size: 100 } } });
    expect(body.aggs?.instance).toEqual({ terms: { field: 'instance', size: 100 } });
    expect(fromStatsResponse(yearStats as unknown as estypes.SearchResponse)).toMatchObject({
      total: 5,
      years: [{ year: '2021', by: { convicted: 2 } }, { year: '2022', by: {} }, { year: '2023', by: { convicted: 2, acquitted: 1 } }],
      facets: { outcome: {}, instance: {} },
    });
  });

  it('reads total, years (empty ones kept) and the facet counts from the aggregations response', () => {
    expect(fromStatsResponse(statsPayload as unknown as estypes.SearchResponse)).toEqual({
      total: 6,
      years: [
        { year: '2020', count: 1 },
        { year: '2021', count: 0 },
        { year: '2022', count: 5 },
      ],
      facets: { outcome: { convicted: 4, acquitted: 1 }, instance: { first: 4, appeal: 2 } },
    });
  });
});
