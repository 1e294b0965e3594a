import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSearchParams } from '../../site/lib/search/codec.ts';
import { BenchUsageError, parseBenchArgs } from './args.ts';
import { fileKind, parseTotal, type QueryMeasurement } from './browser.ts';
import { indexFileKind } from './files.ts';
import { measureCommand } from './measure-command.ts';
import { BENCH_QUERIES, searchPath } from './queries.ts';
import { checkTargets, computeRatios, finishReport, formatReport, ratio, type BenchReport, type BuildFigures } from './report.ts';
import { processParents, processTree, RssSampler, treeRss } from './rss.ts';
import { serveStatic } from './serve.ts';

describe('arguments', () => {
  it('reads the corpus size and defaults the rest', () => {
    expect(parseBenchArgs(['--decisions', '2000'])).toMatchObject({ decisions: 2000, seed: 1, json: false, baseline: true, rebuild: true, keep: false });
    expect(parseBenchArgs(['--decisions', '5', '--json', '--seed', '7', '--no-baseline', '--no-rebuild'])).toMatchObject({ decisions: 5, seed: 7, json: true, baseline: false, rebuild: false });
    expect(parseBenchArgs(['--decisions', '5'])).toMatchObject({ index: 'auto' });
    expect(parseBenchArgs(['--decisions', '5', '--index', 'compact'])).toMatchObject({ index: 'compact' });
    expect(() => parseBenchArgs(['--decisions', '5', '--index', 'lucene'])).toThrow(/--index must be auto, pagefind or compact, not "lucene"/);
  });
  it('refuses a missing, zero, fractional or non-numeric size and unknown options, with the usage', () => {
    for (const argv of [[], ['--decisions', '0'], ['--decisions', '2.5'], ['--decisions', 'many'], ['--decisions', '5', '--fast']]) {
      expect(() => parseBenchArgs(argv)).toThrow(BenchUsageError);
    }
    expect(() => parseBenchArgs(['--decisions', '-3'])).toThrow(/Usage: npm run bench/);
  });
  it('--no-site also skips the baseline (it crawls the built site) and the site rebuild; --reuse is read', () => {
    expect(parseBenchArgs(['--decisions', '9', '--no-site', '--reuse'])).toMatchObject({ site: false, baseline: false, reuse: true });
    expect(parseBenchArgs(['--decisions', '9'])).toMatchObject({ site: true, reuse: false, cold: false });
    expect(parseBenchArgs(['--decisions', '9', '--reuse', '--cold'])).toMatchObject({ reuse: true, cold: true });
  });
  it('accepts --help without a size', () => {
    expect(parseBenchArgs(['--help']).help).toBe(true);
  });
});

describe('queries', () => {
  it('are a rare word, a common word and a phrase, each alone and with exactly three filters', () => {
    expect(BENCH_QUERIES).toHaveLength(6);
    expect(BENCH_QUERIES.filter((q) => Object.keys(q.filters).length === 0)).toHaveLength(3);
    expect(BENCH_QUERIES.filter((q) => Object.keys(q.filters).length === 3)).toHaveLength(3);
    expect(BENCH_QUERIES.some((q) => q.text.startsWith('"') && q.text.endsWith('"'))).toBe(true);
  });
  it('encode into URLs the site codec decodes back to the same search', () => {
    for (const q of BENCH_QUERIES) {
      const url = new URL(searchPath(q), 'http://x');
      expect(url.pathname).toBe('/search/');
      const decoded = decodeSearchParams(url.searchParams);
      expect(decoded.ok).toBe(true);
      expect(decoded.query.text).toBe(q.text);
      const filters = Object.fromEntries(Object.entries(decoded.query.filters).map(([k, v]) => [k, v?.any]));
      expect(filters).toEqual(q.filters);
    }
  });
});

