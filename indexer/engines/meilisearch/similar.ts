import type { UiLang } from '../../../schemas/common.ts';
import { documentKey, HIT_FIELDS } from '../server/document.ts';
import { CROP_WORDS, quoteFilterValue, type MeiliQuery } from './to-query.ts';

/**
 * Similar decisions without an embedder. Meilisearch's own `/similar` route compares vectors and
 * needs an embedder configured on the index, which Taldau does not have (no model, no network at
 * run time). The fallback: decisions in the same category (or below it), ranked by how many words
 * of the document's title they contain, topped up with the latest decisions of that category.
 */

/** The fields of the document itself that the fallback needs. */
export const SOURCE_FIELDS = ['key', 'primaryLanguage', 'title_ru', 'title_kk', 'categories'] as const;

export interface MeiliSimilarSource {
  key: string;
  primaryLanguage?: string;
  title_ru?: string;
  title_kk?: string;
  categories?: string[];
}

/** Title words this short are prepositions and particles («о», «по», «и»), not a subject. */
const MIN_WORD_LENGTH = 3;
/**
 * Words every decision's title has («Решение по делу № 2-1001/2023: …», «… туралы іс»): they say
 * what kind of act it is, not what it is about. Case numbers and years (any word with a digit) too.
 */
const TITLE_BOILERPLATE = new Set([
  'решение', 'приговор', 'постановление', 'определение', 'делу', 'дело', 'деле', 'делам', 'суда',
  'шешім', 'шешімі', 'үкім', 'үкімі', 'қаулы', 'қаулысы', 'ұйғарым', 'іс', 'бойынша', 'туралы',
]);
const MAX_TITLE_WORDS = 10;

/**
 * The document by its key, through a search (a search-only key cannot read `/documents`).
 * `key` is filterable for this (settings.ts).
 */
export function toSourceLookup(docId: string): MeiliQuery {
  return {
    q: null,
    params: { filter: [`key IN [${quoteFilterValue(documentKey(docId))}]`], page: 1, hitsPerPage: 1, attributesToRetrieve: [...SOURCE_FIELDS] },
  };
}

/** Distinct words of the title in the interface language (else the document's own), lower case. */
export function titleWords(source: MeiliSimilarSource, lang: UiLang): string[] {
  const title = (lang !== 'en' ? source[`title_${lang}`] : undefined) ?? (source.primaryLanguage === 'kk' ? source.title_kk : source.title_ru) ?? source.title_ru ?? source.title_kk ?? '';
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_WORD_LENGTH && !/\d/.test(w) && !TITLE_BOILERPLATE.has(w));
  return [...new Set(words)].slice(0, MAX_TITLE_WORDS);
}

/** Decisions of the same category, never the document itself nor those already found. */
export function similarFilter(source: MeiliSimilarSource, exclude: string[] = []): string[] {
  const categories = source.categories ?? [];
  return [
    'kind IN ["decision"]',
    ...(categories.length ? [`category IN [${categories.map(quoteFilterValue).join(', ')}]`] : []),
    `key NOT IN [${[...new Set([source.key, ...exclude])].map(quoteFilterValue).join(', ')}]`,
  ];
}

const hitParams = (size: number) => ({
  page: 1,
  hitsPerPage: size,
  attributesToRetrieve: [...HIT_FIELDS],
  attributesToCrop: ['body_ru', 'body_kk'],
  cropLength: CROP_WORDS,
  cropMarker: '…',
});

/**
 * Ranked by the title's words. `matchingStrategy: 'last'` drops words from the end until something
 * matches, so a decision sharing only the first words still counts, ranked below fuller matches.
 */
export function toSimilarQuery(source: MeiliSimilarSource, size: number, lang: UiLang): MeiliQuery | null {
  const words = titleWords(source, lang);
  if (words.length === 0) return null;
  return { q: words.join(' '), params: { filter: similarFilter(source), matchingStrategy: 'last', ...hitParams(size) } };
}

/** The top-up: the latest decisions of the category that the title words did not find. */
export function toLatestInCategoryQuery(source: MeiliSimilarSource, size: number, found: string[]): MeiliQuery {
  return { q: null, params: { filter: similarFilter(source, found), sort: ['date:desc'], ...hitParams(size) } };
}
