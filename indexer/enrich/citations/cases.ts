import type { FoundCitation } from './types.ts';

/**
 * Case numbers: «дело № 2-1234/2023», «по делу №7599-23-00-2/1234», «№ 6001-21-00-2а/123»,
 * «№ 3а-100/2020», «іс № 2-1234/2023». A number needs «№» or the word for case before it, so dates
 * and amounts are never taken. The target is the decision with that case number, when in the base.
 */
/**
 * The two shapes of Kazakh case numbers: the unified one, court code – year – 00 – kind/number
 * («7511-23-00-2/2145», «6001-24-00-3гп/96»), and the older kind-number/year («2-1234/2023», «2а-77/2023»).
 * Letters' outgoing numbers («№ 02-15/9», «№ 14-12/87») fit neither.
 */
const CASE_NUMBER = String.raw`\d{4}-\d{2}-\d{2}-\d{1,2}[а-яa-z]{0,3}\/\d{1,6}|\d[а-яa-z]{0,2}-\d{1,6}\/(?:19|20)\d{2}`;
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
