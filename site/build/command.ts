import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../../indexer/cli.ts';
import { timed } from '../../indexer/cache/timings.ts';
import { parseCommandArgs } from '../../indexer/commands/args.ts';
import { contentDir as contentDirArg } from '../../indexer/commands/content-dir.ts';
import { contentDir, getKb } from '../lib/kb.ts';
import { outDirSetting } from './out-dir.ts';
import { planBuild, type BuildPlan } from './plan.ts';
import { updateSite } from './update.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const usage = `Usage: taldau build [--content DIR] [--out DIR] [--full]

Builds the site from the knowledge base. When the last build's output is there and only document
texts changed since (a decision corrected, a similar list moved), it is updated in place: the pages of
those documents, the search index and the category model. Anything else — new or removed documents,
changed titles, dates, categories, courts or registries, changed code — builds the whole site (astro build).
The line it prints says which it did and why.

  --content DIR   the knowledge base (default: $TALDAU_CONTENT or content)
  --out DIR       the output directory (default: $TALDAU_OUT_DIR or dist)
  --full          build the whole site whatever changed`;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export const command: Command = {
  summary: 'build the site, updating the last build in place when only document texts changed',
  usage,
  async run(args, io) {
    const started = performance.now();
    const { values } = parseCommandArgs(args, {
      content: { type: 'string' },
      out: { type: 'string' },
      full: { type: 'boolean', default: false },
    });
    // Read by the site (site/lib/kb.ts) and astro.config.mjs, which run in this process. A content
    // directory that is not there is a usage error, not an empty site.
    process.env.TALDAU_CONTENT = (await contentDirArg(values.content ?? process.env.TALDAU_CONTENT)).dir;
    if (values.out) process.env.TALDAU_OUT_DIR = path.resolve(values.out);
    const outDir = path.resolve(ROOT, outDirSetting(process.env));
    const shown = path.relative(process.cwd(), outDir) || '.';

    // Loaded once: a whole build renders its pages from this same knowledge base (site/lib/kb.ts keeps it).
    const kb = await timed('site: knowledge base', () => getKb());
    const plan: BuildPlan = values.full ? { kind: 'full', reason: '--full' } : await planBuild(kb, { root: ROOT, outDir, contentDir: contentDir() });
    if (plan.kind === 'update') {
      io.stderr(`taldau build: updating ${shown} in place: ${plan.changed.length} of ${kb.documents.length} documents changed since the last build`);
      const report = await updateSite(kb, plan, outDir, (line) => io.stderr(`  ${line}`));
      io.stdout(`taldau build: ${shown} updated in ${seconds(started)} s: ${report.pages} pages of ${report.documents} changed documents rewritten; ${report.index}`);
      return 0;
    }
    io.stderr(`taldau build: building the whole site into ${shown} (${plan.reason})`);
    const { build } = await import('astro');
    await build({ root: ROOT });
    io.stdout(`taldau build: whole site built into ${shown} in ${seconds(started)} s`);
    return 0;
  },
};
