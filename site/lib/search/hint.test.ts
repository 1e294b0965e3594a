import { describe, expect, it } from 'vitest';
import { hintWanted } from './hint.ts';

describe('when the «closest categories» hint loads its model', () => {
  it('not for a lawyer’s short query that found documents', () => {
    expect(hintWanted('суд', { total: 120 })).toBe(false);
    expect(hintWanted('"исковой давности"', { total: 40 })).toBe(false);
    expect(hintWanted(null, { total: 0 })).toBe(false);
  });

  it('for a described situation, a fallback to some of the words, or nothing found', () => {
    expect(hintWanted('муж не платит алименты на ребёнка', { total: 3 })).toBe(true);
    expect(hintWanted('алименты ребёнок', { total: 4, relaxed: true })).toBe(true);
    expect(hintWanted('мотоблок', { total: 0 })).toBe(true);
  });
});
