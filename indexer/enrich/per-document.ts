import type { Citation, KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import type { MaskEntry } from './cache.ts';
import { extractCitations, type CitationRegistry } from './citations/index.ts';
import { applyEntities, redactParts } from './redact/index.ts';

/**
 * The enrich work that depends on one document alone — masking a decision's personal data, and
 * extracting the norm, resolution and case references of its (masked) text — as a pure function of
 * plain data, so it can run on worker threads (indexer/workers/pool.ts): at 50,000 decisions it is
 * ≈ 115 s of CPU in a build from nothing, while the second core sat idle (issue #5).
 */

type Lang = 'ru' | 'kk';
const LANGS = ['ru', 'kk'] as const;

/** What the work reads of a document, and the mask when the cache already has it. */
export interface DocumentWorkInput {
  decision: boolean;
  judge: string | undefined;
  languages: KbDocument['languages'];
  title: KbDocument['title'];
  body: KbDocument['body'];
  /** A cached mask that fits the text: only the citations are left to extract. */
  mask?: MaskEntry;
}

export interface DocumentWorkOutput {
  /** The decision's mask (undefined for resolutions and summaries, which hold no private parties). */
  mask?: MaskEntry;
  /** References of the masked text, resolution and case targets not yet resolved. */
  citations: Citation[];
}

/** Masks title and body of each language together, so a person has one letter in both. */
function maskEntry(doc: Pick<DocumentWorkInput, 'judge' | 'title' | 'body'>): MaskEntry {
  const entry: MaskEntry = { title: {}, spans: {} };
  const keep = doc.judge ? [doc.judge] : [];
  for (const lang of LANGS) {
    const text = doc.body[lang];
    if (text === undefined) continue;
    const [maskedTitle, maskedBody] = redactParts([doc.title[lang] ?? '', text], { lang, keep });
    if (doc.title[lang] !== undefined) entry.title[lang] = maskedTitle!.text;
    entry.spans[lang] = maskedBody!.entities.map((e) => [e.start, e.end, e.replacement]);
  }
  return entry;
}

/** The body with the mask's spans replaced, per language. */
export function maskedBody(body: KbDocument['body'], mask: MaskEntry): KbDocument['body'] {
  const out: KbDocument['body'] = { ...body };
  for (const lang of LANGS) {
    const text = body[lang];
    if (text !== undefined) out[lang] = applyEntities(text, (mask.spans[lang] ?? []).map(([start, end, replacement]) => ({ type: 'name', start, end, replacement })));
  }
  return out;
}

/** Norm, resolution and case references of the texts; resolution and case targets left unresolved. */
function extractedCitations(languages: KbDocument['languages'], body: KbDocument['body'], codes: NormCode[]): Citation[] {
  const unresolved: CitationRegistry = { codes, resolutions: new Set(), decisionsByCase: new Map() };
  const citations: Citation[] = [];
  for (const lang of languages as Lang[]) {
    const text = body[lang];
    if (!text) continue;
    for (const c of extractCitations(text, lang, unresolved)) citations.push({ ...c, language: lang });
  }
  return citations;
}

/** The worker pool's job: built once per thread with the norm codes, then one call per document. */
export function documentWork(codes: NormCode[]): (input: DocumentWorkInput) => DocumentWorkOutput {
  return (input) => {
    const mask = input.decision ? (input.mask ?? maskEntry(input)) : undefined;
    const body = mask ? maskedBody(input.body, mask) : input.body;
    return { mask, citations: extractedCitations(input.languages, body, codes) };
  };
}
