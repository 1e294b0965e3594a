import { describe, expect, it } from 'vitest';
import { csvField, hitsToCsv } from './export.ts';

describe('CSV export', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    expect(csvField('Решение по делу № 2-1/2023')).toBe('Решение по делу № 2-1/2023');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes a header and one row per hit with names and absolute links', () => {
    const csv = hitsToCsv(
      [{ id: 'x', url: '/kk/decisions/a/', kind: 'decision', title: 'Іс', excerpt: '', date: '2023-01-02', meta: { court: 'c1', category: 'G.02', caseNumber: '2-1/2023' } }],
      'http://127.0.0.1:4321',
      (k, v) => `${k}:${v}`,
      { title: 'T', kind: 'K', date: 'D', caseNumber: 'N', court: 'C', category: 'Cat', url: 'URL' },
    );
    expect(csv).toBe('T,K,D,N,C,Cat,URL\r\nІс,kind:decision,2023-01-02,2-1/2023,court:c1,G.02 category:G.02,http://127.0.0.1:4321/kk/decisions/a/\r\n');
  });
});
