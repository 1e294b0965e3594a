import { describe, expect, it } from 'vitest';
import { DictionaryError, t, validateDictionaries } from './index.ts';
import en from './en.json' with { type: 'json' };
import kk from './kk.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

describe('interface dictionaries', () => {
  it('the shipped dictionaries are complete in every language', () => {
    expect(() => validateDictionaries({ ru, kk, en })).not.toThrow();
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
  });

  it('a key missing in one language fails with a message naming the file and key', () => {
    const broken: Record<string, string> = { ...kk };
    delete broken['search.label'];
    expect(() => validateDictionaries({ ru, kk: broken, en })).toThrow(DictionaryError);
    expect(() => validateDictionaries({ ru, kk: broken, en })).toThrow(/kk\.json: missing 1 key\(s\): search\.label/);
  });

  it('a non-flat or empty value is rejected', () => {
    expect(() => validateDictionaries({ ru, kk, en: { ...en, 'search.label': '' } })).toThrow(/en\.json: search\.label/);
    expect(() => validateDictionaries({ ru, kk, en: { ...en, nested: { a: 'b' } } })).toThrow(/en\.json/);
  });

  it('fills placeholders and translates by language', () => {
    expect(t('ru', 'search.results', { count: 3 })).toBe('Найдено: 3');
    expect(t('en', 'nav.search')).toBe('Search');
    expect(() => t('ru', 'no.such.key')).toThrow(/no\.such\.key/);
  });
});