describe('classifying files', () => {
  it('tells the parts of a Pagefind index apart', () => {
    expect(indexFileKind('fragment/ru_1a2b.pf_fragment')).toBe('fragment');
    expect(indexFileKind('filter/kk_1a2b.pf_filter')).toBe('filter');
    expect(indexFileKind('index/ru_1a2b.pf_index')).toBe('word index');
    expect(indexFileKind('pagefind.ru_1a2b3c.pf_meta')).toBe('metadata');
    expect(indexFileKind('wasm.unknown.pagefind')).toBe('wasm');
    expect(indexFileKind('pagefind.js')).toBe('js/css/json');
    expect(indexFileKind('terms/12.ctx')).toBe('word index');
    expect(indexFileKind('facets/court.cfc')).toBe('filter');
    expect(indexFileKind('fragments/7.cfr')).toBe('fragment');
    expect(indexFileKind('manifest.json')).toBe('metadata');
    expect(fileKind('http://h/compact/terms/3.ctx')).toBe('compact word index');
    expect(fileKind('http://h/compact/facets/norm.cfc')).toBe('compact facet columns');
    expect(fileKind('http://h/compact/fragments/9.cfr')).toBe('compact fragments');
    expect(fileKind('http://h/compact/manifest.json')).toBe('compact manifest');
    expect(fileKind('http://h/pagefind/fragment/ru_1.pf_fragment')).toBe('pagefind fragments');
    expect(fileKind('http://h/pagefind/wasm.ru.pagefind')).toBe('pagefind wasm');
    expect(fileKind('http://h/search/?q=x')).toBe('html');
    expect(fileKind('http://h/_astro/Search.abc.js')).toBe('site js');
  });
  it('reads the total from the results heading, whatever the spaces', () => {
    expect(parseTotal('Найдено: 12 345')).toBe(12345);
    expect(parseTotal('Found 7 results')).toBe(7);
    expect(parseTotal('Загрузка…')).toBeNull();
  });
});

const query = (name: string, bytes: number, ms: number, followUpMs = 50, hits = 3): QueryMeasurement => ({
  query: name, name, filters: {}, bytes, bytesAtResults: bytes * 0.75, ms, requests: 10, breakdown: { 'pagefind fragments': bytes / 2, html: bytes / 2 }, total: hits, hits, followUpMs, followUpHits: hits, timedOut: false, followUpTimedOut: false, errors: [],
});
const figures = (over: Partial<BuildFigures> = {}): BuildFigures => ({
  indexSeconds: 10, peakRssMB: 300, indexBytes: 1_000_000, indexFiles: 100,
  composition: { bytes: 1_000_000, files: 100, byKind: { fragment: { bytes: 600_000, files: 80 } } },
  queries: [query('rare', 200_000, 300), query('common', 400_000, 800)],
  ...over,
});
const report = (over: Partial<Omit<BenchReport, 'targets' | 'ratios'>> = {}): BenchReport =>
  finishReport({
    ...figures(), decisions: 1000, staticIndex: 'pagefind', seed: 1, documents: 1025, corpusBytes: 8e6, corpusSeconds: 1, siteSeconds: 120, siteFromNothing: true, sitePeakRssMB: 900,
    siteIndexSeconds: 9, pages: 5000, siteBytes: 5e7, indexPeakRssMB: 300, rebuild: null, baseline: null,
    machine: { cpus: 2, loadAverage: { start: 9.5, end: 8.25 } }, ...over,
  });

describe('ratios', () => {
  it('divide ours by the baseline, rounded, and give null when there is nothing to divide by', () => {
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(6, 2)).toBe(3);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(5, null)).toBeNull();
    expect(ratio(undefined, 5)).toBeNull();
    expect(ratio(Number.NaN, 5)).toBeNull();
  });
  it('compare builds and each query by name with the baseline', () => {
    const base = figures({ indexSeconds: 40, indexBytes: 4_000_000, indexFiles: 1000, peakRssMB: 150, queries: [query('common', 200_000, 400)] });
    const r = computeRatios(figures(), base)!;
    expect(r).toMatchObject({ indexSeconds: 0.25, indexBytes: 0.25, indexFiles: 0.1, peakRssMB: 2 });
    expect(r.queryBytes).toEqual({ rare: null, common: 2 });
    expect(r.queryMs).toEqual({ rare: null, common: 2 });
    expect(computeRatios(figures(), null)).toBeNull();
  });
});

