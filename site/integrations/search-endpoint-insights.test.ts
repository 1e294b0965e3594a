import { afterEach, describe, expect, it, vi } from 'vitest';
import Mock from '@elastic/elasticsearch-mock';
import type { SearchHit } from '../../schemas/search.ts';
import { createServerSearch, type SearchEngine } from '../../indexer/engines/server-search.ts';
import { EngineUnreachableError } from '../../indexer/engines/server/errors/index.ts';
import type { SimilarOptions } from '../../indexer/engines/server/search-engine.ts';
import type { StatsOptions, StatsQuery, StatsResult } from '../../indexer/engines/server/stats.ts';
import { searchOverMock } from '../../indexer/engines/elasticsearch/mock-search.ts';
import { stubMeiliFetch } from '../../indexer/engines/meilisearch/stub-fetch.ts';
import esDivorce from '../../indexer/engines/elasticsearch/fixtures/search-divorce.json' with { type: 'json' };
import esStats from '../../indexer/engines/elasticsearch/fixtures/stats-outcome-instance.json' with { type: 'json' };
import esSource from '../../indexer/engines/elasticsearch/fixtures/get-source-found.json' with { type: 'json' };
import meiliStats from '../../indexer/engines/meilisearch/fixtures/stats-facets.json' with { type: 'json' };
import { handleSimilar, handleStats } from './search-endpoint-insights.ts';

const STATS: StatsResult = { total: 3, years: [{ year: '2022', count: 1 }, { year: '2023', count: 2 }], facets: { outcome: { granted: 3 }, instance: { first: 3 } } };
const HIT: SearchHit = { id: 'decision/other', url: '/decisions/other/', kind: 'decision', title: 't', excerpt: 'e', meta: {} };

function recordingEngine(found = true) {
  const similar: [string, SimilarOptions | undefined][] = [];
  const stats: StatsQuery[] = [];
  const statsOptions: (StatsOptions | undefined)[] = [];
  const engine: SearchEngine = {
    engine: 'elasticsearch',
    search: async () => {
      throw new Error('not expected');
    },
    similar: async (id, options) => (similar.push([id, options]), found ? [HIT] : null),
    stats: async (q, options) => (stats.push(q), statsOptions.push(options), STATS),
  };
  return { similar, stats, statsOptions, get: async () => engine };
}

const get = (path: string, init: RequestInit = {}) => new Request(`http://site.test${path}`, init);
const quiet = () => {};

