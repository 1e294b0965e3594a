import { describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { buildCategoryModel } from './category-model.ts';
import { suggestCategories } from './suggest.ts';

/**
 * The category model ships to the browser: its size must follow the classifier, not the corpus. A corpus
 * ten times larger, with ten times the vocabulary, must not grow it past categories × terms per category.
 */

const CATEGORIES = [
  { code: 'G.02.01', name: { ru: 'Расторжение брака', kk: 'Некені бұзу', en: 'Divorce' }, aliases: { ru: ['развод'], kk: [] } },
  { code: 'G.02.05', name: { ru: 'Взыскание алиментов', kk: 'Алимент өндіру', en: 'Alimony' }, aliases: { ru: ['алименты на ребенка'], kk: [] } },
  { code: 'U.13.188', name: { ru: 'Кража', kk: 'Ұрлық', en: 'Theft' }, aliases: { ru: ['тайное хищение'], kk: [] } },
];

const SEED_TEXT: Record<string, string> = {
  'G.02.01': 'Расторжение брака, супруги проживают раздельно, брак расторгнуть.',
  'G.02.05': 'Взыскание алиментов на содержание несовершеннолетнего ребенка.',
  'U.13.188': 'Кража: тайное хищение чужого имущества, подсудимый похитил телефон.',
};

/** A pseudo-word unique to (document, position): every document brings new vocabulary. */
const noise = (doc: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    let x = (doc * 7919 + i * 104729) % 1_000_003;
    let w = '';
    for (let k = 0; k < 7; k++, x = Math.floor(x / 23)) w += 'абвгдежзиклмнопрстуфхцчшщ'[x % 23];
    return w;
  }).join(' ');

function corpus(perCategory: number): KbDocument[] {
  const out: KbDocument[] = [];
  let n = 0;
  for (const c of CATEGORIES) {
    const parts = c.code.split('.');
    const trail = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
    for (let i = 0; i < perCategory; i++, n++) {
      const slug = `d-${n}`;
      out.push({
        id: `decision/${slug}`, kind: 'decision', slug, url: `/decisions/${slug}/`, languages: ['ru'], title: { ru: `${c.name.ru} ${noise(n, 3)}` },
        body: { ru: `${SEED_TEXT[c.code]} ${noise(n, 40)}` }, date: '2023-01-01', year: 2023, proceeding: 'civil', categories: [c.code],
        categoryTrail: trail, keywords: [], citations: [], norms: [], citedBy: [], similar: [], files: [], hash: '',
      });
    }
  }
  return out;
}

describe('category model size', () => {
  const small = buildCategoryModel(CATEGORIES, corpus(5), 12);
  const large = buildCategoryModel(CATEGORIES, corpus(50), 12);

  it('keeps at most the given number of terms per category, whatever the vocabulary', () => {
    for (const model of [small, large]) {
      expect(model.categories.length).toBe(CATEGORIES.length);
      for (const c of model.categories) expect(c.weights.length).toBeLessThanOrEqual(12);
      expect(model.terms.length).toBeLessThanOrEqual(CATEGORIES.length * 12);
    }
    // Ten times the documents (and their new words): the model stays within the same bound.
    expect(JSON.stringify(large).length).toBeLessThanOrEqual(CATEGORIES.length * 12 * 40);
  });

  it('the default bound is 40 terms per category', () => {
    const model = buildCategoryModel(CATEGORIES, corpus(50));
    expect(Math.max(...model.categories.map((c) => c.weights.length))).toBe(40);
  });

  it('the words that name a category outweigh the noise of its documents', () => {
    expect(suggestCategories('хочу развод, расторгнуть брак', large)[0]?.code).toBe('G.02.01');
    expect(suggestCategories('не платит алименты на ребенка', large)[0]?.code).toBe('G.02.05');
    expect(suggestCategories('украли телефон, кража', large)[0]?.code).toBe('U.13.188');
  });
});
