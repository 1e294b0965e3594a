import { afterEach, describe, expect, it, vi } from 'vitest';
import Mock from '@elastic/elasticsearch-mock';
import type { SearchQuery, SearchResult } from '../../schemas/search.ts';
import { createServerSearch, type SearchEngine } from '../../indexer/engines/server-search.ts';
import { EngineUnreachableError } from '../../indexer/engines/server/errors/index.ts';
import { stubMeiliFetch } from '../../indexer/engines/meilisearch/stub-fetch.ts';
import { searchOverMock } from '../../indexer/engines/elasticsearch/mock-search.ts';
import meiliDivorce from '../../indexer/engines/meilisearch/fixtures/search-divorce.json' with { type: 'json' };
import esDivorce from '../../indexer/engines/elasticsearch/fixtures/search-divorce.json' with { type: 'json' };
import { ENDPOINT_LIMITS, handleSearch } from './search-endpoint-handler.ts';
import { createServerBackend } from '../lib/search/server-backend.ts';
import { SearchQueryError } from '../lib/search/backend.ts';

const EMPTY: SearchResult = { hits: [], total: 0, facets: {}, page: 1, pageSize: 20, pages: 0 };

function recordingEngine(result: SearchResult = EMPTY) {
  const seen: SearchQuery[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('only search is expected here');
  };
  const engine: SearchEngine = { engine: 'meilisearch', search: async (q) => (seen.push(q), result), similar: unused, stats: unused };
  return { seen, get: async () => engine };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://site.test/api/search/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const quiet = () => {};

describe('search endpoint: validation', () => {
  it('passes a valid query, with defaults filled, to the engine', async () => {
    const { seen, get } = recordingEngine();
    const res = await handleSearch(post({ text: 'кража', filters: { category: { any: ['U.13'] } } }), get, quiet);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(EMPTY);
    expect(seen).toEqual([{ text: 'кража', filters: { category: { any: ['U.13'] } }, sort: 'relevance', page: 1, pageSize: 20, lang: 'ru' }]);
  });

  it.each([
    ['not JSON', '{"text": ', /not valid JSON/],
    ['an unknown facet', { filters: { password: { any: ['x'] } } }, /invalid query/],
    ['an unknown field', { text: 'x', script: 'ctx._source' }, /invalid query/],
    ['a prototype key', '{"__proto__": {"admin": true}}', /invalid query/],
    ['too long a text', { text: 'а'.repeat(501) }, /invalid query/],
    ['too large a page', { pageSize: 51 }, /invalid query/],
    ['a page past the limit', { page: 1001 }, /invalid query/],
    ['a negative page', { page: -1 }, /invalid query/],
    ['a wrong type', { text: { $ne: null } }, /invalid query/],
    ['too many values in one facet', { filters: { court: { any: Array.from({ length: 51 }, (_, i) => `c${i}`) } } }, /invalid query/],
    [
      'too many filter values overall',
      { filters: Object.fromEntries(['court', 'region', 'category'].map((f) => [f, { any: Array.from({ length: 40 }, (_, i) => `${f}${i}`) }])) },
      /101|120 filter values/,
    ],
  ])('answers 400 with a clear message for %s', async (_name, body, message) => {
    const { seen, get } = recordingEngine();
    const res = await handleSearch(post(body), get, quiet);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect(seen).toHaveLength(0);
  });

  it('refuses other methods, other content types and oversized bodies before reading them as queries', async () => {
    const { get } = recordingEngine();
    expect((await handleSearch(new Request('http://site.test/api/search/'), get, quiet)).status).toBe(405);
    expect((await handleSearch(post('text=x', { 'content-type': 'application/x-www-form-urlencoded' }), get, quiet)).status).toBe(415);
    const big = JSON.stringify({ text: 'x'.repeat(ENDPOINT_LIMITS.bodyBytes) });
    expect((await handleSearch(post(big), get, quiet)).status).toBe(413);
  });
});

describe('search endpoint: engine failures', () => {
  it('answers 503 without revealing the server address when the engine is down', async () => {
    const logged: unknown[] = [];
    const engine: SearchEngine = {
      engine: 'elasticsearch',
      search: async () => {
        throw new EngineUnreachableError('elasticsearch', 'https://10.0.0.5:9200');
      },
      similar: async () => null,
      stats: async () => ({ total: 0, years: [], facets: { outcome: {}, instance: {} } }),
    };
    const res = await handleSearch(post({ text: 'x' }), async () => engine, (_m, e) => logged.push(e));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('10.0.0.5');
    expect(text).toMatch(/temporarily unavailable/);
    expect(logged).toHaveLength(1);
  });

  it('answers 404 when no server engine is configured', async () => {
    const res = await handleSearch(post({}), async () => null, quiet);
    expect(res.status).toBe(404);
  });
});

describe('search endpoint end to end with the engines (recorded payloads)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('Meilisearch: searches with the search-only key, never the admin key', async () => {
    const requests = stubMeiliFetch(() => meiliDivorce);
    const env = { TALDAU_SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://meili.test:7700', MEILISEARCH_KEY: 'ADMIN', MEILISEARCH_SEARCH_KEY: 'SEARCH-ONLY' };
    const res = await handleSearch(post({ text: 'брак', filters: { year: { any: ['2023'] } } }), () => createServerSearch(env), quiet);
    expect(res.status).toBe(200);
    const result = (await res.json()) as SearchResult;
    expect(result.total).toBe(2);
    expect(result.hits[0]?.excerpt).toContain('<mark>брака</mark>');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/indexes/taldau/search', authorization: 'Bearer SEARCH-ONLY' });
    expect(requests[0]?.body).toMatchObject({ q: 'брак', filter: ['year IN ["2023"]'] });
  });

  it('Elasticsearch: searches the alias and returns the SearchResult', async () => {
    const mock = new Mock();
    let path = '';
    mock.add({ method: 'POST', path: '/:index/_search' }, (params) => ((path = String(params.path)), esDivorce));
    const engine = searchOverMock(mock);
    const res = await handleSearch(post({ text: '"расторжение брака"' }), async () => engine, quiet);
    expect(res.status).toBe(200);
    expect(path).toBe('/taldau/_search');
    expect(((await res.json()) as SearchResult).facets.kind).toEqual({ decision: 1, resolution: 1 });
  });
});

