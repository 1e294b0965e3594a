import type { FacetKey } from '../../../schemas/facets.ts';
import type { SearchQuery } from '../../../schemas/search.ts';
import type { FacetCounts } from './backend.ts';
import { visibleFacetValues } from './facet-values.ts';

/**
 * The facet panel of the search page. A facet can have hundreds of values (600+ norms, 143 courts at
 * 2,000 decisions), so each shows its top values by count, the chosen ones always, and a «show all (N)»
 * toggle. The panel keeps its nodes between searches: a follow-up search updates counts and checkboxes
 * and moves rows only when their order changed, instead of rebuilding hundreds of inputs.
 */

export const FACET_ORDER: readonly FacetKey[] = ['kind', 'proceeding', 'category', 'norm', 'court', 'region', 'instance', 'actType', 'outcome', 'language', 'status'];

export interface FacetPanelOptions {
  /** Dictionary lookup with `{name}` placeholders. */
  d(key: string, vars?: Record<string, string | number>): string;
  label(key: string, value: string): string;
  categoryParents: Record<string, string | null>;
  /** A checkbox was toggled. */
  onToggle(key: FacetKey, value: string): void;
  /** A value's «exclude» button was pressed (again: the exclusion is taken back). */
  onExclude(key: FacetKey, value: string): void;
  /** The panel's own extra boxes (the year range, «clear filters»), rendered after the facets. */
  tail: HTMLElement[];
}

export interface FacetView {
  facets: FacetCounts;
  /** Values offered without a count (the search did not compute one). */
  uncounted?: Record<string, string[]>;
  /** The counts are still being computed: `facets` are the last ones shown (stale), values missing there have no number. */
  pending?: boolean;
}

interface Row {
  li: HTMLLIElement;
  box: HTMLInputElement;
  count: HTMLSpanElement;
  exclude: HTMLButtonElement;
}

interface FacetBox {
  fieldset: HTMLFieldSetElement;
  list: HTMLUListElement;
  toggle: HTMLButtonElement;
  rows: Map<string, Row>;
  expanded: boolean;
}

export function createFacetPanel(container: HTMLElement, options: FacetPanelOptions) {
  const { d, label } = options;
  const boxes = new Map<string, FacetBox>();
  let last: { view: FacetView; query: SearchQuery } | undefined;

  const facetBox = (key: string): FacetBox => {
    let box = boxes.get(key);
    if (box) return box;
    const list = document.createElement('ul');
    list.id = `facet-values-${key}`;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'show-all';
    toggle.setAttribute('aria-controls', list.id);
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'facet';
    fieldset.dataset.facet = key;
    const legend = document.createElement('legend');
    legend.textContent = d(`facet.${key}`);
    fieldset.append(legend, list, toggle);
    box = { fieldset, list, toggle, rows: new Map(), expanded: false };
    const self = box;
    toggle.addEventListener('click', () => {
      self.expanded = !self.expanded;
      if (last) render(last.view, last.query);
      toggle.focus();
    });
    boxes.set(key, box);
    return box;
  };

  const row = (box: FacetBox, key: FacetKey, value: string): Row => {
    let r = box.rows.get(value);
    if (r) return r;
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = `f.${key}`;
    input.value = value;
    input.addEventListener('change', () => options.onToggle(key, value));
    const text = document.createElement('span');
    text.textContent = key === 'category' ? `${value} ${label(key, value)}` : label(key, value);
    const count = document.createElement('span');
    count.className = 'count';
    const lab = document.createElement('label');
    lab.append(input, text, count);
    // «Everything but this»: a lawyer leaving out appeals, a region, a court. A toggle button, so its
    // state is read out (aria-pressed); the visible sign is small, the name says what it does.
    const exclude = document.createElement('button');
    exclude.type = 'button';
    exclude.className = 'exclude';
    exclude.textContent = '−';
    exclude.setAttribute('aria-label', d('search.exclude', { value: text.textContent }));
    exclude.title = exclude.getAttribute('aria-label')!;
    exclude.addEventListener('click', () => options.onExclude(key, value));
    const li = document.createElement('li');
    li.append(lab, exclude);
    if (key === 'category') li.style.paddingLeft = `${(value.split('.').length - 1) * 0.9}rem`;
    r = { li, box: input, count, exclude };
    box.rows.set(value, r);
    return r;
  };

  function render(view: FacetView, query: SearchQuery): void {
    last = { view, query };
    const shown: HTMLElement[] = [];
    for (const key of FACET_ORDER) {
      const counts = view.facets[key] ?? {};
      const chosen = query.filters[key]?.any ?? [];
      const excluded = query.filters[key]?.none ?? [];
      const uncounted = new Set(view.uncounted?.[key] ?? []);
      const box = facetBox(key);
      const { values, hidden, total } = visibleFacetValues({
        key,
        counts,
        chosen: [...chosen, ...excluded],
        extra: [...uncounted],
        expanded: box.expanded,
        categoryParents: options.categoryParents,
        label: (v) => label(key, v),
      });
      if (total === 0) continue;
      const rows = values.map((v) => {
        const r = row(box, key, v);
        r.box.checked = chosen.includes(v);
        const isExcluded = excluded.includes(v);
        r.li.classList.toggle('excluded', isExcluded);
        r.exclude.setAttribute('aria-pressed', String(isExcluded));
        // An excluded value has no documents in the result by definition: no count to show.
        const n = isExcluded || uncounted.has(v) || (view.pending && counts[v] === undefined) ? '' : String(counts[v] ?? 0);
        if (r.count.textContent !== n) r.count.textContent = n;
        r.count.hidden = n === '';
        return r.li;
      });
      // Moving nodes costs far less than building them, and nothing at all when the order is the same.
      const children = box.list.children;
      if (children.length !== rows.length || rows.some((li, i) => children[i] !== li)) box.list.replaceChildren(...rows);
      box.toggle.hidden = hidden === 0 && !box.expanded;
      box.toggle.textContent = box.expanded ? d('search.showFewer') : d('search.showAll', { count: total });
      box.toggle.setAttribute('aria-expanded', String(box.expanded));
      shown.push(box.fieldset);
    }
    shown.push(...options.tail);
    const current = container.children;
    if (current.length !== shown.length || shown.some((el, i) => current[i] !== el)) container.replaceChildren(...shown);
    if (view.pending) container.setAttribute('aria-busy', 'true');
    else container.removeAttribute('aria-busy');
  }

  /** Keyboard focus back on a checkbox or exclude button (after its row may have moved). */
  function focus(key: string, value: string, control: 'box' | 'exclude' = 'box'): void {
    const input = boxes.get(key)?.rows.get(value)?.[control];
    if (input && document.activeElement !== input) input.focus();
  }

  return { render, focus };
}
