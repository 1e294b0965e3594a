import type { Candidate } from './types.ts';

/**
 * Bank accounts: the Kazakh IBAN, «KZ» + 2 check digits + 16 characters (3-digit bank code and
 * 13-character account), written solid or in groups of four.
 */
const IBAN = /(?<![\p{L}\p{N}])KZ\d{2}(?:[ \u00a0]?[0-9A-Z]{4}){4}(?![\p{L}\p{N}])/giu;

export function findAccounts(text: string): Candidate[] {
  return [...text.matchAll(IBAN)].map((m) => ({ type: 'account' as const, start: m.index, end: m.index + m[0].length }));
}
