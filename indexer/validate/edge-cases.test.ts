import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge-base.ts';
import { EDGE_DIR, TODAY } from '../test/paths.ts';

describe('edge-case fixture', async () => {
  const kb = await loadKnowledgeBase({ contentDir: EDGE_DIR, enrich: false, today: TODAY });
  const has = (expected: Record<string, unknown>) => expect(kb.problems).toContainEqual(expect.objectContaining(expected));

  it('checks required fields across both files of a pair', () => {
    for (const field of ['category', 'outcome', 'judge']) {
      has({ file: 'decisions/half-pair.ru.md', field, message: 'required field is missing (in both files)' });
    }
    expect(kb.problems.filter((p) => p.file.startsWith('decisions/half-pair')).map((p) => p.field).sort()).toEqual(['category', 'judge', 'outcome']);
  });

  it('refuses a language field that contradicts the file name', () => {
    has({ file: 'decisions/lang-mismatch.kk.md', line: 2, field: 'language' });
  });

  it('refuses future dates and reports each unknown category of a list by index', () => {
    has({ file: 'decisions/future.ru.md', line: 4, field: 'date', message: expect.stringContaining('in the future') });
    has({ file: 'decisions/future.ru.md', line: 7, field: 'category.1', message: 'unknown category "Купля-продажа"' });
  });

  it('refuses links to documents that are not in the knowledge base', () => {
    has({ file: 'decisions/missing-review.ru.md', line: 10, field: 'reviews', message: 'no decision "2-999-2022" in the knowledge base' });
  });

  it('reports bad enum values and unknown fields, listing known fields when none is near', () => {
    has({ file: 'decisions/bad-enum.ru.md', line: 8, field: 'outcome', message: expect.stringContaining('"upheld"') });
    has({ file: 'decisions/bad-enum.ru.md', line: 10, field: 'extra_notes', message: expect.stringContaining('known fields: title,') });
  });

  it('reports bad file names and files without frontmatter', () => {
    has({ file: 'decisions/No_Slug.ru.md', message: expect.stringContaining('<slug>.<lang>.md') });
    has({ file: 'decisions/no-frontmatter.ru.md', line: 1, message: expect.stringContaining('no YAML frontmatter') });
  });

  it('cross-checks the registries, dropping only the bad entries', () => {
    has({ file: 'classifier/D.yaml', line: 1, field: 'code', message: expect.stringContaining('one branch root') });
    has({ file: 'classifier/D.yaml', line: 7, field: 'children.0.legislation.0.articles.0', message: 'article 999 is not in КоБС' });
    has({ file: 'classifier/U.yaml', line: 9, field: 'children.0.children.0.code', message: expect.stringContaining('duplicate category code "U.13.188"') });
    has({ file: 'courts/bad.yaml', line: 2, field: 'courts.0.id', message: 'duplicate court id "almaty-city-court"' });
    has({ file: 'courts/bad.yaml', line: 8, field: 'courts.1.level', message: expect.stringContaining('"district"') });
    has({ file: 'norms/gk.yaml', line: 1, field: 'id', message: 'id "gk-rk" does not match the file name "gk"' });
    has({ file: 'norms/gk.yaml', line: 6, field: 'articles.1.number', message: 'duplicate article 9' });
    // The valid court beside the bad one in almaty.yaml, and the first article of gk, are kept.
    expect(kb.registries.courts.has('almaty-bostandyk-district-court')).toBe(true);
    expect(kb.registries.courts.has('astana-county-court')).toBe(false);
    expect(kb.registries.codes.get('gk-rk')?.articles.map((a) => a.number)).toEqual(['9', '9']);
  });

  it('keeps nothing invalid and counts nothing twice', () => {
    expect(kb.documents).toEqual([]);
    expect(kb.counts.documents).toBe(0);
    expect(kb.rejected.sort()).toEqual([
      'decision/bad-enum', 'decision/future', 'decision/half-pair', 'decision/lang-mismatch', 'decision/missing-review',
      'decisions/No_Slug.ru.md', 'decisions/no-frontmatter.ru.md',
    ]);
  });
});
