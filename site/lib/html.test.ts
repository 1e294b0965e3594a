import { describe, expect, it } from 'vitest';
import { attr, html, raw } from './html.ts';

describe('html', () => {
  it('escapes every interpolated text, in content and in attributes', () => {
    const hostile = `<script>alert("x")</script> & 'y'`;
    expect(html`<a title="${hostile}">${hostile}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</a>',
    );
  });

  it('inserts markup composed with html or raw as is, and lists joined', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('writes nothing for false, null, undefined and an empty list, but writes 0', () => {
    expect(html`[${false}${null}${undefined}${[]}${0}]`.value).toBe('[0]');
  });

  it('writes an optional attribute only when it has a value', () => {
    expect(html`<div${attr('role', undefined)}${attr('tabindex', -1)}${attr('title', false)}>`.value).toBe('<div tabindex="-1">');
    expect(attr('title', '"q"').value).toBe(' title="&quot;q&quot;"');
  });
});
