import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { markdownToPlainText } from '../pagefind/plain-text.ts';
import { TITLE_WEIGHT, type CompactFragment } from './format.ts';
import { terms } from './terms.ts';

/** What the compact writer keeps of one document: its fragment file (gzip bytes, as written) and its term counts. */
export interface Analysis {
  fragment: Uint8Array;
  counts: Iterable<[string, number]>;
}

/** Everything `analyse` reads of a document: what a worker thread is sent (not the similar or citing lists). */
export type AnalysisInput = Pick<KbDocument, 'id' | 'url' | 'kind' | 'date' | 'languages' | 'title' | 'body' | 'caseNumber' | 'court' | 'number'> & {
  category: string | undefined;
  filters: Record<string, string[]>;
};

export const analysisInput = (doc: KbDocument, filters: Record<string, string[]>): AnalysisInput => ({
  id: doc.id,
  url: doc.url,
  kind: doc.kind,
  date: doc.date,
  languages: doc.languages,
  title: doc.title,
  body: doc.body,
  caseNumber: doc.caseNumber,
  court: doc.court,
  number: doc.number,
  category: doc.categories[0],
  filters,
});

/**
 * A hash of the whole input: the analysis cache's key. The texts go into the hash as they are (not through
 * JSON.stringify, a second pass over every byte): at 50,000 decisions that halves the time a build or a
 * patch spends telling which documents changed.
 */
export function analysisKey(d: AnalysisInput): string {
  const hash = createHash('sha1');
  const part = (value: string) => hash.update(value).update('\u0000');
  for (const value of [d.id, d.url, d.kind, d.date, JSON.stringify(d.languages), JSON.stringify(d.title)]) part(value);
  for (const lang of Object.keys(d.body).sort()) part(lang), part(d.body[lang as keyof typeof d.body] ?? '');
  for (const value of [d.caseNumber ?? '', d.court ?? '', d.category ?? '', d.number ?? '', JSON.stringify(d.filters)]) part(value);
  return hash.digest('hex');
}

/** A document's fragment file (what its hit shows, gzipped) and its term counts (title words weighted). */
export function analyse(d: AnalysisInput): Analysis {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + weight);
  };
  const fragment: CompactFragment = { id: d.id, url: d.url, kind: d.kind, date: d.date, title: {}, meta: {}, filters: d.filters, text: {} };
  for (const lang of d.languages) {
    const title = d.title[lang];
    if (title) {
      fragment.title[lang] = title;
      add(title, TITLE_WEIGHT);
    }
    const text = markdownToPlainText(d.body[lang] ?? '');
    fragment.text[lang] = text;
    add(text, 1);
  }
  if (d.caseNumber) fragment.meta.caseNumber = d.caseNumber;
  if (d.court) fragment.meta.court = d.court;
  if (d.category) fragment.meta.category = d.category;
  if (d.number) fragment.meta.number = d.number;
  return { fragment: gzipSync(JSON.stringify(fragment)), counts };
}
