import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { main } from '../cli.ts';
import { loadKnowledgeBase } from '../knowledge-base.ts';
import { fakeIo } from '../test/fake-io.ts';
import { VALID_DIR } from '../test/paths.ts';
import { cacheEnabledByDefault, openEnrichCache, type EnrichCache } from './cache.ts';
import { enrichDocuments } from './index.ts';

function doc(id: string, body: string, extra: Partial<KbDocument> = {}): KbDocument {
  const [kind, slug] = id.split('/') as [KbDocument['kind'], string];
  return {
    id, kind, slug, url: `/${kind}s/${slug}/`, languages: ['ru'], title: { ru: slug }, body: { ru: body },
    date: '2023-05-14', year: 2023, proceeding: 'civil', categories: ['G.02.01'], categoryTrail: ['G', 'G.02', 'G.02.01'],
    keywords: [], citations: [], norms: [], citedBy: [], similar: [], files: [`${kind}s/${slug}.ru.md`], hash: slug, ...extra,
  };
}

const KOBS: NormCode = {
  id: 'kobs', short: { ru: 'КоБС', kk: 'НОК' }, title: { ru: 'Кодекс о браке', kk: 'Неке кодексі', en: 'Marriage Code' },
  aliases: { ru: [], kk: [] }, complete: true,
  articles: ['20', '139'].map((number) => ({ number, title: { ru: number } })),
};
const codes = [KOBS];

const DOCS = [
  doc('decision/2-10-2023', 'Истица Каримова Айгерим Болатовна просит расторгнуть брак по ст. 20 КоБС. См. нормативное постановление Верховного Суда РК от 28 июля 2000 года № 5 и дело № 2-11/2023.', {
    caseNumber: '2-10/2023', title: { ru: 'По иску Каримовой А.Б.' },
  }),
  doc('decision/2-11-2023', 'Ответчик Сериков Данияр Маратович, алименты по ст. 139 КоБС, дело № 2-11/2023.', { caseNumber: '2-11/2023' }),
  doc('decision/2-12-2023', 'Заявитель Ахметова Гульнара Сериковна, брак расторгнут.', { caseNumber: '2-12/2023' }),
  doc('resolution/2000-07-28-n5', 'О практике применения законодательства о браке.', { number: '5' }),
];

let tmp: string;
let dir: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-enrich-cache-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** One build: open the cache of `dir`, enrich, save; what the cache counted. */
async function build(documents: KbDocument[], cacheDir = dir) {
  const cache = (await openEnrichCache({ contentDir: '/content', codes, enabled: true, dir: cacheDir }))!;
  const result = await enrichDocuments(documents, { codes, cache });
  await cache.save();
  return { result, counts: count(cache) };
}
const count = (c: EnrichCache) => ({ maskHits: c.mask.hits, maskMisses: c.mask.misses, citationHits: c.citations.hits, citationMisses: c.citations.misses, bad: c.mask.bad + c.citations.bad });

