import type { Problem } from '../../schemas/common.ts';
import type { Citation, KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { extractCitations, type CitationRegistry } from './citations/index.ts';
import { redactParts } from './redact/index.ts';
import { citationRegistry } from './registry.ts';
import { findLeaks } from './redact/leaks.ts';
import { computeSimilar } from './similar/similar.ts';

export { extractCitations } from './citations/index.ts';
export { normLabel } from './labels.ts';
export { redact } from './redact/index.ts';
export { buildCategoryModel } from './similar/category-model.ts';
export { suggestCategories, type CategoryModel, type CategorySuggestion } from './similar/suggest.ts';

export interface EnrichContext {
  codes: NormCode[];
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
 */
export function enrichDocuments(documents: KbDocument[], context: EnrichContext): EnrichResult {
  const problems: Problem[] = [];
  // A decision that still leaks after masking is left out altogether: it must reach no page and no index.
  const masked = documents.flatMap((doc) => {
    if (doc.kind !== 'decision') return [doc];
    const before = problems.length;
    const result = maskDecision(doc, problems);
    return problems.length > before ? [] : [result];
  });

  const registry = citationRegistry(context.codes, masked);
  const cited = masked.map((doc) => withCitations(doc, registry));

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

  const similar = computeSimilar(withLinks);
  return { documents: withLinks.map((doc) => ({ ...doc, similar: similar.get(doc.id) ?? [] })), problems };
}

function maskDecision(doc: KbDocument, problems: Problem[]): KbDocument {
  const title: KbDocument['title'] = { ...doc.title };
  const body: KbDocument['body'] = { ...doc.body };
  const keep = doc.judge ? [doc.judge] : [];
  for (const lang of ['ru', 'kk'] as const) {
    const text = doc.body[lang];
    if (text === undefined) continue;
    const [maskedTitle, maskedBody] = redactParts([doc.title[lang] ?? '', text], { lang, keep });
    if (doc.title[lang] !== undefined) title[lang] = maskedTitle!.text;
    body[lang] = maskedBody!.text;
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

function withCitations(doc: KbDocument, registry: CitationRegistry): KbDocument {
  const citations: Citation[] = [];
  for (const lang of doc.languages as Lang[]) {
    const text = doc.body[lang];
    if (!text) continue;
    for (const c of extractCitations(text, lang, registry)) {
      // A decision naming its own case number is not a link.
      if (c.type === 'case' && c.target === doc.slug) continue;
      citations.push({ ...c, language: lang });
    }
  }
  const norms = [...new Set(citations.filter((c) => c.type === 'norm' && c.target).map((c) => c.target!))];
  return { ...doc, citations, norms };
}
