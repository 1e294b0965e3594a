import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMeiliSearch } from './search.ts';
import { stubMeiliFetch } from './stub-fetch.ts';
import { meiliSettings } from './settings.ts';
import { titleWords, toLatestInCategoryQuery, toSimilarQuery, toSourceLookup } from './similar.ts';
import { fromStatsResponse, toStatsQuery, toYearSplitQueries, withYearSplit } from './stats.ts';
import statsFacets from './fixtures/stats-facets.json' with { type: 'json' };
import divorce from './fixtures/search-divorce.json' with { type: 'json' };

const SOURCE = {
  key: 'decision__civ-divorce-almaty-2023',
  primaryLanguage: 'ru',
  title_ru: 'О расторжении брака и взыскании алиментов',
  title_kk: 'Некені бұзу туралы',
  categories: ['G.02.01'],
};

describe('Meilisearch statistics', () => {
  it('asks for no hits, exact totals and the year, outcome and instance distributions with the search filters', () => {
    const { q, params } = toStatsQuery({ text: 'кража', filters: { court: { any: ['x"] OR 1=1'] } }, years: { to: 2022 } });
    expect(q).toBe('кража');
    expect(params).toEqual({
      filter: ['court IN ["x\\"] OR 1=1"]', 'year <= 2022'],
      facets: ['year', 'outcome', 'instance'],
      matchingStrategy: 'all',
      page: 1,
      hitsPerPage: 0,
    });
    expect(toStatsQuery({ text: null, filters: {} }).q).toBeNull();
  });

  it('reads a recorded response into years without gaps and facet counts', () => {
    expect(fromStatsResponse(statsFacets)).toEqual({
      total: 6,
      years: [
        { year: '2019', count: 1 },
        { year: '2020', count: 0 },
        { year: '2021', count: 0 },
        { year: '2022', count: 5 },
      ],
      facets: { outcome: { convicted: 4, acquitted: 1 }, instance: { first: 4, appeal: 2 } },
    });
  });
});

describe('Meilisearch statistics split by a facet per year', () => {
  it('asks each year with documents for the facet, with the same text and filters', () => {
    const queries = toYearSplitQueries('taldau', { text: 'кража', filters: { category: { any: ['U.13'] } } }, ['2019', '2022'], 'outcome');
    expect(queries).toEqual([
      { indexUid: 'taldau', q: 'кража', filter: ['category IN ["U.13"]', 'year = 2019'], facets: ['outcome'], matchingStrategy: 'all', page: 1, hitsPerPage: 0 },
      { indexUid: 'taldau', q: 'кража', filter: ['category IN ["U.13"]', 'year = 2022'], facets: ['outcome'], matchingStrategy: 'all', page: 1, hitsPerPage: 0 },
    ]);
  });

  it('puts each year’s counts on the series, {} for the empty years', () => {
    const base = fromStatsResponse(statsFacets);
    const split = withYearSplit(base, ['2019', '2022'], [{ facetDistribution: { outcome: { acquitted: 1 } } }, { facetDistribution: { outcome: { convicted: 4, acquitted: 0 } } }], 'outcome');
    expect(split.years).toEqual([
      { year: '2019', count: 1, by: { acquitted: 1 } },
      { year: '2020', count: 0, by: {} },
      { year: '2021', count: 0, by: {} },
      { year: '2022', count: 5, by: { convicted: 4 } },
    ]);
  });
});

