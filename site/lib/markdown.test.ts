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
    expect(html).toContain('Текст &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p>&lt;div onclick=&quot;x()&quot;&gt;блок&lt;/div&gt;</p>');
    expect(html).toContain('жирный');
  });

  it('links only to relative, http(s) and mailto addresses, however the scheme is spelt', () => {
    const hostile = [
      '[a](javascript:alert(1))',
      '[a](JaVaScRiPt:alert(1))',
      '[a](&#106;avascript:alert(1))',
      '[a](vbscript:msgbox(1))',
      '[a](data:text/html;base64,PHNjcmlwdD4=)',
      '[a](file:///etc/passwd)',
      '<javascript:alert(1)>',
      '![a](javascript:alert(1))',
      '![a](data:image/svg+xml;base64,PHN2Zz4=)',
      '[a][r]\n\n[r]: javascript:alert(1)',
    ];
    for (const md of hostile) expect(renderMarkdown(md), md).not.toMatch(/<a |<img |href=|src=/i);
    expect(renderMarkdown('[закон](https://adilet.zan.kz/rus/docs/K1400000226)')).toBe('<p><a href="https://adilet.zan.kz/rus/docs/K1400000226">закон</a></p>');
    expect(renderMarkdown('[п. 3](#p3) [почта](mailto:info@sud.kz) [акт](/decisions/x/)')).toBe(
      '<p><a href="#p3">п. 3</a> <a href="mailto:info@sud.kz">почта</a> <a href="/decisions/x/">акт</a></p>',
    );
  });

  it('keeps the resolutions’ paragraph anchors as ids, inline and at a block start', () => {
    const html = renderMarkdown('<a id="p1"></a>1. Кражей признаётся…\n\n<a id="p12"></a>\n\nДалее');
    expect(html).toContain('<a id="p1" class="para-anchor"></a>1. Кражей');
    expect(html).toContain('<p><a id="p12" class="para-anchor"></a></p>\n<p>Далее</p>');
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
