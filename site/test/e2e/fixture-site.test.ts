import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type BuiltSite, FIXTURE_CONTENT, htmlFiles, launchBrowser, type RunningSite, SCREENSHOTS, serveStatic, startSite } from './harness.ts';
import { describeSearch, facetCount, results } from './search-suite.ts';

/**
 * The site built from the fixture content tree (site/test/fixtures/content: a tiny classifier, five
 * courts, three codes, 12 valid documents and one broken one), served as plain static files and driven
 * in headless chromium: what a visitor does, checked end to end.
 */

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: BrowserContext;
let running: RunningSite;

beforeAll(async () => {
  running = await startSite(FIXTURE_CONTENT);
  ({ site, server, browser } = running);
  await mkdir(SCREENSHOTS, { recursive: true });
  console.log(`fixture site built in ${site.seconds.toFixed(1)} s`);
});

afterAll(() => running?.close());

const open = (url: string) => running.open(url);

describe('build', () => {
  it('leaves the broken document out with a warning naming it, and builds the rest', async () => {
    expect(site.log).toMatch(/decisions\/broken-case\.ru\.md:2 \[court\]: required field is missing/);
    const files = (await htmlFiles(site.outDir)).map((f) => path.relative(site.outDir, f));
    expect(files).toContain('decisions/1-3001-2022/index.html');
    expect(files).toContain('kk/resolutions/2015-11-27-n7/index.html');
    expect(files).toContain('en/categories/G.02.02/index.html');
    expect(files.some((f) => f.includes('broken-case'))).toBe(false);
    const entry = JSON.parse(await readFile(path.join(site.outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['kk', 'ru']);
  });

  it('writes every document page in each interface language into the page shell, and leaves no shell behind', async () => {
    const files = (await htmlFiles(site.outDir)).map((f) => path.relative(site.outDir, f));
    expect(files.filter((f) => f.includes('_taldau-shell'))).toEqual([]);
    for (const [file, lang, title] of [
      ['decisions/1-3001-2022/index.html', 'ru', '<title>'],
      ['kk/decisions/1-3001-2022/index.html', 'kk', '<title>'],
      ['en/decisions/1-3001-2022/index.html', 'en', '<title>'],
    ] as const) {
      const html = await readFile(path.join(site.outDir, file), 'utf8');
      expect(html, file).toContain(`<html lang="${lang}"`);
      expect(html, file).toContain(title);
      // The page's own path in the language switcher, in all three languages.
      for (const href of ['/decisions/1-3001-2022/', '/kk/decisions/1-3001-2022/', '/en/decisions/1-3001-2022/']) expect(html, file).toContain(`href="${href}"`);
      expect(html, file).toMatch(/<main id="main"[^>]*>\s*<nav class="breadcrumbs"/);
    }
    for (const file of await htmlFiles(site.outDir)) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/taldau-shell|TALDAU-SHELL/);
    }
  });

  it('no raw HTML or script from content reaches any page', async () => {
    for (const file of await htmlFiles(site.outDir)) {
      const html = await readFile(file, 'utf8');
      // Tags and attributes that would run: only as escaped text (the <script> decision shows it written out).
      expect(html, file).not.toMatch(/<script>alert|<img|<[^>]*\son(error|click)=|<a[^>]*href="javascript:/);
    }
  });
});

describeSearch(() => running);

describe('browsing', () => {
  it('from the classifier a judge reaches the category’s summary and resolution', async () => {
    const { page, errors } = await open('/categories/');
    await page.click('a[href="/categories/G.02/"]');
    await page.click('a[href="/categories/G.02.02/"]');
    await expect(page.locator('h1').textContent()).resolves.toContain('Взыскание алиментов');
    await page.click('section[aria-labelledby="summaries"] a[href="/summaries/2022-06-01-alimony/"]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Обобщение судебной практики по делам о взыскании алиментов');
    await page.goBack();
    await page.click('section[aria-labelledby="resolutions"] a[href="/resolutions/2000-07-28-n4/"]');
    // A repealed resolution says so prominently.
    await expect(page.locator('[data-repealed]').textContent()).resolves.toMatch(/утратило силу.*29 июня 2017/i);
    await page.goBack();
    await page.click('text=Искать в этой категории');
    expect((await results(page)).count).toBe('Найдено: 4');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the language switcher keeps the page and the search', async () => {
    const { page } = await open('/search/?q=кража&f.kind=decision');
    await results(page);
    await page.click('a[data-lang-link][hreflang="kk"]');
    await page.waitForURL(/\/kk\/search\/\?q=/);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    expect(await page.textContent('label[for="q"]')).toBe('База бойынша іздеу');
    expect((await results(page)).urls).toEqual(['/kk/decisions/1-3001-2022/']);
    await page.goto(`${server.url}/kk/courts/astana-city-court/`);
    await page.click('a[data-lang-link][hreflang="en"]');
    await page.waitForURL(/\/en\/courts\/astana-city-court\/$/);
    expect(await page.textContent('h1')).toBe('Astana City Court');
    await page.close();
  });

  it('a bilingual resolution shows one text at a time, opening the language the link asks for', async () => {
    const { page } = await open('/resolutions/2015-11-27-n7/#kk');
    expect(await page.isVisible('#kk')).toBe(true);
    expect(await page.isVisible('#ru')).toBe(false);
    await page.click('[data-tab="ru"]');
    expect(await page.isVisible('#ru')).toBe(true);
    expect(await page.locator('#ru a#p2').count()).toBe(1); // paragraph anchors survive sanitising
    // Without JavaScript both texts are in the page, neither hidden.
    const html = await readFile(path.join(site.outDir, 'resolutions/2015-11-27-n7/index.html'), 'utf8');
    expect(html).toMatch(/id="ru"[^>]*lang="ru"/);
    expect(html).toMatch(/id="kk"[^>]*lang="kk"/);
    expect(html).not.toMatch(/<div[^>]*data-inactive/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document-resolution.png'), fullPage: true });
    await page.close();
  });

  it('a document with <script> and raw HTML in its body shows it as text and runs nothing', async () => {
    let dialog = false;
    const page = await browser.newPage();
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(`${server.url}/decisions/2-1005-2020/`);
    const text = await page.locator('.doc-text').innerText();
    expect(text).toContain('жирный');
    expect(text).toContain('В иске отказано');
    expect(await page.locator('.doc-text script, .doc-text img, .doc-text [onerror]').count()).toBe(0);
    expect(await page.locator('.doc-text a[href^="javascript"]').count()).toBe(0);
    expect(dialog).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'document.png'), fullPage: true });
    await page.close();
  });

  it('home page: counts, entries by proceeding, newest documents', async () => {
    const { page, errors } = await open('/');
    expect(await page.textContent('[data-count="decision"]')).toBe('8');
    expect(await page.textContent('[data-count="resolution"]')).toBe('2');
    expect(await page.locator('a[href="/categories/U/"]').textContent()).toContain('Уголовные');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('browsing works, both texts of a bilingual resolution are readable, and search says it needs JavaScript', async () => {
    const noJs = await launchBrowser({ javaScript: false });
    try {
      const page = await noJs.browser.newPage();
      await page.goto(`${server.url}/categories/G.02.02/`);
      await page.click('a[href="/resolutions/2000-07-28-n4/"]');
      expect(await page.isVisible('[data-repealed]')).toBe(true);
      await page.goto(`${server.url}/resolutions/2015-11-27-n7/`);
      expect(await page.isVisible('#ru')).toBe(true);
      expect(await page.isVisible('#kk')).toBe(true);
      await page.goto(`${server.url}/search/?q=кража`);
      expect(await page.locator('main p.message').textContent()).toMatch(/Для поиска нужен JavaScript/);
    } finally {
      await noJs.close();
    }
  });
});

describe('legal links (issue #4)', () => {
  it('norm pages list the practice applying an article, and the norm facet names it «УК ст. 188»', async () => {
    const { page } = await open('/norms/uk/188/');
    expect(await page.textContent('h1')).toBe('УК ст. 188. Кража');
    const links = await page.locator('main .doc-list a.doc-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/decisions/1-3001-2022/');
    await page.goto(`${server.url}/search/?q=кража`);
    await results(page);
    expect(await page.locator('fieldset[data-facet="norm"] label', { hasText: 'УК ст. 188' }).count()).toBe(1);
    await page.close();
  });

  it('a resolution page shows what cites it', async () => {
    const { page } = await open('/resolutions/2015-11-27-n7/');
    const citedBy = await page.locator('section[aria-labelledby="citedby-h"] a.doc-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(citedBy).toContain('/decisions/1-3001-2022/');
    await page.close();
  });
});

describe('accessibility', () => {
  for (const url of ['/', '/search/?q=кража', '/categories/', '/categories/G.02.02/', '/courts/', '/resolutions/2015-11-27-n7/', '/decisions/2-1005-2020/', '/kk/norms/uk/', '/en/']) {
    it(`${url} has no serious or critical axe violations`, async () => {
      const { page } = await open(url);
      if (url.startsWith('/search/')) await results(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
