import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SearchQuery, type SearchQueryInput } from '../../../../schemas/search.ts';
import type { KbDocument } from '../../../../schemas/kb-document.ts';
import { INDEX_SPEC } from '../../../../indexer/engines/index.ts';
import { CompactWriter } from '../../../../indexer/engines/compact/writer.ts';
import type { CompactManifest } from '../../../../indexer/engines/compact/format.ts';
import { loadKnowledgeBase } from '../../../../indexer/knowledge-base.ts';
import { TODAY, VALID_DIR } from '../../../../indexer/test/paths.ts';
import type { SiteSearchResult } from '../backend.ts';
import { createCompactBackend } from './backend.ts';

/**
 * The compact index end to end without a browser: the real writer writes the fixture knowledge base (enriched,
 * as a build does), and the real client searches it through a `fetch` that serves the written files.
 */
let documents: KbDocument[];
let tmp: string;
let outDir: string;
let fetched: string[];
let stats: Awaited<ReturnType<CompactWriter['finalize']>>;

const serve = async (url: string): Promise<Response> => {
  fetched.push(url);
  try {
    return new Response(await readFile(path.join(outDir, url.replace(/^\/compact\//, ''))));
  } catch {
    return new Response('not found', { status: 404 });
  }
};
const backend = () => createCompactBackend({ urlPrefix: '/en', fetch: serve });
const search = async (q: SearchQueryInput, b = backend()): Promise<SiteSearchResult & { counts: Record<string, Record<string, number>> }> => {
  const result = await b.search(SearchQuery.parse(q));
  return { ...result, counts: result.facetsLater ? await result.facetsLater() : result.facets };
};

beforeAll(async () => {
  documents = (await loadKnowledgeBase({ contentDir: VALID_DIR, today: TODAY, cache: false })).documents;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-compact-'));
  outDir = path.join(tmp, 'site', 'compact');
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'stale.txt'), 'old index');
  const writer = new CompactWriter(outDir);
  try {
    await writer.prepare(INDEX_SPEC);
    await writer.write(documents);
    stats = await writer.finalize();
  } finally {
    await writer.close();
  }
});
beforeEach(() => {
  fetched = [];
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the compact index on disk', () => {
  it('replaces the old index with a complete one, one record per document, newest first', async () => {
    expect(stats).toMatchObject({ total: 5, failed: 0 });
    expect(await readdir(outDir)).toEqual(expect.arrayContaining(['manifest.json', 'terms', 'facets', 'fragments']));
    expect(await readdir(outDir)).not.toContain('stale.txt');
    expect(await readdir(path.dirname(outDir))).toEqual(['compact']);
    const manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as CompactManifest;
    expect(manifest).toMatchObject({ format: 'taldau-compact', version: 1, docs: 5, years: [2000, 2022, 2023] });
    const dates = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => JSON.parse(gunzipSync(await readFile(path.join(outDir, 'fragments', `${i}.cfr`))).toString()).date as string),
    );
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('holds no personal data of parties: fragments carry the depersonalised text', async () => {
    const all = await Promise.all((await readdir(path.join(outDir, 'fragments'))).map((f) => readFile(path.join(outDir, 'fragments', f))));
    const text = all.map((b) => gunzipSync(b).toString()).join('\n');
    expect(text).toContain('расторжении брака');
    expect(text).not.toMatch(/Жаксылыков/);
  });
});

describe('searching it', () => {
  it('finds a word in any of its forms and marks it in the excerpt', async () => {
    const r = await search({ text: 'брак' });
    const ids = r.hits.map((h) => h.id);
    expect(ids).toContain('decision/2-1234-2023');
    expect(ids).toContain('resolution/2000-07-28-n5');
    const hit = r.hits.find((h) => h.id === 'decision/2-1234-2023')!;
    expect(hit.url).toBe('/en/decisions/2-1234-2023/');
    expect(hit.excerpt).toMatch(/<mark>брак[а-я]*<\/mark>/i);
    expect(hit.meta).toMatchObject({ court: 'almaty-bostandyk-district-court', category: 'G.02.01', docLang: 'ru' });
  });

  it('lists a bilingual document once, and links a Kazakh match to its Kazakh text', async () => {
    const browse = await search({ text: null });
    expect(browse.total).toBe(5);
    const kk = await search({ text: 'некені', lang: 'kk' });
    expect(kk.hits.map((h) => h.id)).toEqual(['decision/2-1234-2023#kk']);
    expect(kk.hits[0]).toMatchObject({ url: '/en/decisions/2-1234-2023/#kk', meta: { docLang: 'kk' } });
    expect(kk.hits[0]!.title).toBe(documents.find((d) => d.id === 'decision/2-1234-2023')!.title.kk);
  });

  it('loads only the files a search needs: no facet column without a filter until the counts', async () => {
    const b = backend();
    const result = await b.search(SearchQuery.parse({ text: 'кража' }));
    expect(fetched.some((u) => u.includes('/facets/'))).toBe(false);
    expect(fetched.filter((u) => u.includes('/fragments/'))).toHaveLength(result.hits.length);
    await result.facetsLater!();
    expect(fetched.filter((u) => u.includes('/facets/')).length).toBe(INDEX_SPEC.facets.length);
  });

  it('filters (any, none, a year range) and counts a chosen facet without its own choice', async () => {
    const decisions = await search({ text: null, filters: { kind: { any: ['decision'] } } });
    expect(decisions.total).toBe(3);
    expect(decisions.counts.kind).toEqual({ decision: 3, resolution: 1, summary: 1 });
    expect(decisions.counts.year).toEqual({ 2022: 1, 2023: 2 });
    const notDecisions = await search({ text: null, filters: { kind: { none: ['decision'] } } });
    expect(notDecisions.total).toBe(2);
    const range = await search({ text: null, years: { from: 2022, to: 2022 } });
    expect(range.hits.map((h) => h.id)).toEqual(['decision/1-55-2022']);
    const empty = await search({ text: null, years: { from: 2030 } });
    expect(empty.total).toBe(0);
    const unknown = await search({ text: null, filters: { court: { any: ['no-such-court'] } } });
    expect(unknown.total).toBe(0);
    // The classifier column stores the deepest codes only; a parent still holds its children's documents.
    const civil = await search({ text: null, filters: { category: { any: ['G'] } } });
    expect(civil.hits.map((h) => h.id)).toContain('decision/2-1234-2023');
    expect(civil.counts.category).toMatchObject({ G: civil.total, 'G.02': expect.any(Number), 'G.02.01': expect.any(Number) });
    expect(civil.counts.category!['G.02']).toBeGreaterThanOrEqual(civil.counts.category!['G.02.01']!);
  });

  it('sorts newest first, oldest first, and by relevance', async () => {
    const desc = await search({ text: null, sort: 'date-desc' });
    const asc = await search({ text: null, sort: 'date-asc' });
    expect(desc.hits.map((h) => h.date)).toEqual([...desc.hits.map((h) => h.date!)].sort().reverse());
    expect(asc.hits.map((h) => h.id)).toEqual([...desc.hits.map((h) => h.id)].reverse());
    const relevance = await search({ text: 'расторжении брака' });
    // The resolution is about divorce in its title (weighted) and text: it outranks the decision.
    expect(relevance.hits[0]!.id).toBe('resolution/2000-07-28-n5');
  });

  it('falls back to documents holding some of the words, and matches a word being typed', async () => {
    const some = await search({ text: 'кража заплюшкинск' });
    expect(some.relaxed).toBe(true);
    expect(some.hits.map((h) => h.id)).toContain('decision/1-55-2022');
    const typed = await search({ text: 'телеф' });
    expect(typed.relaxed).toBeUndefined();
    expect(typed.hits.map((h) => h.id)).toEqual(['decision/1-55-2022']);
    expect(typed.hits[0]!.excerpt).toMatch(/<mark>телефон[а-я]*<\/mark>/);
  });

  it('pages through the results', async () => {
    const first = await search({ text: null, pageSize: 2 });
    const third = await search({ text: null, pageSize: 2, page: 3 });
    expect(first).toMatchObject({ total: 5, pages: 3 });
    expect(third.hits).toHaveLength(1);
    expect(new Set([...first.hits, ...third.hits].map((h) => h.id)).size).toBe(3);
  });

  it('keeps a hostile query harmless: markup stays text, and symbols alone find nothing', async () => {
    const markup = await search({ text: '<script>alert(1)</script> кража' });
    for (const h of markup.hits) expect(h.excerpt).not.toMatch(/<(?!\/?mark>)/);
    const symbols = await search({ text: '!!! ??? ***' });
    expect(symbols.total).toBe(5);
    // Two letters are matched whole, not as the beginning of longer terms («ра» is not «расторжении»),
    // which at 50,000 documents would fetch dozens of shards.
    expect((await search({ text: 'ра' })).total).toBe(0);
    expect((await search({ text: 'рас' })).total).toBeGreaterThan(0);
    const long = await search({ text: 'кража '.repeat(80) });
    expect(long.hits.map((h) => h.id)).toEqual(['decision/1-55-2022']);
  });

  it('names the file when the index is damaged', async () => {
    const shard = path.join(outDir, 'terms', '0.ctx');
    const good = await readFile(shard);
    await writeFile(shard, gunzipSync(good).subarray(0, 7));
    try {
      await expect(search({ text: 'а' })).rejects.toThrow(/terms\/0\.ctx/);
    } finally {
      await writeFile(shard, good);
    }
  });
});
