import type { SearchHit } from '../../../schemas/search.ts';

/** One CSV field: quoted when it holds a separator, quote or line break; formula starters neutralised. */
export function csvField(value: string): string {
  // A cell starting with = + - @ is run as a formula by spreadsheets: prefix it so it stays text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type CsvHeaders = Record<'title' | 'kind' | 'date' | 'caseNumber' | 'court' | 'category' | 'url', string>;

/** Search hits → CSV text, names in the interface language (the caller adds the BOM spreadsheets need). */
export function hitsToCsv(hits: SearchHit[], origin: string, label: (key: string, value: string) => string, headers: CsvHeaders): string {
  const cols = ['title', 'kind', 'date', 'caseNumber', 'court', 'category', 'url'] as const;
  const rows = hits.map((h) => [
    h.title,
    label('kind', h.kind),
    h.date ?? '',
    h.meta.caseNumber ?? '',
    h.meta.court ? label('court', h.meta.court) : '',
    h.meta.category ? `${h.meta.category} ${label('category', h.meta.category)}` : '',
    new URL(h.url, origin).toString(),
  ]);
  return `${[cols.map((c) => headers[c]), ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
