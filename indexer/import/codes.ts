/**
 * Turns an article table of a code (`article<TAB>title_ru<TAB>title_kk`, as extracted from the official
 * tables of contents, see corpus/codes/PROVENANCE_codes.md) into the `articles` of a NormCode.
 *
 * Pure: text in, articles and problems out. The tables come from two language versions of different
 * redactions, so a row may lack its Russian or its Kazakh title; such rows are kept (a citation of the
 * article must still resolve) and reported so the gap is visible.
 */
import type { Article } from '../../schemas/norms.ts';

export interface CodeTableProblem {
  /** 1-based line of the table. */
  line: number;
  message: string;
}

export interface CodeTableResult {
  articles: Article[];
  problems: CodeTableProblem[];
  /** Numbers whose Russian title was missing and was filled from the Kazakh one. */
  ruFromKk: string[];
}

const ARTICLE_NUMBER = /^\d+(?:-\d+)?$/;

/** Normalises how tables write article numbers: `1072-1`, `1072–1`, `1072.1`, `Статья 188`. */
export function normaliseArticleNumber(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^(?:статья|ст\.)\s*/i, '')
    .replace(/-бап$/i, '')
    .replace(/\s*[–—.]\s*/g, '-')
    .replace(/\s+/g, '');
  return ARTICLE_NUMBER.test(s) ? s : null;
}

/** Orders article numbers as codes do: 188 < 188-1 < 188-2 < 189. */
export function compareArticleNumbers(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('-').map(Number);
  const [b1 = 0, b2 = 0] = b.split('-').map(Number);
  return a1 - b1 || a2 - b2;
}

const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function parseCodeTable(text: string): CodeTableResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const byNumber = new Map<string, Article>();
  const problems: CodeTableProblem[] = [];
  const ruFromKk: string[] = [];

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const [numberCell = '', ruCell, kkCell] = raw.split('\t');
    // The header row names its columns; any row whose first cell is not a number is skipped.
    if (i === 0 && /^article$/i.test(numberCell.trim())) return;
    const number = normaliseArticleNumber(numberCell);
    if (number === null) {
      problems.push({ line, message: `not an article number: "${numberCell.trim()}"` });
      return;
    }
    const ru = clean(ruCell);
    const kk = clean(kkCell);
    if (!ru && !kk) {
      problems.push({ line, message: `article ${number} has no title in either language` });
      return;
    }
    if (byNumber.has(number)) {
      problems.push({ line, message: `article ${number} is listed twice; the first row is kept` });
      return;
    }
    if (!ru) ruFromKk.push(number);
    byNumber.set(number, { number, title: kk ? { ru: ru || kk, kk } : { ru } });
  });

  const articles = [...byNumber.values()].sort((a, b) => compareArticleNumbers(a.number, b.number));
  return { articles, problems, ruFromKk };
}
