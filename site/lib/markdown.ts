import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { openHtmlCache } from './html-cache.ts';

/**
 * Document text → safe HTML. Content is Markdown written or imported by people, so nothing raw reaches
 * a page: raw HTML is turned into visible text, remark-rehype runs without dangerous HTML, and
 * rehype-sanitize (GitHub's schema) removes what is left (javascript: links, event handlers). The one piece of HTML we keep is the resolutions' paragraph
 * anchor `<a id="pN"></a>`: it is turned into a Markdown-level node before HTML is dropped, and its id
 * is given back after sanitising (the sanitiser prefixes ids so content cannot clobber the page's own).
 */

const ANCHOR = /^<a\s+id="(p\d+)"\s*>\s*(?:<\/a>)?$/i;
const CLOSE_A = /^<\/a>$/i;
const CLOBBER = defaultSchema.clobberPrefix ?? 'user-content-';

type MdParent = { children: MdastContent[] };

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/**
 * remark plugin: `<a id="pN"></a>` (inline or block html) → an empty `a` element with that id; any other
 * raw HTML → plain text, so a reader sees `<script>…</script>` written out instead of it vanishing or running.
 */
function paragraphAnchors() {
  return (tree: MdastRoot) => {
    const walk = (node: MdParent & { type?: string }): void => {
      const out: MdastContent[] = [];
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i]!;
        if (child.type === 'html') {
          const m = ANCHOR.exec(child.value.trim());
          if (m) {
            // An inline `<a id>` is followed by its own `</a>` node: skip it.
            const next = node.children[i + 1];
            if (!/<\/a>\s*$/i.test(child.value) && next?.type === 'html' && CLOSE_A.test(next.value.trim())) i++;
            out.push({ type: 'text', value: '', data: { hName: 'a', hProperties: { id: m[1] }, hChildren: [] } } as MdastContent);
            continue;
          }
          const text = { type: 'text' as const, value: child.value };
          out.push(BLOCK_PARENTS.has(node.type ?? 'root') ? { type: 'paragraph', children: [text] } : text);
          continue;
        }
        if ('children' in child) walk(child as MdParent & { type: string });
        out.push(child);
      }
      node.children = out;
    };
    walk(tree as MdParent & { type: string });
  };
}

/** rehype plugin (after sanitising): gives paragraph anchors their ids back, under an optional prefix. */
function restoreAnchorIds(prefix: string) {
  return (tree: HastRoot) => {
    const walk = (nodes: HastContent[]) => {
      for (const n of nodes) {
        if (n.type !== 'element') continue;
        const el = n as Element;
        const id = el.properties?.id;
        if (el.tagName === 'a' && typeof id === 'string' && id.startsWith(CLOBBER) && /^p\d+$/.test(id.slice(CLOBBER.length))) {
          el.properties.id = `${prefix}${id.slice(CLOBBER.length)}`;
          el.properties.className = ['para-anchor'];
        }
        walk(el.children);
      }
    };
    walk(tree.children);
  };
}

export interface RenderOptions {
  /** Prefix for paragraph anchor ids, so two texts on one page do not share `p1` (`kk-` → `kk-p1`). */
  anchorPrefix?: string;
}

// One frozen processor per anchor prefix ('' and `kk-`/`ru-` in practice): building the unified pipeline
// (and micromark's combined syntax extensions) per call was a visible share of every document page.
const processors = new Map<string, ReturnType<typeof buildProcessor>>();

function buildProcessor(prefix: string) {
  return unified()
    .use(remarkParse)
    .use(paragraphAnchors)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSanitize, defaultSchema)
    .use(restoreAnchorIds, prefix)
    .use(rehypeStringify)
    .freeze();
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const prefix = options.anchorPrefix ?? '';
  let processor = processors.get(prefix);
  if (!processor) processors.set(prefix, (processor = buildProcessor(prefix)));
  return String(processor.processSync(markdown));
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
 * The build's shared memo (document pages of the three interface languages come in a row), over the
 * on-disk HTML of earlier builds (html-cache.ts), so a rebuild renders only the texts that changed.
 */
const htmlCache = openHtmlCache();
export const renderMarkdownMemo = createMarkdownMemo(
  32,
  htmlCache ? (markdown, options) => htmlCache.get(markdown, options.anchorPrefix ?? '', () => renderMarkdown(markdown, options)) : renderMarkdown,
);
