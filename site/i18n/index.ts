import { z } from 'zod';
import type { UiLang } from '../../schemas/common.ts';
import { UI_LANGS } from '../../schemas/common.ts';
import en from './en.json' with { type: 'json' };
import kk from './kk.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

/** Flat dotted keys (`"search.label": "Поиск"`): simple to diff, to grep and to hand to translators. */
const Dictionary = z.record(z.string().regex(/^[a-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/), z.string().min(1));
export type Dictionary = Record<string, string>;

export class DictionaryError extends Error {
  override name = 'DictionaryError';
}

/**
 * Validates the three dictionaries together: each must be well-formed, and every key of any language must
 * be present in every language, so a missing translation fails the build instead of showing a raw key.
 */
export function validateDictionaries(dicts: Record<UiLang, unknown>): Record<UiLang, Dictionary> {
  const out = {} as Record<UiLang, Dictionary>;
  const errors: string[] = [];
  for (const lang of UI_LANGS) {
    const parsed = Dictionary.safeParse(dicts[lang]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push(`site/i18n/${lang}.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      continue;
    }
    out[lang] = parsed.data;
  }
  if (errors.length === 0) {
    const allKeys = new Set(UI_LANGS.flatMap((l) => Object.keys(out[l])));
    for (const lang of UI_LANGS) {
      const missing = [...allKeys].filter((k) => !(k in out[lang])).sort();
      if (missing.length) errors.push(`site/i18n/${lang}.json: missing ${missing.length} key(s): ${missing.join(', ')}`);
    }
  }
  if (errors.length) throw new DictionaryError(`Interface dictionaries are invalid:\n  ${errors.join('\n  ')}`);
  return out;
}

const DICTS = validateDictionaries({ ru, kk, en });

/** Translates a key, filling `{name}` placeholders. Unknown keys throw: they are programming errors. */
export function t(lang: UiLang, key: string, vars: Record<string, string | number> = {}): string {
  const text = DICTS[lang][key];
  if (text === undefined) throw new DictionaryError(`Unknown interface key "${key}" (language ${lang})`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Whether a key exists (for optional labels such as outcome values). */
export const hasKey = (lang: UiLang, key: string): boolean => key in DICTS[lang];

/** The subset of a dictionary the browser needs (keys with a prefix), for the search page's script. */
export function dictionarySlice(lang: UiLang, prefixes: string[]): Dictionary {
  return Object.fromEntries(Object.entries(DICTS[lang]).filter(([k]) => prefixes.some((p) => k.startsWith(p))));
}