describe('targets and the report', () => {
  it('mark each target met or not from the figures', () => {
    const met = (r: BenchReport, prefix: string) => r.targets.find((t) => t.target.startsWith(prefix))?.met;
    const good = report({ queries: [query('rare', 100_000, 200, 40)], baseline: figures({ indexSeconds: 99, indexBytes: 9e6 }) });
    expect(good.targets.filter((t) => t.met === false)).toEqual([]);
    const bad = report({ siteSeconds: 400, sitePeakRssMB: 7000, queries: [query('common', 600_000, 1200, 200, 0)], rebuild: { file: 'x.md', indexSeconds: 9, siteSeconds: null, peakRssMB: 100, updatedInPlace: null, outcome: null } });
    expect(met(bad, 'whole build')).toBe(false);
    expect(met(bad, 'peak memory')).toBe(false);
    expect(met(bad, 'cold search ≤ 500 KB transferred (worst')).toBe(false);
    // 600 KB until quiet, 450 KB (439 KiB) of it by the first result: over one budget, within the other.
    expect(met(bad, 'cold search ≤ 500 KB transferred by the first result')).toBe(true);
    expect(met(report({ queries: [query('common', 800_000, 300, 40)] }), 'cold search ≤ 500 KB transferred by the first result')).toBe(false);
    expect(met(bad, 'cold search ≤ 500 ms')).toBe(false);
    expect(met(bad, 'follow-up')).toBe(false);
    expect(met(bad, 'no search')).toBe(false);
    expect(met(bad, 'every search')).toBe(false);
    expect(met(bad, 'rebuild')).toBe(false); // 9 s of a 10 s index build
    const updated = { file: 'x.md', indexSeconds: null, siteSeconds: 20, peakRssMB: 900, updatedInPlace: true, outcome: 'taldau build: dist updated in 19.0 s: 3 pages of 1 changed documents rewritten' };
    expect(met(report({ siteSeconds: 214, rebuild: updated }), 'rebuild after one change ≤ 10% of the full build (site, built from nothing)')).toBe(true);
    // Against a build that reused an earlier build's caches, and says so.
    expect(met(report({ siteSeconds: 150, siteFromNothing: false, rebuild: updated }), 'rebuild after one change ≤ 10% of the full build (site, built with the caches')).toBe(false);
    expect(formatReport(report({ siteSeconds: 214, rebuild: updated }))).toMatch(/rebuild after changing x\.md: taldau build 20\.0 s, peak 900 MB, updated in place\n  taldau build: dist updated/);
    expect(met(bad, 'index smaller / faster')).toBeNull();
    expect(checkTargets(report()).length).toBeGreaterThan(5);
  });
  it('marks a search that timed out as a lower bound', () => {
    const slow = { ...query('common', 900_000, 60_000, 60_000, 0), timedOut: true, followUpTimedOut: true };
    expect(formatReport(report({ queries: [slow] }))).toMatch(/common: common\s+0\s+879\s+659\s+≥60000\s+≥60000/);
    expect(report({ queries: [slow] }).targets.find((t) => t.target.startsWith('no search'))!.met).toBe(false);
  });
  it('prints builds, composition, searches with ratios against the baseline, and the targets', () => {
    const text = formatReport(report({ baseline: figures({ indexSeconds: 40, queries: [query('rare', 100_000, 150), query('common', 200_000, 400)] }) }));
    expect(text).toContain('1000 decisions');
    expect(text).toContain('2 CPUs, load average 9.5 at the start, 8.3 at the end');
    expect(text).toMatch(/ours \/ baseline\s+×0\.25/);
    expect(text).toMatch(/common: common\s+3\s+391\s+293\s+800\s+50\s+195\s+400\s+3\s+×2\s+×2/);
    expect(text).toMatch(/NOT met\s+cold search ≤ 500 ms to results \(worst query\): 800 ms/);
    expect(text).toContain('bytes of the heaviest search (common)');
    expect(formatReport(report())).not.toContain('ours / baseline');
  });
  it('without the site (--no-site) judge the build by the index alone only when that already fails', () => {
    const noSite = { siteSeconds: null, sitePeakRssMB: null, siteIndexSeconds: null, pages: null, siteBytes: null };
    const build = (r: BenchReport) => r.targets.find((t) => t.target.startsWith('whole build'))!;
    expect(build(report({ ...noSite, indexSeconds: 100 }))).toMatchObject({ met: null, value: 'pages not built; the index alone 100.0 s' });
    expect(build(report({ ...noSite, indexSeconds: 400 })).met).toBe(false);
    expect(report({ ...noSite, indexPeakRssMB: 7000 }).targets.find((t) => t.target.startsWith('peak memory'))!.met).toBe(false);
    expect(formatReport(report(noSite))).toMatch(/taldau build --full\s+not run \(--no-site\)/);
  });
});

