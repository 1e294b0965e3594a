import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../../scripts/corpus.ts';
import type { BenchArgs } from './args.ts';
import { launchBrowser, measureQuery, type QueryMeasurement } from './browser.ts';
import { indexComposition, treeSize } from './files.ts';
import { measureCommand, type CommandRun } from './measure-command.ts';
import type { Progress } from '../progress.ts';
import { BENCH_QUERIES, searchPath } from './queries.ts';
import { finishReport, type BenchReport, type BuildFigures } from './report.ts';
import { serveStatic } from './serve.ts';
import { STATIC_INDEX_PATH, staticIndexFor, type StaticIndex } from '../../site/lib/static-index.ts';

const MB = 1024 * 1024;

class BenchStepError extends Error {
  override name = 'BenchStepError';
}

function mustSucceed(step: string, run: CommandRun): CommandRun {
  if (run.code !== 0) {
    const how = run.signal ? `killed by ${run.signal}` : `exit ${run.code}`;
    throw new BenchStepError(`${step} failed (${how}) after ${run.seconds.toFixed(0)} s, peak ${(run.peakRssBytes / MB).toFixed(0)} MB:\n${run.tail.join('\n')}`);
  }
  return run;
}

/**
 * The whole benchmark: corpus → `taldau index` → `taldau build --full` → Pagefind's own crawl (baseline) →
 * searches in chromium on both → a rebuild after one change. Runs from the repository root: Astro must
 * build into a directory inside it (outside, it stages its server chunks in the shared `.astro/`).
 */
