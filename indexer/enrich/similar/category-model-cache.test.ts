import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCategoryModel, type CategoryDocument, type CategoryWords } from './category-model.ts';
import { categoryModelWithCache } from './category-model-cache.ts';
import { createRng } from '../../generate/random.ts';

/**
 * The cached category model must be exactly the model from nothing, whatever was edited between builds,
 * and must recount only what changed.
 */

const CATEGORIES: CategoryWords[] = [
  {
    code: 'G',
    name: { ru: 'Гражданские дела', kk: 'Азаматтық істер', en: 'Civil' },
    aliases: { ru: [], kk: [] },
  },
  {
    code: 'G.02',
    name: { ru: 'Семейные споры', kk: 'Отбасылық даулар', en: 'Family' },
    aliases: { ru: ['семья'], kk: [] },
  },
  {
    code: 'G.02.01',
    name: { ru: 'Расторжение брака', kk: 'Некені бұзу', en: 'Divorce' },
    aliases: { ru: ['развод'], kk: [] },
  },
  {
    code: 'G.02.05',
    name: { ru: 'Взыскание алиментов', kk: 'Алимент өндіру', en: 'Alimony' },
    aliases: { ru: ['алименты на ребенка'], kk: [] },
    description: { ru: 'Содержание несовершеннолетних детей' },
  },
  {
    code: 'U',
    name: { ru: 'Уголовные дела', kk: 'Қылмыстық істер', en: 'Criminal' },
    aliases: { ru: [], kk: [] },
  },
  {
    code: 'U.13',
    name: {
      ru: 'Преступления против собственности',
      kk: 'Меншікке қарсы',
      en: 'Property crimes',
    },
    aliases: { ru: [], kk: [] },
  },
  {
    code: 'U.13.188',
    name: { ru: 'Кража', kk: 'Ұрлық', en: 'Theft' },
    aliases: { ru: ['тайное хищение'], kk: [] },
  },
];
/** Leaves a document can be filed under; X.9 is in no registry (its documents count for nothing until it is). */
const LEAVES = ['G.02.01', 'G.02.05', 'U.13.188', 'U.13', 'X.9'];

const WORDS = (
  'брак супруги расторгнуть раздельно алименты ребенок содержание взыскать кража хищение телефон имущество ' +
  'подсудимый потерпевший приговор наказание истец ответчик заявление доход квартира раздел долг договор ' +
  'некені бұзу алимент бала ұрлық телефон сотталушы жәбірленуші шешім талап'
).split(' ');

/** Seeded (the corpus generator's mulberry32), so a failure reproduces. */
function random(seed: number) {
  const rng = createRng(seed);
  const int = (n: number) => rng.int(0, n - 1);
  const pick = <T>(list: readonly T[]) => rng.pick(list);
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return { int, pick, words };
}

const trailOf = (leaf: string) => leaf.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

