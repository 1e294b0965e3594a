import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, CommandIo } from '../cli.ts';
import { DEFAULT_ENGINE, engineNames, ENGINES, INDEX_SPEC } from '../engines/index.ts';
import type { IndexStats } from '../engines/types.ts';
import { ServerEngineError } from '../engines/server/errors/index.ts';
import { onStage } from '../cache/timings.ts';
import type { Progress } from '../progress.ts';
import { loadKnowledgeBase } from '../knowledge-base.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { contentDir } from './content-dir.ts';
import { formatProblem } from './problems.ts';

const BASE_OPTIONS = {
  content: { type: 'string' },
  engine: { type: 'string' },
  out: { type: 'string' },
  'skip-invalid': { type: 'boolean', default: false },
  'no-enrich': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
} as const;

/** Where a file-based engine writes when `--out` is not given. */
const defaultOut = (engine: string): string => path.normalize(ENGINES[engine]?.defaultOut ?? path.join('dist', engine));

const usage = () => `Usage: taldau index [--content DIR] [--engine NAME] [--out DIR] [--skip-invalid]

Builds the search index from the knowledge base. Refuses invalid content (listing the problems)
unless --skip-invalid is given. The new index replaces the old one only when complete.

  --content DIR    the knowledge base (default: content)
  --engine NAME    ${engineNames().join(' | ')} (default: ${DEFAULT_ENGINE})
  --out DIR        where a static index is written (default: dist/<engine>)
  --skip-invalid   index the valid documents and list what was left out
  --no-enrich      skip the enrich stage (for debugging only: decisions would not be depersonalised)
  --no-cache       redo the per-document enrich work instead of reusing .cache/enrich/ (also TALDAU_NO_CACHE=1)
${Object.entries(ENGINES)
  .filter(([, e]) => e.usage)
  .map(([name, e]) => `\n${name}:\n${e.usage}`)
  .join('')}`;

/** The engine comes first, because it decides which further options are allowed. */
function engineOf(args: string[]): string {
  const { values } = parseArgs({ args, options: { engine: { type: 'string' } }, strict: false, allowPositionals: true });
  const name = typeof values.engine === 'string' ? values.engine : DEFAULT_ENGINE;
  if (!ENGINES[name]) throw new UsageError(`unknown engine "${name}"; known engines: ${engineNames().join(', ')}`);
  return name;
}

function statsLine(engine: string, stats: IndexStats, where: string): string {
  return `${engine}: indexed ${stats.total - stats.failed} of ${stats.total} documents into ${where} in ${stats.seconds.toFixed(1)} s (${stats.bytes} bytes)`;
}

async function run(args: string[], io: CommandIo): Promise<number> {
  const engineName = engineOf(args);
  const engine = ENGINES[engineName]!;
  const { values } = parseCommandArgs(args, { ...BASE_OPTIONS, ...(engine.options ?? {}) });
  const content = await contentDir(values.content as string | undefined);
  const outArg = (values.out as string | undefined) ?? defaultOut(engineName);
  io.progress?.step(`reading, checking and enriching ${content.arg}`);
  const started = performance.now();
  const stopShowing = io.progress ? showStages(io.progress) : () => {};
  const kb = await loadKnowledgeBase({ contentDir: content.dir, enrich: !values['no-enrich'], ...(values['no-cache'] ? { cache: false } : {}) });

  stopShowing();
  io.progress?.line(`${kb.documents.length} documents ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (kb.problems.length) {
    for (const p of kb.problems) io.stderr(formatProblem(p, content.arg));
    if (!values['skip-invalid']) {
      io.stderr(`taldau index: refusing to index content with ${kb.problems.length} problem(s); fix them or pass --skip-invalid`);
      return 1;
    }
    io.stderr(`taldau index: ${kb.problems.length} problem(s); left out: ${kb.rejected.length ? kb.rejected.join(', ') : 'nothing'}`);
  }

  const writer = await engine.create({ outDir: path.resolve(outArg), values: values as Record<string, string | boolean | undefined>, env: process.env, log: io.stderr, ...(io.progress ? { progress: io.progress } : {}) });
  let stats: IndexStats;
  try {
    await writer.prepare(INDEX_SPEC);
    await writer.write(kb.documents);
    stats = await writer.finalize();
  } catch (error) {
    // A search server that is down, refuses the key or fails midway: one clear line, not a stack trace.
    if (!(error instanceof ServerEngineError)) throw error;
    io.stderr(`taldau index: ${error.message}`);
    return 1;
  } finally {
    await writer.close();
  }
  for (const f of stats.failures ?? []) io.stderr(`${engineName}: ${f.id}: ${f.reason}`);
  io.stdout(statsLine(engineName, stats, engine.defaultOut ? outArg : engineName));
  return stats.failed ? 1 : 0;
}

/**
 * The pipeline's stages (load, normalise, each enrich pass) as they run: the one running ticks its elapsed
 * time, each one that ends leaves a line. Stages nest (enrich contains its passes), so an outer stage
 * ticks again once its inner one ends.
 */
function showStages(progress: Progress): () => void {
  const open: string[] = [];
  let stopTicking = () => {};
  const tick = () => {
    stopTicking();
    const current = open.at(-1);
    stopTicking = current ? progress.ticking(current) : () => {};
  };
  const unsubscribe = onStage((event) => {
    if (event.phase === 'start') open.push(event.stage);
    else {
      open.splice(open.lastIndexOf(event.stage), 1);
      stopTicking();
      progress.line(`${event.stage}: ${event.seconds.toFixed(1)} s`);
    }
    tick();
  });
  return () => {
    unsubscribe();
    stopTicking();
  };
}

export const command: Command = {
  summary: 'build the search index (pagefind, meilisearch, elasticsearch)',
  get usage() {
    return usage();
  },
  run,
};
