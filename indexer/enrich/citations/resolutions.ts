import { MONTH_KK, MONTH_RU, isoDate, monthNumber } from './dates.ts';
import type { FoundCitation } from './types.ts';

/**
 * Normative resolutions of the Supreme Court, by date and number:
 * «нормативное постановление Верховного Суда РК от 27 ноября 2015 года № 7», «НП ВС РК от 27.11.2015 № 7»,
 * «постановлением Пленума Верховного Суда Республики Казахстан от 18 декабря 1992 года № 6»,
 * «Қазақстан Республикасы Жоғарғы Сотының 2015 жылғы 27 қарашадағы № 7 нормативтік қаулысы».
 * The target is the slug `<YYYY>-<MM>-<DD>-n<number>` when the knowledge base holds that resolution;
 * `paragraph` is the paragraph cited («пункт 5 нормативного постановления …», «… қаулысының 3-тармағы»).
 */
const COURT_RU = String.raw`(?:Пленума\s+)?(?:Верховного\s+Суда|ВС)(?:\s+(?:Республики\s+Казахстан|РК|Казахской\s+ССР))?`;
const DATE_RU = String.raw`(?:(\d{1,2})\s+(${MONTH_RU})\s+(\d{4})\s*(?:года|г\.)?|(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:года|г\.)?)`;
const NUMBER = String.raw`(?:№|N)\s*(\d+)`;
/** The resolution's title may stand between the court and the date, or the date and the number. */
const TITLE = String.raw`(?:\s+[«"][^«»"\n]{1,200}(?:[«"][^«»"\n]{0,100}[»"][^«»"\n]{0,100})?[»"])?`;
const RESOLUTION_RU = new RegExp(
  String.raw`(?<![\p{L}])(?:нормативн\p{L}*\s+постановлени\p{L}*|постановлени\p{L}*(?=\s+Пленума)|НП)\s+${COURT_RU}${TITLE}\s+(?:от\s+${DATE_RU}\s*${NUMBER}|${NUMBER}\s+от\s+${DATE_RU})`,
  'giu',
);
const COURT_KK = String.raw`(?:(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+)?(?:Жоғарғы\s+Сотының|ЖС-ның|ЖС)(?:\s+Пленумының)?`;
const DATE_KK = String.raw`(?:(\d{4})\s+жылғы\s+(\d{1,2})\s+(${MONTH_KK})|(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:жылғы)?)`;
const RESOLUTION_KK = new RegExp(
  String.raw`(?<![\p{L}])${COURT_KK}\s+${DATE_KK}${TITLE}\s*${NUMBER}\s+(?:нормативтік\s+)?қаулы\p{L}*`,
  'giu',
);

/** «пункт 5 нормативного постановления …», «п. 12 НП ВС …»: the paragraph cited, before the resolution. */
const PARAGRAPH_BEFORE_RU = /(?:пункт\p{L}*|п\.)\s*(\d+(?:-\d+)?)\s*$/iu;
/** «… нормативтік қаулысының 3-тармағы»: the paragraph cited, after it. */
const PARAGRAPH_AFTER_KK = /\s*(\d+(?:-\d+)?)\s*-?\s*тармағ\p{L}*/iuy;

export function resolutionSlug(date: string, number: string): string {
  return `${date}-n${number}`;
}

export function findResolutionCitations(text: string, resolutions: ReadonlySet<string>): FoundCitation[] {
  const found: FoundCitation[] = [];
  // The paragraph, where the text names one, lets a page link to the paragraph's anchor (#pN).
  const paragraphOf = (m: RegExpExecArray) => {
    const before = PARAGRAPH_BEFORE_RU.exec(text.slice(Math.max(0, m.index - 30), m.index));
    if (before) return before[1];
    PARAGRAPH_AFTER_KK.lastIndex = m.index + m[0].length;
    return PARAGRAPH_AFTER_KK.exec(text)?.[1];
  };
  const push = (m: RegExpExecArray, date: string | null, number: string | undefined) => {
    if (!date || !number) return;
    const slug = resolutionSlug(date, number);
    const paragraph = paragraphOf(m);
    found.push({
      type: 'resolution', text: m[0], start: m.index, end: m.index + m[0].length, target: resolutions.has(slug) ? slug : null,
      date, number, ...(paragraph ? { paragraph } : {}),
    });
  };
  for (const m of text.matchAll(RESOLUTION_RU)) {
    // groups: 1-3 word date, 4-6 numeric date, 7 number | 8 number, 9-11 word date, 12-14 numeric date
    const g = m.slice(1);
    const dateOf = (o: number) =>
      g[o] ? isoDate(Number(g[o + 2]), monthNumber(g[o + 1]!) ?? 0, Number(g[o])) : g[o + 3] ? isoDate(Number(g[o + 5]), Number(g[o + 4]), Number(g[o + 3])) : null;
    if (g[6]) push(m, dateOf(0), g[6]);
    else push(m, dateOf(8), g[7]);
  }
  for (const m of text.matchAll(RESOLUTION_KK)) {
    const g = m.slice(1);
    const date = g[0] ? isoDate(Number(g[0]), monthNumber(g[2]!) ?? 0, Number(g[1])) : isoDate(Number(g[5]), Number(g[4]), Number(g[3]));
    push(m, date, g[6]);
  }
  return found.sort((a, b) => a.start - b.start);
}
