/**
 * `npm run corpus -- --decisions N [--seed S] [--out DIR]`: writes a synthetic, valid content tree of
 * N decisions (plus the real registries, resolutions and summaries) for benchmarks. Logic lives in
 * indexer/generate/.
 */
import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../indexer/generate/corpus.ts';
import { loadKnowledgeBase } from '../indexer/knowledge-base.ts';

const MARKER = '.taldau-generated-corpus';
const USAGE = 'Usage: npm run corpus -- --decisions N [--seed S] [--out DIR] [--content DIR]';

export async function writeCorpus(opts: { decisions: number; seed: number; out: string; content: string; log?: (line: string) => void }) {
  const log = opts.log ?? (() => {});
  const out = path.resolve(opts.out);
  // Refuse to wipe a folder we did not generate: --out pointed at real content would be a disaster.
  const exists = await stat(out).then(() => true, () => false);
  if (exists) {
    const ours = await stat(path.join(out, MARKER)).then(() => true, () => false);
    if (!ours) throw new Error(`${out} exists and was not made by the corpus generator; choose another --out`);
    await rm(out, { recursive: true, force: true });
  }
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, MARKER), `seed=${opts.seed} decisions=${opts.decisions}\n`);
  for (const dir of ['classifier', 'courts', 'norms', 'resolutions', 'summaries']) {
    await cp(path.join(opts.content, dir), path.join(out, dir), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  const kb = await loadKnowledgeBase({ contentDir: opts.content, enrich: false });
  const resolutions = kb.documents.filter((d) => d.kind === 'resolution');
  const started = Date.now();
  let bytes = 0;
  let count = 0;
  const made = new Set<string>();
  for (const { file, text } of generateCorpus(kb.registries, { decisions: opts.decisions, seed: opts.seed, resolutions })) {
    const target = path.join(out, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
    count++;
    if (count % 5000 === 0) log(`corpus: ${count}/${opts.decisions} decisions written`);
  }
  const seconds = (Date.now() - started) / 1000;
  log(`corpus: ${count} decisions, ${(bytes / 1e6).toFixed(1)} MB, in ${seconds.toFixed(1)} s → ${out}`);
  return { decisions: count, bytes, seconds, out };
}

async function main() {
  const { values } = parseArgs({
    options: {
      decisions: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const decisions = Number(values.decisions);
  const seed = Number(values.seed);
  if (!Number.isInteger(decisions) || decisions < 1) throw new Error(`--decisions must be a positive whole number\n${USAGE}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number\n${USAGE}`);
  await writeCorpus({ decisions, seed, out: values.out ?? `.cache/corpus-${decisions}-${seed}`, content: values.content, log: console.log });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(`corpus: ${error.message}`);
    process.exit(2);
  });
}