describe('Meilisearch similar decisions (fallback without an embedder)', () => {
  it('finds the document by its key, which the settings make filterable', () => {
    expect(toSourceLookup('decision/civ-divorce-almaty-2023').params.filter).toEqual(['key IN ["decision__civ-divorce-almaty-2023"]']);
    expect(meiliSettings().filterableAttributes).toContain('key');
  });

  it('uses the title words of the interface language, without short function words', () => {
    expect(titleWords(SOURCE, 'ru')).toEqual(['расторжении', 'брака', 'взыскании', 'алиментов']);
    expect(titleWords(SOURCE, 'kk')).toEqual(['некені', 'бұзу']);
    // What every title says (the kind of act, «по делу», the case number) is not what it is about.
    expect(titleWords({ key: 'k', title_ru: 'Решение по делу № 2-1002/2023: взыскание алиментов' }, 'ru')).toEqual(['взыскание', 'алиментов']);
    expect(titleWords({ key: 'k', primaryLanguage: 'kk', title_kk: 'Жол жүрісі ережесін бұзу' }, 'en')).toEqual(['жол', 'жүрісі', 'ережесін', 'бұзу']);
    expect(titleWords({ key: 'k' }, 'ru')).toEqual([]);
  });

  it('searches decisions of the same category by those words, never the document itself', () => {
    const query = toSimilarQuery(SOURCE, 5, 'ru');
    expect(query?.q).toBe('расторжении брака взыскании алиментов');
    expect(query?.params).toMatchObject({
      filter: ['kind IN ["decision"]', 'category IN ["G.02.01"]', 'key NOT IN ["decision__civ-divorce-almaty-2023"]'],
      matchingStrategy: 'last',
      hitsPerPage: 5,
    });
    expect(query?.params.attributesToRetrieve).not.toContain('body_ru');
    expect(toSimilarQuery({ key: 'k', title_ru: 'О б' }, 5, 'ru')).toBeNull();
  });

  it('tops up with the latest decisions of the category, excluding those already found', () => {
    const { q, params } = toLatestInCategoryQuery(SOURCE, 3, ['decision__a']);
    expect(q).toBeNull();
    expect(params).toMatchObject({ sort: ['date:desc'], hitsPerPage: 3 });
    expect(params.filter).toContain('key NOT IN ["decision__civ-divorce-almaty-2023", "decision__a"]');
  });
});

describe('Meilisearch engine: similar and stats over fetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  const connection = { engine: 'meilisearch' as const, url: 'http://meili.test:7700', key: 'SEARCH', indexName: 'taldau' };

  it('similar: looks the document up, searches by title, tops up, and returns SearchHits', async () => {
    const requests = stubMeiliFetch((body) => {
      if (body.filter?.[0]?.startsWith('key IN')) return { hits: [SOURCE], totalHits: 1 };
      if (body.q) return { ...divorce, hits: divorce.hits.slice(0, 1) };
      return { ...divorce, hits: divorce.hits.slice(1) };
    });
    const hits = await createMeiliSearch(connection).similar('decision/civ-divorce-almaty-2023', { size: 5, lang: 'ru' });
    expect(requests).toHaveLength(3);
    expect(requests[1]?.body).toMatchObject({ q: 'расторжении брака взыскании алиментов', hitsPerPage: 5 });
    expect(requests[2]?.body).toMatchObject({ hitsPerPage: 4, sort: ['date:desc'] });
    // What the title search found is not offered twice (here the stub answered with the document's own key).
    expect(requests[2]?.body.filter).toContain('key NOT IN ["decision__civ-divorce-almaty-2023"]');
    expect(hits?.map((h) => h.id)).toEqual(['decision/civ-divorce-almaty-2023', 'resolution/2000-04-28-n5']);
  });

  it('similar: null when the index has no such document, after one request', async () => {
    const requests = stubMeiliFetch(() => ({ hits: [], totalHits: 0 }));
    expect(await createMeiliSearch(connection).similar('decision/gone')).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('stats: one request, the StatsResult back', async () => {
    const requests = stubMeiliFetch(() => statsFacets);
    const result = await createMeiliSearch(connection).stats({ text: null, filters: { outcome: { none: ['terminated'] } } });
    expect(requests.map((r) => r.body)).toEqual([{ q: null, filter: ['outcome NOT IN ["terminated"]'], facets: ['year', 'outcome', 'instance'], matchingStrategy: 'all', page: 1, hitsPerPage: 0 }]);
    expect(result.total).toBe(6);
    expect(result.years.map((y) => y.count)).toEqual([1, 0, 0, 5]);
  });

  it('stats by outcome: a second request, one multi-search over the years with documents', async () => {
    const requests = stubMeiliFetch((body) =>
      body.queries ? { results: body.queries.map((q: { filter: string[] }) => ({ hits: [], facetDistribution: { outcome: { [q.filter.at(-1)!]: 1 } } })) } : statsFacets,
    );
    const result = await createMeiliSearch(connection).stats({ text: null, filters: {} }, { by: 'outcome' });
    expect(requests.map((r) => r.path)).toEqual(['/indexes/taldau/search', '/multi-search']);
    expect(requests[1]?.body.queries.map((q: { filter: string[] }) => q.filter)).toEqual([['year = 2019'], ['year = 2022']]);
    expect(result.years.map((y) => y.by)).toEqual([{ 'year = 2019': 1 }, {}, {}, { 'year = 2022': 1 }]);
  });
});
