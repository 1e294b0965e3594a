import { parseYaml, type YamlSource } from './yaml.ts';

export interface SplitMarkdown {
  /** Null when the file has no `---` frontmatter block at the top. */
  frontmatter: YamlSource | null;
  /** The YAML text between the fences and the line of the file it starts on (for parsing it again later). */
  yaml: { text: string; firstLine: number } | null;
  body: string;
  /** Line of the file the body starts on. */
  bodyLine: number;
}

/**
 * The opening fence, the YAML, and the closing fence: the shape remark-frontmatter accepts (a `---` line
 * first in the file, the fields, a `---` line), matched directly. Running remark on the head of every
 * file cost a tenth of loading a large corpus for nothing this expression does not already decide.
 */
const HEAD = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its YAML frontmatter (parsed, with line numbers) and its body. */
export function splitFrontmatter(text: string): SplitMarkdown {
  const head = HEAD.exec(text);
  if (!head) return { frontmatter: null, yaml: null, body: text, bodyLine: 1 };
  const yamlText = head[1] ?? '';
  // The YAML begins on line 2; the closing fence stands on the line after its last line.
  const closingLine = 2 + (head[1] === undefined ? 0 : countLines(yamlText));
  return {
    frontmatter: parseYaml(yamlText, 2),
    yaml: { text: yamlText, firstLine: 2 },
    body: text.slice(head[0].length),
    bodyLine: closingLine + 1,
  };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
