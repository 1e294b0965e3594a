import type { z } from 'zod';
import type { Problem } from '../../schemas/common.ts';
import { FRONTMATTER_SCHEMAS, type DocKind } from '../../schemas/documents.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { DocFile, ParsedDocFile } from '../load/documents.ts';
import { withLine, zodProblems } from '../validate/zod.ts';
import { parseWrittenDate } from './dates.ts';
import type { Registries } from './registries.ts';

/** Language-neutral values one file gives, already resolved, with the frontmatter key each came from. */
export type SharedFields = Partial<
  Pick<
    KbDocument,
    | 'date' | 'court' | 'region' | 'courtLevel' | 'categories' | 'caseNumber' | 'instance' | 'actType' | 'outcome'
    | 'reviews' | 'number' | 'status' | 'actCode' | 'versionDate' | 'period' | 'resolutions'
  >
>;

/** What one file contributes to its document after validation and normalisation. */
export interface FileFields {
  file: DocFile;
  shared: SharedFields;
  /** Frontmatter key per shared field, to point a disagreement at its line. */
  keyOf: Partial<Record<keyof SharedFields, string>>;
  title?: string;
  keywords: string[];
  judge?: string;
  statusActs?: KbDocument['statusActs'];
  /** Frontmatter keys the file gave (for the check of required fields across a pair). */
  given: string[];
}

/**
 * Validates one file's frontmatter (strict schema; language-neutral fields may live in the other file of
 * a pair, so nothing is required here) and resolves its values against the registries.
 * Returns null when the file has problems.
 */
export function normalizeFile(
  { doc, data, source }: Pick<ParsedDocFile, 'doc' | 'data' | 'source'>,
  registries: Registries,
  today: string,
): { fields: FileFields | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const schema = FRONTMATTER_SCHEMAS[doc.kind];
  const parsed = partialSchema(doc.kind).safeParse(data);
  if (!parsed.success) return { fields: null, problems: zodProblems(parsed.error, doc.file, source, schema) };
  const fm = parsed.data as Record<string, unknown>;
  const at = (path: PropertyKey[], message: string, suggestion?: string) => problems.push(withLine(source, path, doc.file, message, suggestion));

  if (fm.language !== undefined && fm.language !== doc.lang) {
    at(['language'], `language "${String(fm.language)}" contradicts the file name (.${doc.lang}.md)`);
  }
  if (doc.body.trim() === '') problems.push({ file: doc.file, line: doc.bodyLine, field: 'body', message: 'empty body: the document has no text after the frontmatter' });

  const date = (key: PropertyKey[], value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    const r = parseWrittenDate(value, today);
    if (r.ok) return r.iso;
    at(key, r.message);
    return undefined;
  };

  const out: FileFields = { file: doc, shared: {}, keyOf: {}, keywords: (fm.keywords as string[] | undefined) ?? [], given: doc.keys };
  const set = <K extends keyof SharedFields>(field: K, key: string, value: SharedFields[K] | undefined) => {
    if (value === undefined) return;
    out.shared[field] = value;
    out.keyOf[field] = key;
  };
  if (typeof fm.title === 'string') out.title = fm.title;

  set('date', 'date', date(['date'], fm.date));
  if (fm.court !== undefined) {
    const court = registries.findCourt(String(fm.court));
    if (court.ok) {
      set('court', 'court', court.value.id);
      set('region', 'court', court.value.region ?? undefined);
      set('courtLevel', 'court', court.value.level);
    } else at(['court'], court.message, court.suggestion);
  }
  if (fm.category !== undefined) {
    const written = Array.isArray(fm.category) ? (fm.category as string[]) : [String(fm.category)];
    const codes: string[] = [];
    written.forEach((w, i) => {
      const c = registries.findCategory(w);
      if (c.ok) codes.push(c.value.code);
      else at(Array.isArray(fm.category) ? ['category', i] : ['category'], c.message, c.suggestion);
    });
    if (codes.length === written.length) set('categories', 'category', [...new Set(codes)]);
  }
  if (fm.case_number !== undefined) set('caseNumber', 'case_number', String(fm.case_number));
  set('instance', 'instance', fm.instance as SharedFields['instance']);
  set('actType', 'act_type', fm.act_type as SharedFields['actType']);
  set('outcome', 'outcome', fm.outcome as SharedFields['outcome']);
  set('reviews', 'reviews', fm.reviews as string | undefined);
  if (typeof fm.judge === 'string') out.judge = fm.judge;

  if (fm.number !== undefined) set('number', 'number', String(fm.number));
  set('status', 'status', fm.status as SharedFields['status']);
  set('actCode', 'act_code', fm.act_code as string | undefined);
  set('versionDate', 'version_date', date(['version_date'], fm.version_date));
  if (Array.isArray(fm.status_acts) && 'status_acts' in data) {
    out.statusActs = (fm.status_acts as { relation: 'amended' | 'repealed'; act: string; date?: unknown; resolution?: string }[]).map((s, i) => {
      const iso = date(['status_acts', i, 'date'], s.date);
      return { relation: s.relation, act: s.act, ...(iso ? { date: iso } : {}), ...(s.resolution ? { resolution: s.resolution } : {}) };
    });
  }

  if (fm.period !== undefined) {
    const p = fm.period as { from: unknown; to: unknown };
    const from = date(['period', 'from'], p.from);
    const to = date(['period', 'to'], p.to);
    if (from && to && from > to) at(['period'], `period starts (${from}) after it ends (${to})`);
    else if (from && to) set('period', 'period', { from, to });
  }
  if ('resolutions' in data) set('resolutions', 'resolutions', fm.resolutions as string[]);

  return { fields: problems.length ? null : out, problems };
}

// `.partial()` builds a new schema, and zod compiles each new schema's fast path on its first parse: made
// per file, that compilation was a fifth of validating a corpus. One per kind, made on first use.
const partials = new Map<DocKind, z.ZodType>();
function partialSchema(kind: DocKind): z.ZodType {
  let schema = partials.get(kind);
  if (!schema) partials.set(kind, (schema = FRONTMATTER_SCHEMAS[kind].partial()));
  return schema;
}

/** Frontmatter keys a document of this kind must have in at least one of its files. */
export function requiredKeys(kind: DocKind): string[] {
  const schema = FRONTMATTER_SCHEMAS[kind];
  return Object.entries(schema.shape)
    // zod marks optional and defaulted fields with `optin`; coerced fields would accept undefined as "undefined".
    .filter(([, field]) => (field as unknown as { _zod: { optin?: string } })._zod.optin === undefined)
    .map(([key]) => key);
}