describe('memory of a process tree', () => {
  it('finds the children of a process in /proc', () => {
    const tree = processTree(process.pid, processParents());
    expect(tree[0]).toBe(process.pid);
    expect(processTree(1, new Map([[2, 1], [3, 2], [4, 9]]))).toEqual([1, 2, 3]);
  });
  it('sums the RSS of a child and its grandchild and keeps the peak', async () => {
    // A shell whose child (node) holds ~150 MB: the tree's peak must include the grandchild.
    const hold = `const b = Buffer.alloc(150 * 1024 * 1024, 1); setTimeout(() => b.length, 1500);`;
    const child = spawn('sh', ['-c', `"${process.execPath}" -e '${hold}'; true`], { stdio: 'ignore' });
    const sampler = new RssSampler(child.pid!, 50).start();
    await new Promise((r) => child.once('close', r));
    const peak = sampler.stop();
    expect(peak).toBeGreaterThan(150 * 1024 * 1024);
    expect(peak).toBeLessThan(1024 * 1024 * 1024);
    expect(sampler.samples).toBeGreaterThan(5);
    expect(treeRss(child.pid!)).toBe(0); // gone
  });
  it('measures a command: exit code, time, peak memory and its output lines', async () => {
    const lines: string[] = [];
    const run = await measureCommand(process.execPath, ['-e', `const b = Buffer.alloc(80 * 1024 * 1024, 1); console.log('one'); console.error('two'); setTimeout(() => process.exit(b.length ? 3 : 0), 600)`], {
      onLine: (l) => lines.push(l),
      sampleMs: 50,
    });
    expect(run.code).toBe(3);
    expect(run.signal).toBeNull();
    expect(run.seconds).toBeGreaterThan(0.5);
    expect(run.peakRssBytes).toBeGreaterThan(80 * 1024 * 1024);
    expect(lines.sort()).toEqual(['one', 'two']);
    expect(run.tail.sort()).toEqual(['one', 'two']);
  });
  it('tells a command killed by a signal', async () => {
    const run = await measureCommand(process.execPath, ['-e', 'process.kill(process.pid, "SIGTERM")']);
    expect(run).toMatchObject({ code: null, signal: 'SIGTERM' });
  });
});

describe('static server', () => {
  let dir: string;
  let other: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bench-serve-'));
    other = await mkdtemp(path.join(tmpdir(), 'bench-mount-'));
    await mkdir(path.join(dir, 'search'), { recursive: true });
    await writeFile(path.join(dir, 'search', 'index.html'), '<p>поиск</p>'.repeat(100));
    await writeFile(path.join(dir, 'x.pf_index'), Buffer.from([1, 2, 3]));
    await writeFile(path.join(other, 'pagefind.js'), 'export {}');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(other, { recursive: true, force: true });
  });
  it('serves directories as index.html, gzips text, sends binary as is, mounts a second directory, refuses the rest', async () => {
    const server = await serveStatic(dir, { '/pagefind/': `${other}/` });
    try {
      const page = await fetch(`${server.url}/search/?q=1`, { headers: { 'accept-encoding': 'identity' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('поиск');
      const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        import('node:http').then(({ get }) =>
          get(`${server.url}/search/`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
          }).on('error', reject),
        );
      });
      expect(raw.encoding).toBe('gzip');
      expect(gunzipSync(raw.body).toString()).toContain('поиск');
      expect(raw.body.length).toBeLessThan(500);
      const bin = await fetch(`${server.url}/x.pf_index`);
      expect(bin.headers.get('content-encoding')).toBeNull();
      expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([1, 2, 3]);
      expect(await (await fetch(`${server.url}/pagefind/pagefind.js`)).text()).toBe('export {}');
      expect((await fetch(`${server.url}/missing/`)).status).toBe(404);
      expect((await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
