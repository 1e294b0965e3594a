import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { SearchQuery, type SearchQueryInput } from '../../../schemas/search.ts';
import { createCompactBackend } from '../../../site/lib/search/compact/backend.ts';
import { decodeColumn, decodeShard } from '../../../site/lib/search/compact/load.ts';
import { shardOf } from './format.ts';
import { loadKnowledgeBase } from '../../knowledge-base.ts';
import { TODAY, VALID_DIR } from '../../test/paths.ts';
import { writeAll } from '../index.ts';
import type { CompactManifest } from './format.ts';
import { patchCompactIndex } from './patch.ts';
import { stateFile } from './state.ts';
import { CompactWriter } from './writer.ts';

/**
 * A patched index must be the index a full build of the same documents writes (shard boundaries aside),
 * and a patch that cannot be made must leave the index as it was.
 */
let tmp: string;
let previousCacheDir: string | undefined;
let original: KbDocument[];

/** Words of their own for clone `i` of document `j`: some its alone, some shared, enough for several term shards. */
const ownWords = (i: number, j: number) =>
  Array.from({ length: 40 }, (_, k) => (k % 4 === 0 ? `w${(i * 7 + j * 3 + k) % 50}` : `t${i}x${j}n${k}`)).join(' ');

/** 200 documents: the fixture knowledge base, each document 40 times over with words of its own. */
const corpus = (base: KbDocument[]): KbDocument[] =>
  Array.from({ length: 40 }, (_, i) =>
    base.map((d, j) => ({
      ...d,
      id: `${d.id}-${i}`,
      url: `${d.url}${i}/`,
      body: Object.fromEntries(
        Object.entries(d.body).map(([lang, text]) => [lang, `${text}\n\nКопия номер${i} из сорока, вариант${i % 7}.${i === 7 && j === 0 ? ' Зеленоглазка.' : ''} ${ownWords(i, j)}`]),
      ),
    })),
  ).flat();

const build = (docs: KbDocument[], out: string) => writeAll(new CompactWriter(out, { cache: true, workers: 0 }), docs);
const patch = (out: string, docs: KbDocument[], onlyChanged?: Set<string>) =>
  patchCompactIndex(out, docs, { workers: 0, log: (l) => process.env.DEBUG_PATCH && console.log(l), ...(onlyChanged ? { onlyChanged } : {}) });

/** Every file of an index, byte for byte. */
const files = async (dir: string) => {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return Object.fromEntries(
    await Promise.all(names.map(async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), (await readFile(path.join(e.parentPath, e.name))).toString('base64')])),
  );
};

/** What an index means, through the client's decoders: all but `built` and the shard boundaries. */
const logical = async (dir: string) => {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as CompactManifest;
  const terms: Record<string, { df: number; records: number[]; impacts: number[] }> = {};
  for (let i = 0; i < manifest.shards.length; i++) {
    const shard = decodeShard(gunzipSync(await readFile(path.join(dir, 'terms', `${i}.ctx`))), `terms/${i}`);
    const names = [...shard.keys()];
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // FORMAT.md's rule, literally: a shard's first term is a lower bound of its terms.
    if (names.length) expect(manifest.shards[i]! <= names[0]!, `shard ${i}`).toBe(true);
    for (const [term, p] of shard) {
      // Where the client looks for it.
      expect(shardOf(manifest.shards, term), term).toBe(i);
      expect(terms[term], term).toBeUndefined();
      terms[term] = { df: p.records.length, records: [...p.records], impacts: [...p.impacts] };
    }
  }
  const facets: Record<string, string[][]> = {};
  for (const [key, { hierarchical }] of Object.entries(manifest.facets)) {
    const c = decodeColumn(gunzipSync(await readFile(path.join(dir, 'facets', `${key}.cfc`))), key, manifest.docs, hierarchical === true);
    facets[key] = Array.from({ length: manifest.docs }, (_, r) => [...c.ids.subarray(c.offsets[r], c.offsets[r + 1])].map((id) => c.values[id]!).sort());
  }
  const fragments = await Promise.all(
    Array.from({ length: manifest.docs }, async (_, r) => JSON.parse(gunzipSync(await readFile(path.join(dir, 'fragments', `${r}.cfr`))).toString()) as unknown),
  );
  const { built, shards, ...rest } = manifest;
  expect(typeof built).toBe('string');
  expect(shards.length).toBeGreaterThan(0);
  return { manifest: rest, terms, facets, fragments };
};

