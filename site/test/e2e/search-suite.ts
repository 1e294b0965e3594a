import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type RunningSite, SCREENSHOTS } from './harness.ts';

/**
 * What a visitor does on the search page of the fixture site (site/test/fixtures/content: 12 valid
 * documents), the same whichever static index the build wrote: fixture-site.test.ts runs it on Pagefind,
 * compact-site.test.ts on the compact index. `site` gives the running site once its build is done.
 */

/** Waits for the search page to finish a search and returns what it shows. */
export async function results(page: Page) {
  await page.waitForFunction(() => !document.querySelector('[data-results-count]')?.textContent?.includes('…'));
  return page.evaluate(() => ({
    count: document.querySelector('[data-results-count]')!.textContent!,
    urls: [...document.querySelectorAll<HTMLAnchorElement>('#results li.hit a.doc-title')].map((a) => a.getAttribute('href')),
    message: document.getElementById('search-message')!.textContent!.trim(),
  }));
}

export const facetCount = (page: Page, key: string, value: string) =>
  page.evaluate(
    ([k, v]) => {
      const box = document.querySelector<HTMLInputElement>(`fieldset[data-facet="${k}"] input[value="${v}"]`);
      return box ? Number(box.closest('label')!.querySelector('.count')!.textContent) : null;
    },
    [key, value] as const,
  );

