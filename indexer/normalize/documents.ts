import { createHash } from 'node:crypto';
import { DOC_LANGS, type DocLang, type Problem } from '../../schemas/common.ts';
import { KIND_FOLDERS } from '../../schemas/documents.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { withLine } from '../validate/zod.ts';
import { requiredKeys, type FileFields, type SharedFields } from './fields.ts';
import type { ReadDocFile } from './read-documents.ts';
import type { Registries } from './registries.ts';
import { composeDecisionTitle } from './titles.ts';

export interface NormalizedDocuments {
  documents: KbDocument[];
  problems: Problem[];
  /** Ids of documents left out because of problems. */
  rejected: string[];
}

/**
 * Groups files, each already normalised on its own (read-documents.ts), into documents (`<slug>.ru.md` +
 * `<slug>.kk.md` are one), merges the pair (language-neutral values must agree) and builds the
 * KbDocuments. Pure apart from hashing.
 */
export function normalizeDocuments(files: ReadDocFile[], registries: Registries): NormalizedDocuments {
  const problems: Problem[] = [];
  const groups = new Map<string, Map<DocLang, ReadDocFile>>();
  const rejected = new Set<string>();
  for (const read of files) {
    const file = read.doc;
    const id = `${file.kind}/${file.slug}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = new Map()));
    const other = group.get(file.lang);
    if (other) {
      problems.push({ file: file.file, line: 1, field: 'id', message: `duplicate id "${id}" (${file.lang}): ${other.doc.file} has the same slug and language` });
      rejected.add(id);
      continue;
    }
    group.set(file.lang, read);
  }

  const built: KbDocument[] = [];
  for (const [id, group] of groups) {
    const before = problems.length;
    const doc = buildDocument(id, group, registries, problems);
    if (doc && problems.length === before && !rejected.has(id)) built.push(doc);
    else rejected.add(id);
  }
  checkReferences(built, groups, problems, rejected);
  return { documents: built.filter((d) => !rejected.has(d.id)), problems, rejected: [...rejected] };
}

function buildDocument(id: string, group: Map<DocLang, ReadDocFile>, registries: Registries, problems: Problem[]): KbDocument | null {
  const languages = DOC_LANGS.filter((l) => group.has(l));
  // A file with problems of its own has them reported already (read-documents.ts); its document is left out.
  const fields = languages.flatMap((lang) => group.get(lang)!.fields ?? []);
  if (fields.length !== languages.length) return null;
  const primary = fields[0]!.file;
  const kind = primary.kind;

  // Language-neutral values: given in either file; where both give one, they must agree.
  const shared: SharedFields = {};
  const from: Partial<Record<keyof SharedFields, FileFields>> = {};
  let agree = true;
  for (const f of fields) {
    for (const [key, value] of Object.entries(f.shared) as [keyof SharedFields, unknown][]) {
      const first = from[key];
      if (!first) {
        (shared as Record<string, unknown>)[key] = value;
        from[key] = f;
      } else if (JSON.stringify(shared[key]) !== JSON.stringify(value)) {
        const fmKey = f.keyOf[key]!;
        problems.push(
          withLine(f.file.frontmatter, [fmKey], f.file.file, `"${fmKey}" disagrees with ${first.file.file}: ${JSON.stringify(value)} here, ${JSON.stringify(shared[key])} there`),
        );
        agree = false;
      }
    }
  }
  const given = new Set(fields.flatMap((f) => f.given));
  const missing = requiredKeys(kind).filter((k) => !given.has(k));
  for (const key of missing) {
    problems.push({ file: primary.file, line: 2, field: key, message: `required field is missing${fields.length > 1 ? ' (in both files)' : ''}` });
  }
  if (!agree || missing.length) return null;

  const categories = shared.categories ?? [];
  const trail = [...new Set(categories.flatMap((c) => registries.trail(c)))];
  // Every node carries its root's proceeding (flattenClassifier passes it down).
  const proceeding = registries.categories.get(categories[0] ?? '')?.proceeding ?? 'other';

  const title: KbDocument['title'] = {};
  const body: KbDocument['body'] = {};
  for (const f of fields) {
    body[f.file.lang] = f.file.body;
    if (f.title) title[f.file.lang] = f.title;
    else if (kind === 'decision' && shared.actType && shared.caseNumber) {
      title[f.file.lang] = composeDecisionTitle(f.file.lang, shared.actType, shared.caseNumber, registries.categories.get(categories[0] ?? '')?.name[f.file.lang]);
    } else {
      problems.push({ file: f.file.file, line: 2, field: 'title', message: `a ${kind} needs a title` });
      return null;
    }
  }

  if (kind === 'resolution' && shared.date && shared.number) {
    const expected = `${shared.date}-n${shared.number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    if (expected !== primary.slug) {
      problems.push(withLine(primary.frontmatter, ['number'], primary.file, `the slug of a resolution is <date>-n<number>: "${primary.slug}" does not match date ${shared.date} and number ${shared.number}`, `rename to ${expected}.${primary.lang}.md`));
      return null;
    }
  }

  const judge = fields.find((f) => f.judge)?.judge;
  const statusActs = fields.find((f) => f.statusActs)?.statusActs;
  // One file: the hash of its bytes; a pair: the hash of both files' hashes.
  const hash = fields.length === 1 ? null : createHash('sha256');
  for (const f of fields) hash?.update(f.file.hash);
  const date = shared.date!;
  return {
    id,
    kind,
    slug: primary.slug,
    url: `/${KIND_FOLDERS[kind]}/${primary.slug}/`,
    languages,
    title,
    body,
    date,
    year: Number(date.slice(0, 4)),
    proceeding,
    categories,
    categoryTrail: trail,
    ...stripUndefined({ ...shared, date: undefined, categories: undefined }),
    ...(judge ? { judge } : {}),
    ...(statusActs ? { statusActs } : {}),
    keywords: [...new Set(fields.flatMap((f) => f.keywords))],
    citations: [],
    norms: [],
    citedBy: [],
    similar: [],
    files: fields.map((f) => f.file.file),
    hash: hash ? hash.digest('hex') : primary.hash,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Links to other documents (reviewed decision, relied-on resolutions) must point at known ones. */
function checkReferences(documents: KbDocument[], groups: Map<string, Map<DocLang, ReadDocFile>>, problems: Problem[], rejected: Set<string>): void {
  const ids = new Set(documents.map((d) => d.id));
  for (const d of documents) {
    const refs: [PropertyKey[], string, string][] = [];
    if (d.reviews) refs.push([['reviews'], `decision/${d.reviews}`, d.reviews]);
    d.resolutions?.forEach((r, i) => refs.push([['resolutions', i], `resolution/${r}`, r]));
    d.statusActs?.forEach((s, i) => s.resolution && refs.push([['status_acts', i, 'resolution'], `resolution/${s.resolution}`, s.resolution]));
    for (const [path, target, slug] of refs) {
      if (ids.has(target) || rejected.has(target)) continue;
      // Point at the file of the pair that actually names the link.
      const files = [...(groups.get(d.id)?.values() ?? [])].map((f) => f.doc);
      const file = files.find((f) => f.keys.includes(String(path[0]))) ?? files[0]!;
      problems.push(withLine(file.frontmatter, path, file.file, `no ${target.split('/')[0]} "${slug}" in the knowledge base`));
      rejected.add(d.id);
    }
  }
}
