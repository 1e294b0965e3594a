import { UI_LANGS, type UiLang } from '../../schemas/common.ts';

/** Russian is the default at `/`; Kazakh and English live under `/kk/` and `/en/`. */
export const DEFAULT_LANG: UiLang = 'ru';

export const langPrefix = (lang: UiLang): string => (lang === DEFAULT_LANG ? '' : `/${lang}`);

/** A site path (`/search/`) in a language (`/kk/search/`). */
export const localize = (lang: UiLang, sitePath: string): string => `${langPrefix(lang)}${sitePath}`;

/** Splits a browser path into language and site path: `/kk/courts/` → { kk, /courts/ }. */
export function splitLangPath(pathname: string): { lang: UiLang; sitePath: string } {
  const m = /^\/(kk|en)(\/.*|$)/.exec(pathname);
  if (m) return { lang: m[1] as UiLang, sitePath: m[2] || '/' };
  return { lang: DEFAULT_LANG, sitePath: pathname || '/' };
}

/** The same place in each language: what the language switcher links to. */
export const alternates = (sitePath: string): { lang: UiLang; href: string }[] =>
  UI_LANGS.map((lang) => ({ lang, href: localize(lang, sitePath) }));
