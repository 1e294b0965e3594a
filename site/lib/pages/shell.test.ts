import { describe, expect, it } from 'vitest';
import { parseShell, SHELL_PLACEHOLDERS as P } from './shell.ts';

const shell = `<html><head><title>${P.title} — Талдау</title><link rel="alternate" hreflang="kk" href="/kk${P.sitePath}"></head>` +
  `<body><a href="${P.sitePath}">RU</a><main>${P.main}</main></body></html>`;

describe('page shell', () => {
  it('fills the path, title and content of a page, escaping the path and title', () => {
    const fill = parseShell(shell, 'dist/_taldau-shell/document/index.html');
    expect(fill({ sitePath: '/decisions/a&b/', title: 'О «разделе» <имущества>', main: '<article>text</article>' })).toBe(
      '<html><head><title>О «разделе» &lt;имущества&gt; — Талдау</title><link rel="alternate" hreflang="kk" href="/kk/decisions/a&amp;b/"></head>' +
        '<body><a href="/decisions/a&amp;b/">RU</a><main><article>text</article></main></body></html>',
    );
  });

  it('a value that looks like a placeholder is written as it is, not filled again', () => {
    const fill = parseShell(shell, 'shell.html');
    expect(fill({ sitePath: '/x/', title: P.title, main: P.sitePath })).toContain(`<main>${P.sitePath}</main>`);
  });

  it('a shell missing a placeholder, or with two contents, is an error naming the file', () => {
    expect(() => parseShell(shell.replace(P.title, 'Талдау'), 'dist/kk/_taldau-shell/document/index.html')).toThrow(
      /dist\/kk\/_taldau-shell\/document\/index\.html: the page shell has 0 "title" placeholders/,
    );
    expect(() => parseShell(shell + P.main, 'shell.html')).toThrow(/shell\.html: the page shell has 2 "main" placeholders/);
  });
});
