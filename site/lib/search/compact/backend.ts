import type { DocLang } from '../../../../schemas/common.ts';
import type { SearchHit, SearchQuery } from '../../../../schemas/search.ts';
import type { CompactFragment } from '../../../../indexer/engines/compact/format.ts';
import { term, words } from '../../../../indexer/engines/compact/terms.ts';
import { type FacetCounts, type SearchBackend, type SiteSearchResult } from '../backend.ts';
import { facetMeta, toPagefindSearch } from '../pagefind-query.ts';
import { STATIC_INDEX_PATH } from '../../static-index.ts';
import { excerpt } from './excerpt.ts';
import { openCompactIndex, type CompactIndex, type Postings } from './load.ts';
import { columnFilter, countValues, matchWords, ordered, select, type ColumnFilter, type TextMatch } from './match.ts';

/** More words than this in one query are ignored (a pasted page must not cost a fetch per word). */
const MAX_WORDS = 12;
/** A word being typed matches at most this many terms it is a prefix of (the most frequent ones). */
const MAX_PREFIX_TERMS = 64;
/** Shorter words are matched only whole, never as the beginning of longer terms. */
const MIN_PREFIX = 3;
/** The some-words fallback counts only words this long (as Pagefind's fallback does, see relaxed.ts). */
const RELAXED_MIN_LENGTH = 3;

/**
 * The static search over the compact index (FORMAT.md), for corpora past Pagefind's comfortable size. A
 * search fetches the manifest (once), the term shards of its words, the facet columns of its filters and
 * the fragments of one page of hits; the hits are shown, and the remaining facet columns are fetched for
 * the counts (`facetsLater`). Every file is fetched once per page load.
 */
