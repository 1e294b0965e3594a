import { describe, expect, it } from 'vitest';
import { Article } from '../../schemas/norms.ts';
import { compareArticleNumbers, normaliseArticleNumber, parseCodeTable } from './codes.ts';

const HEADER = 'article\ttitle_ru\ttitle_kk';

describe('parseCodeTable', () => {
  it('reads rows into articles with both titles, skipping the header, a BOM and blank lines', () => {
    const text = `\uFEFF${HEADER}\n188\tКража\tҰрлық\n\n\n189\tПрисвоение или растрата вверенного чужого имущества\tСеніп тапсырылған бөтен мүлікті иемденіп алу немесе ысырап ету\n`;
    const { articles, problems } = parseCodeTable(text);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.number)).toEqual(['188', '189']);
    expect(articles[0]).toEqual({ number: '188', title: { ru: 'Кража', kk: 'Ұрлық' } });
    for (const a of articles) expect(Article.safeParse(a).success).toBe(true);
  });

  it('keeps numbers like 1072-1 and orders them after their base article', () => {
    const { articles } = parseCodeTable(`${HEADER}\n189\tБ\t\n188-1\tА1\t\n188\tА\t\n1072-1\tX\t\n1072\tY\t`);
    expect(articles.map((a) => a.number)).toEqual(['188', '188-1', '189', '1072', '1072-1']);
  });

  it('leaves kk out when the Kazakh title is missing', () => {
    const { articles } = parseCodeTable(`${HEADER}\n1\tЗаконодательство Республики Казахстан об административных правонарушениях\t`);
    expect(articles[0]?.title).toEqual({ ru: 'Законодательство Республики Казахстан об административных правонарушениях' });
    expect('kk' in (articles[0]?.title ?? {})).toBe(false);
  });

  it('fills a missing Russian title from the Kazakh one and says which', () => {
    const { articles, ruFromKk } = parseCodeTable(`${HEADER}\n56-2\t\tСот отырысының хатшысы`);
    expect(articles[0]?.title).toEqual({ ru: 'Сот отырысының хатшысы', kk: 'Сот отырысының хатшысы' });
    expect(ruFromKk).toEqual(['56-2']);
  });

  it('handles CRLF line ends and squeezes whitespace inside titles', () => {
    const { articles } = parseCodeTable(`${HEADER}\r\n9\t  Защита   гражданских прав \tАзаматтық құқықтарды қорғау\r\n`);
    expect(articles).toEqual([{ number: '9', title: { ru: 'Защита гражданских прав', kk: 'Азаматтық құқықтарды қорғау' } }]);
  });

  it('reports bad rows with their line and keeps the good ones', () => {
    const { articles, problems } = parseCodeTable(`${HEADER}\nГлава 1\tОбщие положения\t\n5\t\t\n7\tА\t\n7\tБ\t`);
    expect(articles).toEqual([{ number: '7', title: { ru: 'А' } }]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(problems[0]?.message).toMatch(/not an article number/);
    expect(problems[2]?.message).toMatch(/listed twice/);
  });
});

describe('normaliseArticleNumber', () => {
  it('accepts the ways tables write numbers and refuses the rest', () => {
    expect(normaliseArticleNumber(' 188 ')).toBe('188');
    expect(normaliseArticleNumber('1072–1')).toBe('1072-1');
    expect(normaliseArticleNumber('Статья 293')).toBe('293');
    expect(normaliseArticleNumber('188-1-бап')).toBe('188-1');
    expect(normaliseArticleNumber('IV')).toBeNull();
    expect(normaliseArticleNumber('')).toBeNull();
  });

  it('compares numbers numerically, not as text', () => {
    expect(compareArticleNumbers('99', '100')).toBeLessThan(0);
    expect(compareArticleNumbers('188-2', '188-10')).toBeLessThan(0);
    expect(compareArticleNumbers('188', '188')).toBe(0);
  });
});
