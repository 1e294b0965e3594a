/**
 * The fixed searches of the benchmark: a rare word, a common legal word and a phrase, each alone and
 * with three filters. The filters are ones the words' documents have, so every search has results even
 * on a 200-decision corpus (the smoke test checks that), and they are broad ones, so a filtered search
 * must load large filter lists: the costly case for a static index.
 */
export interface BenchQuery {
  /** Short name for the report. */
  name: string;
  text: string;
  filters: Record<string, string[]>;
}

/** Typed on the warm page after each cold search, keeping its filters: a word every decision has. */
export const FOLLOW_UP_TEXT = 'заседании';

const WORDS: { name: string; text: string; filters: Record<string, string[]> }[] = [
  // A city in the smallest region (Ulytau, ~1% of decisions): its court's acts name it.
  { name: 'rare', text: 'Жезказган', filters: { kind: ['decision'], language: ['ru'], region: ['ulytau-oblast'] } },
  { name: 'common', text: 'суд', filters: { proceeding: ['criminal'], instance: ['first'], language: ['ru'] } },
  { name: 'phrase', text: '"исковой давности"', filters: { kind: ['decision'], instance: ['first'], language: ['ru'] } },
];

export const BENCH_QUERIES: BenchQuery[] = WORDS.flatMap((w) => [
  { name: w.name, text: w.text, filters: {} },
  { name: `${w.name}+3 filters`, text: w.text, filters: w.filters },
]);

/** The site's search URL for a query, in the parameter format of site/lib/search/codec.ts. */
export function searchPath(q: Pick<BenchQuery, 'text' | 'filters'>): string {
  const params = new URLSearchParams();
  params.set('q', q.text);
  for (const [key, values] of Object.entries(q.filters)) for (const v of values) params.append(`f.${key}`, v);
  return `/search/?${params}`;
}
