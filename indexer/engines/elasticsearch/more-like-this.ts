import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import type { UiLang } from '../../../schemas/common.ts';
import type { SearchHit } from '../../../schemas/search.ts';
import { documentKey, HIT_FIELDS } from '../server/document.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../server/excerpt.ts';
import { toSearchHit } from '../server/hit.ts';
import { toEngineHit } from './from-response.ts';

export interface MoreLikeThisOptions {
  size?: number;
  /** Only documents of this kind (default `decision`: "similar decisions"). */
  kind?: string | null;
  lang?: UiLang;
}

/** What the boosts need from the document itself: its category trail and cited norms. */
export interface SimilarSource {
  category: string[];
  norm: string[];
}

/** A norm cited by both documents counts this much; a shared category its depth (G 1, G.02 2, G.02.01 3). */
const NORM_BOOST = 2;
/** Enough of a document's norms to matter; a long list of citations should not become a huge query. */
const MAX_BOOSTED_NORMS = 20;

/**
 * Shared norms and categories as optional clauses: they never decide whether a document is similar
 * (the texts do), but among documents with similar texts they put first the ones that apply the same
 * articles and sit deeper in the same branch of the classifier.
 */
export function sharedBoosts(source: SimilarSource): estypes.QueryDslQueryContainer[] {
  return [
    ...source.category.map((value) => ({ term: { category: { value, boost: value.split('.').length } } })),
    ...source.norm.slice(0, MAX_BOOSTED_NORMS).map((value) => ({ term: { norm: { value, boost: NORM_BOOST } } })),
  ];
}

/**
 * "More like this" for a document (by KbDocument id): Elasticsearch picks the document's most
 * telling terms (by tf-idf over titles and texts) and finds others that share them.
 */
export function toMoreLikeThisQuery(index: string, docId: string, options: MoreLikeThisOptions = {}, source?: SimilarSource): estypes.SearchRequest {
  const kind = options.kind === undefined ? 'decision' : options.kind;
  const should = source ? sharedBoosts(source) : [];
  return {
    index,
    size: options.size ?? 10,
    _source: [...HIT_FIELDS],
    query: {
      bool: {
        must: [
          {
            more_like_this: {
              fields: ['title_ru', 'title_kk', 'body_ru', 'body_kk'],
              like: [{ _index: index, _id: documentKey(docId) }],
              min_term_freq: 1,
              min_doc_freq: 2,
              max_query_terms: 30,
              minimum_should_match: '30%',
            },
          },
        ],
        ...(should.length ? { should } : {}),
        ...(kind ? { filter: [{ term: { kind } }] } : {}),
      },
    },
    highlight: {
      pre_tags: [HIGHLIGHT_PRE],
      post_tags: [HIGHLIGHT_POST],
      fields: { body_ru: { number_of_fragments: 1, fragment_size: 220, no_match_size: 220 }, body_kk: { number_of_fragments: 1, fragment_size: 220, no_match_size: 220 } },
    },
  };
}

/** The request for the fields the boosts need, by the engine key of a KbDocument id. */
export const toSourceRequest = (index: string, docId: string): estypes.GetRequest => ({
  index,
  id: documentKey(docId),
  _source_includes: ['category', 'norm'],
});

/** The document's category trail and norms, or null when the index has no document with that id. */
export async function fetchSimilarSource(client: Client, index: string, docId: string): Promise<SimilarSource | null> {
  try {
    const doc = await client.get<Partial<SimilarSource>>(toSourceRequest(index, docId));
    if (!doc.found) return null;
    return { category: doc._source?.category ?? [], norm: doc._source?.norm ?? [] };
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
    throw error;
  }
}

/** Similar documents, or null when the index has no document with that id (the endpoint's 404). */
export async function moreLikeThis(client: Client, index: string, docId: string, options: MoreLikeThisOptions = {}): Promise<SearchHit[] | null> {
  const source = await fetchSimilarSource(client, index, docId);
  if (!source) return null;
  const raw = await client.search<Record<string, unknown>>(toMoreLikeThisQuery(index, docId, options, source));
  return raw.hits.hits.map((hit) => toSearchHit(toEngineHit(hit), options.lang ?? 'ru'));
}