export async function runBench(args: BenchArgs, progress: Progress, root = process.cwd()): Promise<BenchReport> {
  const work = path.resolve(root, args.workDir, `${args.decisions}-${args.seed}`);
  if (path.relative(root, work).startsWith('..')) throw new BenchStepError(`--work must be inside ${root} (Astro builds in place)`);
  const kind: StaticIndex = args.index === 'auto' ? staticIndexFor(args.decisions, {}) : args.index;
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  // Each kind has its own directory and run file, so one work dir can hold both for side-by-side runs.
  const indexOut = path.join(work, indexDirName(kind));
  const baselineOut = path.join(work, 'baseline');
  const baselinePage = path.join(work, 'baseline-page');
  await Promise.all((args.reuse ? [dist, baselineOut, baselinePage] : [dist, indexOut, baselineOut, baselinePage]).map((d) => rm(d, { recursive: true, force: true })));

  const loadAtStart = loadavg()[0]!;
  const built = args.reuse ? await reusedRun(work, args.decisions, kind) : await buildCorpusAndIndex(args, kind, root, content, indexOut, progress);
  const { corpus, documents } = built;
  const indexRun = built.index;
  // Walked once (100,000 files at 100,000 decisions), for the line below and the report.
  const composition = await indexComposition(indexOut);
  progress.line(
    `${args.reuse ? 'reused ' : ''}${documents} documents ${args.reuse ? 'indexed earlier ' : ''}in ${indexRun.seconds.toFixed(1)} s, peak ${(indexRun.peakRssBytes / MB).toFixed(0)} MB, ${(composition.bytes / MB).toFixed(1)} MB in ${composition.files} files`,
  );

  let site: Awaited<ReturnType<typeof measureSite>> | null = null;
  let siteTree: Awaited<ReturnType<typeof treeSize>> | null = null;
  let mounts: Record<string, string> = {};
  let siteFromNothing: boolean | null = null;
  if (args.site) {
    const siteCache = path.join(work, 'astro-cache');
    // The rebuild target compares against a build that computes everything: say whether this one did.
    if (args.cold) await rm(siteCache, { recursive: true, force: true });
    siteFromNothing = !(await stat(siteCache).then(() => true, () => false));
    progress.step(`taldau build --full${siteFromNothing ? ', from nothing' : ', with the caches of an earlier build'}`);
    site = await measureSite(root, content, dist, siteCache, documents, kind, progress);
    siteTree = await treeSize(dist);
    progress.line(`${siteTree.pages} pages in ${site.run.seconds.toFixed(1)} s, peak ${(site.run.peakRssBytes / MB).toFixed(0)} MB`);
  } else {
    // The search page (its scripts, dictionaries, facet config) is the same whatever the corpus size; only
    // the index grows. So a small site serves it, with the N-decision index mounted where its page looks.
    progress.step('taldau build --full of the small search site (--no-site)');
    const small = await measureSite(root, path.join(root, 'content'), dist, path.join(work, 'astro-cache'), 0, kind, progress);
    progress.line(`small site in ${small.run.seconds.toFixed(1)} s; the ${documents}-document index is served at ${STATIC_INDEX_PATH[kind]}`);
    mounts = { [STATIC_INDEX_PATH[kind]]: `${indexOut}/` };
  }
  let baseline: BuildFigures | null = null;
  let baselineRun: CommandRun | null = null;
  if (args.baseline) {
    progress.step('baseline: pagefind --site (HTML crawl)');
    let pagesSeen = 0;
    baselineRun = mustSucceed(
      'pagefind --site',
      await measureCommand(path.join(root, 'node_modules/.bin/pagefind'), ['--site', dist, '--output-path', baselineOut], {
        cwd: root,
        onLine: (line) => {
          const m = /Indexed (\d+) page/.exec(line) ?? /Found (\d+) files/.exec(line);
          if (m) pagesSeen = Number(m[1]);
          progress.update(pagesSeen, siteTree?.pages ?? null, line.trim().slice(0, 50));
        },
      }),
    );
    progress.line(`crawled in ${baselineRun.seconds.toFixed(1)} s, peak ${(baselineRun.peakRssBytes / MB).toFixed(0)} MB`);
  }

  progress.step('searches in chromium');
  const browser = await launchBrowser();
  let queries: QueryMeasurement[];
  let baselineQueries: QueryMeasurement[] = [];
  try {
    queries = await runQueries(browser, dist, mounts, progress, 'ours');
    if (args.baseline) {
      // The crawl is a Pagefind index: it needs a search page that reads Pagefind. A compact build's does not,
      // so the page of a small Pagefind site serves it (the page does not grow with the corpus).
      let page = dist;
      if (kind !== 'pagefind') {
        await measureSite(root, path.join(root, 'content'), baselinePage, path.join(work, 'astro-cache-baseline'), 0, 'pagefind', progress);
        page = baselinePage;
      }
      baselineQueries = await runQueries(browser, page, { '/pagefind/': `${baselineOut}/` }, progress, 'baseline');
    }
  } finally {
    await browser.close();
  }
  if (baselineRun) {
    const bComp = await indexComposition(baselineOut);
    baseline = {
      indexSeconds: baselineRun.seconds,
      peakRssMB: baselineRun.peakRssBytes / MB,
      indexBytes: bComp.bytes,
      indexFiles: bComp.files,
      composition: bComp,
      queries: baselineQueries,
    };
  }

  let rebuild: BenchReport['rebuild'] = null;
  if (args.rebuild) {
    progress.step('rebuild after changing one document');
    rebuild = await measureRebuild(root, content, kind, indexOut, site ? { dist, cache: path.join(work, 'astro-cache'), documents } : null, progress);
  }

  if (!args.keep) await rm(work, { recursive: true, force: true });

  return finishReport({
    decisions: corpus.decisions,
    staticIndex: kind,
    seed: args.seed,
    documents,
    corpusBytes: corpus.bytes,
    corpusSeconds: corpus.seconds,
    indexSeconds: indexRun.seconds,
    indexPeakRssMB: indexRun.peakRssBytes / MB,
    peakRssMB: Math.max(indexRun.peakRssBytes, site?.run.peakRssBytes ?? 0) / MB,
    indexBytes: composition.bytes,
    indexFiles: composition.files,
    composition,
    queries,
    siteSeconds: site?.run.seconds ?? null,
    siteFromNothing,
    sitePeakRssMB: site ? site.run.peakRssBytes / MB : null,
    siteIndexSeconds: site?.indexSeconds ?? null,
    pages: siteTree?.pages ?? null,
    siteBytes: siteTree?.bytes ?? null,
    rebuild,
    machine: { cpus: availableParallelism(), loadAverage: { start: loadAtStart, end: loadavg()[0]! } },
    baseline,
  });
}

