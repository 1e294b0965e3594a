import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_QUERIES } from './queries.ts';

/**
 * The whole benchmark at 200 decisions, as `npm run bench` runs it: corpus, `taldau index`, `taldau build --full`,
 * Pagefind's own crawl, the searches in /usr/bin/chromium, and the site's update after one change; then the compact index of the same corpus. Slow (about two minutes on a shared
 * machine) because it is real: every part a user would meet.
 */
const WORK = '.cache/bench-smoke';
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/bench.ts', '--decisions', '200', '--json', '--work', WORK, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
    // Generous: the run is slow on a shared machine, and speed is what the bench reports, not what this asserts.
    timeout: 900_000,
  });

describe('npm run bench -- --decisions 200 --json', () => {
  afterAll(() => rm(WORK, { recursive: true, force: true }));
  let first: { indexSeconds: number; indexBytes: number } | undefined;

  it('prints one JSON report with builds, baseline and six searches that all found something', () => {
    const run = bench('--keep');
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toContain('▶ taldau build --full');
    const report = JSON.parse(run.stdout);
    expect(report.decisions).toBe(200);
    expect(report.documents).toBeGreaterThan(200);
    for (const key of ['indexSeconds', 'siteSeconds', 'peakRssMB', 'indexBytes', 'indexFiles']) {
      expect(report[key], key).toBeGreaterThan(0);
    }
    expect(report.peakRssMB).toBeGreaterThanOrEqual(report.indexPeakRssMB);
    expect(report.pages).toBeGreaterThan(600);
    expect(report.queries).toHaveLength(BENCH_QUERIES.length);
    for (const q of report.queries) {
      expect(q, q.name).toMatchObject({ query: expect.any(String), filters: expect.any(Object), bytes: expect.any(Number), ms: expect.any(Number) });
      expect(q.hits, `${q.name} found nothing`).toBeGreaterThan(0);
      expect(q.bytes).toBeGreaterThan(10_000);
      expect(q.bytesAtResults).toBeGreaterThan(10_000);
      expect(q.bytesAtResults).toBeLessThanOrEqual(q.bytes);
      expect(q.followUpHits, `${q.name} follow-up found nothing`).toBeGreaterThan(0);
      expect(q.errors, q.name).toEqual([]);
    }
    expect(report.queries.filter((q: { filters: object }) => Object.keys(q.filters).length === 3)).toHaveLength(3);
    const b = report.baseline;
    for (const key of ['indexSeconds', 'peakRssMB', 'indexBytes', 'indexFiles']) expect(b[key], `baseline.${key}`).toBeGreaterThan(0);
    expect(b.queries).toHaveLength(BENCH_QUERIES.length);
    expect(report.ratios.indexBytes).toBeCloseTo(report.indexBytes / b.indexBytes, 1);
    expect(report.targets.length).toBeGreaterThan(5);
    expect(report.machine.cpus).toBeGreaterThan(0);
    // The rebuild after one more sentence in one decision updated the built site in place.
    expect(report.rebuild).toMatchObject({ updatedInPlace: true, indexSeconds: null, siteSeconds: expect.any(Number) });
    expect(report.rebuild.outcome).toMatch(/updated in [\d.]+ s: \d+ pages of \d+ changed documents rewritten/);
    expect(report.rebuild.siteSeconds).toBeLessThan(report.siteSeconds);
    first = report;
  }, 900_000);

  it('--no-site --reuse searches the kept index from the small site, reporting the kept index figures', () => {
    expect(first, 'the full run above failed').toBeDefined();
    const run = bench('--no-rebuild', '--no-site', '--reuse');
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toContain('small search site');
    expect(run.stderr).not.toContain('▶ taldau index');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ siteSeconds: null, pages: null, baseline: null, indexSeconds: first!.indexSeconds, indexBytes: first!.indexBytes });
    expect(report.queries).toHaveLength(BENCH_QUERIES.length);
    // «Жезказган» (the rare query) is in synthetic decisions only, not in content/: the 200-decision index answered.
    for (const q of report.queries) expect(q.hits, `${q.name} found nothing`).toBeGreaterThan(0);
  }, 900_000);

  it('--index compact builds the compact index of the kept corpus and searches it the same way', () => {
    expect(first, 'the full run above failed').toBeDefined();
    const run = bench('--index', 'compact', '--no-site', '--keep');
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toContain('taldau index --engine compact');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ staticIndex: 'compact', siteSeconds: null, decisions: 200 });
    expect(report.composition.byKind).toMatchObject({ 'word index': expect.any(Object), filter: expect.any(Object), fragment: expect.any(Object) });
    expect(report.rebuild.indexSeconds).toBeGreaterThan(0);
    for (const q of report.queries) {
      expect(q.hits, `${q.name} found nothing`).toBeGreaterThan(0);
      expect(q.followUpHits, `${q.name} follow-up found nothing`).toBeGreaterThan(0);
      expect(Object.keys(q.breakdown).some((k: string) => k.startsWith('pagefind')), q.name).toBe(false);
      expect(q.breakdown['compact word index'], q.name).toBeGreaterThan(0);
      expect(q.errors, q.name).toEqual([]);
    }
  }, 900_000);
});