describe('/api/similar/', () => {
  it('passes the id, size and language to the engine and answers { id, hits }', async () => {
    const { similar, get: engine } = recordingEngine();
    const res = await handleSimilar(get('/api/similar/?id=decision/civ-divorce-almaty-2023&size=3&lang=kk'), engine, quiet);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'decision/civ-divorce-almaty-2023', hits: [HIT] });
    expect(similar).toEqual([['decision/civ-divorce-almaty-2023', { size: 3, lang: 'kk' }]]);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('defaults to 5 decisions in Russian', async () => {
    const { similar, get: engine } = recordingEngine();
    await handleSimilar(get('/api/similar/?id=resolution/2000-04-28-n5'), engine, quiet);
    expect(similar[0]?.[1]).toEqual({ size: 5, lang: 'ru' });
  });

  it('answers 404 when the index has no document with that id', async () => {
    const res = await handleSimilar(get('/api/similar/?id=decision/gone'), recordingEngine(false).get, quiet);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/no document/);
  });

  it.each([
    ['no id', '', /id/],
    ['a path instead of an id', '?id=../../etc/passwd', /document id/],
    ['an unknown kind', '?id=user/admin', /document id/],
    ['upper case and quotes', '?id=decision/X"%20OR%201', /document id/],
    ['too long an id', `?id=decision/${'a'.repeat(200)}`, /invalid parameters/],
    ['size 0', '?id=decision/x&size=0', /size/],
    ['size past the limit', '?id=decision/x&size=21', /size/],
    ['a size that is not a number', '?id=decision/x&size=1e3', /size/],
    ['an unknown language', '?id=decision/x&lang=de', /lang/],
    ['an id given twice', '?id=decision/x&id=decision/y', /more than once/],
    ['an unknown parameter', '?id=decision/x&script=ctx', /script|Unrecognized/i],
    ['a prototype key', '?id=decision/x&__proto__=1', /__proto__|Unrecognized/i],
  ])('answers 400 for %s, without asking the engine', async (_name, query, message) => {
    const { similar, get: engine } = recordingEngine();
    const res = await handleSimilar(get(`/api/similar/${query}`), engine, quiet);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect(similar).toHaveLength(0);
  });

  it('refuses other methods and overlong parameters', async () => {
    const { get: engine } = recordingEngine();
    expect((await handleSimilar(get('/api/similar/?id=decision/x', { method: 'POST', body: '{}' }), engine, quiet)).status).toBe(405);
    expect((await handleSimilar(get(`/api/similar/?id=decision/x&pad=${'x'.repeat(9000)}`), engine, quiet)).status).toBe(414);
  });

  it('answers 503 without the server address when the engine is down', async () => {
    const engine: SearchEngine = {
      ...(await recordingEngine().get()),
      similar: async () => {
        throw new EngineUnreachableError('elasticsearch', 'https://10.0.0.5:9200');
      },
    };
    const logged: unknown[] = [];
    const res = await handleSimilar(get('/api/similar/?id=decision/x'), async () => engine, (_m, e) => logged.push(e));
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain('10.0.0.5');
    expect(logged).toHaveLength(1);
  });
});

