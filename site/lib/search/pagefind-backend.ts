import type { SearchQuery } from '../../../schemas/search.ts';
import { SearchQueryError, type FacetCounts, type SearchBackend, type SiteSearchResult } from './backend.ts';
import { bilingualOnly, duplicateRecords, withoutRecords } from './bilingual.ts';
import { countFacets, rankByWordsMatched, relaxedWords } from './relaxed.ts';
import { DOC_LANGS, languageIndexes, type LanguageIndex, type PagefindResponse, type PagefindResult } from './pagefind-instances.ts';
import {
  mergeFacetCounts,
  reachableLanguages,
  toHit,
  toPagefindSearch,
  type PagefindFilters,
  type PagefindFragment,
  type PagefindSearchArgs,
} from './pagefind-query.ts';

/**
 * The static search: one Pagefind index per document language, searched in the browser.
 *
 * What a cold search loads is kept to what it needs, in this order: the indexes of the languages the
 * query can reach (see `reachableLanguages`), the word chunks and the filter chunks of the filters the
 * query uses, the fragments of one page of hits — and the hits are shown. Only then are the remaining
 * filter chunks loaded (Pagefind counts only filters it has loaded) and the facet counts computed, by
 * the same searches again on the now cached chunks (`facetsLater`). Once loaded, later searches count
 * at once. The years a range expands to come from the page's build-time config, not from the filters.
 */
