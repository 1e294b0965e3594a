import type { SearchQuery, SearchResult } from '../../../schemas/search.ts';
import { chooseBackend, type SearchBackend, type SiteSearchResult } from './backend.ts';
import { decodeSearchParams, encodeSearchParams, toggleFilter } from './codec.ts';
import { hitsToCsv } from './export.ts';
import type { SearchPageConfig } from './ui-types.ts';

/**
 * The search page's script: a thin loop URL → query → backend → DOM. The URL is the only state, so
 * Back, reload and shared links all land on the same results. Nothing engine-specific lives here.
 */

/** A lawyer's export: enough for a memo, bounded so a careless click cannot load the whole index. */
const EXPORT_LIMIT = 500;
/** Without it, spreadsheet programs read UTF-8 CSV as a legacy code page and Cyrillic turns to mojibake. */
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const FACET_ORDER = ['kind', 'proceeding', 'category', 'norm', 'court', 'region', 'instance', 'actType', 'outcome', 'language', 'status'] as const;

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
  let refocus: string | undefined;

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
      backend ??= chooseBackend({ urlPrefix: config.urlPrefix, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
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
    void closest(current.text);
    if (focusResults) countEl.focus();
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
    renderFacets(r);
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
    const b = await (backend ??= chooseBackend({ urlPrefix: config.urlPrefix, ...(config.endpoint ? { endpoint: config.endpoint } : {}) }));
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

  function renderFacets(r: SearchResult) {
    const boxes: HTMLElement[] = [];
    for (const key of FACET_ORDER) {
      const counts = r.facets[key] ?? {};
      const selected = current.filters[key]?.any ?? [];
      let values = [...new Set([...Object.keys(counts), ...selected])];
      if (values.length === 0) continue;
      let depth = (_: string) => 0;
      if (key === 'category') {
        // The classifier as a tree: roots, plus the children of what is chosen and of its ancestors.
        const open = new Set<string>();
        for (const s of selected) for (let c: string | null | undefined = s; c; c = config.categoryParents[c]) open.add(c);
        values = values.filter((v) => {
          const p = config.categoryParents[v];
          return p === null || p === undefined || open.has(p);
        });
        values.sort();
        depth = (v) => v.split('.').length - 1;
      } else {
        values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || label(key, a).localeCompare(label(key, b)));
      }
      const list = el('ul');
      for (const v of values) {
        const box = el('input', { type: 'checkbox', checked: selected.includes(v), value: v, name: `f.${key}` });
        box.addEventListener('change', () => {
          refocus = `f.${key}=${v}`;
          navigate(toggleFilter(current, key, v));
        });
        const text = key === 'category' ? `${v} ${label(key, v)}` : label(key, v);
        const li = el('li', {}, el('label', {}, box, el('span', {}, text), el('span', { className: 'count' }, String(counts[v] ?? 0))));
        li.style.paddingLeft = `${depth(v) * 0.9}rem`;
        list.append(li);
      }
      boxes.push(el('fieldset', { className: 'facet' }, el('legend', {}, d(`facet.${key}`)), list));
      boxes.at(-1)!.dataset.facet = key;
    }
    boxes.push(yearRange());
    const clear = el('button', { type: 'button', className: 'secondary' }, d('search.clearFilters'));
    clear.addEventListener('click', () => navigate({ ...current, filters: {}, years: undefined, page: 1 } as SearchQuery));
    if (Object.keys(current.filters).length || current.years) boxes.push(el('p', {}, clear));
    facetsBox.replaceChildren(...boxes);
    // The panel is redrawn after every change: keep keyboard focus on the checkbox just toggled.
    if (refocus) {
      const [name, value] = [refocus.slice(0, refocus.indexOf('=')), refocus.slice(refocus.indexOf('=') + 1)];
      [...facetsBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((i) => i.name === name && i.value === value)?.focus();
      refocus = undefined;
    }
  }

  function yearRange(): HTMLElement {
    const from = el('input', { type: 'number', min: '1900', max: '2100', inputMode: 'numeric', name: 'from', value: current.years?.from?.toString() ?? '' });
    const to = el('input', { type: 'number', min: '1900', max: '2100', inputMode: 'numeric', name: 'to', value: current.years?.to?.toString() ?? '' });
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
    return fs;
  }

  async function closest(text: string | null) {
    const box = document.getElementById('closest');
    if (!box || !config.categoryModel) return;
    box.hidden = true;
    if (!text) return;
    const { suggestClosest } = await import('./closest.ts');
    const found = await suggestClosest(config.categoryModel, text);
    if (!found.length) return;
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