/** What a run leaves in its work dir so that `--reuse` can report the corpus and index it did not rebuild. */
const runFile = (kind: StaticIndex) => (kind === 'pagefind' ? 'index-run.json' : `index-run-${kind}.json`);
/** Where a kind's index lives in the work dir (Pagefind's keeps the name earlier runs gave it). */
const indexDirName = (kind: StaticIndex) => (kind === 'pagefind' ? 'index' : kind);
interface IndexedCorpus {
  corpus: { decisions: number; bytes: number; seconds: number };
  documents: number;
  index: Pick<CommandRun, 'seconds' | 'peakRssBytes'>;
}

async function buildCorpusAndIndex(args: BenchArgs, kind: StaticIndex, root: string, content: string, indexOut: string, progress: Progress): Promise<IndexedCorpus> {
  progress.step(`corpus: ${args.decisions} decisions`);
  const corpus = await writeCorpus({
    decisions: args.decisions,
    seed: args.seed,
    out: content,
    content: path.join(root, 'content'),
    log: (line) => {
      const m = /(\d+)\/(\d+) decisions/.exec(line);
      if (m) progress.update(Number(m[1]), Number(m[2]), 'decisions written');
    },
  });
  progress.line(`${corpus.decisions} decisions, ${(corpus.bytes / MB).toFixed(1)} MB in ${corpus.seconds.toFixed(1)} s`);
  progress.step(`taldau index --engine ${kind}`);
  let documents = 0;
  const run = await measureIndex(root, content, kind, indexOut, progress, (n) => (documents = n));
  const built = { corpus: { decisions: corpus.decisions, bytes: corpus.bytes, seconds: corpus.seconds }, documents, index: { seconds: run.seconds, peakRssBytes: run.peakRssBytes } };
  // What a later --reuse reports instead of rebuilding.
  await writeFile(path.join(path.dirname(content), runFile(kind)), JSON.stringify(built));
  return built;
}

