import type { Nodes, Parent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** Node types after which words must not run together with the next block. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'code', 'tableRow', 'tableCell', 'thematicBreak', 'break']);

/**
 * Markdown to the plain text a search engine should index: no markup, no HTML tags (resolution texts
 * carry `<a id="p1"></a>` anchors), blocks separated so words never merge across them.
 */
export function markdownToPlainText(markdown: string): string {
  const parts: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    else if (node.type === 'html') parts.push(node.value.replace(/<[^>]*>/g, ' '));
    else if (node.type === 'image') parts.push(node.alt ?? '');
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
    if (BLOCKS.has(node.type)) parts.push('\n');
  };
  visit(parser.parse(markdown));
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
