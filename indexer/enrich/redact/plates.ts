import type { Candidate } from './types.ts';

/**
 * Vehicle registration plates of Kazakhstan:
 * - since 2012: 3 digits, 3 letters (2 for legal entities), 2-digit region (01–20): «123ABC02», «123 ABC 02»;
 * - before: a region letter, 3 digits, 2–3 letters: «A123BCD», «A 123 BC».
 * Latin letters, or their Cyrillic look-alikes as they end up in typed acts (А В Е К М Н О Р С Т У Х):
 * that alphabet excludes letters such as П or Г, so «188 УПК 12» is never a plate.
 */
const L = '[A-ZАВЕКМНОРСТУХ]';
const REGION = '(?:0[1-9]|1[0-9]|20)';
const NEW = `\\d{3}[ \\u00a0]?${L}{2,3}[ \\u00a0]?${REGION}`;
const OLD = `${L}[ \\u00a0]?\\d{3}[ \\u00a0]?${L}{2,3}`;
const PLATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NEW}|${OLD})(?![\\p{L}\\p{N}])`, 'gu');

export function findPlates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(PLATE)) {
    // Spaced forms of the old shape are too close to ordinary text («В 100 ТОО»); keep them only solid.
    if (/^\D[ \u00a0]/.test(m[0]) && !/^[A-Z]/.test(m[0])) continue;
    found.push({ type: 'plate', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
