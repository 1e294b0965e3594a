import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ResolutionFrontmatter } from '../../schemas/documents.ts';
import {
  actName,
  amendingActs,
  buildResolution,
  findActDates,
  parseRequisite,
  resolveStatus,
  stripTitle,
  type CorpusMeta,
} from './resolutions.ts';

describe('parseRequisite', () => {
  it('reads the date in words and the number written with N or №', () => {
    expect(parseRequisite('Нормативное постановление Верховного Суда Республики Казахстан от 11 июля 2003 года N 8')).toEqual({ date: '2003-07-11', number: '8' });
    expect(parseRequisite('Нормативное постановление Верховного суда Республики Казахстан от 18 декабря 1992 г. N 6')).toEqual({ date: '1992-12-18', number: '6' });
    expect(parseRequisite('Нормативное постановление Верховного Суда Республики Казахстан от 2 октября 2015 года № 6')).toEqual({ date: '2015-10-02', number: '6' });
    expect(parseRequisite('Нормативное постановление Верховного Суда Республики Казахстан от 28 октября 2005 года № 4.')).toEqual({ date: '2005-10-28', number: '4' });
  });

  it('reads the repealing act after «Утратило силу»', () => {
    const r = parseRequisite(
      'Нормативное постановление Верховного Суда Республики Казахстан от 20 июня 2005 года N 3. Утратило силу нормативным постановлением Верховного Суда Республики Казахстан от 31 мая 2019 года № 1 (вводится в действие со дня первого официального опубликования)',
    );
    expect(r).toEqual({ date: '2005-06-20', number: '3', repealedBy: { date: '2019-05-31', number: '1', plenum: false } });
  });

  it('returns null without a date and number, and refuses impossible dates', () => {
    expect(parseRequisite('Нормативное постановление Верховного Суда')).toBeNull();
    expect(parseRequisite('от 31 февраля 2010 года № 1')).toBeNull();
    expect(findActDates('от 32.01.2010 № 1')).toEqual([]);
  });
});

describe('amendingActs', () => {
  it('collects every Supreme Court act from notes, including lists after a plural, oldest first, once each', () => {
    const text = [
      '> *Сноска. Пункт 1 с изменениями, внесенными нормативными постановлениями Верховного Суда РК от 31.03.2017 № 2 (вводится в действие …); от 28.11.2024 № 2 (вводится …).*',
      '',
      '1. Текст пункта со ссылкой на нормативное постановление Верховного Суда от 1 января 2001 года № 9, не поправка.',
      '> *Сноска. Пункт 6 с изменениями, внесенными постановлением Пленума Верховного Суда РК от 15.05.1998 N 5; нормативными постановлениями Верховного Суда РК от 18.06.2004 N 10.*',
      '7. Исключен нормативным постановлением Верховного Cуда РК от 31.05.2012 № 2 (вводится в действие со дня официального опубликования).',
      '> *Сноска. Пункт 2 в редакции Закона РК от 01.01.2015 № 99.*',
      '25. (исключен нормативным постановлением Верховного Суда РК от 25 декабря 2006 года N 12 )',
    ].join('\n');
    expect(amendingActs(text)).toEqual([
      { date: '1998-05-15', number: '5', plenum: true },
      { date: '2004-06-18', number: '10' },
      { date: '2006-12-25', number: '12' },
      { date: '2012-05-31', number: '2' },
      { date: '2017-03-31', number: '2' },
      { date: '2024-11-28', number: '2' },
    ]);
  });

  it('names acts officially, with the date in words', () => {
    expect(actName({ date: '2017-06-29', number: '6' })).toBe('Нормативное постановление Верховного Суда Республики Казахстан от 29 июня 2017 года № 6');
    expect(actName({ date: '1998-05-15', number: '5', plenum: true })).toBe('Постановление Пленума Верховного Суда Республики Казахстан от 15 мая 1998 года № 5');
  });
});

