import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { openSimilarCache, SimilarCache } from './similar-cache.ts';
import { computeSimilar, type SimilarOptions } from './similar.ts';
import { createRng } from '../../generate/random.ts';

const CATEGORIES = ['G.02.01', 'G.02.05', 'G.08.01', 'G.08.02', 'U.13.188', 'U.13.191', 'U.14'];
const NORMS = ['kobs:20', 'kobs:139', 'gk:272', 'gk:715', 'uk:188', 'uk:191', 'gpk:150'];
// Few words, so that many weights tie and pruning (a few terms per vector) breaks ties often.
const WORDS = [
  'расторжение', 'брака', 'супруги', 'раздельно', 'примирение', 'алиментов', 'ребенка', 'заработка', 'кража', 'хищение',
  'имущества', 'подсудимый', 'телефон', 'задолженности', 'договору', 'займа', 'кредит', 'банк', 'неустойка', 'ответчик',
  'истец', 'взыскать', 'отказать', 'удовлетворить', 'некені', 'бұзу', 'алимент', 'ұрлық', 'қарыз', 'шарт', 'жауапкер',
  'талапкер', 'велосипед', 'магазин', 'квартира', 'наследство', 'завещание', 'работодатель', 'увольнение', 'зарплата',
];

function decision(slug: string, category: string, date: string, body: string, norms: string[]): KbDocument {
  const parts = category.split('.');
  const trail = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  return {
    id: `decision/${slug}`, kind: 'decision', slug, url: `/decisions/${slug}/`, languages: ['ru'], title: { ru: slug },
    body: { ru: body }, date, year: Number(date.slice(0, 4)), proceeding: 'civil', categories: [category], categoryTrail: trail,
    keywords: [], citations: [], norms, citedBy: [], similar: [], files: [], hash: '',
  };
}

function generator(seed: number) {
  const { next } = createRng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const body = () => Array.from({ length: 3 + Math.floor(next() * 12) }, () => pick(WORDS)).join(' ');
  const date = () => `2023-${String(1 + Math.floor(next() * 3)).padStart(2, '0')}-${String(1 + Math.floor(next() * 5)).padStart(2, '0')}`;
  const norms = () => [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(NORMS)))];
  let made = 0;
  const make = () => decision(`d-${seed}-${made++}`, pick(CATEGORIES), date(), body(), norms());
  return { next, pick, body, date, norms, make };
}

type Edit = (docs: KbDocument[]) => KbDocument[];

function edits(g: ReturnType<typeof generator>): Record<string, Edit> {
  const at = (docs: KbDocument[]) => Math.floor(g.next() * docs.length);
  const replace = (docs: KbDocument[], change: (d: KbDocument) => KbDocument) => {
    const i = at(docs);
    return docs.map((d, k) => (k === i ? change(d) : d));
  };
  return {
    body: (docs) => replace(docs, (d) => ({ ...d, body: { ru: g.body() } })),
    append: (docs) => replace(docs, (d) => ({ ...d, body: { ru: `${d.body.ru} ${g.body()}` } })),
    norms: (docs) => replace(docs, (d) => ({ ...d, norms: g.norms() })),
    date: (docs) => replace(docs, (d) => ({ ...d, date: g.date() })),
    category: (docs) => replace(docs, (d) => {
      const { categories, categoryTrail } = g.make();
      return { ...d, categories, categoryTrail };
    }),
    add: (docs) => [...docs, g.make()],
    remove: (docs) => docs.filter((_, k) => k !== at(docs)),
    reorder: (docs) => [...docs].reverse(),
    nothing: (docs) => docs,
  };
}

const OPTIONS: SimilarOptions = { maxCandidates: 24, terms: 6 };

/** The cache through its bytes, as the next build would read it. */
function throughBytes(cache: SimilarCache): SimilarCache {
  const bytes = cache.toBytes();
  expect(bytes).toBeDefined();
  return SimilarCache.fromBytes(bytes!, cache.format);
}

