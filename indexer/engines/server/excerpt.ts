/**
 * Highlight markers the engines are asked to put around matches. They are private-use characters
 * that the writer strips from every indexed text, so after HTML-escaping the engine's output they
 * are the only thing turned back into markup: a `<mark>` in a document stays text, never a tag.
 */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Engine text with sentinel markers → safe HTML where only balanced `<mark>` elements are markup. */
export function markedToHtml(text: string): string {
  let html = '';
  let open = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_PRE) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_POST) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

export const hasMark = (text: string): boolean => text.includes(HIGHLIGHT_PRE);

/** Plain text without markers (titles are returned as text, not HTML). */
export const stripMarkers = (text: string): string => text.replace(/[\uE000\uE001]/g, '');
