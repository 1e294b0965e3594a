import { describe, expect, it } from 'vitest';
import { bilingualOnly, duplicateRecords, withoutRecords } from './bilingual.ts';
import type { PagefindFragment } from './pagefind-query.ts';

const fragment = (id: string, filters: Record<string, string[]> = {}): PagefindFragment => ({ url: `/x/${id}/`, excerpt: '', meta: { id }, filters });

describe('bilingual duplicates', () => {
  it('limit a search to the records of documents that also have the other language, keeping the other filters', () => {
    expect(bilingualOnly({ kind: { any: ['resolution'] } }, 'ru')).toEqual({ kind: { any: ['resolution'] }, language: { any: ['ru'] } });
    expect(bilingualOnly({ language: { any: ['ru', 'kk'], none: ['en'] } }, 'kk')).toEqual({ language: { none: ['en'], any: ['kk'] } });
  });

  it('drop the Kazakh record of a document whose Russian record matched too, and no other', () => {
    const kk = [fragment('resolution/a'), fragment('resolution/b'), fragment('summary/c')];
    const ru = [fragment('resolution/a'), fragment('summary/c'), fragment('resolution/z')];
    expect([...duplicateRecords(['k1', 'k2', 'k3'], kk, ru)]).toEqual(['k1', 'k3']);
    expect(duplicateRecords(['k1'], [fragment('')], [fragment('')]).size).toBe(0); // no id, no match
  });

  it('count a dropped record out of every facet it was counted in, never below zero', () => {
    const counts = { kind: { resolution: 2, decision: 5 }, language: { ru: 7, kk: 3 }, court: { x: 1 } };
    const out = withoutRecords(counts, [fragment('resolution/a', { kind: ['resolution'], language: ['ru', 'kk'], court: ['y'] })]);
    expect(out).toEqual({ kind: { resolution: 1, decision: 5 }, language: { ru: 6, kk: 2 }, court: { x: 1 } });
    expect(counts.kind.resolution).toBe(2); // the input is not changed
    expect(withoutRecords({ kind: { resolution: 0 } }, [fragment('a', { kind: ['resolution'] })])).toEqual({ kind: { resolution: 0 } });
  });
});
