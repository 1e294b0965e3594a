import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import { chooseBackend, type SearchBackend, type SiteSearchResult } from './backend.ts';
import { decodeSearchParams, encodeSearchParams, toggleExclude, toggleFilter } from './codec.ts';
import { hitsToCsv } from './export.ts';
import { createFacetPanel } from './facets-panel.ts';
import { hintWanted, whenIdle } from './hint.ts';
import type { SearchPageConfig } from './ui-types.ts';

/**
 * The search page's script: a thin loop URL → query → backend → DOM. The URL is the only state, so
 * Back, reload and shared links all land on the same results. Nothing engine-specific lives here.
 */

/** A lawyer's export: enough for a memo, bounded so a careless click cannot load the whole index. */
const EXPORT_LIMIT = 500;
/** Without it, spreadsheet programs read UTF-8 CSV as a legacy code page and Cyrillic turns to mojibake. */
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = Object.assign(document.createElement(tag), props) as HTMLElementTagNameMap[K];
  e.append(...children);
  return e;
};

export function startSearchPage(): void {
  const config = JSON.parse(document.getElementById('search-config')!.textContent!) as SearchPageConfig;
  const d = (key: string, vars: Record<string, string | number> = {}) =>
    (config.dict[key] ?? key).replace(/\{(\w+)\}/g, (m, n: string) => (n in vars ? String(vars[n]) : m));
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('q') as HTMLInputElement;
  const sort = document.getElementById('sort') as HTMLSelectElement;
  const facetsBox = document.getElementById('facets')!;
  const results = document.getElementById('results')!;
  const countEl = document.querySelector<HTMLElement>('[data-results-count]')!;
  const message = document.getElementById('search-message')!;
  const pagination = document.getElementById('pagination')!;
  const exportButton = document.getElementById('export') as HTMLButtonElement;
  exportButton.addEventListener('click', () => void exportCsv());
  const label = (key: string, value: string) => config.labels[key]?.[value] ?? value;
  const dateFormat = new Intl.DateTimeFormat({ ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' }[config.lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const formatDate = (iso: string) => {
    const t = Date.parse(`${iso}T00:00:00Z`);
    return Number.isNaN(t) ? iso : dateFormat.format(t);
  };

  let backend: Promise<SearchBackend> | undefined;
  let current: SearchQuery;
  let runId = 0;
  let refocus: { key: string; value: string; control: 'box' | 'exclude' } | undefined;
  const backendOptions = () => ({
    urlPrefix: config.urlPrefix,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    staticIndex: config.staticIndex,
    ...(config.years.length ? { years: config.years } : {}),
  });

  const hrefFor = (q: SearchQuery) => {
    const s = encodeSearchParams(q).toString();
    return `${location.pathname}${s ? `?${s}` : ''}`;
  };
  const navigate = (q: SearchQuery, focusResults = false) => {
    history.pushState(null, '', hrefFor(q));
    dispatchEvent(new Event('taldau:urlchange'));
    void run(focusResults);
  };

  async function run(focusResults = false): Promise<void> {
    const id = ++runId;
    const decoded = decodeSearchParams(new URLSearchParams(location.search), config.lang);
    current = decoded.query;
    input.value = current.text ?? '';
    sort.value = current.sort;
    message.replaceChildren();
    message.className = '';
    if (!decoded.ok) showError(decoded.message);
    countEl.textContent = d('search.loading');
    let result: SiteSearchResult;
    try {
      backend ??= chooseBackend(backendOptions());
      result = await (await backend).search(current);
    } catch (e) {
      if (id !== runId) return;
      backend = undefined;
      results.replaceChildren();
      pagination.replaceChildren();
      countEl.textContent = d('search.results', { count: 0 });
      showError(e instanceof Error ? e.message : String(e));
      return;
    }
    if (id !== runId) return;
    render(result);
    if (focusResults) countEl.focus();
    if (result.facetsLater) await fillFacets(id, result);
    if (id !== runId) return;
    const text = current.text;
    if (text && hintWanted(text, result)) whenIdle(() => void closest(id, text));
    else hideClosest();
  }

  /**
   * The hits are on screen; the facet counts follow. Until they come the heading carries a busy mark
   * (hidden from screen readers, which hear the count once) and the panel is marked busy.
   */
  async function fillFacets(id: number, result: SiteSearchResult): Promise<void> {
    const busy = el('span', { className: 'busy' }, ' …');
    busy.setAttribute('aria-hidden', 'true');
    countEl.append(busy);
    try {
      const facets = await result.facetsLater!();
      if (id === runId) renderFacets({ ...result, facets }, false);
    } catch (e) {
      // The hits stand; only the counts are missing. Say so rather than show zeros.
      if (id === runId) showError(e instanceof Error ? e.message : String(e));
    } finally {
      busy.remove();
    }
  }

  function showError(text: string) {
    message.className = 'message error';
    message.append(el('p', {}, d('search.error', { message: text })));
  }

  function render(r: SiteSearchResult) {
    countEl.textContent = d('search.results', { count: r.total });
    if (r.relaxed && r.total > 0) {
      message.className = message.className || 'message';
      message.append(el('p', {}, d('search.relaxed')));
    }
    // Counts still to come: the panel keeps the last counts it showed, marked busy, rather than blink empty.
    renderFacets(r.facetsLater ? { ...r, facets: shownFacets } : r, Boolean(r.facetsLater));
    results.replaceChildren(
      ...r.hits.map((h) => {
        const meta = el('ul', { className: 'doc-meta' });
        const add = (text: string | undefined) => text && meta.append(el('li', {}, text));
        add(label('kind', h.kind));
        add(h.date ? formatDate(h.date) : undefined);
        add(h.meta.caseNumber ? `№ ${h.meta.caseNumber}` : undefined);
        add(h.meta.court ? label('court', h.meta.court) : undefined);
        add(h.meta.category ? `${h.meta.category} ${label('category', h.meta.category)}` : undefined);
        add(h.meta.outcome ? label('outcome', h.meta.outcome) : undefined);
        add(h.meta.status ? label('status', h.meta.status) : undefined);
        add(h.meta.docLang ? label('language', h.meta.docLang) : undefined);
        const excerpt = el('p', { className: 'excerpt' });
        excerpt.innerHTML = h.excerpt; // backends return escaped text with <mark> only
        return el('li', { className: 'hit' }, el('a', { className: 'doc-title', href: h.url }, h.title), meta, excerpt);
      }),
    );
    if (r.total === 0) {
      message.className = message.className || 'message';
      message.append(el('p', {}, d('search.noResults')));
    }
    renderPagination(r);
    exportButton.hidden = r.total === 0;
  }

  /** Up to EXPORT_LIMIT results of the current search as CSV, fetched page by page through the backend. */
  async function exportCsv() {
    const b = await (backend ??= chooseBackend(backendOptions()));
    const hits = [];
    for (let page = 1; hits.length < EXPORT_LIMIT; page++) {
      const r = await b.search({ ...current, page, pageSize: 50 });
      hits.push(...r.hits);
      if (page >= r.pages) break;
    }
    const csv = hitsToCsv(hits.slice(0, EXPORT_LIMIT), location.origin, (key, value) => label(key, value), {
      title: d('search.csv.title'),
      kind: d('facet.kind'),
      date: d('search.csv.date'),
      caseNumber: d('search.csv.caseNumber'),
      court: d('facet.court'),
      category: d('facet.category'),
      url: 'URL',
    });
    const a = el('a', { href: URL.createObjectURL(new Blob([UTF8_BOM, csv], { type: 'text/csv;charset=utf-8' })), download: 'taldau-search.csv' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  function renderPagination(r: SearchResult) {
    pagination.replaceChildren();
    if (r.pages <= 1) return;
    const list = el('ul');
    const link = (page: number, text: string, rel: string) => {
      const a = el('a', { href: hrefFor({ ...current, page }), rel }, text);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        navigate({ ...current, page }, true);
      });
      return a;
    };
    if (r.page > 1) list.append(el('li', {}, link(r.page - 1, `← ${d('search.prev')}`, 'prev')));
    list.append(el('li', {}, d('search.page', { page: r.page, pages: r.pages })));
    if (r.page < r.pages) list.append(el('li', {}, link(r.page + 1, `${d('search.next')} →`, 'next')));
    pagination.append(list);
  }

  const clear = el('button', { type: 'button', className: 'secondary' }, d('search.clearFilters'));
  clear.addEventListener('click', () => navigate({ ...current, filters: {}, years: undefined, page: 1 } as SearchQuery));
  const clearBox = el('p', {}, clear);
  const years = yearRange();
  const panel = createFacetPanel(facetsBox, {
    d,
    label,
    categoryParents: config.categoryParents,
    onToggle: (key, value) => {
      refocus = { key, value, control: 'box' };
      navigate(toggleFilter(current, key, value));
    },
    onExclude: (key, value) => {
      refocus = { key, value, control: 'exclude' };
      navigate(toggleExclude(current, key, value));
    },
    tail: [years.fieldset, clearBox],
  });

  let shownFacets: SiteSearchResult['facets'] = {};
  function renderFacets(r: SiteSearchResult, pending: boolean) {
    if (!pending) shownFacets = r.facets;
    years.update();
    clearBox.hidden = !(Object.keys(current.filters).length || current.years);
    panel.render({ facets: r.facets, ...(r.uncounted ? { uncounted: r.uncounted } : {}), pending }, current);
    // After a change: keep keyboard focus on the checkbox just toggled, wherever its row now is.
    if (refocus) {
      panel.focus(refocus.key, refocus.value, refocus.control);
      if (!pending) refocus = undefined;
    }
  }

  /** The year range form: built once, its fields refreshed from the URL on every search. */
  function yearRange(): { fieldset: HTMLElement; update(): void } {
    const from = el('input', { type: 'number', min: '1900', max: '2100', inputMode: 'numeric', name: 'from' });
    const to = el('input', { type: 'number', min: '1900', max: '2100', inputMode: 'numeric', name: 'to' });
    const apply = el('button', { type: 'submit', className: 'secondary' }, d('search.apply'));
    const f = el('form', { className: 'years' }, el('label', {}, d('search.yearFrom'), from), el('label', {}, d('search.yearTo'), to), apply);
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const years: { from?: number; to?: number } = {};
      if (from.value) years.from = Number(from.value);
      if (to.value) years.to = Number(to.value);
      const params = encodeSearchParams({ ...current, years: undefined, page: 1 });
      if (years.from !== undefined) params.set('from', String(years.from));
      if (years.to !== undefined) params.set('to', String(years.to));
      history.pushState(null, '', `${location.pathname}?${params}`);
      dispatchEvent(new Event('taldau:urlchange'));
      void run();
    });
    const fs = el('fieldset', { className: 'facet' }, el('legend', {}, d('facet.year')), f);
    fs.dataset.facet = 'year';
    return {
      fieldset: fs,
      update: () => {
        from.value = current.years?.from?.toString() ?? '';
        to.value = current.years?.to?.toString() ?? '';
      },
    };
  }

  function hideClosest() {
    const box = document.getElementById('closest');
    if (box) box.hidden = true;
  }

  /** «Closest categories»: the model is fetched only for a search that wants the hint, once the page is idle. */
  async function closest(id: number, text: string) {
    const box = document.getElementById('closest');
    if (!box || !config.categoryModel) return;
    const { suggestClosest } = await import('./closest.ts');
    const found = await suggestClosest(config.categoryModel, text);
    if (id !== runId) return;
    if (!found.length) return hideClosest();
    const list = el('ul');
    for (const code of found) {
      const a = el('a', { href: `${config.urlPrefix}/categories/${code}/` }, `${code} ${label('category', code)}`);
      list.append(el('li', {}, a));
    }
    box.replaceChildren(el('strong', {}, d('search.closest')), list);
    box.hidden = false;
  }

  // On a phone the filters start folded so the results come first; on wider screens they stay open.
  const details = document.getElementById('facets-details') as HTMLDetailsElement | null;
  const narrow = matchMedia('(max-width: 47.99rem)');
  if (details && narrow.matches) details.open = false;
  narrow.addEventListener('change', () => details && !narrow.matches && (details.open = true));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate({ ...current, text: input.value.trim() || null, page: 1 });
  });
  sort.addEventListener('change', () => navigate({ ...current, sort: sort.value as SearchQuery['sort'], page: 1 }));
  addEventListener('popstate', () => void run());
  void run();
}