describe('/api/stats/', () => {
  it('reads the search page’s filter parameters into the engine’s StatsQuery', async () => {
    const { stats, get: engine } = recordingEngine();
    const res = await handleStats(
      get(`/api/stats/?q=${encodeURIComponent('"расторжение брака" +алименты')}&f.category=G.02&f.court=a&f.court=b&x.outcome=rejected&from=2015&to=2020`),
      engine,
      quiet,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(STATS);
    expect(stats).toEqual([
      {
        text: '"расторжение брака" +алименты',
        filters: { category: { any: ['G.02'] }, court: { any: ['a', 'b'] }, outcome: { none: ['rejected'] } },
        years: { from: 2015, to: 2020 },
      },
    ]);
  });

  it('counts everything without parameters', async () => {
    const { stats, statsOptions, get: engine } = recordingEngine();
    expect((await handleStats(get('/api/stats/'), engine, quiet)).status).toBe(200);
    expect(stats).toEqual([{ text: null, filters: {} }]);
    expect(statsOptions).toEqual([{}]);
  });

  it('passes by=outcome or by=instance on to split every year', async () => {
    const { statsOptions, get: engine } = recordingEngine();
    expect((await handleStats(get('/api/stats/?f.kind=decision&by=instance'), engine, quiet)).status).toBe(200);
    expect(statsOptions).toEqual([{ by: 'instance' }]);
  });

  it.each([
    ['an unknown facet', '?f.password=x', /unknown facet/],
    ['a paging parameter', '?page=2', /unknown parameter "page"/],
    ['a sort', '?sort=date-desc', /unknown parameter "sort"/],
    ['a year that is not a year', '?from=20x5', /year/],
    ['a year out of range', '?to=2500', /invalid parameters/],
    ['a reversed range', '?from=2020&to=2015', /ends before it starts/],
    ['the text twice', '?q=a&q=b', /more than once/],
    ['too long a text', `?q=${'а'.repeat(501)}`, /invalid parameters/],
    ['an empty filter value', '?f.court=', /invalid parameters/],
    ['too many values in one facet', `?${Array.from({ length: 51 }, (_, i) => `f.court=c${i}`).join('&')}`, /invalid parameters/],
    [
      'too many filter values overall',
      `?${['court', 'region', 'category'].flatMap((f) => Array.from({ length: 40 }, (_, i) => `f.${f}=${f}${i}`)).join('&')}`,
      /120 filter values/,
    ],
    ['a prototype key', '?__proto__=1', /unknown parameter/],
    ['a split by a facet that is not counted', '?by=court', /"by" must be one of outcome, instance/],
    ['two splits', '?by=outcome&by=instance', /more than once/],
  ])('answers 400 for %s, without asking the engine', async (_name, query, message) => {
    const { stats, get: engine } = recordingEngine();
    const res = await handleStats(get(`/api/stats/${query}`), engine, quiet);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect(stats).toHaveLength(0);
  });

  it('answers 404 when no server engine is configured', async () => {
    expect((await handleStats(get('/api/stats/'), async () => null, quiet)).status).toBe(404);
  });
});

describe('similar and stats end to end with the engines (recorded payloads)', () => {
  afterEach(() => vi.unstubAllGlobals());

  function elastic() {
    const mock = new Mock();
    const requests: { method: string; path: string; body: any }[] = [];
    mock.add({ method: 'GET', path: '/taldau/_doc/:id' }, (p) => (requests.push({ method: 'GET', path: String(p.path), body: null }), esSource));
    mock.add({ method: 'POST', path: '/taldau/_search' }, (p) => {
      requests.push({ method: 'POST', path: String(p.path), body: p.body });
      return (p.body as { aggs?: unknown }).aggs ? esStats : esDivorce;
    });
    const engine = searchOverMock(mock);
    return { requests, get: async () => engine };
  }

  it('Elasticsearch similar: reads the document, asks more_like_this with the boosts, returns hits', async () => {
    const es = elastic();
    const res = await handleSimilar(get('/api/similar/?id=decision/civ-divorce-almaty-2023&size=2'), es.get, quiet);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.hits.map((h: SearchHit) => h.id)).toEqual(['decision/civ-divorce-almaty-2023', 'resolution/2000-04-28-n5']);
    expect(es.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /taldau/_doc/decision__civ-divorce-almaty-2023', 'POST /taldau/_search']);
    const query = es.requests[1]!.body;
    expect(query.size).toBe(2);
    expect(query.query.bool.must[0].more_like_this.like).toEqual([{ _index: 'taldau', _id: 'decision__civ-divorce-almaty-2023' }]);
    expect(query.query.bool.filter).toEqual([{ term: { kind: 'decision' } }]);
    expect(query.query.bool.should).toContainEqual({ term: { norm: { value: 'kobs:20', boost: 2 } } });
  });

  it('Elasticsearch stats: one aggregation request, years and facets back', async () => {
    const es = elastic();
    const res = await handleStats(get('/api/stats/?f.category=U.13&from=2020'), es.get, quiet);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      total: 6,
      years: [
        { year: '2020', count: 1 },
        { year: '2021', count: 0 },
        { year: '2022', count: 5 },
      ],
      facets: { outcome: { convicted: 4, acquitted: 1 }, instance: { first: 4, appeal: 2 } },
    });
    expect(es.requests[0]?.body).toMatchObject({ size: 0, query: { bool: { filter: [{ terms: { category: ['U.13'] } }, { range: { year: { gte: 2020 } } }] } } });
  });

  it('Meilisearch stats: asks with the search-only key and answers the StatsResult', async () => {
    const seen = stubMeiliFetch(() => meiliStats);
    const env = { TALDAU_SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://meili.test:7700', MEILISEARCH_KEY: 'ADMIN', MEILISEARCH_SEARCH_KEY: 'SEARCH-ONLY' };
    const res = await handleStats(get('/api/stats/?q=кража&x.outcome=terminated'), () => createServerSearch(env), quiet);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ total: 6, facets: { instance: { first: 4, appeal: 2 } } });
    expect(text).not.toMatch(/ADMIN|SEARCH-ONLY|meili\.test/);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: '/indexes/taldau/search', authorization: 'Bearer SEARCH-ONLY' });
    expect(seen[0]?.body).toMatchObject({ q: 'кража', filter: ['outcome NOT IN ["terminated"]'], hitsPerPage: 0 });
  });
});
