import path from 'node:path';
import { timed } from '../../indexer/cache/timings.ts';
import { patchCompactIndex } from '../../indexer/engines/compact/patch.ts';
import type { SiteKb } from '../lib/kb.ts';
import { writeDocumentPages } from '../integrations/document-pages.ts';
import { writeCategoryModel, writeStaticIndex } from '../integrations/search-index.ts';
import { recordBuild, type BuildPlan } from './plan.ts';
import { clearState } from './state.ts';

export interface UpdateReport {
  /** Documents whose pages were rewritten. */
  documents: number;
  pages: number;
  /** How the static index was brought up to date. */
  index: string;
  seconds: number;
}

/**
 * Brings the last build's output up to date in place (a plan of kind `update`, site/build/plan.ts): the
 * pages of the documents whose page digest changed, the static index and the category model. Everything
 * else in the output is what a full build would write again byte for byte, so it is left as it is.
 * The state is cleared first and written last: if this stops half way, the next build is a full one.
 */
export async function updateSite(kb: SiteKb, plan: Extract<BuildPlan, { kind: 'update' }>, outDir: string, log: (line: string) => void): Promise<UpdateReport> {
  const started = performance.now();
  const { inputs, stateDir, shells, changed } = plan;
  await clearState(stateDir);

  const { pages } = await timed('site update: document pages', () => writeDocumentPages(kb, outDir, shells, log, changed));
  const index = await timed('site update: static index', () => updateStaticIndex(kb, plan, outDir, log));
  await timed('site update: category model', () => writeCategoryModel(kb, outDir));

  await timed('site update: state', () => recordBuild(stateDir, outDir, inputs));
  return { documents: changed.length, pages, index, seconds: (performance.now() - started) / 1000 };
}

/**
 * The static index of the updated documents, brought up to date on every update (a corrected text is in
 * the index as well as on the page; with nothing changed, a patch finds nothing to do). The compact index
 * is patched in place where it can be (indexer/engines/compact/patch.ts: the changed records' fragments and
 * the term shards they touch); otherwise, and for Pagefind (the index of small sites), it is written whole
 * — the writers reuse each unchanged document's cached analysis — and swapped in when complete.
 */
async function updateStaticIndex(kb: SiteKb, plan: Extract<BuildPlan, { kind: 'update' }>, outDir: string, log: (line: string) => void): Promise<string> {
  const kind = plan.inputs.staticIndex;
  const target = path.join(outDir, kind);
  let why = '';
  if (kind === 'compact') {
    // A document whose page digest did not move has the same text, title, date and filters as when the
    // index was written (the digest covers its files' content hash and every field): only the others are read.
    const patch = await patchCompactIndex(target, kb.documents, { log, onlyChanged: new Set(plan.changed.map((d) => d.id)) });
    if (patch.patched) return `compact index patched (${patch.changed} records) in ${patch.seconds.toFixed(1)} s`;
    why = ` (not patched: ${patch.reason})`;
  }
  const stats = await writeStaticIndex(kind, kb.documents, target, log);
  return `${kind} index written whole (${stats.total} documents) in ${stats.seconds.toFixed(1)} s${why}`;
}
