import { escape } from 'html-escaper';

/**
 * A page shell: a document page as Astro renders it (layout, header, language switcher, styles, scripts)
 * with placeholders where one document's path, title and content go. Astro renders one shell per interface
 * language; the build fills it for every document (site/integrations/document-pages.ts), so the layout
 * lives in Base.astro alone and a document page costs a string join instead of Astro's pipeline.
 */
export const SHELL_PLACEHOLDERS = {
  /** The page's site path: in the alternate links and the language switcher (`/kk/…`, `/en/…`). */
  sitePath: '/taldau-shell-site-path/',
  /** The document's title: in `<title>`. */
  title: 'TALDAU-SHELL-TITLE',
  /** The content of `<main>`. */
  main: '<!--taldau-shell-main-->',
} as const;

type Slot = keyof typeof SHELL_PLACEHOLDERS;

/** Where the shells are rendered: a site path no document can have, removed once the documents are written. */
export const SHELL_SITE_PATH = '/_taldau-shell/document/';

export interface PageValues {
  sitePath: string;
  title: string;
  /** Markup, inserted as is. */
  main: string;
}

export class ShellError extends Error {}

/** Parses a rendered shell once; the returned function writes a page from it. */
export function parseShell(shellHtml: string, file: string): (values: PageValues) => string {
  const slots = Object.keys(SHELL_PLACEHOLDERS) as Slot[];
  const pattern = new RegExp(slots.map((s) => SHELL_PLACEHOLDERS[s].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const bySlot = new Map(slots.map((s) => [SHELL_PLACEHOLDERS[s] as string, s]));
  const parts: string[] = [];
  const gaps: Slot[] = [];
  let last = 0;
  for (const m of shellHtml.matchAll(pattern)) {
    parts.push(shellHtml.slice(last, m.index));
    gaps.push(bySlot.get(m[0])!);
    last = m.index! + m[0].length;
  }
  parts.push(shellHtml.slice(last));
  for (const slot of slots) {
    const n = gaps.filter((g) => g === slot).length;
    if (n === 0 || (slot === 'main' && n > 1)) {
      throw new ShellError(`${file}: the page shell has ${n} "${slot}" placeholders (${SHELL_PLACEHOLDERS[slot]}); expected ${slot === 'main' ? 'one' : 'at least one'}`);
    }
  }
  return (values) => {
    const fill: Record<Slot, string> = { sitePath: escape(values.sitePath), title: escape(values.title), main: values.main };
    let out = parts[0]!;
    for (let i = 0; i < gaps.length; i++) out += fill[gaps[i]!] + parts[i + 1]!;
    return out;
  };
}