describe('resolveStatus', () => {
  const requisite = 'Нормативное постановление Верховного Суда Республики Казахстан от 25 ноября 2016 года № 7';

  it('is in force when nothing says otherwise', () => {
    expect(resolveStatus({ requisite, body: '1. Текст.\n' })).toEqual({ status: 'in-force', statusActs: [] });
  });

  it('is amended by the notes and by the act that caused the stored version', () => {
    const body = '> *Сноска. Пункт 5 в редакции нормативного постановления Верховного Суда РК от 29.09.2022 № 7.*\n';
    const r = resolveStatus({ requisite, body, causedBy: 'Нормативное постановление Верховного Суда Республики Казахстан от 7 декабря 2023 года № 4' });
    expect(r.status).toBe('amended');
    expect(r.statusActs.map((a) => a.date)).toEqual(['2022-09-29', '2023-12-07']);
  });

  it('treats «N. Утратил силу» of a paragraph as an amendment, not a repeal of the act', () => {
    const r = resolveStatus({ requisite, body: '19. Утратил силу нормативным постановлением Верховного Cуда РК от 29.06.2017 № 6 (вводится …).\n' });
    expect(r.status).toBe('amended');
  });

  it('is repealed by «Утратило силу» in the requisite or in a note, and links acts that are in the knowledge base', () => {
    const repealed = resolveStatus({
      requisite: `${requisite}. Утратило силу нормативным постановлением Верховного Суда Республики Казахстан от 29 июня 2017 года № 4`,
      body: '1. Текст.\n',
      knownSlugs: new Set(['2017-06-29-n4']),
    });
    expect(repealed).toEqual({
      status: 'repealed',
      statusActs: [{ relation: 'repealed', act: actName({ date: '2017-06-29', number: '4' }), date: '2017-06-29', resolution: '2017-06-29-n4' }],
    });
    const byNote = resolveStatus({ requisite, body: '> *Сноска. Утратило силу нормативным постановлением Верховного Суда РК от 31.03.2017 № 1.*\n' });
    expect(byNote.status).toBe('repealed');
    expect(byNote.statusActs).toHaveLength(1);
  });
});

describe('buildResolution', () => {
  const meta: CorpusMeta = {
    act_code: '16659',
    requisite: 'Нормативное постановление Верховного Суда Республики Казахстан от 11 июля 2003 года N 8',
    title: { rus: 'О судебной практике по делам о хищениях', kaz: 'Бөтеннің мүлкін заңсыз иемдену жөніндегі істер бойынша сот тәжірибесі туралы' },
    version_date: { rus: '2017-06-29' },
    source: { rus: 'https://zan.gov.kz/client/#!/doc/16659/rus/29.06.2017', kaz: 'https://zan.gov.kz/client/#!/doc/16659/kaz/29.06.2017' },
  };
  const ru = '# О судебной практике по делам о хищениях\n\nВступление.\n\n<a id="p1"></a>\n\n1. Под хищением понимается …\n';
  const kk = '# Бөтеннің мүлкін …\n\nКіріспе.\n';

  const split = (file: string) => {
    const m = file.match(/^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/);
    if (!m) throw new Error('no frontmatter');
    return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
  };

  it('names the files by the requisite date, not approved_on, and moves the title to the frontmatter', () => {
    const files = buildResolution(meta, { ru, kk }, { category: 'U.06' });
    expect(files.slug).toBe('2003-07-11-n8');
    const r = split(files.ru);
    expect(ResolutionFrontmatter.parse(r.data)).toMatchObject({ title: meta.title.rus, number: '8', date: '2003-07-11', status: 'in-force', category: 'U.06', act_code: '16659' });
    expect(r.body.startsWith('Вступление.')).toBe(true);
    expect(r.body).toContain('<a id="p1"></a>');
    const k = split(files.kk);
    expect(k.data).toEqual({ title: meta.title.kaz, language: 'kk' });
    expect(ResolutionFrontmatter.partial().parse(k.data)).toBeTruthy();
    expect(k.body).toBe('Кіріспе.\n');
  });

  it('writes a Kazakh file pointing to the official text when the corpus has no Kazakh text', () => {
    const k = split(buildResolution(meta, { ru }, { category: 'U.06' }).kk);
    expect(k.data.title).toBe(meta.title.kaz);
    expect(k.body).toContain(meta.source!.kaz!);
  });

  it('refuses a requisite without date and number', () => {
    expect(() => buildResolution({ ...meta, requisite: 'Нормативное постановление' }, { ru, kk }, { category: 'U.06' })).toThrow(/requisite/);
  });
});

describe('stripTitle', () => {
  it('drops only a leading level-1 heading', () => {
    expect(stripTitle('\uFEFF# Заголовок\n\n\nТекст\n## п о с т а н о в л я е т:\n')).toBe('Текст\n## п о с т а н о в л я е т:\n');
    expect(stripTitle('Текст без заголовка\r\n')).toBe('Текст без заголовка\n');
  });
});
