import { describe, expect, it } from 'vitest';
import { createMarkdownMemo, renderMarkdown, type RenderOptions } from './markdown.ts';

describe('renderMarkdown', () => {
  it('never lets raw HTML or script from content through', () => {
    const html = renderMarkdown(
      'Текст <script>alert(1)</script>\n\n<img src="x" onerror="alert(2)"> <b>жирный</b> [ссылка](javascript:alert(3))\n\n<div onclick="x()">блок</div>',
    );
    expect(html).not.toMatch(/<script|<img|<div|<b>|href="javascript:/i);
    expect(html).not.toMatch(/<[^>]*\s(onerror|onclick)=/i);
    // Written out as text, escaped:
    expect(html).toContain('Текст &#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('<p>&#x3C;div onclick="x()">блок&#x3C;/div></p>');
    expect(html).toContain('жирный');
  });

  it('keeps the resolutions’ paragraph anchors as ids, inline and at a block start', () => {
    const html = renderMarkdown('<a id="p1"></a>1. Кражей признаётся…\n\n<a id="p12"></a>\n\nДалее');
    expect(html).toContain('<a id="p1" class="para-anchor"></a>1. Кражей');
    expect(html).toContain('<a id="p12" class="para-anchor"></a>');
    expect(html).not.toContain('user-content-p');
  });

  it('prefixes anchors for the second language and leaves other ids clobbered', () => {
    const html = renderMarkdown('<a id="p3"></a>Мәтін', { anchorPrefix: 'kk-' });
    expect(html).toContain('id="kk-p3"');
    expect(renderMarkdown('<a id="ru" onclick="x()"></a>x')).not.toMatch(/<a /);
  });

  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('## Выводы\n\n> *Сноска. Изменено*\n\n- один')).toBe(
      '<h2>Выводы</h2>\n<blockquote>\n<p><em>Сноска. Изменено</em></p>\n</blockquote>\n<ul>\n<li>один</li>\n</ul>',
    );
  });
});

describe('createMarkdownMemo', () => {
  it('renders a text once per anchor prefix and gives the same HTML as renderMarkdown', () => {
    const calls: string[] = [];
    const memo = createMarkdownMemo(4, (md: string, o: RenderOptions) => (calls.push(`${o.anchorPrefix ?? ''}|${md}`), renderMarkdown(md, o)));
    const text = '<a id="p1"></a>Первый абзац\n\n*второй*';
    for (let i = 0; i < 3; i++) expect(memo(text)).toBe(renderMarkdown(text));
    expect(memo(text, { anchorPrefix: 'kk-' })).toBe(renderMarkdown(text, { anchorPrefix: 'kk-' }));
    expect(memo(text, { anchorPrefix: 'kk-' })).toContain('id="kk-p1"');
    expect(calls).toEqual([`|${text}`, `kk-|${text}`]);
  });

  it('forgets the least recently used text past its capacity', () => {
    let calls = 0;
    const memo = createMarkdownMemo(2, (md: string) => (calls++, md.toUpperCase()));
    memo('a');
    memo('b');
    memo('a'); // a is now the most recent: b goes first
    memo('c');
    expect(calls).toBe(3);
    memo('a');
    expect(calls).toBe(3);
    memo('b');
    expect(calls).toBe(4);
  });
});