async function reusedRun(work: string, decisions: number, kind: StaticIndex): Promise<IndexedCorpus> {
  const file = path.join(work, runFile(kind));
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new BenchStepError(`--reuse: ${file} not found; run once with --keep first`);
  let run: IndexedCorpus;
  try {
    run = JSON.parse(text) as IndexedCorpus;
  } catch (error) {
    throw new BenchStepError(`--reuse: ${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!(run.documents > 0 && run.index?.seconds > 0 && run.corpus?.decisions > 0)) throw new BenchStepError(`--reuse: ${file} lacks documents, index.seconds or corpus.decisions`);
  if (run.corpus.decisions !== decisions) throw new BenchStepError(`--reuse: ${file} is of ${run.corpus.decisions} decisions, not ${decisions}`);
  for (const dir of ['content', indexDirName(kind)]) {
    if (!(await stat(path.join(work, dir)).then(() => true, () => false))) throw new BenchStepError(`--reuse: ${path.join(work, dir)} is missing`);
  }
  return run;
}

async function measureIndex(root: string, content: string, kind: StaticIndex, out: string, progress: Progress, onDocuments: (n: number) => void): Promise<CommandRun> {
  return mustSucceed(
    'taldau index',
    await measureCommand(process.execPath, [path.join(root, 'bin/taldau.js'), 'index', '--engine', kind, '--content', content, '--out', out, '--skip-invalid'], {
      cwd: root,
      onLine: (line) => {
        const m = /indexed (\d+) of (\d+) documents/.exec(line);
        if (m) onDocuments(Number(m[2]));
        if (line.startsWith('taldau timing:')) progress.line(`  ${line}`);
        progress.update(0, null, 'indexing');
      },
    }),
  );
}

/** `taldau build`: the whole site with `--full` (every page, the index at build:done), else an update in place where it can. */
async function measureSite(root: string, content: string, dist: string, cache: string, documents: number, kind: StaticIndex, progress: Progress, full = true) {
  let astroPages = 0;
  let documentPages = 0;
  let indexSeconds: number | null = null;
  let outcome = '';
  // Three interface languages per document page; the registry pages come on top.
  const expected = documents * 3;
  const run = mustSucceed(
    'taldau build',
    await measureCommand(process.execPath, [path.join(root, 'bin/taldau.js'), 'build', ...(full ? ['--full'] : [])], {
      cwd: root,
      env: { ...process.env, TALDAU_CONTENT: content, TALDAU_OUT_DIR: dist, TALDAU_CACHE_DIR: cache, TALDAU_STATIC_INDEX: kind, ASTRO_TELEMETRY_DISABLED: '1' },
      onLine: (line) => {
        // Astro logs each page it renders; the document pages, written into shells after them, in batches.
        if (/index\.html/.test(line)) astroPages++;
        const docs = /document pages: (\d+)\//.exec(line);
        if (docs) documentPages = Number(docs[1]);
        const m = /(?:Pagefind|Compact) index: .* in ([\d.]+) s/.exec(line);
        if (m) indexSeconds = Number(m[1]);
        // What the build did and why (site/build/command.ts).
        if (line.startsWith('taldau build:')) {
          outcome = outcome ? `${outcome}\n${line}` : line;
          progress.line(`  ${line}`);
        }
        // With TALDAU_TIMINGS=1 each stage's time is shown in the report (indexer/cache/timings.ts).
        if (line.startsWith('taldau timing:')) progress.line(`  ${line}`);
        const pages = astroPages + documentPages;
        if (full) progress.update(pages, Math.max(expected, pages), 'pages');
      },
    }),
  );
  return { run, indexSeconds: indexSeconds as number | null, updatedInPlace: /updated in [\d.]+ s/.test(outcome), outcome };
}

async function runQueries(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  dist: string,
  mounts: Record<string, string>,
  progress: Progress,
  label: string,
): Promise<QueryMeasurement[]> {
  const server = await serveStatic(dist, mounts);
  try {
    // One untimed load first, so the server's disk reads are warm as a CDN's would be; the browser is not.
    await measureQuery(browser, server.url, BENCH_QUERIES[0]!).catch(() => null);
    const out: QueryMeasurement[] = [];
    for (const [i, q] of BENCH_QUERIES.entries()) {
      progress.update(i, BENCH_QUERIES.length, `${label}: ${searchPath(q).slice(0, 40)}`);
      out.push(await measureQuery(browser, server.url, q));
    }
    progress.line(`${label}: ${out.map((q) => `${q.name} ${(q.bytes / 1024).toFixed(0)} KB ${q.ms.toFixed(0)} ms`).join('; ')}`);
    return out;
  } finally {
    await server.close();
  }
}

/** The first decision file in path order: a stable choice for the one-document change. */
async function firstDecision(content: string): Promise<string> {
  const files = (await readdir(path.join(content, 'decisions'), { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  if (!files[0]) throw new BenchStepError('the corpus has no decisions');
  return path.join(content, 'decisions', files[0]);
}

/**
 * Changes one decision (one more sentence) and measures what a user's next build costs: `taldau build`,
 * which updates the built site in place — or, without a site (--no-site), `taldau index` alone.
 */
async function measureRebuild(
  root: string,
  content: string,
  kind: StaticIndex,
  indexOut: string,
  site: { dist: string; cache: string; documents: number } | null,
  progress: Progress,
): Promise<NonNullable<BenchReport['rebuild']>> {
  const file = await firstDecision(content);
  const original = await readFile(file, 'utf8');
  await appendFile(file, '\nСуд также учитывает дополнительно представленные сторонами пояснения.\n');
  try {
    if (site) {
      const rebuilt = await measureSite(root, content, site.dist, site.cache, site.documents, kind, progress, false);
      progress.line(`site rebuilt in ${rebuilt.run.seconds.toFixed(1)} s (${rebuilt.updatedInPlace ? 'updated in place' : 'built whole'})`);
      return { file: path.relative(content, file), indexSeconds: null, siteSeconds: rebuilt.run.seconds, peakRssMB: rebuilt.run.peakRssBytes / MB, updatedInPlace: rebuilt.updatedInPlace, outcome: rebuilt.outcome };
    }
    const index = await measureIndex(root, content, kind, indexOut, progress, () => {});
    progress.line(`index rebuilt in ${index.seconds.toFixed(1)} s`);
    return { file: path.relative(content, file), indexSeconds: index.seconds, siteSeconds: null, peakRssMB: index.peakRssBytes / MB, updatedInPlace: null, outcome: null };
  } finally {
    await writeFile(file, original);
  }
}
