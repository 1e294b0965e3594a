import type { DocLang, Problem } from '../../schemas/common.ts';
import { DOC_KINDS, KIND_FOLDERS, type DocKind } from '../../schemas/documents.ts';
import { decodeText } from './decode.ts';
import { listFiles } from './files.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { lazyLineSource, type LineSource, type YamlSource } from './yaml.ts';

/**
 * One Markdown file of a document as kept after it was read: its text and what later checks need of
 * its frontmatter. Not kept: the file's bytes and the parsed YAML, which at 100,000 decisions were
 * several times the corpus in memory.
 */
export interface DocFile {
  file: string;
  kind: DocKind;
  slug: string;
  lang: DocLang;
  /** Lines of frontmatter fields, for problems found later (a pair that disagrees, a dangling link). */
  frontmatter: LineSource;
  /** Frontmatter keys the file gives. */
  keys: string[];
  body: string;
  bodyLine: number;
  /** SHA-256 of the file's bytes (hex): the document's content hash and the load cache's key. */
  hash: string;
}

/** A document file found on disk, not read yet. */
export interface DocPath {
  file: string;
  kind: DocKind;
}

/** Every `*.md` under the document folders, kind by kind, sorted. */
export async function listDocFiles(contentDir: string): Promise<DocPath[]> {
  const out: DocPath[] = [];
  for (const kind of DOC_KINDS) for (const file of await listFiles(contentDir, KIND_FOLDERS[kind], ['.md'])) out.push({ file, kind });
  return out;
}

const NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(ru|kk)\.md$/;

/** A file read and split: the parsed frontmatter (for validation) beside what is kept. */
export interface ParsedDocFile {
  doc: DocFile;
  data: Record<string, unknown>;
  source: YamlSource;
  /** Offset in bytes of the body in the file, so a cached run can take the body without parsing. */
  bodyStart: number;
  /** The YAML text and its first line, for line lookups on a cached run. */
  yaml: { text: string; firstLine: number };
}

export type ParseResult = { ok: true; parsed: ParsedDocFile } | { ok: false; problems: Problem[] };

/** The slug and language from the file name, or a problem saying what the name must look like. */
export function nameOf(file: string): { slug: string; lang: DocLang } | Problem {
  const name = NAME.exec(file.replace(/^.*\//, ''));
  if (!name) return { file, message: 'file name must be <slug>.<lang>.md with a lower-case latin slug and lang ru or kk' };
  return { slug: name[1]!, lang: name[2] as DocLang };
}

/** Reads one `<slug>.<lang>.md` file; a file that cannot be read as a document gives its problems. */
export function parseDocFile({ file, kind }: DocPath, bytes: Uint8Array, hash: string): ParseResult {
  const fail = (problem: Omit<Problem, 'file'>): ParseResult => ({ ok: false, problems: [{ file, ...problem }] });
  const name = nameOf(file);
  if ('message' in name) return { ok: false, problems: [name] };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail({ message: decoded.message, ...(decoded.suggestion ? { suggestion: decoded.suggestion } : {}) });
  const split = splitFrontmatter(decoded.text);
  if (!split.frontmatter || !split.yaml) {
    return fail({ line: 1, message: 'no YAML frontmatter: the file must start with a `---` line, the fields, and a closing `---`' });
  }
  const yamlErrors = split.frontmatter.errors;
  if (yamlErrors.length) return { ok: false, problems: yamlErrors.map((e) => ({ file, ...(e.line ? { line: e.line } : {}), message: e.message })) };
  const data = split.frontmatter.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail({ line: 2, message: 'frontmatter must be a mapping of fields (`field: value` lines)' });
  }
  return {
    ok: true,
    parsed: {
      doc: {
        file,
        kind,
        slug: name.slug,
        lang: name.lang,
        frontmatter: lazyLineSource(split.yaml.text, split.yaml.firstLine),
        keys: Object.keys(data),
        body: split.body,
        bodyLine: split.bodyLine,
        hash,
      },
      data: data as Record<string, unknown>,
      source: split.frontmatter,
      // The body is the end of the file, so its start in bytes needs no care for a BOM or the head's characters.
      bodyStart: bytes.length - Buffer.byteLength(split.body),
      yaml: split.yaml,
    },
  };
}
