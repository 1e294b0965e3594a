import { describe, expect, it } from 'vitest';
import { FACET_KEYS } from '../../../schemas/facets.ts';
import { markdownToText, toServerDocument } from './document.ts';
import { markedToHtml } from './excerpt.ts';
import { DIVORCE, THEFT_KK } from './fixtures/documents.ts';

describe('toServerDocument', () => {
  it('keeps one record per document with every facet of FACETS as a field', () => {
    const record = toServerDocument(DIVORCE);
    expect(record.key).toBe('decision__civ-divorce-almaty-2023');
    expect(record.docId).toBe(DIVORCE.id);
    for (const key of FACET_KEYS) expect(record).toHaveProperty(key);
    expect(record.category).toEqual(['G', 'G.02', 'G.02.01']);
    expect(record.year).toBe(2023);
    expect(record.language).toEqual(['ru', 'kk']);
    expect(record.norm).toEqual(['kobs:20']);
    expect(record.hash).toBe('a1');
  });

  it('indexes plain text: no Markdown markup, no HTML tags, no highlight sentinels', () => {
    const record = toServerDocument({ ...DIVORCE, body: { ru: DIVORCE.body.ru + ' \uE000x\uE001' } });
    expect(record.body_ru).toContain('РЕШЕНИЕ');
    expect(record.body_ru).not.toMatch(/\*\*|<b>|\]\(|\uE000|\uE001/);
    expect(record.body_ru).toContain('расторжении брака удовлетворить');
  });

  it('leaves out languages a document does not have', () => {
    const record = toServerDocument(THEFT_KK);
    expect(record.primaryLanguage).toBe('kk');
    expect(record).not.toHaveProperty('title_ru');
    expect(record.title_kk).toBe('Ұрлық туралы үкім');
  });

  it('turns headings, lists and emphasis into text', () => {
    expect(markdownToText('# Заголовок\n\n- пункт *один*\n> цитата')).toBe('Заголовок\nпункт один\nцитата');
  });
});

describe('markedToHtml', () => {
  it('escapes everything except the marks it was asked for', () => {
    expect(markedToHtml('<script>alert(1)</script> \uE000брак\uE001 & <mark>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>брак</mark> &amp; &lt;mark&gt;',
    );
  });

  it('closes an unbalanced mark and ignores a stray closing one', () => {
    expect(markedToHtml('a\uE001 \uE000b')).toBe('a <mark>b</mark>');
  });
});
