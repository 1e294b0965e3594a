import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS, SearchQuery } from './search.ts';
import { CategoryCode } from './classifier.ts';

describe('SearchQuery', () => {
  it('fills defaults for a filter-only query', () => {
    const q = SearchQuery.parse({ filters: { category: { any: ['U.13'] } } });
    expect(q).toMatchObject({ text: null, sort: 'relevance', page: 1, pageSize: 20, lang: 'ru' });
  });

  it('rejects unknown facets, oversized text and page sizes', () => {
    expect(SearchQuery.safeParse({ filters: { password: { any: ['x'] } } }).success).toBe(false);
    expect(SearchQuery.safeParse({ text: 'а'.repeat(SEARCH_LIMITS.textLength + 1) }).success).toBe(false);
    expect(SearchQuery.safeParse({ pageSize: SEARCH_LIMITS.pageSize + 1 }).success).toBe(false);
    expect(SearchQuery.safeParse({ text: 'кража', extra: 1 }).success).toBe(false);
  });
});

describe('CategoryCode', () => {
  it('accepts dotted codes under a branch letter and refuses others', () => {
    for (const ok of ['G', 'G.02', 'U.13.188', 'A.15.610-1']) expect(CategoryCode.safeParse(ok).success).toBe(true);
    for (const bad of ['X.1', 'g.02', 'U..1', 'U.13.', '']) expect(CategoryCode.safeParse(bad).success).toBe(false);
  });
});
