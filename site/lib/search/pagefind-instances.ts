import type { PagefindFragment, PagefindSearchArgs } from './pagefind-query.ts';

/** The slice of Pagefind's browser API we use (pagefind.js, 1.6). */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  /** Counts per filter value, but only of the filters whose chunks are loaded (see `loadFilters`). */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindInstance {
  init(): Promise<void>;
  search(term: string | null, o: PagefindSearchArgs['options']): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule {
  createInstance(o?: Record<string, unknown>): PagefindInstance;
}

export const DOC_LANGS = ['ru', 'kk'] as const;
export type DocLang = (typeof DOC_LANGS)[number];

/** One document language's Pagefind index, opened on first use. */
export interface LanguageIndex {
  lang: DocLang;
  search(term: string | null, options: PagefindSearchArgs['options']): Promise<PagefindResponse | null>;
  /** Loads every filter chunk (once); from then on `search` counts every facet. Resolves with all values. */
  loadFilters(): Promise<Record<string, Record<string, number>>>;
  /** True once `loadFilters` has finished. */
  readonly filtersLoaded: boolean;
}

/**
 * Pagefind keeps one index per language and opens the one matching `<html lang>`. Our documents are in
 * Russian AND Kazakh whatever the interface language, so we open one Pagefind per document language and
 * merge the results ourselves. Each is its own copy of pagefind.js (a distinct module URL) running in the
 * page rather than in Pagefind's shared worker: Pagefind's WebAssembly state is per module, and two
 * instances sharing it crash ("unreachable"), as seen in chromium with 1.6. Separate instances, unlike
 * `mergeIndex`, keep each language's own word processing and let filter-only browsing count a bilingual
 * document once. `createInstance` reads `<html lang>`, so it is set just while creating (synchronously, so
 * two languages opening at once cannot see each other's value).
 *
 * A language is opened only when a query can reach it: its pagefind.js, WebAssembly and metadata are
 * loaded then, not before (a search limited to Russian never loads the Kazakh index).
 */
export function languageIndexes(basePath: string): (lang: DocLang) => Promise<LanguageIndex> {
  const opened = new Map<DocLang, Promise<LanguageIndex>>();
  const open = async (lang: DocLang): Promise<LanguageIndex> => {
    const module = (await import(/* @vite-ignore */ `${basePath}pagefind.js?instance=${lang}`)) as PagefindModule;
    const html = document.documentElement;
    const uiLang = html.getAttribute('lang') ?? 'ru';
    let instance: PagefindInstance;
    try {
      html.setAttribute('lang', lang);
      instance = module.createInstance({ basePath, baseUrl: '/', excerptLength: 28, noWorker: true });
    } finally {
      html.setAttribute('lang', uiLang);
    }
    await instance.init();
    let filters: Promise<Record<string, Record<string, number>>> | undefined;
    const index = {
      lang,
      filtersLoaded: false,
      search: (term: string | null, options: PagefindSearchArgs['options']) => instance.search(term, options),
      loadFilters: () =>
        (filters ??= instance.filters().then((all) => {
          index.filtersLoaded = true;
          return all;
        })),
    };
    return index;
  };
  return (lang) => {
    let index = opened.get(lang);
    if (!index) {
      index = open(lang);
      // A failed open (network) may be retried by the next search.
      index.catch(() => opened.delete(lang));
      opened.set(lang, index);
    }
    return index;
  };
}
