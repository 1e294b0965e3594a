import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { loadKnowledgeBase } from '../../knowledge-base.ts';
import { TODAY, VALID_DIR } from '../../test/paths.ts';
import { writeAll } from '../index.ts';
import { AnalysisCache } from './analysis-cache.ts';
import type { NumberedAnalysis } from './term-ids.ts';
import { CompactWriter } from './writer.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-analysis-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** A fragment of `text` and its terms («суд» twice, `text` once), numbered in the cache's dictionary. */
const analysis = (cache: AnalysisCache, text: string): NumberedAnalysis => ({
  fragment: new TextEncoder().encode(text),
  ids: Uint32Array.of(cache.termIds.id('суд'), cache.termIds.id(text)),
  counts: Uint32Array.of(2, 1),
});
/** An analysis's terms as words: what a stored entry must give back whatever its ids. */
const words = (cache: AnalysisCache, a: NumberedAnalysis | undefined) => (a ? Array.from(a.ids, (id, k) => [cache.termIds.terms[id], a.counts[k]]) : undefined);

/** The cache's answer for `key`, else `compute()` put into it: what the writer does with each document. */
const getOrPut = (cache: AnalysisCache, key: string, compute: () => NumberedAnalysis) => {
  const cached = cache.get(key);
  if (cached) return cached;
  const fresh = compute();
  cache.put(key, fresh);
  return fresh;
};

describe('AnalysisCache', () => {
  it('computes what it has not seen, and returns it unchanged from the saved file', async () => {
    const file = path.join(tmp, 'a', 'analysis.bin');
    const first = await AnalysisCache.open(file, 'v1');
    expect(words(first, getOrPut(first, 'k1', () => analysis(first, 'один')))).toEqual([['суд', 2], ['один', 1]]);
    getOrPut(first, 'k2', () => analysis(first, 'два'));
    expect(first).toMatchObject({ hits: 0, misses: 2 });
    await first.save();

    const second = await AnalysisCache.open(file, 'v1');
    const again = second.get('k2');
    expect(new TextDecoder().decode(again?.fragment)).toBe('два');
    expect(words(second, again)).toEqual([['суд', 2], ['два', 1]]);
    getOrPut(second, 'k3', () => analysis(second, 'три'));
    expect(second).toMatchObject({ hits: 1, misses: 1 });
    await second.save();

    // Only what the last build used is kept: k1 is gone, k2 and k3 stay.
    const third = await AnalysisCache.open(file, 'v1');
    expect(['k1', 'k2', 'k3'].map((k) => third.get(k) !== undefined)).toEqual([false, true, true]);
    expect(words(third, third.get('k3'))).toEqual([['суд', 2], ['три', 1]]);
  });

  it('ignores a file of another code version or a damaged one', async () => {
    const file = path.join(tmp, 'b.bin');
    const c = await AnalysisCache.open(file, 'v1');
    c.put('k', analysis(c, 'x'));
    await c.save();
    expect((await AnalysisCache.open(file, 'v1')).get('k')).toBeDefined();
    expect((await AnalysisCache.open(file, 'v2')).get('k')).toBeUndefined();
    await writeFile(file, (await readFile(file)).subarray(0, 40));
    const damaged = await AnalysisCache.open(file, 'v1');
    expect(damaged.get('k')).toBeUndefined();
    expect(damaged.hits).toBe(0);
  });
});

describe('CompactWriter with the cache', () => {
  let documents: KbDocument[];
  beforeAll(async () => {
    documents = (await loadKnowledgeBase({ contentDir: VALID_DIR, today: TODAY, cache: false })).documents;
  });

  const build = async (docs: KbDocument[], out: string) => {
    const log: string[] = [];
    const previous = process.env.TALDAU_CACHE_DIR;
    process.env.TALDAU_CACHE_DIR = path.join(tmp, 'cache');
    try {
      await writeAll(new CompactWriter(out, { cache: true, log: (l) => log.push(l) }), docs);
    } finally {
      if (previous === undefined) delete process.env.TALDAU_CACHE_DIR;
      else process.env.TALDAU_CACHE_DIR = previous;
    }
    return log.join('\n');
  };
  const files = async (dir: string) => {
    const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name !== 'manifest.json');
    return Object.fromEntries(await Promise.all(names.map(async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), (await readFile(path.join(e.parentPath, e.name))).toString('base64')])));
  };

  it('a rebuild reuses every unchanged document and writes the same index', async () => {
    expect(await build(documents, path.join(tmp, 'one'))).toMatch(/0 documents analysed earlier, 5 now/);
    expect(await build(documents, path.join(tmp, 'two'))).toMatch(/5 documents analysed earlier, 0 now/);
    expect(await files(path.join(tmp, 'two'))).toEqual(await files(path.join(tmp, 'one')));
  });

  it('the analysis on worker threads writes the same index as in the calling thread', async () => {
    const write = async (workers: number, out: string) => {
      await writeAll(new CompactWriter(out, { cache: false, workers }), documents);
      return files(out);
    };
    const inThread = await write(0, path.join(tmp, 'in-thread'));
    expect(Object.keys(inThread).length).toBeGreaterThan(documents.length);
    expect(await write(2, path.join(tmp, 'workers'))).toEqual(inThread);
  });

  it('a changed document is analysed again, and only its fragment differs', async () => {
    const changed = documents.map((d) => (d.id === 'decision/1-55-2022' ? { ...d, body: { ...d.body, ru: `${d.body.ru}\n\nДобавлено слово мотоблок.` } } : d));
    expect(await build(changed, path.join(tmp, 'three'))).toMatch(/4 documents analysed earlier, 1 now/);
    const before = await files(path.join(tmp, 'one'));
    const after = await files(path.join(tmp, 'three'));
    const differing = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(differing.some((f) => f.startsWith('fragments'))).toBe(true);
    expect(differing.filter((f) => f.startsWith('fragments'))).toHaveLength(1);
  });
});
