import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { loadKnowledgeBase } from '../../knowledge-base.ts';
import { servePagefind } from '../../test/pagefind-search.ts';
import { TODAY, VALID_DIR } from '../../test/paths.ts';
import { markdownToPlainText, toPagefindRecords, writePagefindIndex } from './index.ts';

let documents: KbDocument[];
let tmp: string;
let outDir: string;

beforeAll(async () => {
  documents = (await loadKnowledgeBase({ contentDir: VALID_DIR, enrich: false, today: TODAY })).documents;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-pagefind-'));
  outDir = path.join(tmp, 'site', 'pagefind');
  // A previous index that the new one must replace entirely.
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'stale.txt'), 'old index');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('records', () => {
  it('strips Markdown and HTML so words never run together', () => {
    expect(markdownToPlainText('# Заголовок\n\nПервый **абзац**.\n\n<a id="p1"></a>Второй\n\n- пункт')).toBe('Заголовок\nПервый абзац.\nВторой\nпункт');
  });

  it('makes one record per language, the second at #<lang>, with facet filters and a date sort', () => {
    const pair = documents.find((d) => d.id === 'decision/2-1234-2023')!;
    const [ru, kk] = toPagefindRecords(pair);
    expect(ru).toMatchObject({ url: '/decisions/2-1234-2023/', language: 'ru', sort: { date: '2023-05-14' } });
    expect(kk).toMatchObject({ url: '/decisions/2-1234-2023/#kk', language: 'kk' });
    expect(ru!.meta).toMatchObject({ title: pair.title.ru, kind: 'decision', date: '2023-05-14', caseNumber: '2-1234/2023', court: 'almaty-bostandyk-district-court', category: 'G.02.01' });
    expect(ru!.filters).toMatchObject({ kind: ['decision'], category: ['G', 'G.02', 'G.02.01'], region: ['almaty'], year: ['2023'], language: ['ru', 'kk'] });
    expect(ru!.filters).not.toHaveProperty('status');
    expect(ru!.content).not.toMatch(/[#*]/);
  });
});

describe('writePagefindIndex', () => {
  let stats: Awaited<ReturnType<typeof writePagefindIndex>>;
  beforeAll(async () => {
    stats = await writePagefindIndex(documents, outDir);
  });

  it('writes a complete bundle in place of the old one, with no temp dirs left', async () => {
    expect(stats).toMatchObject({ total: 5, failed: 0 });
    expect(stats.bytes).toBeGreaterThan(10_000);
    const files = await readdir(outDir);
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'filter', 'index', 'fragment']));
    expect(files).not.toContain('stale.txt');
    expect(await readdir(path.dirname(outDir))).toEqual(['pagefind']);
    const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.ru.page_count).toBe(5);
    expect(entry.languages.kk.page_count).toBe(1);
    expect((await readdir(path.join(outDir, 'filter'))).length).toBeGreaterThanOrEqual(2);
  });

  it('answers searches and filters through pagefind.js', async () => {
    const server = await servePagefind(outDir);
    try {
      const ru = await server.load('ru');
      const filters = await ru.filters();
      expect(filters.category).toEqual({ G: 4, 'G.02': 3, 'G.02.01': 2, 'G.02.02': 2, 'G.09': 1, 'G.09.01': 1, U: 1, 'U.13': 1, 'U.13.188': 1 });
      expect(filters.kind).toEqual({ decision: 3, resolution: 1, summary: 1 });
      expect(filters.court).toMatchObject({ 'almaty-bostandyk-district-court': 1, 'supreme-court': 1 });
      expect(filters.year).toEqual({ 2000: 1, 2022: 1, 2023: 3 });

      const hit = await ru.search('кража', { filters: { proceeding: 'criminal' } });
      const data = await Promise.all(hit.results.map((r) => r.data()));
      expect(data.map((d) => d.url)).toEqual(['/decisions/1-55-2022/']);
      expect(data[0]!.meta).toMatchObject({ kind: 'decision', date: '2022-05-14', caseNumber: '1-55/2022' });

      const byDate = await ru.search(null, { filters: { category: 'G.02' }, sort: { date: 'desc' } });
      const urls = (await Promise.all(byDate.results.map((r) => r.data()))).map((d) => d.url);
      expect(urls).toEqual(['/decisions/2-1234-2023/', '/summaries/alimony-2022/', '/resolutions/2000-07-28-n5/']);
      await ru.destroy();

      const kk = await server.load('kk');
      const kkHit = await kk.search('некені', {});
      const kkData = await Promise.all(kkHit.results.map((r) => r.data()));
      expect(kkData.map((d) => d.url)).toEqual(['/decisions/2-1234-2023/#kk']);
      expect(kkData[0]!.meta.title).toBe('№ 2-1234/2023 іс бойынша шешім: некені бұзу');
      await kk.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('a build that does not complete', () => {
  it('leaves the live index untouched and no temp dir behind', async () => {
    const live = path.join(tmp, 'crash', 'pagefind');
    await writePagefindIndex(documents.slice(0, 1), live);
    const before = JSON.parse(await readFile(path.join(live, 'pagefind-entry.json'), 'utf8'));

    const { PagefindWriter } = await import('./writer.ts');
    const writer = new PagefindWriter(live);
    await writer.prepare();
    await writer.write(documents);
    // The process "fails" here: close() without finalize().
    await writer.close();

    expect(JSON.parse(await readFile(path.join(live, 'pagefind-entry.json'), 'utf8'))).toEqual(before);
    expect(before.languages.ru.page_count).toBe(1);
    expect(await readdir(path.dirname(live))).toEqual(['pagefind']);
  });
});
