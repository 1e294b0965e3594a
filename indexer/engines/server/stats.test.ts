import { describe, expect, it } from 'vitest';
import { yearSeries } from './stats.ts';

describe('yearSeries', () => {
  it('lists every year from the first to the last, oldest first, with 0 for the gaps', () => {
    expect(yearSeries({ '2022': 5, '2019': 1 })).toEqual([
      { year: '2019', count: 1 },
      { year: '2020', count: 0 },
      { year: '2021', count: 0 },
      { year: '2022', count: 5 },
    ]);
  });

  it('is empty without documents and ignores keys that are not years', () => {
    expect(yearSeries({})).toEqual([]);
    expect(yearSeries({ '2021': 0, x: 3 })).toEqual([]);
    expect(yearSeries({ '2021': 2, x: 3 })).toEqual([{ year: '2021', count: 2 }]);
  });
});
