import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { citationLinks, resolveDocRef } from './citations.ts';
import { getKb, whenKbLoaded, type SiteKb } from './kb.ts';
import { normLabel } from './labels.ts';
import { allRoutes, routePath, staticPaths } from './routes.ts';

/** The site's view of the fixture knowledge base: lookups, the page list, and links from citations. */

let kb: SiteKb;
beforeAll(async () => {
  process.env.TALDAU_CONTENT = path.resolve(import.meta.dirname, '../test/fixtures/content');
  kb = await getKb();
});

describe('site knowledge base', () => {
  it('keeps valid documents only, newest first, and indexes them by category trail, court and norm', () => {
    expect(kb.documents.map((d) => d.id)).not.toContain('decision/broken-case');
    expect(kb.documents[0]!.id).toBe('decision/5-4001-2024');
    expect(kb.underCategory('G.02').map((d) => d.id).sort()).toEqual([
      'decision/2-1001-2023',
      'decision/2-1002-2023',
      'decision/2a-2003-2023',
      'resolution/2000-07-28-n4',
      'summary/2022-06-01-alimony',
    ]);
    expect(kb.byCourt.get('supreme-court')?.map((d) => d.id).sort()).toEqual(['decision/3-5001-2023', 'summary/2022-06-01-alimony']);
    expect(kb.byNorm.get('uk:188')?.map((d) => d.id)).toContain('decision/1-3001-2022');
  });

  it('indexes documents by the categories they are filed under directly', () => {
    for (const code of ['G.02', 'G.02.02', 'U.13.188', 'U']) {
      const direct = kb.underCategory(code).filter((d) => d.categories.includes(code));
      expect(kb.inCategory(code)).toEqual(direct);
    }
    expect(kb.inCategory('G.02.02').map((d) => d.id).sort()).toEqual([
      'decision/2-1002-2023',
      'decision/2a-2003-2023',
      'resolution/2000-07-28-n4',
      'summary/2022-06-01-alimony',
    ]);
    // Nothing is filed under G.02 itself, though five documents are under its subcategories.
    expect(kb.inCategory('G.02')).toEqual([]);
    expect(kb.underCategory('G.02')).toHaveLength(5);
    expect(kb.inCategory('no-such-code')).toEqual([]);
  });

  it('is loaded once per process, and integrations waiting for it get the same one', async () => {
    expect(await getKb()).toBe(kb);
    expect(await whenKbLoaded()).toBe(kb);
  });
});

describe('routes', () => {
  it('every page exists in ru at / and under /kk/ and /en/', () => {
    const paths = staticPaths(kb).map((p) => p.params.path ?? '/');
    expect(paths).toContain('/');
    expect(paths).toContain('kk');
    expect(paths).toContain('en/search');
    expect(paths).toContain('decisions/1-3001-2022');
    expect(paths).toContain('kk/categories/G.02.02');
    expect(paths).toContain('en/norms/uk/188');
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.length).toBe(allRoutes(kb).length * 3);
  });

  it('article pages only for articles some document applies', () => {
    const articles = allRoutes(kb).filter((r) => r.type === 'norm-article').map((r) => routePath(r, kb));
    expect(articles).toContain('/norms/uk/188/');
    expect(articles.every((p) => kb.byNorm.has(p.split('/').slice(2, 4).join(':')))).toBe(true);
  });
});

describe('citations and labels', () => {
  it('resolves ids and bare slugs to documents', () => {
    expect(resolveDocRef('resolution/2015-11-27-n7', kb)?.kind).toBe('resolution');
    expect(resolveDocRef('2015-11-27-n7', kb)?.id).toBe('resolution/2015-11-27-n7');
    expect(resolveDocRef('2-1002-2023', kb, 'case')?.id).toBe('decision/2-1002-2023');
    expect(resolveDocRef('nothing-here', kb)).toBeUndefined();
  });

  it('a decision’s citations become links to the norm page and the cited resolution', () => {
    const links = citationLinks(kb.byId.get('decision/1-3001-2022')!, kb);
    expect(links).toContainEqual({ kind: 'norm', target: 'uk:188', href: '/norms/uk/188/' });
    expect(links.some((l) => l.kind === 'document' && l.target === 'resolution/2015-11-27-n7')).toBe(true);
  });

  it('names norms in each interface language', () => {
    expect(normLabel(kb.registries, 'uk:188', 'ru')).toBe('УК ст. 188');
    expect(normLabel(kb.registries, 'uk:188', 'kk')).toBe('ҚК 188-бап');
    expect(normLabel(kb.registries, 'kobs:139', 'en')).toBe('Code on Marriage (Matrimony) and Family, art. 139'); // the fixture has no short.en: the title
    expect(normLabel(kb.registries, 'kobs', 'en')).toBe('Code on Marriage (Matrimony) and Family');
  });
});
