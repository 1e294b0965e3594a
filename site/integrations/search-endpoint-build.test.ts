import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadKnowledgeBase } from '../../indexer/knowledge-base.ts';
import { toServerDocument } from '../../indexer/engines/server/document.ts';
import { serveFakeMeiliSearch } from '../../indexer/engines/meilisearch/fake-http-search.ts';
import { buildSite, FIXTURE_CONTENT, launchBrowser, ROOT, watchErrors, type BuiltSite } from '../test/e2e/harness.ts';

/**
 * The site built with a search server configured: the Node adapter serves the pages and /api/search/
 * (with /api/similar/ and /api/stats/),
 * the search page talks to that endpoint (not to Pagefind), and no key or server address is in any
 * built file. The "server" is a fake Meilisearch on a local port answering in Meilisearch's format.
 */
const SECRETS = {
  MEILISEARCH_KEY: 'ADMIN-KEY-must-never-ship-7f3a',
  MEILISEARCH_SEARCH_KEY: 'SEARCH-KEY-must-never-ship-91c2',
  ELASTICSEARCH_API_KEY: 'ES-KEY-must-never-ship-55d0',
  ELASTICSEARCH_PASSWORD: 'ES-PASSWORD-must-never-ship-0b1e',
};

let site: BuiltSite;
let meili: Awaited<ReturnType<typeof serveFakeMeiliSearch>>;
let app: ChildProcess;
let appUrl = '';
let appLog = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  const kb = await loadKnowledgeBase({ contentDir: FIXTURE_CONTENT });
  meili = await serveFakeMeiliSearch(kb.documents.map(toServerDocument));
  const env = {
    TALDAU_SEARCH_ENGINE: 'meilisearch',
    PUBLIC_TALDAU_SEARCH_ENDPOINT: '/api/search/',
    MEILISEARCH_URL: meili.url,
    ELASTICSEARCH_URL: 'https://es-internal.example:9200',
    ELASTICSEARCH_USERNAME: 'elastic',
    ...SECRETS,
  };
  // Inside the project: a server build imports its dependencies at run time, from the project's node_modules.
  site = await buildSite(FIXTURE_CONTENT, { env, tmpPrefix: path.join(ROOT, 'node_modules/.cache/taldau-server-build-') });
  const port = await freePort();
  app = spawn(process.execPath, [path.join(site.outDir, 'server/entry.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout?.on('data', (d: Buffer) => (appLog += d));
  app.stderr?.on('data', (d: Buffer) => (appLog += d));
  appUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${appUrl}/`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the built server did not start:\n${appLog}`);
}, 600_000);

afterAll(async () => {
  if (app && app.exitCode === null) await new Promise((resolve) => (app.once('exit', resolve), app.kill()));
  await meili?.close();
  await site?.cleanup();
});

describe('build with TALDAU_SEARCH_ENGINE=meilisearch', () => {
  it('produces a Node server next to the static client files', async () => {
    expect((await stat(path.join(site.outDir, 'server/entry.mjs'))).isFile()).toBe(true);
    expect((await stat(path.join(site.outDir, 'client/search/index.html'))).isFile()).toBe(true);
  });

  it('puts no key, password or server address in any built file, client or server', async () => {
    const files = await filesUnder(site.outDir);
    expect(files.length).toBeGreaterThan(20);
    // The fixture content is built into the server bundle; the secrets only exist in the environment.
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      for (const secret of [...Object.values(SECRETS), 'es-internal.example', meili.url]) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });
});

describe('the running site with the search endpoint', () => {
  it('answers a SearchQuery with a SearchResult, using the search-only key', async () => {
    meili.seen.length = 0;
    const res = await fetch(`${appUrl}/api/search/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'мотоблок' }) });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.hits.map((h: { url: string }) => h.url)).toEqual(['/decisions/1-3001-2022/']);
    expect(result.hits[0].excerpt).toContain('<mark>');
    expect(meili.seen[0]?.authorization).toBe(`Bearer ${SECRETS.MEILISEARCH_SEARCH_KEY}`);
  });

  it('answers hostile input with 400 and a clear message', async () => {
    const res = await fetch(`${appUrl}/api/search/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pageSize: 10_000 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/pageSize/);
  });

  it('answers /api/similar/ with decisions of the same category, never the document itself', async () => {
    meili.seen.length = 0;
    const res = await fetch(`${appUrl}/api/similar/?id=decision/2-1002-2023&size=3`);
    expect(res.status).toBe(200);
    const body = await res.json();
    // The only other alimony decision (G.02.02); the resolution and summary on alimony are not decisions.
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['decision/2a-2003-2023']);
    expect(meili.seen.every((r) => r.authorization === `Bearer ${SECRETS.MEILISEARCH_SEARCH_KEY}`)).toBe(true);
    expect((await fetch(`${appUrl}/api/similar/?id=decision/no-such-decision`)).status).toBe(404);
    expect((await fetch(`${appUrl}/api/similar/?id=../../etc/passwd`)).status).toBe(400);
  });

  it('answers /api/stats/ with counts per year, outcome and instance for the search filters', async () => {
    const res = await fetch(`${appUrl}/api/stats/?f.kind=decision&f.category=G.02`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      total: 3,
      years: [{ year: '2023', count: 3 }],
      facets: { outcome: { granted: 1, 'partially-granted': 1, upheld: 1 }, instance: { first: 2, appeal: 1 } },
    });
    const hostile = await fetch(`${appUrl}/api/stats/?f.password=x`);
    expect(hostile.status).toBe(400);
    expect((await hostile.json()).error).toMatch(/unknown facet/);
  });

  it('the search page, opened with ?q=, asks the endpoint (not Pagefind) and shows its hits with marks', async () => {
    const { browser, close } = await launchBrowser();
    try {
      const page: Page = await browser.newPage();
      const errors = watchErrors(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${appUrl}/search/?q=${encodeURIComponent('мотоблок')}`);
      await page.waitForFunction(() => document.querySelectorAll('#results li.hit').length > 0, undefined, { timeout: 30_000 });
      const urls = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('#results li.hit a.doc-title')].map((a) => a.getAttribute('href')));
      expect(urls).toEqual(['/decisions/1-3001-2022/']);
      expect(await page.locator('#results mark').first().textContent()).toMatch(/мотоблок/i);
      expect(requests).toContain('/api/search/');
      expect(requests.some((p) => p.startsWith('/pagefind/'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
