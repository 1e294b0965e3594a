import { describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { buildCategoryModel } from './category-model.ts';
import { computeSimilar } from './similar.ts';
import { expandColloquial } from './colloquial.ts';
import { suggestCategories } from './suggest.ts';
import { cosine, denseCosine, idfOf, TermDictionary, vectorOf, VectorSpace } from './vectors.ts';

/** The vector of `text` (pruned to 4 terms, IDF from a second text), as [term, weight] pairs. */
function vectorsByName(dictionary: TermDictionary, text: string): [string, number][] {
  const counts = dictionary.count(text);
  const other = dictionary.count('брак супруги кража');
  const df = new Int32Array(dictionary.size);
  for (const ids of [counts.ids, other.ids]) for (const id of ids) df[id]!++;
  const idf = Float64Array.from(df, (f) => (f ? idfOf(2, f) : 0));
  const v = vectorOf(counts.ids, counts.counts, idf, dictionary.names, 4);
  return Array.from(v.terms, (t, k) => [dictionary.names[t]!, v.weights[k]!]);
}

function decision(slug: string, category: string, body: string, norms: string[] = []): KbDocument {
  const parts = category.split('.');
  const trail = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  return {
    id: `decision/${slug}`, kind: 'decision', slug, url: `/decisions/${slug}/`, languages: ['ru'], title: { ru: slug },
    body: { ru: body }, date: '2023-01-01', year: 2023, proceeding: 'civil', categories: [category], categoryTrail: trail,
    keywords: [], citations: [], norms, citedBy: [], similar: [], files: [], hash: '',
  };
}

const DOCS = [
  decision('divorce-1', 'G.02.01', 'Расторжение брака: супруги проживают раздельно, примирение невозможно, брак расторгнуть.', ['kobs:20']),
  decision('divorce-2', 'G.02.01', 'Иск о расторжении брака удовлетворен, супруги не желают сохранять семью, брак расторгнут.', ['kobs:20']),
  decision('alimony-1', 'G.02.05', 'Взыскание алиментов на содержание несовершеннолетнего ребенка в размере четверти заработка.', ['kobs:139']),
  decision('theft-1', 'U.13.188', 'Кража: тайное хищение чужого имущества, подсудимый похитил телефон.', ['uk:188']),
  decision('theft-2', 'U.13.188', 'Тайное хищение имущества из магазина, кража признана, подсудимый осужден.', ['uk:188']),
  decision('loan-1', 'G.08.01', 'Взыскание задолженности по договору банковского займа, заемщик не вернул кредит.'),
];

describe('similar decisions', () => {
  const similar = computeSimilar(DOCS);

  it('puts the same category first, then neighbouring ones', () => {
    expect(similar.get('decision/divorce-1')![0]).toBe('decision/divorce-2');
    expect(similar.get('decision/divorce-1')![1]).toBe('decision/alimony-1');
    expect(similar.get('decision/theft-1')![0]).toBe('decision/theft-2');
  });

  it('never compares across branches and never lists the decision itself', () => {
    for (const [id, list] of similar) {
      expect(list).not.toContain(id);
      const branch = id.includes('theft') ? 'theft' : null;
      if (branch) expect(list.every((x) => x.includes('theft'))).toBe(true);
    }
  });

  it('ranks the same category above a neighbouring one even when the neighbour reads closer', () => {
    const docs = [
      decision('a', 'G.02.01', 'брак расторгнуть, супруги живут раздельно'),
      decision('same-leaf', 'G.02.01', 'совсем другие слова о примирении'),
      decision('sibling', 'G.02.05', 'брак расторгнуть, супруги живут раздельно'),
    ];
    expect(computeSimilar(docs).get('decision/a')).toEqual(['decision/same-leaf', 'decision/sibling']);
  });

  it('keeps at most `top`', () => {
    expect(computeSimilar(DOCS, { top: 1 }).get('decision/divorce-1')).toHaveLength(1);
  });
});

describe('category suggestion', () => {
  const categories = [
    { code: 'G.02.01', name: { ru: 'Расторжение брака', kk: 'Некені бұзу', en: 'Divorce' }, aliases: { ru: ['развод'], kk: [] } },
    { code: 'G.02.05', name: { ru: 'Взыскание алиментов', kk: 'Алимент өндіру', en: 'Alimony' }, aliases: { ru: ['алименты на ребенка'], kk: [] } },
    { code: 'U.13.188', name: { ru: 'Кража', kk: 'Ұрлық', en: 'Theft' }, aliases: { ru: ['тайное хищение'], kk: [] } },
    { code: 'G.08.01', name: { ru: 'Банковский заём', kk: 'Банк қарызы', en: 'Bank loan' }, aliases: { ru: ['кредит'], kk: [] } },
  ];
  const model = buildCategoryModel(categories, DOCS);

  it('builds a compact model that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.categories.map((c) => c.code).sort()).toEqual(['G.02.01', 'G.02.05', 'G.08.01', 'U.13.188']);
  });

  it.each([
    ['муж ушёл, хочу развод и расторгнуть брак', 'G.02.01'],
    ['бывший супруг не платит алименты на ребенка', 'G.02.05'],
    ['у меня украли телефон, кража в магазине', 'U.13.188'],
    ['банк требует вернуть кредит', 'G.08.01'],
    ['некені бұзу туралы талап', 'G.02.01'],
    ['хочу развестись', 'G.02.01'], // everyday word → «расторжение брака»
    ['обокрали, украли кошелёк', 'U.13.188'],
  ])('«%s» → %s first', (text, code) => {
    expect(suggestCategories(text, model)[0]?.code).toBe(code);
  });

  it('expands everyday words into the legal words of the classifier', () => {
    expect(expandColloquial('уволили с работы')).toEqual(expect.arrayContaining(['уволне', 'восста']));
    expect(expandColloquial('заявление')).toEqual([]);
  });

  it('suggests nothing for text it has no words for', () => {
    expect(suggestCategories('абракадабра', model)).toEqual([]);
  });
});

