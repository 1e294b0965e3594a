import { describe, expect, it } from 'vitest';
import { parseWrittenDate } from './dates.ts';

const TODAY = '2024-06-01';
const iso = (v: unknown) => {
  const r = parseWrittenDate(v, TODAY);
  return r.ok ? r.iso : `error: ${r.message}`;
};

describe('parseWrittenDate', () => {
  it.each([
    ['2023-05-14', '2023-05-14'],
    ['14.05.2023', '2023-05-14'],
    ['1.5.2023', '2023-05-01'],
    ['14.05.2023 г.', '2023-05-14'],
    ['14 мая 2023 года', '2023-05-14'],
    ['«14» мая 2023 года', '2023-05-14'],
    ['  14   мая 2023 г. ', '2023-05-14'],
    ['1 марта 2020 года', '2020-03-01'],
    ['3 Декабря 2019 года', '2019-12-03'],
    ['2023 жылғы 14 мамыр', '2023-05-14'],
    ['2023 жылғы 14 мамырдағы', '2023-05-14'],
    ['2016 жылғы 11 желтоқсан', '2016-12-11'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %s', (written, expected) => expect(iso(written)).toBe(expected));

  it('takes YAML Date values by their UTC calendar day', () => {
    expect(iso(new Date(Date.UTC(2023, 4, 14)))).toBe('2023-05-14');
  });

  it.each([
    ['31.02.2023', /not a real date/],
    ['29.02.2023', /not a real date/],
    ['2023-13-01', /no month 13/],
    ['14 майя 2023 года', /unknown month/],
    ['2025-01-01', /in the future/],
    ['вчера', /is not a date/],
    ['14/05/2023', /is not a date/],
  ])('refuses %s', (written, message) => expect(iso(written)).toMatch(message));

  it('refuses non-dates of other types', () => {
    expect(parseWrittenDate(20230514, TODAY).ok).toBe(false);
    expect(parseWrittenDate(new Date('nonsense'), TODAY).ok).toBe(false);
  });
});
