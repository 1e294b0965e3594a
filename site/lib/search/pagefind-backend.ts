import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import { SearchQueryError, type SearchBackend, type SiteSearchResult } from './backend.ts';
import { countFacets, rankByWordsMatched, relaxedWords } from './relaxed.ts';
import { mergeFacetCounts, toHit, toPagefindSearch, type PagefindFilters, type PagefindFragment, type PagefindSearchArgs } from './pagefind-query.ts';

/** The slice of Pagefind's browser API we use (pagefind.js, 1.6). */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o: PagefindSearchArgs['options']): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule {
  createInstance(o?: Record<string, unknown>): PagefindInstance;
}

const DOC_LANGS = ['ru', 'kk'] as const;

/**
 * Pagefind keeps one index per language and opens the one matching `<html lang>`. Our documents are in
 * Russian AND Kazakh whatever the interface language, so we open one Pagefind per document language and
 * merge the results ourselves. Each is its own copy of pagefind.js (a distinct module URL) running in the
 * page rather than in Pagefind's shared worker: Pagefind's WebAssembly state is per module, and two
 * instances sharing it crash ("unreachable"), as seen in chromium with 1.6. Separate instances, unlike
 * `mergeIndex`, keep each language's own word processing and let filter-only browsing count a bilingual
 * document once (see `search`). `createInstance` reads `<html lang>`, so it is set just while creating.
 */
async function openInstances(basePath: string): Promise<Record<(typeof DOC_LANGS)[number], PagefindInstance>> {
  const html = document.documentElement;
  const uiLang = html.getAttribute('lang') ?? 'ru';
  const modules = await Promise.all(
    DOC_LANGS.map((lang) => import(/* @vite-ignore */ `${basePath}pagefind.js?instance=${lang}`) as Promise<PagefindModule>),
  );
  const out = {} as Record<(typeof DOC_LANGS)[number], PagefindInstance>;
  try {
    DOC_LANGS.forEach((lang, i) => {
      html.setAttribute('lang', lang);
      out[lang] = modules[i]!.createInstance({ basePath, baseUrl: '/', excerptLength: 28, noWorker: true });
    });
  } finally {
    html.setAttribute('lang', uiLang);
  }
  await Promise.all(Object.values(out).map((i) => i.init()));
  return out;
}

export function createPagefindBackend(opts: { urlPrefix: string; basePath?: string }): SearchBackend {
  const basePath = opts.basePath ?? '/pagefind/';
  let ready: Promise<{ instances: Record<'ru' | 'kk', PagefindInstance>; years: number[] }> | undefined;
  const fragments = new Map<string, Promise<PagefindFragment>>();
  const load = (r: PagefindResult) => {
    let f = fragments.get(r.id);
    if (!f) fragments.set(r.id, (f = r.data()));
    return f;
  };

  const init = () =>
    (ready ??= (async () => {
      const instances = await openInstances(basePath);
      const all = await Promise.all(Object.values(instances).map((i) => i.filters()));
      const years = [...new Set(all.flatMap((f) => Object.keys(f.year ?? {}).map(Number)))].filter(Number.isFinite).sort();
      return { instances, years };
    })());

  return {
    async search(q: SearchQuery): Promise<SiteSearchResult> {
      const { instances, years } = await init();
      const args = toPagefindSearch(q, years);
      const strict = await searchAll(instances, args, q);
      const words = args.term ? relaxedWords(args.term) : [];
      if (strict.total > 0 || words.length < 2) return strict;
      return searchSomeWords(instances, args, words, q);
    },
  };

  async function searchAll(instances: Instances, args: PagefindSearchArgs, q: SearchQuery): Promise<SearchResult> {
    // Browsing without words would list a bilingual document twice (its ru and kk records): there the
    // Kazakh index contributes only documents that have no Russian text.
    const kkFilters =
      args.term === null
        ? { ...args.options.filters, language: { ...args.options.filters.language, none: [...(args.options.filters.language?.none ?? []), 'ru'] } }
        : args.options.filters;
    let responses: (PagefindResponse | null)[];
    try {
      responses = await Promise.all([
        instances.ru.search(args.term, args.options),
        instances.kk.search(args.term, { ...args.options, filters: kkFilters }),
      ]);
    } catch (e) {
      throw new SearchQueryError(e instanceof Error ? e.message : String(e), { cause: e });
    }
    const [ru, kk] = responses.map((r) => r ?? { results: [], filters: {}, totalFilters: {} }) as [PagefindResponse, PagefindResponse];
    const total = ru.results.length + kk.results.length;
    const pages = Math.max(1, Math.ceil(total / q.pageSize));
    const start = (q.page - 1) * q.pageSize;
    const end = Math.min(start + q.pageSize, total);
    const order = args.options.sort?.date === 'desc' ? 'date-desc' : args.options.sort?.date === 'asc' ? 'date-asc' : 'relevance';
    const pageResults = await pickPage(ru.results, kk.results, order, start, end, load);
    const data = await Promise.all(pageResults.map(load));
    return {
      hits: data.map((f) => toHit(f, opts.urlPrefix)),
      total,
      facets: { ...mergeFacetCounts(ru.filters, kk.filters), ...(await ownFacetCounts(instances, args, kkFilters)) },
      page: q.page,
      pageSize: q.pageSize,
      pages,
    };
  }

  /**
   * Values chosen in a facet combine with OR, so that facet's counts must ignore its own choice (else
   * choosing «decision» would show «resolution 0» although adding it would find resolutions). One more
   * search per facet with a choice, without it; only counts are read, no fragment is loaded.
   */
  async function ownFacetCounts(instances: Instances, args: PagefindSearchArgs, kkFilters: PagefindFilters): Promise<Record<string, Record<string, number>>> {
    const keys = Object.keys(args.options.filters).filter((k) => k !== 'year' && args.options.filters[k]?.any?.length);
    const without = (filters: PagefindFilters, key: string): PagefindFilters => {
      const { [key]: own, ...rest } = filters;
      return own?.none?.length ? { ...rest, [key]: { none: own.none } } : rest;
    };
    const entries = await Promise.all(
      keys.map(async (key) => {
        const [ru, kk] = await Promise.all([
          instances.ru.search(args.term, { ...args.options, filters: without(args.options.filters, key) }),
          instances.kk.search(args.term, { ...args.options, filters: without(kkFilters, key) }),
        ]);
        return [key, mergeFacetCounts(ru?.filters, kk?.filters)[key] ?? {}] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /**
   * No document holds all the words: search each word alone and rank documents by how many of the words
   * they hold. Counts come from the fragments of the best RELAXED_LIMIT documents (Pagefind cannot count
   * a union), which is also the most this mode lists.
   */
  async function searchSomeWords(instances: Instances, args: PagefindSearchArgs, words: string[], q: SearchQuery): Promise<SiteSearchResult> {
    const lists = await Promise.all(
      words.flatMap((w) => [instances.ru.search(w, args.options), instances.kk.search(w, args.options)]),
    ).catch((e: unknown) => {
      throw new SearchQueryError(e instanceof Error ? e.message : String(e), { cause: e });
    });
    // Two lists (ru, kk) per word: the same record found by several words is counted once per word.
    const perWord = words.map((_, i) => [...(lists[2 * i]?.results ?? []), ...(lists[2 * i + 1]?.results ?? [])]);
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
    };
  }
}

const RELAXED_LIMIT = 100;
type Instances = Record<(typeof DOC_LANGS)[number], PagefindInstance>;

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