describe('server backend (the search page side)', () => {
  it('posts the query to the endpoint and prefixes hit urls with the interface language', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const result: SearchResult = { ...EMPTY, total: 1, pages: 1, hits: [{ id: 'decision/x', url: '/decisions/x/#kk', kind: 'decision', title: 't', excerpt: '', meta: {} }] };
    const fakeFetch = (async (url: string, init?: RequestInit) => (calls.push([url, init]), new Response(JSON.stringify(result)))) as typeof fetch;
    const backend = createServerBackend('/api/search/', { urlPrefix: '/kk' }, fakeFetch);
    const q = { text: 'x', filters: {}, sort: 'relevance', page: 1, pageSize: 20, lang: 'kk' } as const;
    const out = await backend.search(q);
    expect(out.hits[0]?.url).toBe('/kk/decisions/x/#kk');
    expect(calls[0]?.[0]).toBe('/api/search/');
    expect(JSON.parse(String(calls[0]?.[1]?.body))).toEqual(q);
  });

  it('turns a 400 into a SearchQueryError carrying the endpoint message', async () => {
    const fakeFetch = (async () => new Response(JSON.stringify({ error: 'invalid query: too long' }), { status: 400 })) as typeof fetch;
    const backend = createServerBackend('/api/search/', { urlPrefix: '' }, fakeFetch);
    const error = await backend.search({ text: 'x', filters: {}, sort: 'relevance', page: 1, pageSize: 20, lang: 'ru' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchQueryError);
    expect((error as Error).message).toBe('invalid query: too long');
  });
});