export function createPagefindBackend(opts: { urlPrefix: string; basePath?: string; years?: readonly number[] }): SearchBackend {
  const basePath = opts.basePath ?? '/pagefind/';
  const openIndex = languageIndexes(basePath);
  const fragments = new Map<string, Promise<PagefindFragment>>();
  const load = (r: PagefindResult) => {
    let f = fragments.get(r.id);
    if (!f) fragments.set(r.id, (f = r.data()));
    return f;
  };
  let indexYears: Promise<number[]> | undefined;
  /** Without build-time years (an index served behind another site), the year filter lists are the only source. */
  const knownYears = async (indexes: LanguageIndex[]): Promise<readonly number[]> => {
    if (opts.years) return opts.years;
    indexYears ??= Promise.all(indexes.map((i) => i.loadFilters())).then((all) =>
      [...new Set(all.flatMap((f) => Object.keys(f.year ?? {}).map(Number)))].filter(Number.isFinite).sort(),
    );
    return indexYears;
  };

  return {
    async search(q: SearchQuery): Promise<SiteSearchResult> {
      const langs = reachableLanguages(q, DOC_LANGS);
      let indexes: LanguageIndex[];
      try {
        indexes = await Promise.all(langs.map(openIndex));
      } catch (e) {
        throw new Error(`the search index cannot be loaded (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
      const args = toPagefindSearch(q, await knownYears(indexes));
      const strict = await searchAll(indexes, args, q);
      const words = args.term ? relaxedWords(args.term) : [];
      if (strict.total > 0 || words.length < 2) return strict;
      return searchSomeWords(indexes, args, words, q);
    },
  };

  /**
   * Browsing without words would list a bilingual document twice (its ru and kk records): there the
   * Kazakh index contributes only documents that have no Russian text — when the Russian one is searched too.
   */
  function filtersFor(index: LanguageIndex, indexes: LanguageIndex[], args: PagefindSearchArgs): PagefindFilters {
    const filters = args.options.filters;
    if (args.term !== null || index.lang === 'ru' || !indexes.some((i) => i.lang === 'ru')) return filters;
    return { ...filters, language: { ...filters.language, none: [...(filters.language?.none ?? []), 'ru'] } };
  }

  async function searchAll(indexes: LanguageIndex[], args: PagefindSearchArgs, q: SearchQuery): Promise<SiteSearchResult> {
    let responses: PagefindResponse[];
    try {
      responses = (await Promise.all(indexes.map((i) => i.search(args.term, { ...args.options, filters: filtersFor(i, indexes, args) })))).map(
        (r) => r ?? { results: [], filters: {}, totalFilters: {} },
      );
    } catch (e) {
      throw new SearchQueryError(e instanceof Error ? e.message : String(e), { cause: e });
    }
    // Only a search that found records in both languages can list a document twice; most (a Russian word)
    // find none in Kazakh and pay nothing here.
    const duplicates = responses.every((r) => r.results.length > 0) ? await bilingualDuplicates(indexes, args) : NO_DUPLICATES;
    const lists = responses.map((r, i) => (indexes[i]!.lang === 'kk' ? r.results.filter((x) => !duplicates.ids.has(x.id)) : r.results));
    const total = lists.reduce((n, l) => n + l.length, 0);
    const start = (q.page - 1) * q.pageSize;
    const end = Math.min(start + q.pageSize, total);
    const order = args.options.sort?.date === 'desc' ? 'date-desc' : args.options.sort?.date === 'asc' ? 'date-asc' : 'relevance';
    const pageResults = await pickPage(lists[0] ?? [], lists[1] ?? [], order, start, end, load);
    const data = await Promise.all(pageResults.map(load));
    const result: SiteSearchResult = {
      hits: data.map((f) => toHit(f, opts.urlPrefix)),
      total,
      facets: {},
      page: q.page,
      pageSize: q.pageSize,
      pages: Math.max(1, Math.ceil(total / q.pageSize)),
      ...uncountedLanguages(indexes),
    };
    const loaded = indexes.every((i) => i.filtersLoaded);
    const own = ownFacetKeys(args).length;
    // Nothing found and no facet chosen: every count is 0, no filter list is worth loading for that.
    if (total === 0 && own === 0) return result;
    // With every filter list loaded and no facet chosen, the searches above counted everything: free.
    if (loaded && own === 0) return { ...result, facets: await facetCounts(indexes, args, duplicates.dropped, responses) };
    // Otherwise the counts cost more searches (and maybe the filter lists): the hits do not wait for them.
    return {
      ...result,
      facetsLater: async () => {
        if (loaded) return facetCounts(indexes, args, duplicates.dropped, responses);
        await Promise.all(indexes.map((i) => i.loadFilters()));
        // The responses above counted only the filters loaded then: search again (word chunks are cached).
        return facetCounts(indexes, args, duplicates.dropped);
      },
    };
  }

  /**
   * Counts of every facet over the whole result. Values chosen in a facet combine with OR, so that facet's
   * counts must ignore its own choice (else choosing «decision» would show «resolution 0» although adding
   * it would find resolutions): one more search per facet with a choice, without it. Only counts are
   * read, no fragment is loaded. `responses`: the searches of `args` already run with every filter loaded.
   */
  async function facetCounts(
    indexes: LanguageIndex[],
    args: PagefindSearchArgs,
    dropped: PagefindFragment[],
    responses?: PagefindResponse[],
  ): Promise<FacetCounts> {
    const searchEach = async (filters: PagefindFilters) =>
      mergeFacetCounts(
        ...(await Promise.all(indexes.map((i) => i.search(args.term, { ...args.options, filters: filtersFor(i, indexes, { ...args, options: { ...args.options, filters } }) })))).map(
          (r) => r?.filters,
        ),
      );
    const without = (key: string): PagefindFilters => {
      const { [key]: own, ...rest } = args.options.filters;
      return own?.none?.length ? { ...rest, [key]: { none: own.none } } : rest;
    };
    const keys = ownFacetKeys(args);
    const [all, ...own] = await Promise.all([
      responses ? mergeFacetCounts(...responses.map((r) => r.filters)) : searchEach(args.options.filters),
      ...keys.map(async (key) => (await searchEach(without(key)))[key] ?? {}),
    ]);
    // A bilingual document that matched in both languages is listed once, so it is counted once. (A facet
    // with a choice is counted by a broader search, which may hold more such documents: close, not exact.)
    const out: FacetCounts = withoutRecords({ ...all }, dropped);
    keys.forEach((key, i) => (out[key] = withoutRecords({ [key]: own[i]! }, dropped)[key]!));
    // A language whose index this search left closed has no count of its own here (see `uncountedLanguages`).
    if (out.language) out.language = Object.fromEntries(Object.entries(out.language).filter(([l]) => indexes.some((i) => i.lang === l)));
    return out;
  }

  /**
   * The Kazakh records of bilingual documents whose Russian record matched the same words (see
   * bilingual.ts). Past BILINGUAL_LIMIT matches in either language the fragments would cost more than the
   * duplicates do, and they are left in.
   */
  async function bilingualDuplicates(indexes: LanguageIndex[], args: PagefindSearchArgs): Promise<typeof NO_DUPLICATES> {
    const ru = indexes.find((i) => i.lang === 'ru');
    const kk = indexes.find((i) => i.lang === 'kk');
    if (!ru || !kk || args.term === null) return NO_DUPLICATES;
    const [kkBoth, ruBoth] = await Promise.all([
      kk.search(args.term, { ...args.options, filters: bilingualOnly(args.options.filters, 'ru') }),
      ru.search(args.term, { ...args.options, filters: bilingualOnly(args.options.filters, 'kk') }),
    ]);
    const kkResults = kkBoth?.results ?? [];
    const ruResults = ruBoth?.results ?? [];
    if (!kkResults.length || !ruResults.length || kkResults.length > BILINGUAL_LIMIT || ruResults.length > BILINGUAL_LIMIT) return NO_DUPLICATES;
    const [kkFragments, ruFragments] = await Promise.all([Promise.all(kkResults.map(load)), Promise.all(ruResults.map(load))]);
    const ids = duplicateRecords(kkResults.map((r) => r.id), kkFragments, ruFragments);
    return { ids, dropped: kkFragments.filter((_, i) => ids.has(kkResults[i]!.id)) };
  }

  /** The languages a language choice left unsearched: still offered in the facet, without a count. */
  function uncountedLanguages(indexes: LanguageIndex[]): Pick<SiteSearchResult, 'uncounted'> {
    const closed = DOC_LANGS.filter((l) => !indexes.some((i) => i.lang === l));
    return closed.length ? { uncounted: { language: closed } } : {};
  }

  /**
   * No document holds all the words: search each word alone and rank documents by how many of the words
   * they hold. Counts come from the fragments of the best RELAXED_LIMIT documents (Pagefind cannot count
   * a union), which is also the most this mode lists.
   */
  async function searchSomeWords(indexes: LanguageIndex[], args: PagefindSearchArgs, words: string[], q: SearchQuery): Promise<SiteSearchResult> {
    const lists = await Promise.all(words.map((w) => Promise.all(indexes.map((i) => i.search(w, args.options))))).catch((e: unknown) => {
      throw new SearchQueryError(e instanceof Error ? e.message : String(e), { cause: e });
    });
    // One list per open language per word: the same record found by several words is counted once per word.
    const perWord = lists.map((perLang) => perLang.flatMap((r) => r?.results ?? []));
    const ranked = rankByWordsMatched(perWord).slice(0, RELAXED_LIMIT);
    const fragmentsAll = await Promise.all(ranked.map(load));
    const dir = args.options.sort?.date === 'desc' ? -1 : args.options.sort?.date === 'asc' ? 1 : 0;
    if (dir && args.options.sort) fragmentsAll.sort((a, b) => dir * (a.meta.date ?? '').localeCompare(b.meta.date ?? ''));
    const total = ranked.length;
    const start = (q.page - 1) * q.pageSize;
    return {
      hits: fragmentsAll.slice(start, start + q.pageSize).map((f) => toHit(f, opts.urlPrefix)),
      total,
      facets: countFacets(fragmentsAll),
      page: q.page,
      pageSize: q.pageSize,
      pages: Math.max(1, Math.ceil(total / q.pageSize)),
      relaxed: true,
      ...uncountedLanguages(indexes),
    };
  }
}

const RELAXED_LIMIT = 100;
const BILINGUAL_LIMIT = 100;
const NO_DUPLICATES: { ids: ReadonlySet<string>; dropped: PagefindFragment[] } = { ids: new Set(), dropped: [] };

/** Facets with values chosen (OR within the facet): their counts need a search without their own choice. */
const ownFacetKeys = (args: PagefindSearchArgs): string[] =>
  Object.keys(args.options.filters).filter((k) => k !== 'year' && args.options.filters[k]?.any?.length);

/**
 * The results [start, end) of the two lists merged. Relevance merges by score without loading anything.
 * Date order needs the dates, so it walks both (already sorted) lists from the top, loading only the
 * fragments it passes: the first page costs at most two pages of fragments.
 */
async function pickPage(
  a: PagefindResult[],
  b: PagefindResult[],
  sort: SearchQuery['sort'],
  start: number,
  end: number,
  load: (r: PagefindResult) => Promise<PagefindFragment>,
): Promise<PagefindResult[]> {
  if (start >= end) return [];
  if (b.length === 0) return a.slice(start, end);
  if (a.length === 0) return b.slice(start, end);
  if (sort === 'relevance') return [...a, ...b].sort((x, y) => y.score - x.score).slice(start, end);
  const dir = sort === 'date-desc' ? -1 : 1;
  const out: PagefindResult[] = [];
  let i = 0;
  let j = 0;
  while (out.length < end && (i < a.length || j < b.length)) {
    let takeA: boolean;
    if (i >= a.length) takeA = false;
    else if (j >= b.length) takeA = true;
    else {
      const [fa, fb] = await Promise.all([load(a[i]!), load(b[j]!)]);
      const da = fa.meta.date ?? '';
      const db = fb.meta.date ?? '';
      takeA = da === db || (da < db ? dir === 1 : dir === -1);
    }
    out.push(takeA ? a[i++]! : b[j++]!);
  }
  return out.slice(start, end);
}
