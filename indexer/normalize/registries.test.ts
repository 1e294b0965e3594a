import { describe, expect, it } from 'vitest';
import type { ClassifierNodeInput } from '../../schemas/classifier.ts';
import { ClassifierFile } from '../../schemas/classifier.ts';
import { Court } from '../../schemas/courts.ts';
import { buildRegistries } from './registries.ts';
import { matchKey } from './text.ts';

const node = (code: string, ru: string, extra: Partial<ClassifierNodeInput> = {}): ClassifierNodeInput => ({
  code,
  name: { ru, kk: `${ru} (kk)`, en: `${ru} (en)` },
  ...extra,
});

const registries = buildRegistries({
  classifier: [
    ClassifierFile.parse(
      node('G', 'Гражданские дела', {
        proceeding: 'civil',
        children: [
          node('G.02', 'Семейные споры', {
            children: [
              node('G.02.01', 'Расторжение брака', { aliases: { ru: ['расторжение брака (супружества)'] } }),
              node('G.02.02', 'Взыскание алиментов', { aliases: { ru: ['алименты'] } }),
              node('G.02.03', 'Определение места жительства ребёнка'),
            ],
          }),
          node('G.07', 'Договорные споры', { children: [node('G.07.01', 'Купля-продажа'), node('G.07.02', 'Подряд')] }),
        ],
      }),
    ),
    ClassifierFile.parse(node('U', 'Уголовные дела', { proceeding: 'criminal', children: [node('U.13', 'Против собственности', { children: [node('U.13.188', 'Кража')] })] })),
  ],
  regions: [{ id: 'almaty', name: { ru: 'город Алматы', kk: 'Алматы қаласы', en: 'Almaty' }, kind: 'city' }],
  courts: [
    Court.parse({
      id: 'almaty-bostandyk-district-court',
      name: { ru: 'Бостандыкский районный суд города Алматы', kk: 'Алматы қаласы Бостандық аудандық соты', en: 'Bostandyk District Court' },
      level: 'district',
      region: 'almaty',
      aliases: { ru: ['Бостандыкский райсуд'] },
    }),
    Court.parse({
      id: 'almaty-specialized-interdistrict-economic-court',
      name: { ru: 'Специализированный межрайонный экономический суд города Алматы', kk: 'Алматы қаласы МАЭС', en: 'SMEC Almaty' },
      level: 'district',
      specialisation: 'economic',
      region: 'almaty',
      aliases: { ru: ['СМЭС г. Алматы'] },
    }),
  ],
  codes: [],
});

const category = (written: string) => {
  const r = registries.findCategory(written);
  return r.ok ? r.value.code : r;
};
const court = (written: string) => {
  const r = registries.findCourt(written);
  return r.ok ? r.value.id : r;
};

describe('matchKey', () => {
  it('ignores case, ё/е, quotes, dashes and spacing', () => {
    expect(matchKey('  «Определение  места жительства РЕБЁНКА» ')).toBe(matchKey('определение места жительства ребенка'));
    expect(matchKey('Купля – продажа')).toBe(matchKey('купля-продажа'));
  });
});

describe('categories', () => {
  it.each([
    ['G.02.01', 'G.02.01'],
    ['g.02.01', 'G.02.01'],
    ['Расторжение брака', 'G.02.01'],
    ['РАСТОРЖЕНИЕ   БРАКА', 'G.02.01'],
    ['«Расторжение брака (супружества)»', 'G.02.01'],
    ['Определение места жительства ребенка', 'G.02.03'],
    ['определение места жительства ребёнка', 'G.02.03'],
    ['Купля — продажа', 'G.07.01'],
    ['Расторжение брака (kk)', 'G.02.01'],
    ['Кража', 'U.13.188'],
    ['О расторжении брака', 'G.02.01'],
    ['«о взыскании алиментов»', 'G.02.02'],
    ['Расторжение брака (kk) туралы', 'G.02.01'],
  ])('resolves %s', (written, code) => expect(category(written)).toBe(code));

  it('gives the node its ancestors, root first, and the root proceeding', () => {
    const c = registries.categories.get('G.02.01')!;
    expect(c.ancestors).toEqual(['G', 'G.02']);
    expect(c.proceeding).toBe('civil');
    expect(c.isLeaf).toBe(true);
    expect(registries.trail('U.13.188')).toEqual(['U', 'U.13', 'U.13.188']);
    expect(registries.categories.get('G.02')!.children).toEqual(['G.02.01', 'G.02.02', 'G.02.03']);
  });

  it('suggests the nearest category for a typo and none for nonsense', () => {
    expect(category('Растожение брака')).toMatchObject({ ok: false, suggestion: 'G.02.01 (Расторжение брака)' });
    expect(category('G.02.10')).toMatchObject({ ok: false, suggestion: expect.stringMatching(/^G\.02\.0\d/) });
    const nonsense = category('Космическое право');
    expect(nonsense).toMatchObject({ ok: false, message: 'unknown category "Космическое право"' });
    expect((nonsense as { suggestion?: string }).suggestion).toBeUndefined();
  });

  it('does not guess a prepositional phrase that fits nothing', () => {
    expect(category('О разделе имущества')).toMatchObject({ ok: false });
  });
});

describe('courts', () => {
  it.each([
    ['almaty-bostandyk-district-court', 'almaty-bostandyk-district-court'],
    ['Бостандыкский районный суд города Алматы', 'almaty-bostandyk-district-court'],
    ['Бостандыкский районный суд г. Алматы', 'almaty-bostandyk-district-court'],
    ['Бостандыкский районный суд г.Алматы', 'almaty-bostandyk-district-court'],
    ['бостандыкский  районный суд гор. Алматы', 'almaty-bostandyk-district-court'],
    ['Алматы қаласы Бостандық аудандық соты', 'almaty-bostandyk-district-court'],
    ['Бостандыкский райсуд', 'almaty-bostandyk-district-court'],
    ['СМЭС города Алматы', 'almaty-specialized-interdistrict-economic-court'],
  ])('resolves %s', (written, id) => expect(court(written)).toBe(id));

  it('carries region and level with the court', () => {
    const r = registries.findCourt('Бостандыкский районный суд г. Алматы');
    expect(r.ok && [r.value.region, r.value.level]).toEqual(['almaty', 'district']);
  });

  it('suggests the nearest court for a misspelt one', () => {
    expect(court('Бостандыкскии районный суд г. Алматы')).toMatchObject({
      ok: false,
      suggestion: expect.stringContaining('almaty-bostandyk-district-court'),
    });
  });
});

describe('ambiguity', () => {
  const twins = buildRegistries({
    classifier: [
      ClassifierFile.parse(
        node('G', 'Гражданские дела', {
          proceeding: 'civil',
          children: [
            node('G.03', 'Жилищные споры', { children: [node('G.03.01', 'Выселение', { aliases: { ru: ['споры о выселении'] } })] }),
            node('G.05', 'Земельные споры', { children: [node('G.05.01', 'Изъятие участка', { aliases: { ru: ['выселение'] } })] }),
          ],
        }),
      ),
    ],
    regions: [],
    courts: [],
    codes: [],
  });

  it('refuses a name shared by two categories, naming both', () => {
    const r = twins.findCategory('Выселение');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/ambiguous.*G\.03\.01.*G\.05\.01/) });
  });

  it('refuses a prepositional phrase that fits two categories', () => {
    expect(twins.findCategory('О выселении')).toMatchObject({ ok: false, message: expect.stringContaining('ambiguous') });
  });
});
