import type { Candidate } from './types.ts';

/**
 * Defence in depth: after masking, look again, with looser patterns than the maskers use, for the
 * two kinds of data that must never reach a page: an ИИН (any valid 12-digit number, even glued to
 * other text) and a mobile phone (any 11 digits starting +7 7 / 8 7, whatever the separators).
 */
import { isValidIin } from './iin.ts';

export function findLeaks(text: string): Candidate[] {
  const leaks: Candidate[] = [];
  for (const m of text.matchAll(/(?<!\d)\d{12}(?!\d)/g)) {
    if (isValidIin(m[0])) leaks.push({ type: 'iin', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(/(?<!\d)(?:\+\s?7|8)(?:[\s().-]*\d){10}(?!\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length === 11 && digits[1] === '7') leaks.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
  }
  return leaks;
}
