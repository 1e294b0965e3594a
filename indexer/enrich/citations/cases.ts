import type { FoundCitation } from './types.ts';

/**
 * Case numbers: «дело № 2-1234/2023», «по делу №7599-23-00-2/1234», «№ 6001-21-00-2а/123»,
 * «№ 3а-100/2020», «іс № 2-1234/2023». A number needs «№» or the word for case before it, so dates
 * and amounts are never taken. The target is the decision with that case number, when in the base.
 */
const CASE_NUMBER = String.raw`\d{1,4}(?:-\d{2}-\d{2})?-\d{1,2}[а-яa-zӘәА-Я]{0,2}\/\d{1,6}(?:\/\d{2,4})?|\d[а-яa-z]?-\d{1,6}\/\d{2,4}`;
const CASE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:дел[оауе]|делом|іс(?:і|ті|тің|ке|те)?|материал\p{L}*)\s*(?:№|N)?|№|N)\s*(${CASE_NUMBER})(?![\p{N}\p{L}])`,
  'giu',
);

/** Case numbers compare without spaces, case-insensitively, Latin «a» and Cyrillic «а» alike. */
export function normaliseCaseNumber(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase().replace(/a/g, 'а');
}

export function findCaseCitations(text: string, decisionsByCase: ReadonlyMap<string, string>): FoundCitation[] {
  const found: FoundCitation[] = [];
  for (const m of text.matchAll(CASE)) {
    const number = m[1]!;
    const start = m.index + m[0].length - number.length;
    found.push({
      type: 'case', text: number, start, end: start + number.length,
      target: decisionsByCase.get(normaliseCaseNumber(number)) ?? null,
    });
  }
  return found;
}
