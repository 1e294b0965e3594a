import type { DocLang } from '../../../schemas/common.ts';
import { FACETS, type FacetKey } from '../../../schemas/facets.ts';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './excerpt.ts';

/**
 * The record both search servers store: one per KbDocument (not one per language as in Pagefind).
 * Why one per document: facet counts and the year statistics must count decisions, not translations;
 * `--changed` compares one content hash per document; and a hit can still point at the language
 * that matched (`url#kk`) because each language has its own fields.
 */
export interface ServerDocument {
  /** Engine primary key: `<kind>__<slug>`. Meilisearch keys allow only [A-Za-z0-9_-], so not `kind/slug`. */
  key: string;
  /** KbDocument.id, `<kind>/<slug>`: what hits report. */
  docId: string;
  url: string;
  primaryLanguage: DocLang;
  title_ru?: string;
  title_kk?: string;
  /** Plain text of the Markdown body (already depersonalised upstream). */
  body_ru?: string;
  body_kk?: string;
  /** ISO date: sorts correctly as a string and maps to an ES `date`. */
  date: string;
  /** Facet fields, named by facet key, straight from FACETS so no engine can drift from Pagefind. */
  kind: string[];
  proceeding: string[];
  category: string[];
  court: string[];
  region: string[];
  instance: string[];
  actType: string[];
  outcome: string[];
  /** Numeric for range filters (`years`); facet counts come back as strings either way. */
  year: number;
  language: string[];
  status: string[];
  /** The cited-norms facet (`uk:188`). */
  norm: string[];
  /** Display-only metadata. */
  categories: string[];
  caseNumber?: string;
  number?: string;
  judge?: string;
  keywords: string[];
  /** KbDocument.hash: fetched back by `--changed` to skip unchanged documents. */
  hash: string;
}

export const FACET_FIELDS: readonly FacetKey[] = FACETS.map((f) => f.key);

export const documentKey = (id: string): string => id.replace('/', '__');

/** Private-use characters are our highlight sentinels; a body must never contain them. */
const SENTINELS = new RegExp(`[${HIGHLIGHT_PRE}${HIGHLIGHT_POST}]`, 'g');

/**
 * Markdown to the plain text an engine should index and crop excerpts from: markup characters in an
 * excerpt would read as noise (`**РЕШЕНИЕ**`), and raw HTML must not be indexed as words.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(SENTINELS, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|\*|_|`{1,3}|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export function toServerDocument(doc: KbDocument): ServerDocument {
  const facet = Object.fromEntries(FACETS.map((f) => [f.key, f.values(doc)])) as Record<FacetKey, string[]>;
  const out: ServerDocument = {
    key: documentKey(doc.id),
    docId: doc.id,
    url: doc.url,
    primaryLanguage: doc.languages[0] ?? 'ru',
    date: doc.date,
    kind: facet.kind,
    proceeding: facet.proceeding,
    category: facet.category,
    court: facet.court,
    region: facet.region,
    instance: facet.instance,
    actType: facet.actType,
    outcome: facet.outcome,
    year: doc.year,
    language: facet.language,
    status: facet.status,
    norm: facet.norm,
    categories: doc.categories,
    keywords: doc.keywords,
    hash: doc.hash,
  };
  for (const lang of doc.languages) {
    const title = doc.title[lang];
    const body = doc.body[lang];
    if (title) out[`title_${lang}`] = title.replace(SENTINELS, '');
    if (body) out[`body_${lang}`] = markdownToText(body);
  }
  if (doc.caseNumber) out.caseNumber = doc.caseNumber;
  if (doc.number) out.number = doc.number;
  if (doc.judge) out.judge = doc.judge;
  return out;
}

/** Fields a hit needs back from the engine (bodies stay on the server; only their excerpt travels). */
export const HIT_FIELDS = [
  'key',
  'docId',
  'url',
  'primaryLanguage',
  'title_ru',
  'title_kk',
  'date',
  'kind',
  'proceeding',
  'categories',
  'court',
  'region',
  'instance',
  'actType',
  'outcome',
  'status',
  'language',
  'caseNumber',
  'number',
] as const;
