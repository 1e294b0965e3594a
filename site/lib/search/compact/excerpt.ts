import { escapeHtml } from '../../../../indexer/engines/server/excerpt.ts';
import { term, wordSpans } from '../../../../indexer/engines/compact/terms.ts';

/**
 * An excerpt of about `length` words around the densest run of matching words, those words in `<mark>`,
 * everything else HTML-escaped. `isMatch` is asked with each word's index term (see terms.ts), so «суда»
 * is marked for a search for «суд». Without a match the excerpt is the text's opening.
 */
export function excerpt(text: string, isMatch: (term: string) => boolean, length = 28): { html: string; matches: number } {
  const spans = Array.from(wordSpans(text), ({ start, end, word }) => ({ start, end, hit: word !== null && isMatch(term(word)) }));
  const matches = spans.reduce((n, s) => n + (s.hit ? 1 : 0), 0);
  let from = 0;
  if (matches) {
    // The window holding the most matches; it starts a couple of words before its first match, for context.
    let best = -1;
    let inWindow = 0;
    for (let i = 0; i < spans.length; i++) {
      if (spans[i]!.hit) inWindow++;
      if (i >= length && spans[i - length]!.hit) inWindow--;
      if (inWindow > best) {
        best = inWindow;
        from = Math.max(0, i - length + 1);
      }
    }
    while (from < spans.length && !spans[from]!.hit) from++;
    from = Math.max(0, from - 2);
  }
  const window = spans.slice(from, from + length);
  if (!window.length) return { html: escapeHtml(text.slice(0, 200)), matches };
  let html = from > 0 ? '… ' : '';
  let at = window[0]!.start;
  for (const s of window) {
    html += escapeHtml(text.slice(at, s.start));
    const word = escapeHtml(text.slice(s.start, s.end));
    html += s.hit ? `<mark>${word}</mark>` : word;
    at = s.end;
  }
  if (from + length < spans.length) html += ' …';
  return { html, matches };
}
