import { parseArgs } from 'node:util';
import { STATIC_INDEXES, type StaticIndex } from '../../site/lib/static-index.ts';

export const BENCH_USAGE = `Usage: npm run bench -- --decisions N [--seed S] [--index auto|pagefind|compact] [--json] [--work DIR] [--no-baseline] [--no-rebuild] [--no-site] [--reuse] [--cold] [--keep]

Generates N synthetic decisions, builds the static index (taldau index) and the whole site (taldau build
--full), crawls the built HTML with Pagefind's own CLI as the baseline, serves both, and times a fixed
set of searches in headless chromium; then changes one decision and times the rebuild (taldau build,
which updates the site in place).

  --decisions N   corpus size (required)
  --seed S        corpus seed (default 1)
  --index KIND    the static index to build and search: pagefind, compact, or auto (default: what the
                  site would choose for N decisions, see site/lib/static-index.ts)
  --json          print one JSON object instead of the text report
  --work DIR      working directory, inside the repository so Astro builds in place (default .cache/bench)
  --no-baseline   skip Pagefind's HTML crawl and its searches
  --no-rebuild    skip the rebuild after changing one document (the site's, or with --no-site the index's)
  --no-site       do not build the N-decision site (hours at 100,000): serve the search page of a small
                  site built from the project's content/ with the N-decision index at /pagefind/ (/compact/).
                  The search page does not grow with the corpus, the index does. Implies --no-baseline
                  (the baseline crawls the built site).
  --reuse         reuse the corpus and index of an earlier --keep run of the same size and seed (and
                  that run's index figures, from <work>/N-S/index-run.json) instead of rebuilding them
  --cold          delete the site build's caches first, so that the site is built from nothing even
                  with --reuse (the rebuild's 10 % target is against such a build)
  --keep          keep the generated corpus and builds (without it the work dir of size N is deleted,
                  corpus included, even after --reuse)

With TALDAU_TIMINGS=1 in the environment, the report shows each stage's time, CPU and memory as the
index and the site build print them.`;

export interface BenchArgs {
  decisions: number;
  /** `auto` is resolved against the corpus size once it is known (runBench). */
  index: 'auto' | StaticIndex;
  seed: number;
  json: boolean;
  workDir: string;
  baseline: boolean;
  rebuild: boolean;
  site: boolean;
  reuse: boolean;
  cold: boolean;
  keep: boolean;
  help: boolean;
}

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

/** argv (after the script name) → options; throws BenchUsageError with the reason and the usage. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        decisions: { type: 'string' },
        seed: { type: 'string', default: '1' },
        index: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
        work: { type: 'string', default: '.cache/bench' },
        'no-baseline': { type: 'boolean', default: false },
        'no-rebuild': { type: 'boolean', default: false },
        'no-site': { type: 'boolean', default: false },
        reuse: { type: 'boolean', default: false },
        cold: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const index = values.index;
  if (index !== 'auto' && !(STATIC_INDEXES as readonly string[]).includes(index)) {
    throw new BenchUsageError(`--index must be auto, ${STATIC_INDEXES.join(' or ')}, not "${index}"\n${BENCH_USAGE}`);
  }
  const base = {
    index: index as BenchArgs['index'],
    seed: Number(values.seed),
    json: values.json,
    workDir: values.work,
    baseline: !values['no-baseline'] && !values['no-site'],
    rebuild: !values['no-rebuild'],
    site: !values['no-site'],
    reuse: values.reuse,
    cold: values.cold,
    keep: values.keep,
    help: values.help,
  };
  if (values.help) return { ...base, decisions: 0 };
  const decisions = Number(values.decisions);
  if (values.decisions === undefined || !Number.isInteger(decisions) || decisions < 1) {
    throw new BenchUsageError(`--decisions must be a positive whole number\n${BENCH_USAGE}`);
  }
  if (!Number.isInteger(base.seed)) throw new BenchUsageError(`--seed must be a whole number\n${BENCH_USAGE}`);
  return { ...base, decisions };
}
