import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './knowledge-base.ts';
import { BROKEN_DIR, TODAY, VALID_DIR } from './test/paths.ts';

describe('valid fixture', async () => {
  const kb = await loadKnowledgeBase({ contentDir: VALID_DIR, enrich: false, today: TODAY });

  it('has no problems and counts every kind', () => {
    expect(kb.problems).toEqual([]);
    expect(kb.counts).toEqual({
      documents: 5, decisions: 3, resolutions: 1, summaries: 1,
      categories: 10, leafCategories: 5, courts: 5, regions: 2, norms: 5,
    });
  });

  it('pairs a ru+kk decision into one document with composed titles', () => {
    const d = kb.documents.find((x) => x.id === 'decision/2-1234-2023')!;
    expect(d).toMatchObject({
      kind: 'decision', slug: '2-1234-2023', url: '/decisions/2-1234-2023/', languages: ['ru', 'kk'],
      date: '2023-05-14', year: 2023, proceeding: 'civil', categories: ['G.02.01'], categoryTrail: ['G', 'G.02', 'G.02.01'],
      court: 'almaty-bostandyk-district-court', region: 'almaty', courtLevel: 'district', caseNumber: '2-1234/2023',
      files: ['decisions/2-1234-2023.ru.md', 'decisions/2-1234-2023.kk.md'],
    });
    expect(d.title.ru).toBe('Решение по делу № 2-1234/2023: расторжение брака');
    expect(d.title.kk).toBe('№ 2-1234/2023 іс бойынша шешім: некені бұзу');
    expect(d.body.ru).toMatch(/^# Решение/);
    expect(d.body.kk).toMatch(/^# Шешім/);
    expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalises resolutions and summaries', () => {
    const r = kb.documents.find((x) => x.kind === 'resolution')!;
    expect(r).toMatchObject({ id: 'resolution/2000-07-28-n5', date: '2000-07-28', number: '5', status: 'amended', categoryTrail: ['G', 'G.02', 'G.02.01', 'G.02.02'] });
    expect(r.statusActs).toEqual([{ relation: 'amended', act: expect.stringContaining('№ 6'), date: '2017-06-29' }]);
    const s = kb.documents.find((x) => x.kind === 'summary')!;
    expect(s).toMatchObject({ court: 'supreme-court', courtLevel: 'supreme', period: { from: '2022-01-01', to: '2022-12-31' }, categories: ['G.02.02'] });
    expect(s.region).toBeUndefined();
  });
});

describe('broken fixture', async () => {
  const kb = await loadKnowledgeBase({ contentDir: BROKEN_DIR, enrich: false, today: TODAY });
  const problem = (file: string) => kb.problems.filter((p) => p.file === file);

  it.each([
    ['decisions/malformed-yaml.ru.md', { line: 4, message: expect.stringMatching(/^malformed YAML/) }],
    ['decisions/unknown-category.ru.md', { line: 7, field: 'category', message: 'unknown category "Растожение брака"', suggestion: 'G.02.01 (Расторжение брака)' }],
    ['decisions/unknown-court.ru.md', { line: 3, field: 'court', suggestion: expect.stringContaining('almaty-bostandyk-district-court') }],
    ['decisions/bad-date.ru.md', { line: 9, field: 'date', message: expect.stringContaining('not a real date') }],
    ['decisions/dup-case.ru.md', { field: 'id', message: expect.stringContaining('duplicate id "decision/dup-case"') }],
    ['decisions/empty-body.ru.md', { line: 11, field: 'body', message: expect.stringContaining('empty body') }],
    ['decisions/cp1251-export.ru.md', { message: 'not UTF-8 (looks like Windows-1251)' }],
    ['decisions/scan.ru.md', { message: expect.stringContaining('not a text file') }],
    ['decisions/unknown-field.ru.md', { line: 2, field: 'case_numer', suggestion: 'case_number' }],
    ['decisions/pair-mismatch.kk.md', { line: 2, field: 'date', message: expect.stringContaining('disagrees with decisions/pair-mismatch.ru.md') }],
    ['classifier/M.yaml', { line: 5, field: 'children.0.code', message: expect.stringContaining('does not extend'), suggestion: 'M.99' }],
    ['courts/extra.yaml', { line: 5, field: 'courts.0.region', message: 'unknown region "almaty-oblast"' }],
  ])('reports %s', (file, expected) => {
    expect(problem(file)).toContainEqual(expect.objectContaining(expected));
  });

  it('reports an unknown legislation code in the classifier', () => {
    expect(problem('classifier/M.yaml')).toContainEqual(expect.objectContaining({ line: 7, field: 'children.0.legislation.0.code', message: 'unknown code "gpkk"' }));
  });

  it('still loads and counts the valid files beside the broken ones', () => {
    expect(kb.documents.map((d) => d.id).sort()).toEqual(['decision/2-1234-2023', 'decision/good-1', 'resolution/2000-07-28-n5', 'summary/alimony-2022']);
    expect(kb.counts).toMatchObject({ documents: 4, decisions: 2, resolutions: 1, summaries: 1, courts: 6, regions: 2 });
    expect(kb.rejected).toEqual(expect.arrayContaining(['decision/dup-case', 'decisions/scan.ru.md', 'decisions/cp1251-export.ru.md']));
  });

  it('reports every problem, each naming its file', () => {
    expect(kb.problems.length).toBe(13);
    for (const p of kb.problems) expect(p.file).toMatch(/\.(md|yaml)$/);
  });
});

describe('enrich stage', () => {
  it('gives pages and engines depersonalised decisions', async () => {
    const kb = await loadKnowledgeBase({ contentDir: VALID_DIR, today: TODAY });
    expect(kb.problems).toEqual([]);
    const d = kb.documents.find((x) => x.id === 'decision/2-1234-2023')!;
    expect(d.body.ru).toContain('о расторжении брака');
    expect(d.body.ru).not.toMatch(/Жаксылыков|Айгерим|Ерлан/);
    // The judge's name is public and stays.
    expect(d.judge).toBe('Сейткали А.Б.');
  });
});