export function createCompactBackend(opts: { urlPrefix: string; basePath?: string; fetch?: (url: string) => Promise<Response> }): SearchBackend {
  const basePath = opts.basePath ?? STATIC_INDEX_PATH.compact;
  let opened: Promise<CompactIndex> | undefined;
  const open = () => {
    opened ??= openCompactIndex(basePath, opts.fetch);
    opened.catch(() => (opened = undefined));
    return opened;
  };

  return {
    async search(q: SearchQuery): Promise<SiteSearchResult> {
      let index: CompactIndex;
      try {
        index = await open();
      } catch (e) {
        throw new Error(`the search index cannot be loaded (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
      const docs = index.manifest.docs;
      const queryWords = [...new Set(words(q.text ?? ''))].slice(0, MAX_WORDS);
      const [found, filters] = await Promise.all([Promise.all(queryWords.map((w) => postingsOf(index, w))), filtersOf(index, q)]);
      const { text, candidate, records, relaxed } = matchRecords(docs, queryWords, found, filters);
      const order = q.sort === 'relevance' && !text ? 'date-desc' : q.sort;
      const ranked = ordered(records, order, text);
      const start = (q.page - 1) * q.pageSize;
      const page = [...ranked.subarray(start, start + q.pageSize)];
      const matchedTerms = new Set(found.flatMap((w) => w.terms));
      const fragments = await Promise.all(page.map((r) => index.fragment(r)));
      const result: SiteSearchResult = {
        hits: fragments.map((f) => toHit(f, q.lang, (t) => matchedTerms.has(t), opts.urlPrefix)),
        total: records.length,
        facets: {},
        page: q.page,
        pageSize: q.pageSize,
        pages: Math.max(1, Math.ceil(records.length / q.pageSize)),
        ...(relaxed ? { relaxed } : {}),
        facetsLater: () => facetCounts(index, candidate, filters, records),
      };
      return result;
    },
  };
}

/**
 * The records a query matches: those holding all its words; else, for two or more words, those holding
 * some of them, most first (see `ordered`). Short words («не», «на») would put any document holding
 * them in that fallback, so only the longer ones count there. `candidate` is the text condition alone,
 * for the facet counts.
 */
function matchRecords(
  docs: number,
  queryWords: string[],
  found: { lists: Postings[] }[],
  filters: ColumnFilter[],
): { text: TextMatch | undefined; candidate: (r: number) => boolean; records: Uint32Array; relaxed: boolean } {
  if (!queryWords.length) {
    const candidate = () => true;
    return { text: undefined, candidate, records: select(docs, candidate, filters), relaxed: false };
  }
  // A word no document holds (not even as a prefix) matches nowhere, so the all-words search finds nothing.
  const all = matchWords(docs, found.map((w) => w.lists).filter((lists) => lists.length > 0));
  const allWords = (r: number) => all.matched[r] === queryWords.length;
  const records = select(docs, allWords, filters);
  const significant = found.filter((w, i) => w.lists.length > 0 && [...queryWords[i]!].length >= RELAXED_MIN_LENGTH);
  if (records.length > 0 || queryWords.length < 2 || !significant.length) return { text: all, candidate: allWords, records, relaxed: false };
  const some = matchWords(docs, significant.map((w) => w.lists));
  const someWords = (r: number) => some.matched[r]! > 0;
  return { text: some, candidate: someWords, records: select(docs, someWords, filters), relaxed: true };
}

/**
 * A word's postings: its own term's, or — a word being typed, of at least MIN_PREFIX letters — those of
 * the terms it begins (a one-letter prefix would fetch a good part of the index).
 */
async function postingsOf(index: CompactIndex, word: string): Promise<{ terms: string[]; lists: Postings[] }> {
  const t = term(word);
  const exact = (await index.shard(t)).get(t);
  if (exact) return { terms: [t], lists: [exact] };
  if ([...word].length < MIN_PREFIX) return { terms: [], lists: [] };
  const found: [string, Postings][] = [];
  for (const shard of await index.shardsWithPrefix(word)) for (const [k, p] of shard) if (k.startsWith(word)) found.push([k, p]);
  const best = found.sort((a, b) => b[1].records.length - a[1].records.length).slice(0, MAX_PREFIX_TERMS);
  return { terms: best.map(([k]) => k), lists: best.map(([, p]) => p) };
}

/**
 * The query's facet filters as column filters: the same translation as Pagefind's (a year range expanded
 * to the index's years and intersected with chosen years; an empty range matches nothing).
 */
async function filtersOf(index: CompactIndex, q: SearchQuery): Promise<ColumnFilter[]> {
  const { filters } = toPagefindSearch(q, index.manifest.years).options;
  return Promise.all(Object.entries(filters).map(async ([key, f]) => columnFilter(key, await index.column(key), f)));
}

/**
 * Counts of every facet over the result. A facet with values chosen (OR within it) is counted without its
 * own choice, so that its other values show what choosing them would add.
 */
async function facetCounts(
  index: CompactIndex,
  candidate: (r: number) => boolean,
  filters: ColumnFilter[],
  records: Uint32Array,
): Promise<FacetCounts> {
  const keys = Object.keys(index.manifest.facets);
  const columns = await Promise.all(keys.map((k) => index.column(k)));
  const out: FacetCounts = {};
  keys.forEach((key, i) => {
    const own = filters.find((f) => f.key === key && f.any !== null);
    out[key] = countValues(columns[i]!, own ? select(index.manifest.docs, candidate, filters, key) : records);
  });
  return out;
}

/**
 * A fragment → our hit. The excerpt comes from the text with the most matches (the interface language's on
 * a tie); a hit found through a document's second text links to that text (`#kk`), as the page holds it there.
 */
function toHit(f: CompactFragment, lang: SearchQuery['lang'], isMatch: (t: string) => boolean, urlPrefix: string): SearchHit {
  const langs = (f.filters.language ?? Object.keys(f.text)) as DocLang[];
  const cuts = langs.map((l) => ({ lang: l, ...excerpt(f.text[l] ?? '', isMatch) }));
  const best = cuts.reduce((a, b) => (b.matches > a.matches || (b.matches === a.matches && b.lang === lang && a.lang !== lang) ? b : a), cuts[0]!);
  const meta = facetMeta(f.filters);
  for (const [k, v] of Object.entries(f.meta)) if (v && k !== 'category') meta[k] = v;
  if (best) meta.docLang = best.lang;
  const secondary = best && best.lang !== langs[0];
  const titleLang = lang === 'en' ? (best?.lang ?? langs[0]) : lang;
  return {
    id: secondary ? `${f.id}#${best.lang}` : f.id,
    url: `${urlPrefix}${f.url}${secondary ? `#${best.lang}` : ''}`,
    kind: f.kind,
    title: (titleLang && f.title[titleLang as DocLang]) ?? (best && f.title[best.lang]) ?? Object.values(f.title)[0] ?? f.id,
    excerpt: best?.html ?? '',
    date: f.date,
    meta,
  };
}
