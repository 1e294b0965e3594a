import { describe, expect, it } from 'vitest';
import { COMPACT_FROM, staticIndexFor } from './static-index.ts';

describe('staticIndexFor', () => {
  it('picks Pagefind for small corpora and the compact index from COMPACT_FROM documents on', () => {
    expect(staticIndexFor(12, {})).toBe('pagefind');
    expect(staticIndexFor(COMPACT_FROM - 1, {})).toBe('pagefind');
    expect(staticIndexFor(COMPACT_FROM, {})).toBe('compact');
    expect(staticIndexFor(12, { TALDAU_STATIC_INDEX: 'auto' })).toBe('pagefind');
  });

  it('follows TALDAU_STATIC_INDEX whatever the size', () => {
    expect(staticIndexFor(12, { TALDAU_STATIC_INDEX: 'compact' })).toBe('compact');
    expect(staticIndexFor(COMPACT_FROM * 5, { TALDAU_STATIC_INDEX: ' pagefind ' })).toBe('pagefind');
  });

  it('names the variable and the allowed values for anything else', () => {
    expect(() => staticIndexFor(12, { TALDAU_STATIC_INDEX: 'lucene' })).toThrow('TALDAU_STATIC_INDEX: "lucene" is not one of auto, pagefind, compact');
  });
});
