import type { Client, estypes } from '@elastic/elasticsearch';
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

/**
 * "More like this" for a document (by KbDocument id): Elasticsearch picks the document's most
 * telling terms (by tf-idf over titles and texts) and finds others that share them.
 */
export function toMoreLikeThisQuery(index: string, docId: string, options: MoreLikeThisOptions = {}): estypes.SearchRequest {
  const kind = options.kind === undefined ? 'decision' : options.kind;
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

export async function moreLikeThis(client: Client, index: string, docId: string, options: MoreLikeThisOptions = {}): Promise<SearchHit[]> {
  const raw = await client.search<Record<string, unknown>>(toMoreLikeThisQuery(index, docId, options));
  return raw.hits.hits.map((hit) => toSearchHit(toEngineHit(hit), options.lang ?? 'ru'));
}
