import type { Candidate } from './types.ts';

/**
 * ИИН / БИН: the 12-digit individual and business identification numbers of Kazakhstan.
 *
 * Both end in the same check digit: the weighted sum of the first eleven digits with weights 1..11,
 * modulo 11; where that gives 10, a second pass with weights 3,4,5,6,7,8,9,10,11,1,2; a second 10
 * means the number is never issued. The first digits carry a structure that tells an ИИН (a birth
 * date YYMMDD and a century/sex digit) from a БИН (registration YYMM, then the type of entity) and
 * both from other 12-digit numbers (case numbers, accounts, amounts) that merely pass the checksum.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function checkDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) % 11;
  let control = sum(FIRST_WEIGHTS);
  if (control === 10) control = sum(SECOND_WEIGHTS);
  return control === 10 ? null : control;
}

function hasValidCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return checkDigit(value.slice(0, 11)) === Number(value[11]);
}

function isCalendarDate(yy: number, mm: number, dd: number, century: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const year = century + yy;
  return dd <= new Date(Date.UTC(year, mm, 0)).getUTCDate();
}

/** ИИН: YYMMDD birth date, a century/sex digit (1–6; 0 for some foreigners), serial, check digit. */
export function isValidIin(value: string): boolean {
  if (!hasValidCheckDigit(value)) return false;
  const [yy, mm, dd] = [value.slice(0, 2), value.slice(2, 4), value.slice(4, 6)].map(Number) as [number, number, number];
  const centuryDigit = Number(value[6]);
  if (centuryDigit > 6) return false;
  const century = centuryDigit === 0 ? 1900 : 1800 + Math.ceil(centuryDigit / 2) * 100;
  return isCalendarDate(yy, mm, dd, century);
}

/**
 * БИН: YYMM of registration, the type of entity (4 resident legal entity, 5 non-resident,
 * 6 joint individual entrepreneurship), its sub-type (0 head office, 1 branch, 2 representative
 * office, 3 peasant farm), five serial digits, the check digit.
 */
export function isValidBin(value: string): boolean {
  if (!hasValidCheckDigit(value)) return false;
  const month = Number(value.slice(2, 4));
  return month >= 1 && month <= 12 && '456'.includes(value[4]!) && '0123'.includes(value[5]!);
}

/** Twelve digits standing alone (not part of a longer number, account or case number). */
const TWELVE_DIGITS = /(?<![\p{L}\p{N}\-/.])\d{12}(?![\p{L}\p{N}]|[-/.]\d)/gu;

/**
 * Twelve digits right after their label («ИИН», «БИН», «ЖСН», «БСН», «ИИН/БИН»): masked whatever the
 * check digit, since a mistyped number in a published act still identifies the person or firm.
 */
const LABELLED = /(?<![\p{L}])(ИИН|БИН|ЖСН|БСН|IIN|BIN)(?:\s*\/\s*(?:ИИН|БИН|ЖСН|БСН))?\s*(?:№\s*)?:?\s*(\d{12})(?!\d)/gu;

export function findIdentificationNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(TWELVE_DIGITS)) {
    const type = isValidIin(m[0]) ? 'iin' : isValidBin(m[0]) ? 'bin' : null;
    if (type) found.push({ type, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(LABELLED)) {
    const start = m.index + m[0].length - 12;
    if (found.some((f) => f.start === start)) continue;
    found.push({ type: /^(?:БИН|БСН|BIN)$/u.test(m[1]!) ? 'bin' : 'iin', start, end: start + 12 });
  }
  return found;
}
