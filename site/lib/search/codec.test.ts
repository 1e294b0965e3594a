import { describe, expect, it } from 'vitest';
import { SearchQuery } from '../../../schemas/search.ts';
import { decodeSearchParams, encodeSearchParams, searchHref, toggleExclude, toggleFilter } from './codec.ts';

const decode = (s: string, lang: 'ru' | 'kk' | 'en' = 'ru') => decodeSearchParams(new URLSearchParams(s), lang);

describe('search URL codec', () => {
  it('round-trips a full query', () => {
    const q = SearchQuery.parse({
      text: 'алименты ребёнок',
      filters: { kind: { any: ['decision', 'summary'] }, category: { any: ['G.02'] }, outcome: { none: ['dismissed'] } },
      years: { from: 2015, to: 2020 },
      sort: 'date-desc',
      page: 3,
      lang: 'kk',
    });
    const params = encodeSearchParams(q);
    expect(params.toString()).toBe(
      'q=%D0%B0%D0%BB%D0%B8%D0%BC%D0%B5%D0%BD%D1%82%D1%8B+%D1%80%D0%B5%D0%B1%D1%91%D0%BD%D0%BE%D0%BA&f.kind=decision&f.kind=summary&f.category=G.02&x.outcome=dismissed&from=2015&to=2020&sort=date-desc&page=3',
    );
    const back = decodeSearchParams(params, 'kk');
    expect(back).toEqual({ ok: true, query: q });
  });

  it('an empty URL is filter-only browsing with defaults', () => {
    const r = decode('');
    expect(r.ok).toBe(true);
    expect(r.query.text).toBeNull();
    expect(r.query.sort).toBe('relevance');
    expect(r.query.page).toBe(1);
    expect(encodeSearchParams(r.query).toString()).toBe('');
  });

  it('drops what it cannot understand and says so, keeping the rest', () => {
    const r = decode('q=кража&sort=sideways&page=-4&f.colour=red&f.kind=decision&from=2020&to=2010');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/unknown sort "sideways"/);
    expect(r.message).toMatch(/"page" must be/);
    expect(r.message).toMatch(/unknown filter "colour"/);
    expect(r.message).toMatch(/year range ends before it starts/);
    expect(r.query.text).toBe('кража');
    expect(r.query.filters).toEqual({ kind: { any: ['decision'] } });
    expect(r.query.page).toBe(1);
  });

  it('caps the text length and repeated values', () => {
    const r = decode(`q=${'а'.repeat(600)}`);
    expect(r.ok).toBe(false);
    expect(r.query.text?.length).toBe(500);
    expect(decode('f.kind=decision&f.kind=decision').query.filters.kind?.any).toEqual(['decision']);
  });

  it('toggles a facet value and returns to page 1', () => {
    const q = decode('f.kind=decision&page=4').query;
    const on = toggleFilter(q, 'court', 'supreme-court');
    expect(on.filters.court?.any).toEqual(['supreme-court']);
    expect(on.page).toBe(1);
    const off = toggleFilter(toggleFilter(on, 'kind', 'decision'), 'court', 'supreme-court');
    expect(off.filters).toEqual({});
    expect(searchHref(on, '/kk')).toBe('/kk/search/?f.kind=decision&f.court=supreme-court');
  });

  it('excludes a value and takes the exclusion back; a value is chosen or excluded, never both', () => {
    const q = decode('f.instance=first&f.instance=appeal&page=3').query;
    const out = toggleExclude(q, 'instance', 'appeal');
    expect(out.filters.instance).toEqual({ any: ['first'], none: ['appeal'] });
    expect(out.page).toBe(1);
    expect(searchHref(out)).toBe('/search/?f.instance=first&x.instance=appeal');
    expect(toggleExclude(out, 'instance', 'appeal').filters.instance).toEqual({ any: ['first'] });
    expect(toggleFilter(out, 'instance', 'appeal').filters.instance).toEqual({ any: ['first', 'appeal'] });
    expect(toggleExclude(toggleExclude(decode('').query, 'kind', 'decision'), 'kind', 'decision').filters).toEqual({});
  });
});
