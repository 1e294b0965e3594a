import type { DocLang, Problem } from '../../schemas/common.ts';
import { DOC_KINDS, KIND_FOLDERS, type DocKind } from '../../schemas/documents.ts';
import { decodeText } from './decode.ts';
import { readContentFiles } from './files.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { YamlSource } from './yaml.ts';

/** One Markdown file of a document, read and split, not yet validated. */
export interface DocFile {
  file: string;
  kind: DocKind;
  slug: string;
  lang: DocLang;
  frontmatter: YamlSource;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** The file's bytes, for the document's content hash. */
  bytes: Buffer;
}

const NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(ru|kk)\.md$/;

export interface LoadedDocFiles {
  files: DocFile[];
  problems: Problem[];
  /** Files that could not be read as documents at all, per kind (they still count as seen). */
  unreadable: { file: string; kind: DocKind }[];
}

/** Reads every `<slug>.<lang>.md` under the document folders; unreadable files become problems. */
export async function loadDocFiles(contentDir: string): Promise<LoadedDocFiles> {
  const out: LoadedDocFiles = { files: [], problems: [], unreadable: [] };
  for (const kind of DOC_KINDS) {
    for (const { file, bytes } of await readContentFiles(contentDir, KIND_FOLDERS[kind], ['.md'])) {
      const fail = (problem: Omit<Problem, 'file'>) => {
        out.problems.push({ file, ...problem });
        out.unreadable.push({ file, kind });
      };
      const name = NAME.exec(file.replace(/^.*\//, ''));
      if (!name) {
        fail({ message: 'file name must be <slug>.<lang>.md with a lower-case latin slug and lang ru or kk' });
        continue;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        fail({ message: decoded.message, ...(decoded.suggestion ? { suggestion: decoded.suggestion } : {}) });
        continue;
      }
      const split = splitFrontmatter(decoded.text);
      if (!split.frontmatter) {
        fail({ line: 1, message: 'no YAML frontmatter: the file must start with a `---` line, the fields, and a closing `---`' });
        continue;
      }
      const yamlErrors = split.frontmatter.errors;
      if (yamlErrors.length) {
        for (const e of yamlErrors) out.problems.push({ file, ...(e.line ? { line: e.line } : {}), message: e.message });
        out.unreadable.push({ file, kind });
        continue;
      }
      const data = split.frontmatter.data;
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        fail({ line: 2, message: 'frontmatter must be a mapping of fields (`field: value` lines)' });
        continue;
      }
      out.files.push({
        file,
        kind,
        slug: name[1]!,
        lang: name[2] as DocLang,
        frontmatter: split.frontmatter,
        data: data as Record<string, unknown>,
        body: split.body,
        bodyLine: split.bodyLine,
        bytes,
      });
    }
  }
  return out;
}