describe('similar cache', () => {
  it('gives, after every random edit, exactly the lists computed from nothing', () => {
    let partial = 0;
    let patched = 0;
    // boundedDrift 1: every moved vector's lists are patched by bound (the fast path) where they can be.
    for (const [seed, bounded] of [[1, undefined], [2, undefined], [3, undefined], [4, 1], [5, 1], [6, 1]] as const) {
      const options = bounded === undefined ? OPTIONS : { ...OPTIONS, boundedDrift: bounded };
      const g = generator(seed);
      const kinds = edits(g);
      const names = Object.keys(kinds);
      let docs = Array.from({ length: 250 }, g.make);
      let cache = new SimilarCache(undefined, 'test');
      expect(computeSimilar(docs, OPTIONS, cache)).toEqual(computeSimilar(docs, OPTIONS));
      for (let step = 0; step < 30; step++) {
        const kind = g.pick(names);
        // One to three edits of that kind between builds.
        for (let k = 1 + Math.floor(g.next() * 3); k > 0; k--) docs = kinds[kind]!(docs);
        cache = step % 2 ? throughBytes(cache) : cache;
        const incremental = computeSimilar(docs, options, cache);
        const fresh = computeSimilar(docs, OPTIONS);
        expect([...incremental], `seed ${seed}, step ${step} (${kind})`).toEqual([...fresh]);
        if (!cache.stats!.full && cache.stats!.reusedLists > 0) partial++;
        patched += cache.stats!.patchedLists;
      }
    }
    // The incremental path was taken, not only the full one.
    expect(partial).toBeGreaterThan(20);
    expect(patched).toBeGreaterThan(100);
  });

  it('does not depend on the order of the documents or of first sight of terms', () => {
    const g = generator(7);
    const docs = Array.from({ length: 200 }, g.make);
    const forward = computeSimilar(docs, OPTIONS);
    const backward = computeSimilar([...docs].reverse(), OPTIONS);
    expect(new Map([...backward].sort())).toEqual(new Map([...forward].sort()));
  });

  it('re-scores only the lists one body edit can reach', () => {
    const g = generator(11);
    const docs = Array.from({ length: 400 }, g.make);
    const cache = new SimilarCache(undefined, 'test');
    computeSimilar(docs, OPTIONS, cache);
    expect(cache.stats).toMatchObject({ countedTexts: 400, rescoredLists: 400, full: true });

    computeSimilar(docs, OPTIONS, cache);
    expect(cache.stats).toMatchObject({ countedTexts: 0, recomputedVectors: 0, rescoredLists: 0, full: false });

    // The same words again: its counts change, no document frequency does.
    const edited = docs.map((d, k) => (k === 123 ? { ...d, body: { ru: `${d.body.ru} ${d.body.ru}` } } : d));
    const lists = computeSimilar(edited, OPTIONS, cache);
    expect(lists).toEqual(computeSimilar(edited, OPTIONS));
    const stats = cache.stats!;
    expect(stats).toMatchObject({ countedTexts: 1, reusedCounts: 399, full: false });
    expect(stats.recomputedVectors).toBe(1);
    // Its own list and those that have it as a candidate, scored anew or patched; the rest taken over.
    expect(stats.rescoredLists + stats.patchedLists).toBeGreaterThan(0);
    expect(stats.rescoredLists + stats.patchedLists).toBeLessThan(60);
    expect(stats.reusedLists).toBeGreaterThan(340);

    // A new word: its IDF changes, and vectors recomputed where that can matter.
    const another = edited.map((d, k) => (k === 7 ? { ...d, body: { ru: `${d.body.ru} неслыханное` } } : d));
    expect(computeSimilar(another, OPTIONS, cache)).toEqual(computeSimilar(another, OPTIONS));
    expect(cache.stats!.full).toBe(false);
    expect(cache.stats!.rescoredLists).toBeLessThan(100);
  });

  describe('file', () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });
    const fresh = async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'taldau-similar-'));
      dirs.push(dir);
      return dir;
    };

    it('round-trips through its file', async () => {
      const dir = await fresh();
      const g = generator(5);
      const docs = Array.from({ length: 150 }, g.make);
      const first = (await openSimilarCache({ contentDir: dir, dir, enabled: true }))!;
      const lists = computeSimilar(docs, OPTIONS, first);
      await first.save();
      const second = (await openSimilarCache({ contentDir: dir, dir, enabled: true }))!;
      expect(second.toBytes()).toEqual(first.toBytes());
      expect(computeSimilar(docs, OPTIONS, second)).toEqual(lists);
      expect(second.stats).toMatchObject({ countedTexts: 0, rescoredLists: 0 });
      expect(await openSimilarCache({ contentDir: dir, dir, enabled: false })).toBeUndefined();
    });

    it('ignores a garbage or truncated file with a warning and computes from nothing', async () => {
      const dir = await fresh();
      const g = generator(6);
      const docs = Array.from({ length: 120 }, g.make);
      const first = (await openSimilarCache({ contentDir: dir, dir, enabled: true }))!;
      const expected = computeSimilar(docs, OPTIONS, first);
      await first.save();
      const file = first.file!;
      const good = await readFile(file);
      const flipped = Buffer.from(good);
      flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
      for (const bytes of [Buffer.from('not a cache at all'), good.subarray(0, good.length - 100), good.subarray(0, 30), flipped, Buffer.alloc(0)]) {
        await writeFile(file, bytes);
        const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
        try {
          const cache = (await openSimilarCache({ contentDir: dir, dir, enabled: true }))!;
          expect(warn).toHaveBeenCalledTimes(1);
          expect(String(warn.mock.calls[0]![0])).toMatch(/similar cache .* ignored/);
          expect(computeSimilar(docs, OPTIONS, cache)).toEqual(expected);
          expect(cache.stats).toMatchObject({ countedTexts: 120, full: true });
        } finally {
          warn.mockRestore();
        }
      }
    });

    it('starts afresh for other options, without a warning', async () => {
      const g = generator(8);
      const docs = Array.from({ length: 100 }, g.make);
      const cache = new SimilarCache(undefined, 'test');
      computeSimilar(docs, OPTIONS, cache);
      const other = { ...OPTIONS, top: 3 };
      expect(computeSimilar(docs, other, cache)).toEqual(computeSimilar(docs, other));
      expect(cache.stats).toMatchObject({ countedTexts: 100 });
    });
  });
});