export function describeSearch(site: () => RunningSite, name = 'search'): void {
  const open = (url: string) => site().open(url);
  describe(name, () => {
    it('a query typed on the home page finds the expected decision, with the match highlighted', async () => {
      const { page, errors } = await open('/');
      await page.fill('#q', 'мотоблок');
      await page.press('#q', 'Enter');
      await page.waitForURL(/\/search\/\?q=/);
      const r = await results(page);
      expect(r.urls).toEqual(['/decisions/1-3001-2022/']);
      expect(await page.locator('#results mark').first().textContent()).toBe('мотоблок');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png'), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });

    it('on a phone the filters start folded, results first, and unfold on demand', async () => {
      const page = await site().browser.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${site().server.url}/search/?q=${encodeURIComponent('алименты')}`);
      await results(page);
      expect(await page.isVisible('fieldset[data-facet="kind"]')).toBe(false);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'search-phone.png'), fullPage: true });
      await page.click('#facets-details > summary');
      expect(await page.isVisible('fieldset[data-facet="kind"]')).toBe(true);
      await page.close();
    });

    it('finds Kazakh text and links to the Kazakh version of a bilingual resolution', async () => {
      const { page } = await open('/kk/search/?q=ұрлық');
      const r = await results(page);
      expect(r.urls).toContain('/kk/resolutions/2015-11-27-n7/#kk');
      await page.close();
    });

    it('excludes a facet value from the panel, keeps it shown struck out, and takes the exclusion back', async () => {
      const { page, errors } = await open('/search/');
      expect((await results(page)).count).toBe('Найдено: 12');
      const decisions = await facetCount(page, 'kind', 'decision');
      const button = 'fieldset[data-facet="kind"] li:has(input[value="decision"]) button.exclude';
      expect(await page.getAttribute(button, 'aria-label')).toMatch(/^Исключить: /);
      await page.click(button);
      await page.waitForURL(/x\.kind=decision/);
      let r = await results(page);
      expect(r.count).toBe(`Найдено: ${12 - decisions!}`);
      expect(r.urls.some((u) => u?.includes('/decisions/'))).toBe(false);
      expect(await page.getAttribute(button, 'aria-pressed')).toBe('true');
      expect(await page.evaluate((b) => document.activeElement === document.querySelector(b), button)).toBe(true);
      await page.click(button);
      await page.waitForURL((u) => !u.search.includes('x.kind'));
      r = await results(page);
      expect(r.count).toBe('Найдено: 12');
      expect(await page.getAttribute(button, 'aria-pressed')).toBe('false');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('a bilingual resolution found through both of its texts is listed and counted once', async () => {
      // «188» is in the Russian text («статья 188 УК») and the Kazakh one («ҚК 188-бабы») of 2015-11-27-n7.
      const { page, errors } = await open('/search/?q=188');
      const r = await results(page);
      expect(r.urls.filter((u) => u?.includes('/resolutions/2015-11-27-n7/'))).toHaveLength(1);
      expect(r.count).toBe(`Найдено: ${r.urls.length}`);
      await page.waitForFunction(() => !document.querySelector('#facets[aria-busy]') && document.querySelector('fieldset[data-facet="kind"]'));
      expect(await facetCount(page, 'kind', 'resolution')).toBe(r.urls.filter((u) => u?.includes('/resolutions/')).length);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('facets apply and remove, with counts that follow; Back restores the previous search', async () => {
      const { page, errors } = await open('/search/');
      let r = await results(page);
      expect(r.count).toBe('Найдено: 12'); // filter-only browsing: every valid document once
      expect(await facetCount(page, 'kind', 'resolution')).toBe(2);
      expect(await facetCount(page, 'court', 'astana-saryarka-district-court')).toBe(3);

      // By keyboard: focus the checkbox, press Space; focus stays on it after the panel is redrawn.
      await page.focus('fieldset[data-facet="kind"] input[value="decision"]');
      await page.keyboard.press('Space');
      await page.waitForURL(/f\.kind=decision/);
      r = await results(page);
      expect(r.count).toBe('Найдено: 8');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('decision');
      expect(await facetCount(page, 'kind', 'decision')).toBe(8);
      expect(await facetCount(page, 'kind', 'resolution')).toBe(2); // values of one facet OR: counts ignore its own choice
      expect(await facetCount(page, 'court', 'supreme-court')).toBe(1); // the summary by the Supreme Court is gone

      // The category facet is the classifier's tree: a parent includes its children's documents, and
      // choosing one opens its children.
      await page.check('fieldset[data-facet="category"] input[value="G"]');
      await page.waitForURL(/f\.category=G/);
      r = await results(page);
      expect(r.count).toBe('Найдено: 4');
      await page.check('fieldset[data-facet="category"] input[value="G.02"]');
      r = await results(page);
      expect(r.count).toBe('Найдено: 4'); // G OR G.02
      await page.uncheck('fieldset[data-facet="category"] input[value="G"]');
      r = await results(page);
      expect(r.count).toBe('Найдено: 3');
      await page.check('fieldset[data-facet="category"] input[value="G.02.02"]');
      await page.uncheck('fieldset[data-facet="category"] input[value="G.02"]');
      r = await results(page);
      expect(r.count).toBe('Найдено: 2');
      expect(r.urls.sort()).toEqual(['/decisions/2-1002-2023/', '/decisions/2a-2003-2023/']);

      await page.goBack();
      r = await results(page);
      expect(new URL(page.url()).searchParams.getAll('f.category')).toEqual(['G.02', 'G.02.02']);
      expect(r.count).toBe('Найдено: 3');

      await page.click('text=Сбросить фильтры');
      r = await results(page);
      expect(r.count).toBe('Найдено: 12');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('a shared URL reloads to the same results, sorted and limited to a year range', async () => {
      const url = '/search/?f.proceeding=civil&from=2021&to=2023&sort=date-asc';
      const { page } = await open(url);
      const first = await results(page);
      expect(first.urls).toEqual([
        '/summaries/2022-06-01-alimony/',
        '/decisions/2-1001-2023/',
        '/decisions/2-1002-2023/',
        '/decisions/2a-2003-2023/',
      ]);
      await page.reload();
      expect(await results(page)).toEqual(first);
      expect(await page.inputValue('#sort')).toBe('date-asc');
      // A lawyer takes the list away as CSV, in the same order.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      const bytes = await readFile((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read Cyrillic right
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe('Название,Вид документа,Дата,Номер дела,Суд,Категория,URL');
      expect(lines.slice(1).map((l) => new URL(l.split(',').at(-1)!).pathname)).toEqual(first.urls);
      await page.close();
    });

    it('says clearly when nothing is found and when a query cannot be run', async () => {
      const { page } = await open('/search/?q=zzqxjw');
      let r = await results(page);
      expect(r.count).toBe('Найдено: 0');
      expect(r.message).toMatch(/Ничего не найдено/);
      await page.goto(`${site().server.url}/search/?q=кража&sort=sideways&f.colour=red`);
      r = await results(page);
      expect(r.message).toMatch(/Этот запрос не удалось выполнить: .*unknown sort "sideways".*unknown filter "colour"/);
      expect(r.urls.length).toBe(3); // what could be understood still runs
      await page.close();
    });

    it('a described situation with no document holding every word falls back to documents with most of them', async () => {
      const { page, errors } = await open(`/search/?q=${encodeURIComponent('бывший муж не платит алименты на ребёнка')}`);
      const r = await results(page);
      expect(r.message).toMatch(/Ни в одном документе нет всех слов/);
      expect(r.urls[0]).toBe('/decisions/2-1002-2023/'); // «алименты» and «ребёнка» both
      expect(await facetCount(page, 'kind', 'decision')).toBeGreaterThan(0);
      // ...and the category model points the citizen at the alimony category.
      await page.waitForSelector('#closest:not([hidden])');
      expect(await page.locator('#closest a').first().getAttribute('href')).toBe('/categories/G.02.02/');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('pages through results loading only the current page', async () => {
      const { page } = await open('/search/?size=5&sort=date-desc');
      let r = await results(page);
      expect(r.urls.length).toBe(5);
      expect(await page.locator('#pagination').textContent()).toContain('Страница 1 из 3');
      await page.click('#pagination a[rel="next"]');
      await page.waitForURL(/page=2/);
      r = await results(page);
      expect(r.urls[0]).toBe('/summaries/2023-03-15-theft/'); // the sixth newest
      await page.close();
    });
  });

}
