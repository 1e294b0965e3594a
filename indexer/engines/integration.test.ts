import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery, type SearchQueryInput } from '../../schemas/search.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { loadKnowledgeBase } from '../knowledge-base.ts';
import { writePagefindIndex } from './pagefind/index.ts';
import { toPagefindSearch } from '../../site/lib/search/pagefind-query.ts';
import { launchBrowser, serveStatic } from '../../site/test/e2e/harness.ts';
import { resolveConnection, type ElasticConnection, type MeiliConnection } from './server/config.ts';
import type { SearchEngine } from './server/search-engine.ts';

/**
 * The same searches against a live Meilisearch and a live Elasticsearch as against Pagefind, over the
 * sample content: the same documents must be found for the same query and filters. Runs only when
 * MEILISEARCH_URL / ELASTICSEARCH_URL point at a server (with MEILISEARCH_KEY, ELASTICSEARCH_API_KEY or
 * ELASTICSEARCH_USERNAME/PASSWORD as needed); each run writes into its own throw-away index.
 */
const MEILI = Boolean(process.env.MEILISEARCH_URL);
const ELASTIC = Boolean(process.env.ELASTICSEARCH_URL);

/**
 * Filter-only cases must give exactly the same documents everywhere. For text the engines legitimately
 * differ at the edges (Pagefind and Elasticsearch stem Russian, Meilisearch does not but matches the last
 * word as a prefix), so there every engine, Pagefind included, must find every document that contains the
 * word exactly as typed, and may find more word forms.
 */
const CASES: { name: string; query: SearchQueryInput }[] = [
  { name: 'filter only: criminal proceedings', query: { filters: { proceeding: { any: ['criminal'] } } } },
  { name: 'filter only: a category subtree', query: { filters: { category: { any: ['G.02'] } } } },
  { name: 'filter only: decisions not granted', query: { filters: { kind: { any: ['decision'] }, outcome: { none: ['granted', 'partially-granted'] } } } },
  { name: 'filter only: years 2020–2022', query: { years: { from: 2020, to: 2022 } } },
  { name: 'filter only: Kazakh documents', query: { filters: { language: { any: ['kk'] } } } },
  { name: 'text: брака', query: { text: 'брака' } },
  { name: 'text: приговор, criminal', query: { text: 'приговор', filters: { proceeding: { any: ['criminal'] } } } },
  { name: 'text (Kazakh): сот', query: { text: 'сот' } },
];

let documents: KbDocument[] = [];
const expected = new Map<string, string[]>();
/** For text cases with filters: what the filters alone admit, per Pagefind. */
const pagefindFilterOnly = new Map<string, string[]>();
let pagefindDir = '';

/**
 * Browser-side code as text: vitest rewrites `import()` in functions it transforms, and this one must
 * run untouched in the page. One Pagefind instance per document language, as the site does.
 */
const PAGEFIND_IN_PAGE = `async ({ args, base }) => {
  const found = new Set();
  for (const lang of ['ru', 'kk']) {
    document.documentElement.lang = lang;
    const mod = await import(base + '/pagefind/pagefind.js?instance=' + lang);
    const pf = mod.createInstance({ basePath: base + '/pagefind/', baseUrl: '/', noWorker: true });
    await pf.init();
    const response = await pf.search(args.term, args.options);
    for (const r of (response && response.results) || []) found.add((await r.data()).meta.id);
  }
  return [...found].sort();
}`;

/** Runs every case through Pagefind in chromium (as the site does: one instance per document language). */
async function pagefindResults(): Promise<void> {
  pagefindDir = await mkdtemp(path.join(os.tmpdir(), 'taldau-it-'));
  await writePagefindIndex(documents, path.join(pagefindDir, 'pagefind'));
  await writeFile(path.join(pagefindDir, 'index.html'), '<!doctype html><html lang="ru"><title>it</title></html>');
  const server = await serveStatic(pagefindDir);
  const { browser, close } = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const years = [...new Set(documents.map((d) => d.year))];
    for (const c of CASES) {
      const args = toPagefindSearch(SearchQuery.parse(c.query), years);
      const ids = (await page.evaluate(`(${PAGEFIND_IN_PAGE})(${JSON.stringify({ args, base: server.url })})`)) as string[];
      expected.set(c.name, ids);
      if (c.query.text && c.query.filters) {
        const only = toPagefindSearch(SearchQuery.parse({ ...c.query, text: null }), years);
        pagefindFilterOnly.set(c.name, (await page.evaluate(`(${PAGEFIND_IN_PAGE})(${JSON.stringify({ args: only, base: server.url })})`)) as string[]);
      }
    }
  } finally {
    await close();
    await server.close();
  }
}

