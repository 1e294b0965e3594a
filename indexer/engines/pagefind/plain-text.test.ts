import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text.ts';

describe('markdownToPlainText', () => {
  it('drops markup and the paragraph anchors, keeping every word', () => {
    expect(markdownToPlainText('<a id="p1"></a>\n\n1. **Кражей** признаётся <a id="p2"></a>*тайное* хищение.\n\n> *Сноска. Изменено*')).toBe(
      'Кражей признаётся тайное хищение.\nСноска. Изменено', // «1.» is the list's number, not text
    );
  });

  it('keeps blocks and lines apart so words never run together', () => {
    expect(markdownToPlainText('## Выводы\nсуда\n\n- один\n- два\n\n```\nкод\n```\n\n---\n\nконец').split('\n')).toEqual([
      'Выводы',
      'суда',
      'один',
      'два',
      'код',
      'конец',
    ]);
  });

  it('decodes entities, keeps code and image descriptions, and drops raw tags', () => {
    expect(markdownToPlainText('Ст. 188 &laquo;УК&raquo; `188-1` ![схема дома](x.png) <b>жирный</b>')).toBe('Ст. 188 «УК» 188-1 схема дома жирный');
  });
});
