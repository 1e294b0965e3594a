import type { DocLang, UiLang } from '../../schemas/common.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { Registries } from '../../indexer/normalize/registries.ts';
import { normLabel as labelOfNorm } from '../../indexer/enrich/labels.ts';
import { hasKey, t } from '../i18n/index.ts';

/** Names of registry entries and enum values in the interface language. */

export const categoryName = (reg: Registries, code: string, lang: UiLang): string => reg.categories.get(code)?.name[lang] ?? code;
export const courtName = (reg: Registries, id: string, lang: UiLang): string => reg.courts.get(id)?.name[lang] ?? id;
export const regionName = (reg: Registries, id: string, lang: UiLang): string => reg.regions.get(id)?.name[lang] ?? id;

/** Short name of a code in a language: Kazakh interface → ҚК, otherwise the Russian УК. */
export function codeShort(reg: Registries, codeId: string, lang: UiLang): string {
  const code = reg.codes.get(codeId);
  if (!code) return codeId.toUpperCase();
  return lang === 'kk' ? code.short.kk : code.short.ru;
}

/**
 * `uk:188` → «УК ст. 188» (ru), «ҚК 188-бап» (kk), «Criminal Code, art. 188» (en): the one label every
 * page, the statistics and the search facets share (an English reader cannot be expected to know «УК»).
 */
export const normLabel = (reg: Registries, normId: string, lang: UiLang): string => labelOfNorm(normId, reg.codes, lang);

export function articleTitle(reg: Registries, normId: string, lang: UiLang): string | undefined {
  const [codeId = '', article] = normId.split(':');
  const a = reg.codes.get(codeId)?.articles.find((x) => x.number === article);
  if (!a) return undefined;
  return lang === 'kk' ? (a.title.kk ?? a.title.ru) : a.title.ru;
}

/** A label for a facet value (`outcome`/`granted` → «Иск удовлетворён»), falling back to the value. */
export function facetValueLabel(reg: Registries, key: string, value: string, lang: UiLang): string {
  switch (key) {
    case 'category':
      return `${value} ${categoryName(reg, value, lang)}`;
    case 'court':
      return courtName(reg, value, lang);
    case 'region':
      return regionName(reg, value, lang);
    case 'norm':
      return normLabel(reg, value, lang);
    case 'language':
      return t(lang, `docLang.name.${value}`);
    case 'kind':
      return t(lang, `kind.${value}`);
    default: {
      const k = `${key}.${value}`;
      return hasKey(lang, k) ? t(lang, k) : value;
    }
  }
}

/** The document's title in the interface language when it has one, else in its primary language. */
export function docTitle(doc: KbDocument, lang: UiLang): string {
  const pref: DocLang[] = lang === 'kk' ? ['kk', 'ru'] : ['ru', 'kk'];
  for (const l of pref) if (doc.languages.includes(l) && doc.title[l]) return doc.title[l]!;
  return doc.title[doc.languages[0]!] ?? doc.id;
}

const LOCALES: Record<UiLang, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

// Constructing an Intl.DateTimeFormat costs far more than formatting with one (it was the largest
// single self-time of a build: a page lists up to dozens of dates), so one formatter per language.
const DATE_FORMATS = new Map<UiLang, Intl.DateTimeFormat>();

/** 2023-05-14 → «14 мая 2023 г.» / «14 May 2023». Parsed as UTC so the day never shifts. */
export function formatDate(iso: string, lang: UiLang): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  let format = DATE_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    DATE_FORMATS.set(lang, format);
  }
  return format.format(d);
}
