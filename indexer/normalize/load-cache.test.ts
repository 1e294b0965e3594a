import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge-base.ts';
import { loadRegistrySources } from '../load/registries.ts';
import { BROKEN_DIR, EDGE_DIR, TODAY } from '../test/paths.ts';
import { validateRegistries } from '../validate/registries.ts';
import { openLoadCache } from './load-cache.ts';
import { readDocuments } from './read-documents.ts';
import { buildRegistries } from './registries.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-load-cache-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

let content: string;
let cacheDir: string;
let run = 0;
beforeEach(async () => {
  run++;
  content = path.join(tmp, `content-${run}`);
  cacheDir = path.join(tmp, `cache-${run}`);
  await cp(BROKEN_DIR, content, { recursive: true });
  process.env.TALDAU_CACHE_DIR = cacheDir;
});
afterEach(() => {
  delete process.env.TALDAU_CACHE_DIR;
});

/** Opens the cache and reads the documents the way loadKnowledgeBase does, exposing the cache's counts. */
async function readWithCache(dir: string, today = TODAY) {
  const { sources } = await loadRegistrySources(dir);
  const { input } = validateRegistries(sources);
  const cache = (await openLoadCache({ contentDir: dir, registries: input }))!;
  const read = await readDocuments(dir, buildRegistries(input), today, cache);
  await cache.save();
  return { cache, read };
}

const load = (dir: string, today = TODAY, cache = true) => loadKnowledgeBase({ contentDir: dir, enrich: false, today, cache });
/** What a build gives, without the parts that are functions. */
const outcome = (kb: KnowledgeBase) => ({ documents: kb.documents, problems: kb.problems, rejected: kb.rejected, counts: kb.counts });

describe('load cache', () => {
  it('gives exactly what a run without cache gives, cold and warm, problems included', async () => {
    const uncached = outcome(await load(content, TODAY, false));
    expect(uncached.problems.length).toBeGreaterThan(5); // the broken fixture: problems must survive a cached run
    const cold = outcome(await load(content));
    const files = await readdir(path.join(cacheDir, 'load'));
    expect(files).toEqual([expect.stringMatching(/\.jsonl$/)]);
    const warm = outcome(await load(content));
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
  });

  it('parses again only the file that changed', async () => {
    const first = await readWithCache(content);
    expect(first.cache.hits).toBe(0);
    const seen = first.cache.misses;
    expect(seen).toBeGreaterThan(10);

    await appendFile(path.join(content, 'decisions/good-1.ru.md'), '\nЕщё одно предложение.\n');
    const second = await readWithCache(content);
    expect(second.cache.misses).toBe(1);
    expect(second.cache.hits).toBe(seen - 1);
    const changed = second.read.files.find((f) => f.doc.file === 'decisions/good-1.ru.md')!;
    expect(changed.doc.body).toMatch(/Ещё одно предложение\.\n$/);
    // A cached file gets its body from its bytes: the same text as parsing it.
    const unchanged = second.read.files.find((f) => f.doc.file === 'decisions/2-1234-2023.ru.md')!;
    expect(unchanged.doc.body).toBe(first.read.files.find((f) => f.doc.file === 'decisions/2-1234-2023.ru.md')!.doc.body);
  });

  it('keeps reporting a broken file from the cache, and stops once it is fixed', async () => {
    const badDate = (kb: KnowledgeBase) => kb.problems.filter((p) => p.file === 'decisions/bad-date.ru.md');
    const cold = badDate(await load(content));
    expect(cold).toContainEqual(expect.objectContaining({ line: 9, field: 'date' }));
    expect(badDate(await load(content))).toEqual(cold);

    const file = path.join(content, 'decisions/bad-date.ru.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^date: .*$/m, 'date: 2023-03-01'));
    const fixed = await load(content);
    expect(badDate(fixed)).toEqual([]);
    expect(fixed.documents.map((d) => d.id)).toContain('decision/bad-date');
  });

  it('ignores corrupt entries and a cache file of another format instead of crashing', async () => {
    const uncached = outcome(await load(content, TODAY, false));
    await load(content);
    const [name] = await readdir(path.join(cacheDir, 'load'));
    const file = path.join(cacheDir, 'load', name!);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    // Every entry broken a different way: cut short, not JSON, the right key with a wrong shape, a body past the file.
    const broken = lines.map((line, i) => {
      if (i === 0) return line;
      const [key, entry] = JSON.parse(line) as [string, Record<string, unknown>];
      switch (i % 4) {
        case 0: return line.slice(0, line.length / 2);
        case 1: return '{not json';
        case 2: return JSON.stringify([key, { ...entry, problems: 'none' }]);
        default: return JSON.stringify([key, { ...entry, read: entry.read ? { ...(entry.read as object), bodyStart: -5 } : 7 }]);
      }
    });
    await writeFile(file, `${broken.join('\n')}\n`);
    const { cache } = await readWithCache(content);
    expect(cache.hits).toBe(0);
    expect(cache.bad).toBe(lines.length - 1);
    expect(outcome(await load(content))).toEqual(uncached);

    await writeFile(file, '{"format":"something else"}\n["x", 1]\n');
    expect(outcome(await load(content))).toEqual(uncached);
  });

  it('checks dates against the day of the build, not the day an entry was made', async () => {
    const edge = path.join(tmp, `edge-${run}`);
    await cp(EDGE_DIR, edge, { recursive: true });
    const future = (kb: KnowledgeBase) => kb.problems.filter((p) => p.file === 'decisions/future.ru.md' && /in the future/.test(p.message));
    expect(future(await load(edge, TODAY))).toHaveLength(1);
    // Years later the date is in the past: the entry that refused it must not be reused.
    expect(future(await load(edge, '2999-01-01'))).toEqual([]);
    expect(outcome(await load(edge, '2999-01-01'))).toEqual(outcome(await load(edge, '2999-01-01', false)));
    // And going back to the earlier day (tests pin it) refuses it again.
    expect(future(await load(edge, TODAY))).toHaveLength(1);
  });

  it('is invalidated by a change of the registries documents are resolved against', async () => {
    const first = await readWithCache(content);
    const courts = path.join(content, 'courts/extra.yaml');
    await writeFile(courts, `${await readFile(courts, 'utf8')}\n# a comment changes nothing\n`);
    expect((await readWithCache(content)).cache.hits).toBe(first.cache.misses);
    const regions = path.join(content, 'courts/regions.yaml');
    const text = await readFile(regions, 'utf8');
    await writeFile(regions, text.replace('ru: город Астана,', 'ru: город Астана (столица),'));
    expect(await readFile(regions, 'utf8')).not.toBe(text);
    expect((await readWithCache(content)).cache.hits).toBe(0);
  });
});
