import { findAccounts } from './accounts.ts';
import { findAddresses } from './addresses.ts';
import { findEmails, findHandles, findPhones } from './contacts.ts';
import { findIdentificationNumbers } from './iin.ts';
import { findNames } from './names.ts';
import { placeholderFor, type PlaceholderLang } from './placeholders.ts';
import { findPlates } from './plates.ts';
import type { Candidate, Entity } from './types.ts';

export type { Entity, EntityType } from './types.ts';

export interface RedactOptions {
  /** Language of the labels in placeholders («[ИИН]» / «[ЖСН]»); detected from the text when absent. */
  lang?: PlaceholderLang;
  /** Names of people acting in office known from metadata (the judge), which stay. */
  keep?: string[];
}

export interface RedactResult {
  text: string;
  /** Masked spans with offsets into the input, in order. */
  entities: Entity[];
}

/** Overlapping finds: the earliest wins, then the longest. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept;
}

export function detectLang(text: string): PlaceholderLang {
  const kazakh = (text.match(/[әғқңөұүһі]/giu) ?? []).length;
  return kazakh > Math.max(3, text.length / 500) ? 'kk' : 'ru';
}

/** Finds personal data of private persons in `text` and replaces it with placeholders. */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const lang = options.lang ?? detectLang(text);
  const candidates = resolveOverlaps([
    ...findIdentificationNumbers(text),
    ...findAccounts(text),
    ...findPhones(text),
    ...findEmails(text),
    ...findHandles(text),
    ...findPlates(text),
    ...findAddresses(text),
    ...findNames(text, { keep: options.keep }),
  ]);
  const persons = new Map<string, number>();
  const entities: Entity[] = candidates.map((c) => {
    let personIndex: number | undefined;
    if (c.person !== undefined) {
      personIndex = persons.get(c.person) ?? persons.size;
      persons.set(c.person, personIndex);
    }
    return { type: c.type, start: c.start, end: c.end, replacement: placeholderFor(c.type, lang, personIndex) };
  });
  return { text: applyEntities(text, entities), entities };
}

/** Replaces each span by its placeholder; text outside the spans is copied unchanged. */
export function applyEntities(text: string, entities: Entity[]): string {
  let out = '';
  let at = 0;
  for (const e of entities) {
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Masks several texts of one document as one (title and body), so a person gets the same letter in
 * both. An entity that would run across two parts is cut at the boundary.
 */
export function redactParts(parts: string[], options: RedactOptions = {}): RedactResult[] {
  const SEPARATOR = '\n\n';
  const joined = parts.join(SEPARATOR);
  const { entities } = redact(joined, options);
  let offset = 0;
  return parts.map((part) => {
    const [from, to] = [offset, offset + part.length];
    offset = to + SEPARATOR.length;
    const own = entities
      .filter((e) => e.start < to && e.end > from)
      .map((e) => ({ ...e, start: Math.max(e.start, from) - from, end: Math.min(e.end, to) - from }));
    return { text: applyEntities(part, own), entities: own };
  });
}
