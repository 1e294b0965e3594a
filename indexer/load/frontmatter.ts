import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseYaml, type YamlSource } from './yaml.ts';

export interface SplitMarkdown {
  /** Null when the file has no `---` frontmatter block at the top. */
  frontmatter: YamlSource | null;
  body: string;
  /** Line of the file the body starts on. */
  bodyLine: number;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The opening fence, the YAML, and the closing fence (the shape remark-frontmatter accepts). */
const HEAD = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its YAML frontmatter (parsed, with line numbers) and its body. */
export function splitFrontmatter(text: string): SplitMarkdown {
  // Only the head goes through remark: parsing a whole long decision just to find its frontmatter
  // would double the cost of loading a large corpus.
  const head = HEAD.exec(text)?.[0];
  if (head === undefined) return { frontmatter: null, body: text, bodyLine: 1 };
  const tree = parser.parse(head);
  const first = tree.children[0];
  if (!first || first.type !== 'yaml' || !first.position) return { frontmatter: null, body: text, bodyLine: 1 };
  const end = first.position.end;
  return {
    // The YAML text begins on the line after the opening `---`.
    frontmatter: parseYaml(first.value, first.position.start.line + 1),
    body: text.slice(end.offset ?? 0).replace(/^\r?\n/, ''),
    bodyLine: end.line + 1,
  };
}
