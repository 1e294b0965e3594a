import type { KbDocument } from './kb-document.ts';

/**
 * The one facet specification. The Pagefind writer turns it into record filters, the Meilisearch
 * writer into filterable attributes, the Elasticsearch writer into keyword fields, and the search page
 * into its facet panel, so the engines cannot drift apart.
 */
export interface FacetSpec {
  /** Facet key as used in filters, URLs and engine fields. */
  key: FacetKey;
  /** Values of the document for this facet (none = the document is not in the facet). */
  values: (doc: KbDocument) => string[];
  /** Whether values form the classifier tree (choosing a parent includes its children). */
  hierarchical?: boolean;
}

export const FACET_KEYS = [
  'kind',
  'proceeding',
  'category',
  'court',
  'region',
  'instance',
  'actType',
  'outcome',
  'year',
  'language',
  'status',
  'norm',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

const one = (v: string | number | undefined): string[] => (v === undefined ? [] : [String(v)]);

export const FACETS: readonly FacetSpec[] = [
  { key: 'kind', values: (d) => [d.kind] },
  { key: 'proceeding', values: (d) => [d.proceeding] },
  // The trail holds every ancestor, so filtering by a parent finds its children's documents.
  { key: 'category', values: (d) => d.categoryTrail, hierarchical: true },
  { key: 'court', values: (d) => one(d.court) },
  { key: 'region', values: (d) => one(d.region) },
  { key: 'instance', values: (d) => one(d.instance) },
  { key: 'actType', values: (d) => one(d.actType) },
  { key: 'outcome', values: (d) => one(d.outcome) },
  { key: 'year', values: (d) => [String(d.year)] },
  { key: 'language', values: (d) => d.languages },
  { key: 'status', values: (d) => one(d.status) },
  { key: 'norm', values: (d) => d.norms },
];

export const facetValues = (doc: KbDocument): Record<FacetKey, string[]> =>
  Object.fromEntries(FACETS.map((f) => [f.key, f.values(doc)])) as Record<FacetKey, string[]>;

/** Sort keys every engine supports. */
export const SORTS = ['relevance', 'date-desc', 'date-asc'] as const;
export type SortKey = (typeof SORTS)[number];
