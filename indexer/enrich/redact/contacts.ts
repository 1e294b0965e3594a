import type { Candidate } from './types.ts';

/**
 * Phone numbers as written in Kazakhstan: `+7 701 123 45 67`, `+7 (701) 123-45-67`, `8 (701) 1234567`,
 * `87011234567`, `8-701-123-45-67`, city lines `8 (7172) 55-12-34`, `+7 727 2 58 14 36`.
 * A number is a phone only with the country prefix (+7 / 8) followed by 10 digits whose first is 7
 * (every Kazakh mobile and city code starts with 7), so amounts such as `8 700 000 тенге` (too few
 * digits) are not phones.
 */
const PHONE = /(?<![\p{L}\p{N}])(?:\+\s?7|8)[\s\u00a0-]*\(?\s*7\d{2,4}\s*\)?(?:[\s\u00a0-]*\d){5,7}(?![\p{N}])/gu;

/**
 * After a phone keyword («тел.», «моб.», «телефон», «ұялы тел.») any number counts, also without the
 * country prefix: «тел. 701 123 45 67», a city line «тел. 25-14-36».
 */
const KEYWORD_PHONE = /(?<![\p{L}])(?:тел\.?|телефон\p{L}*|моб\.?|ұялы\s+тел\.?|факс)\s*:?\s*((?:\+\s?7|8)?[\s\u00a0-]*\(?\s*\d{2,5}\s*\)?(?:[\s\u00a0-]*\d){4,8})(?![\p{N}])/giu;

export function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length !== 11) continue;
    found.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(KEYWORD_PHONE)) {
    const number = m[1]!.trim();
    const digits = number.replace(/\D/g, '');
    if (digits.length < 5 || digits.length > 11) continue;
    const start = m.index + m[0].lastIndexOf(number);
    found.push({ type: 'phone', start, end: start + number.length });
  }
  return found;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function findEmails(text: string): Candidate[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL)].map((m) => ({ type: 'email' as const, start: m.index, end: m.index + m[0].length }));
}
