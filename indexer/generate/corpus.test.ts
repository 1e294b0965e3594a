import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/corpus.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge-base.ts';
import { generateCorpus } from './corpus.ts';
import { iinCheckDigit } from './people.ts';

const N = 400;
let dir: string;
let kb: KnowledgeBase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'taldau-corpus-'));
  await writeCorpus({ decisions: N, seed: 42, out: path.join(dir, 'c'), content: 'content' });
  kb = await loadKnowledgeBase({ contentDir: path.join(dir, 'c'), enrich: false });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('corpus generator', () => {
  it('writes decisions that the validator accepts, every one', () => {
    expect(kb.problems.filter((p) => p.file.startsWith('decisions/'))).toEqual([]);
    expect(kb.documents.filter((d) => d.kind === 'decision')).toHaveLength(N);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const take = (seed: number) => [...generateCorpus(kb.registries, { decisions: 20, seed, resolutions: [] })].map((f) => f.text).join('');
    expect(take(5)).toBe(take(5));
    expect(take(5)).not.toBe(take(6));
  });

  it('spreads decisions long-tailed over categories, about a fifth in Kazakh, 2–20 KB bodies', () => {
    const decisions = kb.documents.filter((d) => d.kind === 'decision');
    const perCategory = new Map<string, number>();
    for (const d of decisions) perCategory.set(d.categories[0]!, (perCategory.get(d.categories[0]!) ?? 0) + 1);
    const counts = [...perCategory.values()].sort((a, b) => b - a);
    // Head much heavier than the median category: a long tail, not a uniform draw.
    expect(counts[0]!).toBeGreaterThan(5 * counts[Math.floor(counts.length / 2)]!);
    expect(perCategory.size).toBeGreaterThan(60);
    const kazakh = decisions.filter((d) => d.languages[0] === 'kk').length / decisions.length;
    expect(kazakh).toBeGreaterThan(0.12);
    expect(kazakh).toBeLessThan(0.28);
    const sizes = decisions.map((d) => Buffer.byteLength(Object.values(d.body).join('')));
    expect(Math.min(...sizes)).toBeGreaterThan(1500);
    expect(Math.max(...sizes)).toBeLessThan(24_000);
    expect(new Set(decisions.map((d) => d.instance))).toEqual(new Set(['first', 'appeal', 'cassation']));
    const years = decisions.map((d) => d.year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2015);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
  });

  it('gives parties ИИН with a valid check digit, so depersonalisation has real work to do', () => {
    const iins = [...generateCorpus(kb.registries, { decisions: 30, seed: 1, resolutions: [] })].flatMap((f) => f.text.match(/(?<=(ИИН|ЖСН) )\d{12}/g) ?? []);
    expect(iins.length).toBeGreaterThan(10);
    for (const iin of iins) expect(iinCheckDigit(iin.slice(0, 11))).toBe(Number(iin[11]));
  });

  it('refuses to overwrite a folder it did not generate', async () => {
    await expect(writeCorpus({ decisions: 1, seed: 1, out: 'content', content: 'content' })).rejects.toThrow(/not made by the corpus generator/);
  });
});
