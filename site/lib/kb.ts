import path from 'node:path';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../indexer/knowledge-base.ts';

/**
 * The knowledge base as the pages see it: the same validated, normalised and enriched documents the
 * engines index, loaded once per build (every page and the Pagefind integration share the promise),
 * with the lookups pages need precomputed.
 */
export interface SiteKb extends KnowledgeBase {
  byId: Map<string, KbDocument>;
  /** Documents filed under a category or any of its descendants, newest first. */
  underCategory(code: string): KbDocument[];
  /** Documents filed under exactly this category (not a descendant), newest first. */
  inCategory(code: string): KbDocument[];
  byCourt: Map<string, KbDocument[]>;
  /** Norm id (`uk:188`) → documents applying it, newest first. */
  byNorm: Map<string, KbDocument[]>;
}

export const contentDir = (): string => path.resolve(process.env.TALDAU_CONTENT || 'content');

// One load per build: pages and the Pagefind integration run in one process but in separately bundled
// module graphs, so the promise is kept on globalThis rather than in a module variable.
const MEMO = Symbol.for('taldau.site.kb');
const WAITING = Symbol.for('taldau.site.kb.waiting');
interface Waiting {
  promise: Promise<SiteKb>;
  resolve(kb: SiteKb): void;
  reject(error: unknown): void;
}
const store = globalThis as unknown as { [MEMO]?: Promise<SiteKb>; [WAITING]?: Waiting };

const waiting = (): Waiting => {
  if (!store[WAITING]) {
    let resolve!: (kb: SiteKb) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<SiteKb>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => undefined); // whoever awaits it sees the error; nobody awaiting is not a crash
    store[WAITING] = { promise, resolve, reject };
  }
  return store[WAITING];
};

export function getKb(): Promise<SiteKb> {
  return (store[MEMO] ??= load(contentDir()).then(
    (kb) => (waiting().resolve(kb), kb),
    (error: unknown) => {
      waiting().reject(error);
      throw error;
    },
  ));
}

/**
 * The knowledge base once the pages have loaded it, without loading it here. For integrations: their
 * module graph (loaded with astro.config) is closed by the time pages render, so a load started from
 * there fails on its dynamic imports; they wait for the pages' load instead.
 */
export function whenKbLoaded(): Promise<SiteKb> {
  return store[MEMO] ?? waiting().promise;
}

const newestFirst = (a: KbDocument, b: KbDocument) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

async function load(dir: string): Promise<SiteKb> {
  const kb = await loadKnowledgeBase({ contentDir: dir });
  reportProblems(kb);
  const documents = [...kb.documents].sort(newestFirst);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const byTrail = new Map<string, KbDocument[]>();
  const byCategory = new Map<string, KbDocument[]>();
  const byCourt = new Map<string, KbDocument[]>();
  const byNorm = new Map<string, KbDocument[]>();
  const push = (m: Map<string, KbDocument[]>, k: string, d: KbDocument) => {
    const list = m.get(k);
    if (list) list.push(d);
    else m.set(k, [d]);
  };
  for (const d of documents) {
    for (const c of d.categoryTrail) push(byTrail, c, d);
    for (const c of new Set(d.categories)) push(byCategory, c, d);
    if (d.court) push(byCourt, d.court, d);
    for (const n of new Set(d.norms)) push(byNorm, n, d);
  }
  return {
    ...kb,
    documents,
    byId,
    byCourt,
    byNorm,
    underCategory: (code) => byTrail.get(code) ?? [],
    inCategory: (code) => byCategory.get(code) ?? [],
  };
}

/** Invalid documents are left out of the site; their problems are printed so the build log names them. */
function reportProblems(kb: KnowledgeBase): void {
  if (kb.problems.length === 0) return;
  const lines = kb.problems.map(
    (p) => `  ${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` [${p.field}]` : ''}: ${p.message}${p.suggestion ? ` (${p.suggestion})` : ''}`,
  );
  console.warn(
    `[taldau] ${kb.problems.length} problem(s) in ${kb.contentDir}; ${kb.rejected.length} document(s) left out of the site:\n${lines.join('\n')}`,
  );
}
