import type { Command } from '../cli.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge-base.ts';
import { parseCommandArgs } from './args.ts';
import { contentDir } from './content-dir.ts';
import { formatProblem, problemJson } from './problems.ts';

const usage = `Usage: taldau validate [--content DIR] [--json] [--no-enrich]

Checks every registry and document under DIR (default: content) and reports every problem at once
as path:line: field: message. Exit status 0 when the content is clean, 1 when there are problems.

  --content DIR   the knowledge base to check (default: content)
  --json          print { documents, counts, problems } as JSON
  --no-enrich     skip the enrich stage (depersonalisation and citation checks)`;

/** The `--json` report: `{ documents, counts: { decisions, resolutions, summaries, categories, … }, problems }`. */
export function validateReport(kb: KnowledgeBase) {
  const { documents, ...counts } = kb.counts;
  return { documents, counts, problems: kb.problems.map(problemJson) };
}

export function summaryLine(kb: KnowledgeBase): string {
  const c = kb.counts;
  return (
    `${c.documents} documents (${c.decisions} decisions, ${c.resolutions} resolutions, ${c.summaries} summaries); ` +
    `${c.categories} categories (${c.leafCategories} leaves), ${c.courts} courts, ${c.regions} regions, ${c.norms} articles; ` +
    `${kb.problems.length} problem${kb.problems.length === 1 ? '' : 's'}`
  );
}

export const command: Command = {
  summary: 'check content/ and report every problem',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      content: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-enrich': { type: 'boolean', default: false },
    });
    const content = await contentDir(values.content);
    const kb = await loadKnowledgeBase({ contentDir: content.dir, enrich: !values['no-enrich'] });
    if (values.json) {
      io.stdout(JSON.stringify(validateReport(kb), null, 2));
    } else {
      for (const p of kb.problems) io.stdout(formatProblem(p, content.arg));
      io.stdout(summaryLine(kb));
    }
    return kb.problems.length ? 1 : 0;
  },
};
