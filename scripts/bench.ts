/**
 * `npm run bench -- --decisions N [--json]`: builds a synthetic corpus of N decisions into an index and a
 * site, measures build time, memory, index size and searches in chromium against Pagefind's own HTML
 * crawl, and prints a report (or one JSON object). Logic lives in indexer/bench/.
 */
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from '../indexer/bench/args.ts';
import { Progress } from '../indexer/progress.ts';
import { formatReport } from '../indexer/bench/report.ts';
import { runBench } from '../indexer/bench/run.ts';

async function main(): Promise<number> {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchUsageError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const report = await runBench(args, new Progress());
  console.log(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  },
);
