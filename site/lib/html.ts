import { escape } from 'html-escaper';

/**
 * HTML built as a string, for the pages the build writes without Astro's per-page pipeline (document
 * pages: the bulk of a large site, see site/integrations/document-pages.ts). Every interpolated value is
 * escaped unless it is already `Html`, so forgetting to escape cannot happen; the escaping is Astro's own
 * (html-escaper), so a page renders the same whichever path wrote it.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Markup that is already safe: sanitised Markdown output, or HTML composed with `html`. */
export const raw = (value: string): Html => new Html(value);

/** What may be interpolated: text (escaped), markup, lists of either, and nothing (false, null, undefined). */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function write(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(write).join('');
  return escape(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += write(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** An attribute that is written only when it has a value (`aria-current`, `role`), as Astro does. */
export const attr = (name: string, value: string | number | undefined | false): Html =>
  value === undefined || value === false ? raw('') : raw(` ${name}="${escape(String(value))}"`);
