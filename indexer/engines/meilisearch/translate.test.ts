import { describe, expect, it } from 'vitest';
import { SearchQuery } from '../../../schemas/search.ts';
import { FACET_KEYS } from '../../../schemas/facets.ts';
import { fromEngineResponse, type MeiliRawResponse } from './from-response.ts';
import { quoteFilterValue, toEngineQuery } from './to-query.ts';
import divorce from './fixtures/search-divorce.json' with { type: 'json' };
import kkPage2 from './fixtures/search-kk-page2.json' with { type: 'json' };

describe('Meilisearch toEngineQuery', () => {
  it('turns filters into ANDed IN / NOT IN expressions and years into a numeric range', () => {
    const q = SearchQuery.parse({
      text: 'кража',
      filters: { category: { any: ['U.13', 'U.14'] }, outcome: { none: ['acquitted'] } },
      years: { from: 2015, to: 2020 },
      page: 3,
      pageSize: 10,
    });
    const { q: text, params } = toEngineQuery(q);
    expect(text).toBe('кража');
    expect(params.filter).toEqual([
      'category IN ["U.13", "U.14"]',
      'outcome NOT IN ["acquitted"]',
      'year >= 2015',
      'year <= 2020',
    ]);
    expect(params).toMatchObject({ page: 3, hitsPerPage: 10, facets: [...FACET_KEYS] });
    expect(params.sort).toBeUndefined();
  });

  it('browses by date when there is no text, and honours an explicit sort', () => {
    expect(toEngineQuery(SearchQuery.parse({})).q).toBeNull();
    expect(toEngineQuery(SearchQuery.parse({})).params.sort).toEqual(['date:desc']);
    expect(toEngineQuery(SearchQuery.parse({ text: 'x', sort: 'date-asc' })).params.sort).toEqual(['date:asc']);
    expect(toEngineQuery(SearchQuery.parse({ text: '' })).q).toBeNull();
  });

  it('quotes values so they cannot break out of the filter expression', () => {
    expect(quoteFilterValue('a" OR kind = "x')).toBe('"a\\" OR kind = \\"x"');
    expect(quoteFilterValue('tail\\')).toBe('"tail"');
    const { params } = toEngineQuery(SearchQuery.parse({ filters: { court: { any: ['x"] OR 1=1'] } } }));
    expect(params.filter).toEqual(['court IN ["x\\"] OR 1=1"]']);
  });

  it('asks for excerpts, never for whole bodies', () => {
    const { params } = toEngineQuery(SearchQuery.parse({ text: 'брак' }));
    expect(params.attributesToRetrieve).not.toContain('body_ru');
    expect(params.attributesToCrop).toEqual(['body_ru', 'body_kk']);
    expect(params.highlightPreTag).toBe('\uE000');
  });
});

describe('Meilisearch fromEngineResponse (recorded payloads)', () => {
  it('maps hits, totals and facet distribution into a SearchResult', () => {
    const result = fromEngineResponse(divorce as MeiliRawResponse, SearchQuery.parse({ text: 'расторжение брака' }));
    expect(result).toMatchObject({ total: 2, page: 1, pageSize: 20, pages: 1 });
    expect(result.facets.category).toEqual({ G: 2, 'G.02': 2, 'G.02.01': 1 });
    expect(result.facets.year).toEqual({ '2000': 1, '2023': 1 });
    const [first, second] = result.hits;
    expect(first).toMatchObject({
      id: 'decision/civ-divorce-almaty-2023',
      url: '/decisions/civ-divorce-almaty-2023/',
      kind: 'decision',
      title: 'О расторжении брака',
      date: '2023-03-14',
    });
    expect(first?.meta).toMatchObject({ court: 'almaty-bostandyk-district-court', caseNumber: '7511-23-00-2/2145', category: 'G.02.01' });
    expect(first?.excerpt).toContain('<mark>расторжении</mark> <mark>брака</mark>');
    expect(first?.meta).not.toHaveProperty('docLang');
    expect(first?.excerpt).toContain('&lt;script&gt;');
    expect(first?.excerpt).not.toContain('<script>');
    expect(second?.meta).toMatchObject({ status: 'in-force', number: '5' });
    expect(second?.meta).not.toHaveProperty('court');
  });

  it('points the hit at the language that matched, with its title', () => {
    const result = fromEngineResponse(kkPage2 as MeiliRawResponse, SearchQuery.parse({ text: 'некені', page: 2, pageSize: 1 }));
    expect(result).toMatchObject({ total: 3, page: 2, pages: 3 });
    expect(result.hits[0]).toMatchObject({ url: '/decisions/civ-divorce-almaty-2023/#kk', title: 'Некені бұзу туралы', meta: { docLang: 'kk' } });
    expect(result.hits[0]?.excerpt).toContain('<mark>Некені</mark>');
  });

  it('falls back to estimatedTotalHits and computes pages when page mode is off', () => {
    const raw: MeiliRawResponse = { hits: [], estimatedTotalHits: 41 };
    expect(fromEngineResponse(raw, SearchQuery.parse({ pageSize: 20 }))).toMatchObject({ total: 41, pages: 3, hits: [], facets: {} });
  });
});
