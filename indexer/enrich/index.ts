import type { Problem } from '../../schemas/common.ts';
import type { Citation, KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { hashOf } from '../cache/store.ts';
import { WorkerPool } from '../workers/pool.ts';
import type { EnrichCache, MaskEntry } from './cache.ts';
import { normaliseCaseNumber, resolutionSlug, type CitationRegistry } from './citations/index.ts';
import { documentWork, maskedBody, type DocumentWorkInput, type DocumentWorkOutput } from './per-document.ts';
import { citationRegistry } from './registry.ts';
import { findLeaks } from './redact/leaks.ts';
import { computeSimilar } from './similar/similar.ts';
import type { SimilarCache } from './similar/similar-cache.ts';
import { timed } from '../cache/timings.ts';

export { extractCitations } from './citations/index.ts';
export { normLabel } from './labels.ts';
export { redact } from './redact/index.ts';
export { buildCategoryModel } from './similar/category-model.ts';
export { suggestCategories, type CategoryModel, type CategorySuggestion } from './similar/suggest.ts';

export interface EnrichContext {
  codes: NormCode[];
  /** Per-document results of earlier builds (cache.ts); without one everything is computed. */
  cache?: EnrichCache;
  /** The similar decisions of the last build (similar/similar-cache.ts); without one they are computed from nothing. */
  similarCache?: SimilarCache;
  /** Threads for the per-document work; 0 runs it in the calling thread (default: every core, up to four, from 200 documents to work on). */
  workers?: number;
}

export interface EnrichResult {
  documents: KbDocument[];
  problems: Problem[];
}

/**
 * The enrich stage: returns new documents.
 * 1. Depersonalise decisions (title and body together, so a person has one letter in both), and
 *    refuse any whose text still holds an ИИН or a phone afterwards: reported, and left out.
 * 2. Extract citations from the (masked) texts; resolve them against the codes and the documents.
 * 3. Fill the applied norms, the reverse links (`citedBy`) and the similar decisions.
 * Steps 1 and 2 depend on the document alone (per-document.ts): they come from `context.cache` when it
 * has them, and the rest run on worker threads; citations are extracted unresolved and resolved
 * against the whole set here, every build.
 */
export async function enrichDocuments(documents: KbDocument[], context: EnrichContext): Promise<EnrichResult> {
  const problems: Problem[] = [];
  const work = await timed('enrich: mask + extract citations', () => perDocumentWork(documents, context));
  const kept: { doc: KbDocument; citations: Citation[] }[] = [];
  documents.forEach((doc, i) => {
    const { mask, body, citations } = work[i]!;
    if (mask) {
      const before = problems.length;
      const result = applyMask(doc, mask, body, problems);
      // A decision that still leaks after masking is left out altogether: it must reach no page and no index.
      if (problems.length > before) return;
      doc = result;
    }
    kept.push({ doc, citations });
  });

  const registry = citationRegistry(context.codes, kept.map((k) => k.doc));
  const cited = timed('enrich: resolve citations', () => kept.map(({ doc, citations }) => withCitations(doc, citations, registry)));

  const citedBy = new Map<string, Set<string>>();
  const link = (targetId: string, sourceId: string) => {
    if (targetId === sourceId) return;
    const set = citedBy.get(targetId) ?? new Set<string>();
    set.add(sourceId);
    citedBy.set(targetId, set);
  };
  for (const doc of cited) {
    for (const c of doc.citations) {
      if (c.target && c.type === 'resolution') link(`resolution/${c.target}`, doc.id);
      if (c.target && c.type === 'case') link(`decision/${c.target}`, doc.id);
    }
    if (doc.reviews) link(`decision/${doc.reviews}`, doc.id);
    for (const slug of doc.resolutions ?? []) link(`resolution/${slug}`, doc.id);
  }
  const withLinks = cited.map((doc) => ({ ...doc, citedBy: [...(citedBy.get(doc.id) ?? [])].sort() }));

  const similar = timed('enrich: similar', () => computeSimilar(withLinks, {}, context.similarCache));
  return { documents: withLinks.map((doc) => ({ ...doc, similar: similar.get(doc.id) ?? [] })), problems };
}

/** A document's per-document results: its mask (decisions), its body with the mask applied, its references. */
interface DocumentResults extends DocumentWorkOutput {
  body: KbDocument['body'];
}

/**
 * Each document's mask and extracted citations: from the cache where it has them, the rest computed —
 * on a pool of worker threads when there are enough of them (the calling thread only waits here). The
 * masked body is made once here: it keys the citations and is the body the document goes on with.
 */
async function perDocumentWork(documents: KbDocument[], context: EnrichContext): Promise<DocumentResults[]> {
  const { cache, codes } = context;
  // By content hash, not text (cache.ts): the body is what the load code reads from those bytes.
  const maskKey = (doc: KbDocument) => hashOf(doc.id, doc.hash, doc.judge ?? null, doc.title, doc.languages);
  const citationsKey = (doc: KbDocument) => hashOf(doc.kind === 'decision' ? ['masked', maskKey(doc)] : [doc.id, doc.hash, doc.languages], cache!.codesHash);
  const outputs = new Array<DocumentResults>(documents.length);
  const todo: { index: number; input: DocumentWorkInput }[] = [];
  documents.forEach((doc, index) => {
    const decision = doc.kind === 'decision';
    // A cached mask that does not fit this text (it cannot, short of tampering) is recomputed.
    const mask = decision && cache ? cache.mask.find(maskKey(doc), (entry) => fits(entry, doc)) : undefined;
    const body = mask ? maskedBody(doc.body, mask) : doc.body;
    const citations = cache && (mask || !decision) ? cache.citations.find(citationsKey(doc)) : undefined;
    if (citations) outputs[index] = { mask, body, citations };
    else todo.push({ index, input: { decision, judge: doc.judge, languages: doc.languages, title: doc.title, body: doc.body, ...(mask ? { mask } : {}) } });
  });
  if (todo.length === 0) return outputs;

  const job = { module: 'indexer/enrich/per-document.ts', factory: 'documentWork', init: codes, local: documentWork, name: 'enrich' };
  const pool = new WorkerPool(job, WorkerPool.threadsFor(todo.length, context.workers));
  try {
    const computed = await pool.map(todo.map((t) => t.input));
    todo.forEach(({ index, input }, i) => {
      const { mask, citations } = computed[i]!;
      const doc = documents[index]!;
      const body = mask ? maskedBody(doc.body, mask) : doc.body;
      outputs[index] = { mask, body, citations };
      if (!cache) return;
      if (mask && !input.mask) cache.mask.put(maskKey(doc), mask);
      cache.citations.put(citationsKey(doc), citations);
    });
  } finally {
    await pool.close();
  }
  return outputs;
}

/** The decision with its mask applied (`body`: its masked body), and any ИИН or phone still in its texts reported. */
function applyMask(doc: KbDocument, mask: MaskEntry, body: KbDocument['body'], problems: Problem[]): KbDocument {
  const title: KbDocument['title'] = { ...doc.title, ...mask.title };
  for (const lang of ['ru', 'kk'] as const) {
    if (doc.body[lang] === undefined) continue;
    for (const [field, value] of [['title', title[lang]], ['body', body[lang]]] as const) {
      for (const leak of findLeaks(value ?? '')) {
        problems.push({
          file: doc.files[0] ?? doc.id,
          field,
          message: `${lang} ${field} still holds an unmasked ${leak.type === 'iin' ? 'ИИН' : 'phone number'} after depersonalisation (character ${leak.start}); the decision is left out until it is masked in the source`,
        });
      }
    }
  }
  return { ...doc, title, body };
}

/** Spans in order, inside the body, for exactly the languages that have a body. */
function fits(entry: MaskEntry, doc: KbDocument): boolean {
  return (['ru', 'kk'] as const).every((lang) => {
    const text = doc.body[lang];
    const spans = entry.spans[lang];
    if (text === undefined) return spans === undefined && entry.title[lang] === undefined;
    if (!spans) return false;
    let at = 0;
    for (const [start, end] of spans) {
      if (start < at || end < start || end > text.length) return false;
      at = end;
    }
    return true;
  });
}

/** Resolves a citation against the documents of this build: resolutions by date and number, cases by number. */
function resolved(c: Citation, registry: CitationRegistry): Citation {
  if (c.type === 'resolution' && c.date && c.number) {
    const slug = resolutionSlug(c.date, c.number);
    return { ...c, target: registry.resolutions.has(slug) ? slug : null };
  }
  if (c.type === 'case') return { ...c, target: registry.decisionsByCase.get(normaliseCaseNumber(c.text)) ?? null };
  return c;
}

function withCitations(doc: KbDocument, found: Citation[], registry: CitationRegistry): KbDocument {
  // A decision naming its own case number is not a link.
  const citations = found.map((c) => resolved(c, registry)).filter((c) => !(c.type === 'case' && c.target === doc.slug));
  const norms = [...new Set(citations.filter((c) => c.type === 'norm' && c.target).map((c) => c.target!))];
  return { ...doc, citations, norms };
}
