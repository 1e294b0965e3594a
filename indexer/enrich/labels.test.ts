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
  ] as const)('%s (%s) → %s', (id, lang, label) => {
    expect(normLabel(id, [UK], lang)).toBe(label);
    expect(normLabel(id, new Map([['uk', UK]]), lang)).toBe(label);
  });
});
