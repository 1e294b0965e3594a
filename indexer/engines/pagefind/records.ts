import type { CustomRecord } from 'pagefind';
import { FACETS } from '../../../schemas/facets.ts';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { markdownToPlainText } from './plain-text.ts';

/** Filters from the one facet specification, leaving out facets the document has no value for. */
export function recordFilters(doc: KbDocument): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = facet.values(doc);
    if (values.length) filters[facet.key] = values;
  }
  return filters;
}

/**
 * One Pagefind record per language of the document. The primary language lives at the page URL; the
 * other at `#<lang>`, the element of the page holding that translation. Pagefind keeps one index per
 * language, so a Kazakh search reaches Kazakh text.
 */
export function toPagefindRecords(doc: KbDocument): CustomRecord[] {
  const filters = recordFilters(doc);
  return doc.languages.map((lang, i) => {
    const title = doc.title[lang] ?? doc.title[doc.languages[0]!] ?? doc.id;
    const meta: Record<string, string> = { title, kind: doc.kind, date: doc.date, id: doc.id };
    if (doc.caseNumber) meta.caseNumber = doc.caseNumber;
    if (doc.court) meta.court = doc.court;
    if (doc.categories[0]) meta.category = doc.categories[0];
    if (doc.number) meta.number = doc.number;
    return {
      url: i === 0 ? doc.url : `${doc.url}#${lang}`,
      // The title is part of the searchable text, as Pagefind does for the <h1> of an HTML page.
      content: `${title}\n${markdownToPlainText(doc.body[lang] ?? '')}`,
      language: lang,
      meta,
      filters,
      sort: { date: doc.date },
    };
  });
}
