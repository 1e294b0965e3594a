import MarkdownIt from 'markdown-it';
import { escape as escapeHtml } from 'html-escaper';

/**
 * Document text → safe HTML, with markdown-it (CommonMark). Content is Markdown written or imported by
 * people, so nothing raw reaches a page: markdown-it runs with `html: false`, which writes raw HTML out
 * as visible text (a reader sees `<script>…</script>` instead of it vanishing or running), and links and
 * images keep only relative, http(s) and mailto addresses. The one piece of HTML we keep is the
 * resolutions' paragraph anchor `<a id="pN"></a>`, recognised by its own inline rule and written back
 * with its id under the text's prefix.
 *
 * markdown-it, not remark → rehype → sanitize: the HTML is the same for the Markdown our texts use, and
 * it renders a 4 KB decision in ≈ 0.25 ms instead of ≈ 2.7 ms. At 50,000 decisions that was ≈ 150 s of a
 * build from nothing (issue #5). Safety no longer rests on a sanitiser after the fact but on there being
 * no way in: no raw HTML, an allow-list of link protocols, and tags only markdown-it itself writes.
 */

const ANCHOR = /<a\s+id="(p\d+)"\s*>(?:\s*<\/a>)?/iy;
const SAFE_PROTOCOLS = new Set(['http', 'https', 'mailto']);
const PROTOCOL = /^\s*([a-z][a-z0-9+.-]*):/i;

type RenderEnv = { anchorPrefix: string };

function buildRenderer() {
  const md = new MarkdownIt('commonmark', { html: false });
  // A scheme-less address is relative (or a #fragment) and safe; any scheme must be on the list.
  md.validateLink = (url) => {
    const m = PROTOCOL.exec(url);
    return !m || SAFE_PROTOCOLS.has(m[1]!.toLowerCase());
  };
  md.inline.ruler.before('html_inline', 'paragraph_anchor', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
    ANCHOR.lastIndex = state.pos;
    const m = ANCHOR.exec(state.src);
    if (!m || state.pos + m[0].length > state.posMax) return false;
    if (!silent) state.push('paragraph_anchor', 'a', 0).meta = { id: m[1] };
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.paragraph_anchor = (tokens, idx, _options, env) =>
    `<a id="${escapeHtml(((env as RenderEnv | undefined)?.anchorPrefix ?? '') + (tokens[idx]!.meta as { id: string }).id)}" class="para-anchor"></a>`;
  return md;
}

const renderer = buildRenderer();

export interface RenderOptions {
  /** Prefix for paragraph anchor ids, so two texts on one page do not share `p1` (`kk-` → `kk-p1`). */
  anchorPrefix?: string;
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const env: RenderEnv = { anchorPrefix: options.anchorPrefix ?? '' };
  return renderer.render(markdown, env).trimEnd();
}

/**
 * `renderMarkdown` remembering its last results. A document page exists in every interface language
 * (`/…`, `/kk/…`, `/en/…`), rendered one after another, and the text's HTML does not depend on the
 * interface language: without this, 2 of every 3 Markdown renders of a build were repeats. Keyed by the
 * text itself (so a changed text can never get stale HTML) and the prefix; a small LRU bounds memory.
 */
export function createMarkdownMemo(
  capacity = 32,
  render: (markdown: string, options: RenderOptions) => string = renderMarkdown,
): (markdown: string, options?: RenderOptions) => string {
  const cache = new Map<string, Map<string, string>>();
  return (markdown, options = {}) => {
    const prefix = options.anchorPrefix ?? '';
    let byPrefix = cache.get(markdown);
    if (byPrefix) {
      cache.delete(markdown); // re-inserted below: most recently used last
    } else {
      byPrefix = new Map();
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(markdown, byPrefix);
    let html = byPrefix.get(prefix);
    if (html === undefined) byPrefix.set(prefix, (html = render(markdown, options)));
    return html;
  };
}

/**
 * The build's shared memo (document pages of the three interface languages come in a row). There is no
 * on-disk cache of the HTML: at ≈ 0.25 ms a text, rendering costs less than writing a cache file for it
 * (≈ 2× the render) would, and a warm build saved only the render (issue #5).
 */
export const renderMarkdownMemo = createMarkdownMemo(32);