describe('similar decisions at scale', () => {
  it('bounds the candidates but keeps the same leaf first and the closest text among them', () => {
    const docs = [
      ...Array.from({ length: 300 }, (_, i) => decision(`theft-${i}`, 'U.13.188', `Кража телефона номер ${i}, подсудимый осужден.`, ['uk:188'])),
      decision('robbery-1', 'U.13.191', 'Грабеж: открытое хищение телефона, подсудимый осужден.', ['uk:191']),
      { ...decision('theft-twin', 'U.13.188', 'Кража велосипеда из подъезда жилого дома, велосипед возвращен владельцу.', ['uk:188']), date: '2023-01-02' },
      { ...decision('theft-twin-2', 'U.13.188', 'Кража велосипеда из подъезда жилого дома, велосипед возвращен владельцу.', ['uk:188']), date: '2023-01-02' },
    ];
    const similar = computeSimilar(docs, { maxCandidates: 50 });
    expect(similar.get('decision/theft-twin')![0]).toBe('decision/theft-twin-2');
    // Alone in its leaf: widened to the chapter, so it still gets a full list.
    expect(similar.get('decision/robbery-1')).toHaveLength(5);
    // A decision with 300 neighbours in its own leaf never reaches into the sibling leaf.
    for (const [id, list] of similar) if (id !== 'decision/robbery-1') expect(list).not.toContain('decision/robbery-1');
    expect(computeSimilar(docs, { maxCandidates: 50 })).toEqual(similar);
  });
});

describe('denseCosine', () => {
  it('gives the same vectors whatever ids a dictionary gave the terms', () => {
    const text = 'брак брак брак расторгнут супруги супруги примирение невозможно семья дети алименты кража';
    const plain = vectorsByName(new TermDictionary(), text);
    // A dictionary that has seen other terms first, in another order: other ids, the same vector.
    const seeded = new TermDictionary(['кража', 'алимен', 'дети', 'семья', 'зzz', 'примир']);
    expect(vectorsByName(seeded, text)).toEqual(plain);
  });

  it('gives cosine bit for bit', () => {
    const space = new VectorSpace();
    const texts = [
      'расторжение брака супруги проживают раздельно примирение невозможно',
      'брак расторгнут супруги не желают сохранять семью примирение',
      'кража тайное хищение имущества подсудимый похитил телефон',
      'взыскание алиментов на содержание ребенка брак расторгнут',
    ];
    for (const t of texts) space.add(t);
    const vectors = space.vectors(8);
    const dense = new Float32Array(1000);
    for (const a of vectors) {
      a.terms.forEach((t, k) => (dense[t] = a.weights[k]!));
      for (const b of vectors) expect(Object.is(denseCosine(dense, b), cosine(a, b))).toBe(true);
      a.terms.forEach((t) => (dense[t] = 0));
    }
    expect(cosine(vectors[0]!, vectors[1]!)).toBeGreaterThan(0);
  });
});