function makeDoc(r: ReturnType<typeof random>, n: number): CategoryDocument {
  const body: CategoryDocument['body'] = { ru: r.words(20 + r.int(60)) };
  if (r.int(4) === 0) body.kk = r.words(10 + r.int(20));
  return {
    id: `decision/d-${n}`,
    title: { ru: r.words(3 + r.int(5)) },
    keywords: Array.from({ length: r.int(3) }, () => r.words(1)),
    body,
    categoryTrail: r.int(15) ? trailOf(r.pick(LEAVES)) : [],
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'category-model-cache-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const cached = (categories: CategoryWords[], docs: CategoryDocument[]) => categoryModelWithCache(categories, docs, { dir, enabled: true });

describe('categoryModelWithCache', () => {
  it('equals the model from nothing after every random edit, recounting only the edited document', async () => {
    const r = random(20261129);
    let next = 0;
    let docs = Array.from({ length: 300 }, () => makeDoc(r, next++));
    let categories = CATEGORIES.map((c) => ({
      ...c,
      aliases: { ...c.aliases },
    }));
    const first = await cached(categories, docs);
    expect(first.model).toEqual(buildCategoryModel(categories, docs));
    expect(first.recounted).toBe(300);
    const kinds = ['body', 'title', 'keywords', 'category', 'add', 'remove', 'alias', 'registry', 'nothing'] as const;
    const seen = new Set<string>();
    for (let step = 0; step < 80; step++) {
      const kind = kinds[step % kinds.length]!;
      seen.add(kind);
      const at = r.int(docs.length);
      const doc = docs[at]!;
      let recounted = 1;
      let removed = 0;
      const replace = (changed: CategoryDocument) => (docs = docs.map((d, i) => (i === at ? changed : d)));
      if (kind === 'body')
        replace({
          ...doc,
          body: { ...doc.body, ru: `${doc.body.ru} ${r.words(1 + r.int(5))}` },
        });
      else if (kind === 'title') replace({ ...doc, title: { ru: r.words(4) } });
      else if (kind === 'keywords') replace({ ...doc, keywords: [...doc.keywords, r.words(1)] });
      else if (kind === 'category')
        replace({
          ...doc,
          categoryTrail: trailOf(r.pick(LEAVES.filter((l) => !doc.categoryTrail.includes(l)))),
        });
      else if (kind === 'add') docs = [...docs.slice(0, at), makeDoc(r, next++), ...docs.slice(at)];
      else if (kind === 'remove') {
        docs = docs.filter((_, i) => i !== at);
        recounted = 0;
        removed = 1;
      } else if (kind === 'alias') {
        const c = r.pick(categories);
        categories = categories.map((x) =>
          x === c
            ? {
                ...c,
                aliases: { ...c.aliases, ru: [...c.aliases.ru, r.words(2)] },
              }
            : x,
        );
        recounted = 0;
      } else if (kind === 'registry') {
        // A code comes into the registry or leaves it: its documents' counts were kept all along.
        categories = categories.some((c) => c.code === 'X.9')
          ? categories.filter((c) => c.code !== 'X.9')
          : [
              ...categories,
              {
                code: 'X.9',
                name: { ru: 'Прочие споры', kk: 'Басқа', en: 'Other' },
                aliases: { ru: [], kk: [] },
              },
            ];
        recounted = 0;
      } else recounted = 0;
      const result = await cached(categories, docs);
      expect(result.model, `step ${step}: ${kind}`).toEqual(buildCategoryModel(categories, docs));
      expect(
        {
          recounted: result.recounted,
          removed: result.removed,
          reused: result.reused,
        },
        `step ${step}: ${kind}`,
      ).toEqual({
        recounted,
        removed,
        reused: docs.length - recounted,
      });
    }
    expect(seen.size).toBe(kinds.length);
  });

  it('the same model in any document order', async () => {
    const r = random(7);
    const docs = Array.from({ length: 120 }, (_, n) => makeDoc(r, n));
    await cached(CATEGORIES, docs);
    const reversed = await cached(CATEGORIES, [...docs].reverse());
    expect(reversed.reused).toBe(docs.length);
    expect(reversed.model).toEqual(buildCategoryModel(CATEGORIES, docs));
  });

  it('does not rewrite the file when nothing changed', async () => {
    const r = random(3);
    const docs = Array.from({ length: 50 }, (_, n) => makeDoc(r, n));
    await cached(CATEGORIES, docs);
    const file = path.join(dir, 'model.bin');
    const before = (await stat(file)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await cached(CATEGORIES, docs)).reused).toBe(50);
    expect((await stat(file)).mtimeMs).toBe(before);
  });

  it('a garbage, truncated or altered cache file: the model from nothing, and a one-line warning', async () => {
    const r = random(11);
    const docs = Array.from({ length: 80 }, (_, n) => makeDoc(r, n));
    const expected = buildCategoryModel(CATEGORIES, docs);
    const file = path.join(dir, 'model.bin');
    await cached(CATEGORIES, docs);
    const good = await readFile(file);
    const altered = Buffer.from(good);
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    const variants: [string, Buffer][] = [
      ['garbage', Buffer.from('not a cache at all, just some bytes\n'.repeat(40))],
      ['truncated', good.subarray(0, Math.floor(good.length * 0.7))],
      ['altered', altered],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [label, bytes] of variants) {
      await writeFile(file, bytes);
      const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
      const result = await cached(CATEGORIES, docs);
      expect(result.model, label).toEqual(expected);
      expect(result.recounted, label).toBe(docs.length);
      expect(warning, label).toHaveBeenCalledTimes(1);
      expect(String(warning.mock.calls[0]![0]), label).toMatch(/^category model cache .* ignored \(.+\): counted from nothing$/);
      warning.mockRestore();
      // ... and the file is good again.
      expect((await cached(CATEGORIES, docs)).reused, label).toBe(docs.length);
    }
  });

  it('one file per content directory: two corpora sharing a cache directory do not recount each other', async () => {
    const r = random(13);
    const a = Array.from({ length: 40 }, (_, n) => makeDoc(r, n));
    const b = Array.from({ length: 60 }, (_, n) => makeDoc(r, n));
    const run = (docs: CategoryDocument[], contentDir: string) => categoryModelWithCache(CATEGORIES, docs, { dir, enabled: true, contentDir });
    expect((await run(a, '/corpus/a')).recounted).toBe(40);
    expect((await run(b, '/corpus/b')).recounted).toBe(60);
    const again = await run(a, '/corpus/a');
    expect(again.reused).toBe(40);
    expect(again.model).toEqual(buildCategoryModel(CATEGORIES, a));
    expect((await run(b, '/corpus/b')).reused).toBe(60);
  });

  it('off: the model from nothing, no file', async () => {
    const r = random(5);
    const docs = Array.from({ length: 30 }, (_, n) => makeDoc(r, n));
    const result = await categoryModelWithCache(CATEGORIES, docs, {
      dir,
      enabled: false,
    });
    expect(result.model).toEqual(buildCategoryModel(CATEGORIES, docs));
    await expect(stat(path.join(dir, 'model.bin'))).rejects.toThrow();
  });
});
