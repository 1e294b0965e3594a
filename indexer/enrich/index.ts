import type { Problem } from '../../schemas/common.ts';
import type { Citation, KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { hashOf } from '../cache/store.ts';
import type { EnrichCache, MaskEntry } from './cache.ts';
import { extractCitations, normaliseCaseNumber, resolutionSlug, type CitationRegistry } from './citations/index.ts';
import { applyEntities, redactParts } from './redact/index.ts';
import { citationRegistry } from './registry.ts';
import { findLeaks } from './redact/leaks.ts';
import { computeSimilar } from './similar/similar.ts';
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
}

export interface EnrichResult {
  documents: KbDocument[];
  problems: Problem[];
}

type Lang = 'ru' | 'kk';

/**
 * The enrich stage, pure: returns new documents.
 * 1. Depersonalise decisions (title and body together, so a person has one letter in both), and
 *    refuse any whose text still holds an ИИН or a phone afterwards: reported, and left out.
 * 2. Extract citations from the (masked) texts; resolve them against the codes and the documents.
 * 3. Fill the applied norms, the reverse links (`citedBy`) and the similar decisions.
 * Steps 1 and 2 depend on the document alone and come from `context.cache` when it has them;
 * citations are extracted unresolved and resolved against the whole set here, every build.
 */
export function enrichDocuments(documents: KbDocument[], context: EnrichContext): EnrichResult {
  const problems: Problem[] = [];
  // A decision that still leaks after masking is left out altogether: it must reach no page and no index.
  const masked = timed('enrich: mask', () =>
    documents.flatMap((doc) => {
      if (doc.kind !== 'decision') return [doc];
      const before = problems.length;
      const result = maskDecision(doc, problems, context.cache);
      return problems.length > before ? [] : [result];
    }),
  );

  const registry = citationRegistry(context.codes, masked);
  const cited = timed('enrich: citations', () => masked.map((doc) => withCitations(doc, registry, context)));

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

  const similar = timed('enrich: similar', () => computeSimilar(withLinks));
  return { documents: withLinks.map((doc) => ({ ...doc, similar: similar.get(doc.id) ?? [] })), problems };
}

function maskDecision(doc: KbDocument, problems: Problem[], cache?: EnrichCache): KbDocument {
  const key = hashOf(doc.id, doc.hash, doc.judge ?? null, doc.title, doc.body);
  let entry = cache ? cache.mask.get(key, () => maskEntry(doc)) : maskEntry(doc);
  // A cached entry that does not fit this text (it cannot, short of tampering) is recomputed.
  if (!fits(entry, doc)) entry = maskEntry(doc);
  const title: KbDocument['title'] = { ...doc.title, ...entry.title };
  const body: KbDocument['body'] = { ...doc.body };
  for (const lang of ['ru', 'kk'] as const) {
    const text = doc.body[lang];
    if (text === undefined) continue;
    body[lang] = applyEntities(text, (entry.spans[lang] ?? []).map(([start, end, replacement]) => ({ type: 'name', start, end, replacement })));
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

/** Masks title and body of each language together, so a person has one letter in both. */
function maskEntry(doc: KbDocument): MaskEntry {
  const entry: MaskEntry = { title: {}, spans: {} };
  const keep = doc.judge ? [doc.judge] : [];
  for (const lang of ['ru', 'kk'] as const) {
    const text = doc.body[lang];
    if (text === undefined) continue;
    const [maskedTitle, maskedBody] = redactParts([doc.title[lang] ?? '', text], { lang, keep });
    if (doc.title[lang] !== undefined) entry.title[lang] = maskedTitle!.text;
    entry.spans[lang] = maskedBody!.entities.map((e) => [e.start, e.end, e.replacement]);
  }
  return entry;
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

/** Norm, resolution and case references of the (masked) texts; resolution and case targets left unresolved. */
function extractedCitations(doc: KbDocument, codes: NormCode[]): Citation[] {
  const unresolved: CitationRegistry = { codes, resolutions: new Set(), decisionsByCase: new Map() };
  const citations: Citation[] = [];
  for (const lang of doc.languages as Lang[]) {
    const text = doc.body[lang];
    if (!text) continue;
    for (const c of extractCitations(text, lang, unresolved)) citations.push({ ...c, language: lang });
  }
  return citations;
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

function withCitations(doc: KbDocument, registry: CitationRegistry, context: EnrichContext): KbDocument {
  const { cache, codes } = context;
  const found = cache
    ? cache.citations.get(hashOf(doc.languages, doc.body, cache.codesHash), () => extractedCitations(doc, codes))
    : extractedCitations(doc, codes);
  // A decision naming its own case number is not a link.
  const citations = found.map((c) => resolved(c, registry)).filter((c) => !(c.type === 'case' && c.target === doc.slug));
  const norms = [...new Set(citations.filter((c) => c.type === 'norm' && c.target).map((c) => c.target!))];
  return { ...doc, citations, norms };
}