describe('enrich cache', () => {
  let uncached: Awaited<ReturnType<typeof enrichDocuments>>;
  beforeAll(async () => {
    uncached = await enrichDocuments(DOCS, { codes });
  });

  it('computes everything on the first build and nothing on the second, with the same documents', async () => {
    dir = path.join(tmp, 'hit');
    const first = await build(DOCS);
    expect(first.counts).toEqual({ maskHits: 0, maskMisses: 3, citationHits: 0, citationMisses: 4, bad: 0 });
    expect(first.result).toEqual(uncached);
    const second = await build(DOCS);
    expect(second.counts).toEqual({ maskHits: 3, maskMisses: 0, citationHits: 4, citationMisses: 0, bad: 0 });
    expect(second.result).toEqual(uncached);
    // The cached result is really masked, and cross-document links are resolved afresh.
    const [a] = second.result.documents;
    expect(a!.body.ru).not.toContain('Каримова');
    expect(a!.citations.map((c) => [c.type, c.target])).toEqual([['norm', 'kobs:20'], ['resolution', '2000-07-28-n5'], ['case', '2-11-2023']]);
  });

  it('recomputes only the changed document', async () => {
    dir = path.join(tmp, 'change');
    await build(DOCS);
    const changed = DOCS.map((d) => (d.id === 'decision/2-12-2023' ? { ...d, body: { ru: `${d.body.ru} Свидетель Омаров Ерлан Серикович.` }, hash: 'new' } : d));
    const { result, counts } = await build(changed);
    expect(counts).toEqual({ maskHits: 2, maskMisses: 1, citationHits: 3, citationMisses: 1, bad: 0 });
    expect(result).toEqual(await enrichDocuments(changed, { codes }));
    expect(result.documents.find((d) => d.id === 'decision/2-12-2023')!.body.ru).not.toContain('Омаров');
  });

  it('resolves cached citations against the documents of this build, not of the build that cached them', async () => {
    dir = path.join(tmp, 'resolve');
    const withoutTargets = DOCS.filter((d) => d.id !== 'decision/2-11-2023' && d.kind === 'decision');
    const early = await build(withoutTargets);
    expect(early.result.documents[0]!.citations.filter((c) => c.type !== 'norm').map((c) => c.target)).toEqual([null, null]);
    const later = await build(DOCS);
    expect(later.counts.maskMisses).toBe(1); // only the added decision
    expect(later.result).toEqual(uncached);
    expect(later.result.documents.find((d) => d.id === 'decision/2-11-2023')!.citedBy).toEqual(['decision/2-10-2023']);
  });

  it('treats a corrupted line or file as a miss, never as a failure', async () => {
    dir = path.join(tmp, 'corrupt');
    const { counts: firstCounts } = await build(DOCS);
    expect(firstCounts.maskMisses).toBe(3);
    const [maskFile] = (await import('node:fs')).readdirSync(dir).filter((f) => f.endsWith('.mask.jsonl'));
    const file = path.join(dir, maskFile!);
    const lines = (await readFile(file, 'utf8')).split('\n');
    // One line cut short, one with spans that cannot fit the text, one of the wrong shape.
    lines[1] = lines[1]!.slice(0, 20);
    const entry = JSON.parse(lines[2]!);
    entry[1].spans.ru = [[0, 1_000_000, '[А.]']];
    lines[2] = JSON.stringify(entry);
    lines[3] = JSON.stringify([JSON.parse(lines[3]!)[0], { title: 7 }]);
    await writeFile(file, lines.join('\n'));
    const { result, counts } = await build(DOCS);
    expect(counts.bad).toBe(2);
    expect(counts.maskMisses).toBe(3); // the two unreadable lines, and the spans that do not fit, recomputed
    expect(result).toEqual(uncached);

    await writeFile(file, '\u0000garbage{{{');
    const again = await build(DOCS);
    expect(again.counts.maskMisses).toBe(3);
    expect(again.result).toEqual(uncached);
  });

  it('ignores a cache written by another version of the code', async () => {
    dir = path.join(tmp, 'version');
    await build(DOCS);
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      const [, ...rest] = (await readFile(file, 'utf8')).split('\n');
      await writeFile(file, [JSON.stringify({ format: 'mask/0/older-code' }), ...rest].join('\n'));
    }
    const { result, counts } = await build(DOCS);
    expect(counts).toEqual({ maskHits: 0, maskMisses: 3, citationHits: 0, citationMisses: 4, bad: 0 });
    expect(result).toEqual(uncached);
  });

  it('keys citations by the norm codes too', async () => {
    dir = path.join(tmp, 'codes');
    await build(DOCS);
    const other = (await openEnrichCache({ contentDir: '/content', codes: [{ ...KOBS, complete: false }], enabled: true, dir }))!;
    await enrichDocuments(DOCS, { codes: [{ ...KOBS, complete: false }], cache: other });
    expect(count(other)).toMatchObject({ maskHits: 3, citationMisses: 4 });
  });

  it('is off with TALDAU_NO_CACHE and, in tests, unless TALDAU_CACHE_DIR is set', () => {
    expect(cacheEnabledByDefault({ TALDAU_NO_CACHE: '1' })).toBe(false);
    expect(cacheEnabledByDefault({ VITEST: 'true' })).toBe(false);
    expect(cacheEnabledByDefault({ VITEST: 'true', TALDAU_CACHE_DIR: '/tmp/x' })).toBe(true);
    expect(cacheEnabledByDefault({})).toBe(true);
  });
});

describe('enrich cache through loadKnowledgeBase', () => {
  const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
  it('gives the real knowledge base exactly as without a cache, cold and warm', async () => {
    process.env.TALDAU_CACHE_DIR = path.join(tmp, 'kb');
    try {
      const plain = await loadKnowledgeBase({ contentDir, cache: false, today: '2026-11-28' });
      const cold = await loadKnowledgeBase({ contentDir, today: '2026-11-28' });
      const warm = await loadKnowledgeBase({ contentDir, today: '2026-11-28' });
      expect(plain.counts.decisions).toBeGreaterThan(50);
      expect(cold.documents).toEqual(plain.documents);
      expect(warm.documents).toEqual(plain.documents);
      expect(warm.problems).toEqual(plain.problems);
      const { readdirSync } = await import('node:fs');
      expect(readdirSync(path.join(process.env.TALDAU_CACHE_DIR!, 'enrich')).sort()).toEqual([expect.stringMatching(/\.citations\.jsonl$/), expect.stringMatching(/\.mask\.jsonl$/)]);
    } finally {
      delete process.env.TALDAU_CACHE_DIR;
    }
  }, 120_000);
});

describe('taldau index and the cache', () => {
  it('writes the cache by default and none with --no-cache', async () => {
    const { readdirSync, existsSync } = await import('node:fs');
    const index = async (cacheDir: string, ...extra: string[]) => {
      process.env.TALDAU_CACHE_DIR = cacheDir;
      try {
        const f = fakeIo();
        const code = await main(['index', '--content', VALID_DIR, '--out', path.join(cacheDir, 'out'), ...extra], f.io);
        expect(code, f.stderr()).toBe(0);
      } finally {
        delete process.env.TALDAU_CACHE_DIR;
      }
    };
    const off = path.join(tmp, 'cli-off');
    await index(off, '--no-cache');
    expect(readdirSync(off)).toEqual(['out']);
    const on = path.join(tmp, 'cli-on');
    await index(on);
    expect(readdirSync(path.join(on, 'enrich')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(2);
    expect(existsSync(path.join(on, 'out', 'pagefind-entry.json'))).toBe(true);
  }, 120_000);
});
