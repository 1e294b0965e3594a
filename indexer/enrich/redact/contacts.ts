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

/**
 * Foreign numbers in international form: «+995 555 12 34 56», «+7 913 604 27 15», «+998 (90) 123-45-67»,
 * «+49 30 1234567»: a plus, then 10 to 15 digits (ITU E.164) whatever the separators.
 */
const INTERNATIONAL_PHONE = /(?<![\p{L}\p{N}+])\+[ \u00a0]?\d(?:[ \u00a0().-]{0,2}\d){9,14}(?![\p{N}])/gu;

export function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (text.includes('+')) {
    for (const m of text.matchAll(INTERNATIONAL_PHONE)) {
      const digits = m[0].replace(/\D/g, '').length;
      if (digits >= 10 && digits <= 15) found.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
    }
  }
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

/**
 * Social-network accounts: «@olga_almaty_life» (not the domain part of an e-mail: nothing word-like
 * before the «@») and profile links «instagram.com/olga», «https://t.me/olga», «vk.com/id123».
 */
const HANDLE = /(?<![\p{L}\p{N}._%+@-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,62}[A-Za-z0-9_])?(?![A-Za-z0-9_@])/gu;
const PROFILE_URL = /(?<![\p{L}\p{N}])(?:https?:\/\/)?(?:www\.|m\.)?(?:instagram\.com|facebook\.com|fb\.com|vk\.com|t\.me|telegram\.me|tiktok\.com|youtube\.com|twitter\.com|x\.com|ok\.ru|threads\.net)\/[^\s«»"'<>)\]]+/giu;

export function findHandles(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (text.includes('@')) {
    for (const m of text.matchAll(HANDLE)) found.push({ type: 'handle', start: m.index, end: m.index + m[0].length });
  }
  if (text.includes('/')) {
    for (const m of text.matchAll(PROFILE_URL)) {
      const url = m[0].replace(/[.,;:!?]+$/u, '');
      found.push({ type: 'handle', start: m.index, end: m.index + url.length });
    }
  }
  return found;
}