/** A search through the real client, over the files of `dir`. */
const search = async (dir: string, q: SearchQueryInput) => {
  const serve = async (url: string) => {
    try {
      return new Response(await readFile(path.join(dir, url.replace(/^\/compact\//, ''))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  const result = await createCompactBackend({ urlPrefix: '/en', basePath: '/compact/', fetch: serve }).search(SearchQuery.parse(q));
  return { hits: result.hits, total: result.total, relaxed: result.relaxed, counts: result.facetsLater ? await result.facetsLater() : result.facets };
};

const edited = (docs: KbDocument[], id: string, change: (d: KbDocument) => Partial<KbDocument>) =>
  docs.map((d) => (d.id === id ? { ...d, ...change(d) } : d));
const appendRu = (text: string) => (d: KbDocument) => ({ body: { ...d.body, ru: `${d.body.ru ?? ''}\n\n${text}` } });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-patch-'));
  previousCacheDir = process.env.TALDAU_CACHE_DIR;
  process.env.TALDAU_CACHE_DIR = path.join(tmp, 'cache');
  original = corpus((await loadKnowledgeBase({ contentDir: VALID_DIR, today: TODAY, cache: false })).documents);
});
afterAll(async () => {
  if (previousCacheDir === undefined) delete process.env.TALDAU_CACHE_DIR;
  else process.env.TALDAU_CACHE_DIR = previousCacheDir;
  await rm(tmp, { recursive: true, force: true });
});

describe('patchCompactIndex', () => {
  it('leaves the index as it was when it cannot patch, and says why', async () => {
    const dir = path.join(tmp, 'refused');
    await build(original, dir);
    expect(stateFile(dir).startsWith(path.join(tmp, 'cache'))).toBe(true);
    const before = await files(dir);
    const [first, second] = [original[0]!, original[1]!];
    const cases: [string, KbDocument[], RegExp][] = [
      ['an added document', [...original, { ...first, id: 'decision/new-one', url: '/decisions/new-one/' }], /documents, the index has/],
      ['a removed document', original.slice(1), /documents, the index has/],
      ['a document twice', [...original.slice(1), original[2]!], /there twice/],
      ['another document', [{ ...first, id: 'decision/new-one' }, ...original.slice(1)], /not in the index/],
      ['a changed date', edited(original, second.id, () => ({ date: '1999-01-01' })), /differ|date or filters/],
      ['a changed filter', edited(original, first.id, () => ({ court: 'some-other-court' })), /date or filters/],
      ['a moved avgLength', edited(original, first.id, appendRu('слово '.repeat(5000))), /avgLength moves/],
    ];
    for (const [what, docs, reason] of cases) {
      const result = await patch(dir, docs);
      expect(result, what).toMatchObject({ patched: false, reason: expect.stringMatching(reason) });
      expect(await files(dir), what).toEqual(before);
    }
    // Another code version, or no state at all.
    const state = await readFile(stateFile(dir), 'utf8');
    await writeFile(stateFile(dir), state.replace(/"version":"[^"]*"/, '"version":"older"'));
    expect(await patch(dir, edited(original, first.id, appendRu('Мотоблок.')))).toMatchObject({ patched: false, reason: expect.stringMatching(/another version/) });
    await rm(stateFile(dir));
    expect(await patch(dir, edited(original, first.id, appendRu('Мотоблок.')))).toMatchObject({ patched: false, reason: expect.stringMatching(/no state/) });
    expect(await files(dir)).toEqual(before);
    // A full build without the cache leaves no state either.
    await writeFile(stateFile(dir), state);
    await writeAll(new CompactWriter(dir, { cache: false, workers: 0 }), original);
    expect(await patch(dir, original)).toMatchObject({ patched: false, reason: expect.stringMatching(/no state/) });
  });

  it('patches changed texts and titles into the index a full build writes', async () => {
    const patched = path.join(tmp, 'patched');
    await build(original, patched);
    const before = await logical(patched);
    const [a, b, c] = [original[3]!.id, original[7 * 5]!.id, original[100]!.id];
    expect(before.terms['зеленоглазк'] ?? before.terms['зеленоглазка']).toMatchObject({ df: 1 });
    let changed = edited(original, a, appendRu('Мотоблок квадрокоптерами повредил теплицу 00 раз, t3x0n1 w7 w7 w7.'));
    // b held the only «Зеленоглазка»: the term goes.
    changed = edited(changed, b, (d) => ({ body: Object.fromEntries(Object.entries(d.body).map(([l, t]) => [l, t!.replace(' Зеленоглазка.', '')])) }));
    // c: a new title (title words weigh three times: its length changes) and a shorter text.
    changed = edited(changed, c, (d) => ({
      title: Object.fromEntries(Object.entries(d.title).map(([l, t]) => [l, `${t} (пересмотр)`])),
      body: Object.fromEntries(Object.entries(d.body).map(([l, t]) => [l, t!.slice(0, Math.floor(t!.length * 0.9))])),
    }));

    const result = await patch(patched, changed);
    const shards = (m: string) => (JSON.parse(m) as CompactManifest).shards;
    expect(shards(await readFile(path.join(patched, 'manifest.json'), 'utf8')).length).toBeGreaterThan(2);
    expect(result).toMatchObject({ patched: true, changed: 3 });
    const full = path.join(tmp, 'full');
    await build(changed, full);
    const after = await logical(patched);
    const expected = await logical(full);
    expect(after.manifest).toEqual(expected.manifest);
    expect(after.fragments).toEqual(expected.fragments);
    expect(after.facets).toEqual(expected.facets);
    expect(Object.keys(after.terms).sort()).toEqual(Object.keys(expected.terms).sort());
    expect(after.terms).toEqual(expected.terms);
    // The edits did what they were meant to.
    expect(Object.keys(after.terms).filter((t) => !before.terms[t]).length).toBeGreaterThan(0);
    // «00» sorts before every term there was: the first shard's bound moved down to it.
    expect(shards(await readFile(path.join(patched, 'manifest.json'), 'utf8'))[0]).toBe('00');
    expect(after.terms['зеленоглазк'] ?? after.terms['зеленоглазка']).toBeUndefined();
    expect(after.fragments).not.toEqual(before.fragments);

    for (const q of [
      { text: 'мотоблок' },
      { text: 'квадрокоптер' },
      { text: 'зеленоглазка' },
      { text: 'пересмотр' },
      { text: 'расторжении брака' },
      { text: 'кража телефона', sort: 'relevance' as const },
      { text: 'номер7' },
      { text: 'вариан' },
      { text: null, filters: { kind: { any: ['decision'] } } },
    ]) {
      expect(await search(patched, q), JSON.stringify(q)).toEqual(await search(full, q));
    }
    expect((await search(patched, { text: 'мотоблок' })).hits.map((h) => h.id)).toEqual([`${a}`]);

    // Nothing changed since (the documents in any order): a patch of nothing. And back to the original
    // texts: the original index.
    expect(await patch(patched, [...changed].reverse())).toMatchObject({ patched: true, changed: 0 });
    expect(await patch(patched, original)).toMatchObject({ patched: true, changed: 3 });
    const reverted = await logical(patched);
    expect(reverted.terms).toEqual(before.terms);
    expect(reverted.fragments).toEqual(before.fragments);
  });

  it('reads only the documents the caller names as changed, when it names them', async () => {
    const dir = path.join(tmp, 'named');
    await build(original, dir);
    const [a, b] = [original[3]!.id, original[50]!.id];
    const changed = edited(edited(original, a, appendRu('Мотоблок.')), b, appendRu('Квадрокоптер.'));
    // Named: both, and a third that did not change — the same index as a full build.
    expect(await patch(dir, changed, new Set([a, b, original[9]!.id]))).toMatchObject({ patched: true, changed: 2 });
    const full = path.join(tmp, 'named-full');
    await build(changed, full);
    expect((await logical(dir)).terms).toEqual((await logical(full)).terms);
    // What is not named is taken as it was, text and all: the caller vouches for it.
    const again = edited(changed, a, appendRu('Снегоход.'));
    expect(await patch(dir, again, new Set([b]))).toMatchObject({ patched: true, changed: 0 });
    expect((await search(dir, { text: 'снегоход' })).hits).toEqual([]);
    expect(await patch(dir, again, new Set([a]))).toMatchObject({ patched: true, changed: 1 });
    expect((await search(dir, { text: 'снегоход' })).hits.map((h) => h.id)).toEqual([a]);
  });
});
