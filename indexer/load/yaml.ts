import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface YamlError {
  line?: number;
  message: string;
}

/** Parsed YAML that can say on which line of the file a field stands. */
export interface YamlSource {
  data: unknown;
  errors: YamlError[];
  /** Line (in the file) of the field at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * @param firstLine line of the file the YAML text starts on (2 for frontmatter after its `---`).
 */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors: YamlError[] = [...doc.errors, ...doc.warnings].map((e) => ({
    ...(e.linePos?.[0] ? { line: e.linePos[0].line + firstLine - 1 } : {}),
    message: `malformed YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = node && typeof node === 'object' && 'range' in node ? toLine((node as { range: [number] }).range[0]) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(segment));
        if (!pair) break;
        const key = pair.key as { range?: [number] } | null;
        if (key?.range) line = toLine(key.range[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as { range?: [number] } | undefined;
        if (!item) break;
        if (item.range) line = toLine(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  let data: unknown;
  try {
    data = doc.errors.length ? undefined : doc.toJS();
  } catch (error) {
    errors.push({ message: `malformed YAML: ${(error as Error).message}` });
  }
  return { data, errors, lineOf };
}

/** What problems need of parsed YAML once it has been validated: the line a field stands on. */
export type LineSource = Pick<YamlSource, 'lineOf'>;

/**
 * Line lookups that keep only the YAML text and parse it again when asked. A parsed document (nodes,
 * ranges, line counter) is many times the size of its text; kept for every file of a large corpus it
 * was most of the memory of loading it, while lines are needed only for the rare cross-file problem.
 */
export function lazyLineSource(text: string, firstLine: number): LineSource {
  return { lineOf: (path) => parseYaml(text, firstLine).lineOf(path) };
}
