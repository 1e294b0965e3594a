import { describe, expect, it } from 'vitest';
import { SearchQuery } from '../../../schemas/search.ts';
import { expandYears, mergeFacetCounts, reachableLanguages, safeExcerpt, toHit, toPagefindSearch } from './pagefind-query.ts';

const years = [2019, 2020, 2021, 2022, 2023];

describe('our query → Pagefind', () => {
  it('passes any/none filters, sort and a null term for filter-only browsing', () => {
    const q = SearchQuery.parse({ filters: { kind: { any: ['decision'] }, outcome: { none: ['dismissed'] } }, sort: 'date-desc' });
    expect(toPagefindSearch(q, years)).toEqual({
      term: null,
      options: { filters: { kind: { any: ['decision'] }, outcome: { none: ['dismissed'] } }, sort: { date: 'desc' } },
    });
  });

  it('expands a year range into the known years and intersects it with chosen years', () => {
    expect(expandYears({ from: 2021 }, years)).toEqual(['2021', '2022', '2023']);
    expect(expandYears({ to: 2019 }, years)).toEqual(['2019']);
    const q = SearchQuery.parse({ text: ' кража ', years: { from: 2020, to: 2022 }, filters: { year: { any: ['2022', '2023'] } } });
    expect(toPagefindSearch(q, years)).toEqual({ term: 'кража', options: { filters: { year: { any: ['2022'] } } } });
  });

  it('an empty year range matches nothing rather than everything', () => {
    const q = SearchQuery.parse({ years: { from: 2030 } });
    expect(toPagefindSearch(q, years).options.filters.year).toEqual({ any: ['-'] });
  });

  it('browsing without words is newest first even when relevance is asked for', () => {
    expect(toPagefindSearch(SearchQuery.parse({}), years)).toEqual({ term: null, options: { filters: {}, sort: { date: 'desc' } } });
    expect(toPagefindSearch(SearchQuery.parse({ text: 'кража' }), years).options.sort).toBeUndefined();
  });
});

describe('Pagefind → our result', () => {
  it('adds the counts of the ru and kk indexes', () => {
    expect(mergeFacetCounts({ kind: { decision: 2, summary: 0 } }, { kind: { decision: 1, resolution: 1 } }, undefined)).toEqual({
      kind: { decision: 3, resolution: 1 },
    });
  });

  it('keeps only <mark> from an excerpt', () => {
    expect(safeExcerpt('a &lt;script&gt; <mark>кража</mark> <b>x</b>')).toBe('a &lt;script&gt; <mark>кража</mark> &lt;b&gt;x&lt;/b&gt;');
  });

  it('maps a fragment to a hit under the language prefix with its most specific category', () => {
    const hit = toHit(
      {
        url: '/resolutions/2015-11-27-n7/#kk',
        excerpt: '<mark>ұрлық</mark>',
        meta: { title: 'Ұрлық', kind: 'resolution', date: '2015-11-27' },
        filters: { category: ['U', 'U.13', 'U.13.188'], status: ['in-force'] },
      },
      '/kk',
    );
    expect(hit.url).toBe('/kk/resolutions/2015-11-27-n7/#kk');
    expect(hit.meta).toMatchObject({ category: 'U.13.188', status: 'in-force', docLang: 'kk', date: '2015-11-27' });
    expect(hit.kind).toBe('resolution');
  });
});

describe('the document languages a query reaches', () => {
  const langs = ['ru', 'kk'] as const;
  const reach = (language?: { any?: string[]; none?: string[] }) =>
    reachableLanguages(SearchQuery.parse({ filters: language ? { language } : {} }), langs);

  it('both without a language choice; only the chosen ones with one', () => {
    expect(reach()).toEqual(['ru', 'kk']);
    expect(reach({ any: ['ru'] })).toEqual(['ru']);
    expect(reach({ any: ['kk', 'ru'] })).toEqual(['ru', 'kk']);
  });

  it('excluding a language leaves the other; an unknown language reaches none', () => {
    expect(reach({ none: ['ru'] })).toEqual(['kk']);
    expect(reach({ any: ['ru'], none: ['ru'] })).toEqual([]);
    expect(reach({ any: ['en'] })).toEqual([]);
  });
});