/** Documents containing the query word as a whole word, in any language: the ground truth for text cases. */
function containing(word: string): string[] {
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${word}($|[^\\p{L}\\p{N}])`, 'iu');
  return documents
    .filter((d) => d.languages.some((l) => re.test(`${d.title[l] ?? ''}\n${d.body[l] ?? ''}`)))
    .map((d) => d.id)
    .sort();
}

async function compare(engine: SearchEngine, c: (typeof CASES)[number]): Promise<void> {
  const got = await allIds(engine, c.query);
  const pagefind = expected.get(c.name) ?? [];
  if (!c.query.text) {
    expect(got).toEqual(pagefind);
    return;
  }
  const filtered = new Set(pagefindFilterOnly.get(c.name) ?? documents.map((d) => d.id));
  const truth = containing(c.query.text).filter((id) => filtered.has(id));
  expect(truth.length).toBeGreaterThan(0);
  expect(pagefind).toEqual(expect.arrayContaining(truth));
  expect(got).toEqual(expect.arrayContaining(truth));
}

async function allIds(engine: SearchEngine, input: SearchQueryInput): Promise<string[]> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const result = await engine.search(SearchQuery.parse({ ...input, page, pageSize: 50 }));
    for (const hit of result.hits) ids.add(hit.id);
    if (page >= result.pages) break;
  }
  return [...ids].sort();
}

beforeAll(async () => {
  if (!MEILI && !ELASTIC) return;
  documents = (await loadKnowledgeBase({ contentDir: path.resolve('content') })).documents;
  await pagefindResults();
}, 600_000);

afterAll(async () => {
  if (pagefindDir) await rm(pagefindDir, { recursive: true, force: true });
});

const testIndexName = () => `taldau_it_${Date.now().toString(36)}`;

describe.skipIf(!MEILI)('live Meilisearch (set MEILISEARCH_URL to run)', () => {
  let engine: SearchEngine;
  let cleanup = async () => {};

  beforeAll(async () => {
    const connection = { ...resolveConnection('meilisearch', process.env), indexName: testIndexName() } as MeiliConnection;
    const [{ createMeiliClient }, { MeiliWriter }, { createMeiliSearch }] = await Promise.all([
      import('./meilisearch/client.ts'),
      import('./meilisearch/writer.ts'),
      import('./meilisearch/search.ts'),
    ]);
    const client = createMeiliClient(connection);
    const writer = new MeiliWriter(client, connection.url, { indexName: connection.indexName });
    await writer.prepare();
    await writer.write(documents);
    await writer.finalize();
    await writer.close();
    engine = createMeiliSearch(connection, client);
    cleanup = async () => void (await client.deleteIndex(connection.indexName).waitTask());
  }, 600_000);
  afterAll(() => cleanup());

  for (const c of CASES) it(`finds what Pagefind finds: ${c.name}`, () => compare(engine, c));
});

describe.skipIf(!ELASTIC)('live Elasticsearch (set ELASTICSEARCH_URL to run)', () => {
  let engine: SearchEngine;
  let cleanup = async () => {};

  beforeAll(async () => {
    const connection = { ...resolveConnection('elasticsearch', process.env), indexName: testIndexName() } as ElasticConnection;
    const [{ createElasticClient }, { ElasticWriter }, { createElasticSearch }] = await Promise.all([
      import('./elasticsearch/client.ts'),
      import('./elasticsearch/writer.ts'),
      import('./elasticsearch/search.ts'),
    ]);
    const client = createElasticClient(connection);
    const writer = new ElasticWriter(client, connection.url, { indexName: connection.indexName, replicas: 0 });
    await writer.prepare();
    await writer.write(documents);
    await writer.finalize();
    await writer.close();
    engine = createElasticSearch(connection, client);
    cleanup = async () => {
      const targets = Object.keys(await client.indices.getAlias({ name: connection.indexName }));
      await client.indices.delete({ index: targets });
    };
  }, 600_000);
  afterAll(() => cleanup());

  for (const c of CASES) it(`finds what Pagefind finds: ${c.name}`, () => compare(engine, c));
});
