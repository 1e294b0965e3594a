import type { estypes } from '@elastic/elasticsearch';
import { FACET_FIELDS } from '../server/document.ts';
import { KAZAKH_STOPWORDS } from './kazakh-stopwords.ts';

export interface IndexShape {
  /** Primary shards; fixed at creation, so sized for where the corpus is going (docs/server-engines.md). */
  shards?: number;
  /** Copies per primary once the index is live (0 while it is being built). */
  replicas?: number;
}

/**
 * Analysis: Russian text goes through Elasticsearch's Russian stop words and Snowball stemmer
 * (кража/кражи/кражу meet), with ё folded to е as Russian legal texts spell both. Elasticsearch has
 * no Kazakh stemmer, and a home-made suffix stripper on an agglutinative language merges words it
 * should not; so Kazakh gets the standard (Unicode) tokenizer, lower-casing and a short stop list,
 * and people can use the prefix operator (`некеге*`) for word forms. Every text field has an
 * `.exact` sub-field without stemming, which quoted phrases search (`quote_field_suffix`).
 */
export function indexSettings(shape: IndexShape = {}): estypes.IndicesIndexSettings {
  return {
    number_of_shards: shape.shards ?? 1,
    number_of_replicas: shape.replicas ?? 1,
    analysis: {
      char_filter: {
        yo_to_ye: { type: 'mapping', mappings: ['ё => е', 'Ё => Е'] },
      },
      filter: {
        russian_stop: { type: 'stop', stopwords: '_russian_' },
        russian_stemmer: { type: 'stemmer', language: 'russian' },
        kazakh_stop: { type: 'stop', stopwords: [...KAZAKH_STOPWORDS] },
      },
      analyzer: {
        taldau_russian: { type: 'custom', tokenizer: 'standard', char_filter: ['yo_to_ye'], filter: ['lowercase', 'russian_stop', 'russian_stemmer'] },
        taldau_kazakh: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'kazakh_stop'] },
        taldau_exact: { type: 'custom', tokenizer: 'standard', char_filter: ['yo_to_ye'], filter: ['lowercase'] },
      },
      normalizer: {
        folded: { type: 'custom', filter: ['lowercase'] },
      },
    },
  };
}

const exact = { exact: { type: 'text', analyzer: 'taldau_exact', index_options: 'offsets' } } as const;

const text = (analyzer: string): estypes.MappingProperty => ({
  type: 'text',
  analyzer,
  // Offsets let the unified highlighter find matches in a long judgment without re-analysing it.
  index_options: 'offsets',
  fields: { ...exact },
});

const keyword: estypes.MappingProperty = { type: 'keyword' };

/**
 * An explicit, strict mapping: a field the writer does not know is refused (and reported through
 * onDrop) instead of being guessed, so the index cannot drift from ServerDocument.
 */
export function indexMappings(): estypes.MappingTypeMapping {
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, keyword])) as Record<string, estypes.MappingProperty>;
  return {
    dynamic: 'strict',
    properties: {
      ...facets,
      // `year` is a facet like the others but numeric, so `years` becomes a range query.
      year: { type: 'integer' },
      key: keyword,
      docId: keyword,
      url: { type: 'keyword', index: false },
      primaryLanguage: keyword,
      title_ru: text('taldau_russian'),
      body_ru: text('taldau_russian'),
      title_kk: text('taldau_kazakh'),
      body_kk: text('taldau_kazakh'),
      date: { type: 'date', format: 'strict_date' },
      categories: keyword,
      caseNumber: { type: 'keyword', normalizer: 'folded', fields: { exact: { type: 'keyword', normalizer: 'folded' } } },
      number: { type: 'keyword', fields: { exact: keyword } },
      judge: { type: 'keyword' },
      keywords: { type: 'text', analyzer: 'taldau_russian', fields: { ...exact, raw: keyword } },
      // Read back by `--changed`; never searched.
      hash: { type: 'keyword', index: false },
    },
  };
}
