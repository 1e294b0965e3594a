import type { Problem } from '../../schemas/common.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { redact } from './redact/index.ts';
import { findLeaks } from './redact/leaks.ts';

export interface EnrichContext {
  codes: NormCode[];
}

export interface EnrichResult {
  documents: KbDocument[];
  problems: Problem[];
}

/**
 * The enrich stage: depersonalises decisions, then (over masked text) extracts citations, fills the
 * applied-norms facet, the reverse links and the similar decisions. Pure: returns new documents.
 */
export function enrichDocuments(documents: KbDocument[], context: EnrichContext): EnrichResult {
  void context;
  const problems: Problem[] = [];
  const masked = documents.map((doc) => (doc.kind === 'decision' ? maskDecision(doc, problems) : doc));
  return { documents: masked, problems };
}

function maskDecision(doc: KbDocument, problems: Problem[]): KbDocument {
  const body: KbDocument['body'] = {};
  for (const [lang, text] of Object.entries(doc.body) as [keyof KbDocument['body'], string | undefined][]) {
    if (text === undefined) continue;
    const masked = redact(text, { lang, keep: doc.judge ? [doc.judge] : [] }).text;
    body[lang] = masked;
    for (const leak of findLeaks(masked)) {
      problems.push({
        file: doc.files[0] ?? doc.id,
        field: 'body',
        message: `${lang} text still holds an unmasked ${leak.type} after depersonalisation (at character ${leak.start})`,
      });
    }
  }
  return { ...doc, body };
}
