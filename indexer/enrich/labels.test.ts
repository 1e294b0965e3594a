import { describe, expect, it } from 'vitest';
import type { NormCode } from '../../schemas/norms.ts';
import { normLabel } from './labels.ts';

const UK: NormCode = {
  id: 'uk', short: { ru: 'УК', kk: 'ҚК' }, title: { ru: 'Уголовный кодекс', kk: 'Қылмыстық кодекс', en: 'Criminal Code' },
  aliases: { ru: [], kk: [] }, complete: false, articles: [],
};

describe('normLabel', () => {
  it.each([
    ['uk:188', 'ru', 'УК ст. 188'],
    ['uk:188', 'kk', 'ҚК 188-бап'],
    ['uk:188', 'en', 'Criminal Code, art. 188'],
    ['uk:1072-1', 'ru', 'УК ст. 1072-1'],
    ['gk:15', 'ru', 'ГК ст. 15'], // not in the registry: the built-in short name
    ['gk:15', 'kk', 'АК 15-бап'],
    ['uk', 'ru', 'УК'],
    ['uk', 'kk', 'ҚК'],
    ['uk', 'en', 'Criminal Code'],
  ] as const)('%s (%s) → %s', (id, lang, label) => {
    expect(normLabel(id, [UK], lang)).toBe(label);
    expect(normLabel(id, new Map([['uk', UK]]), lang)).toBe(label);
  });
  it('prefers the English short name to the long English title', () => {
    const kobs: NormCode = { ...UK, id: 'kobs', short: { ru: 'КоБС', kk: 'НОК', en: 'Marriage and Family Code' }, title: { ...UK.title, en: 'Code of the Republic of Kazakhstan on Marriage (Matrimony) and Family' } };
    expect(normLabel('kobs:139', [kobs], 'en')).toBe('Marriage and Family Code, art. 139');
    expect(normLabel('kobs', [kobs], 'en')).toBe('Marriage and Family Code');
    expect(normLabel('kobs:139', [kobs], 'ru')).toBe('КоБС ст. 139');
  });
});
