import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { loadKnowledgeBase } from '../../../indexer/knowledge-base.ts';
import { axeViolations, type BuiltSite, FIXTURE_CONTENT, type RunningSite, SCREENSHOTS, serveStatic, startSite } from './harness.ts';

/**
 * The statistics a judge reads on a category page and a court page, on the fixture site: the figures
 * must be the fixture's own decisions counted by hand here, and each figure must open a search that finds
 * exactly that many.
 */

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: BrowserContext;
let running: RunningSite;
let decisions: KbDocument[];

beforeAll(async () => {
  [running, { documents: decisions }] = await Promise.all([startSite(FIXTURE_CONTENT), loadKnowledgeBase({ contentDir: FIXTURE_CONTENT })]);
  decisions = decisions.filter((d) => d.kind === 'decision');
  ({ site, server, browser } = running);
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(() => running?.close());

const open = (url: string) => running.open(url);

/** The rows of one bar table as the page shows them: key, visible count, and the drawn bar's width. */
const bars = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      [...document.querySelectorAll<HTMLTableRowElement>(`table[data-stat="${n}"] tbody tr`)].map((tr) => ({
        key: tr.dataset.key!,
        count: Number(tr.querySelector('.n')!.textContent),
        width: tr.querySelector('.bar')?.getBoundingClientRect().width ?? 0,
      })),
    name,
  );

/** Waits for the search page to finish and returns the count it shows and the documents it lists. */
async function results(page: Page) {
  await page.waitForFunction(() => !document.querySelector('[data-results-count]')?.textContent?.includes('…'));
  return page.evaluate(() => ({
    count: document.querySelector('[data-results-count]')!.textContent!,
    urls: [...document.querySelectorAll<HTMLAnchorElement>('#results li.hit a.doc-title')].map((a) => a.getAttribute('href')),
  }));
}

/** Counting by hand what the page should say (independent of site/lib/stats.ts). */
const under = (code: string) => decisions.filter((d) => d.categoryTrail.includes(code));
const countBy = (docs: KbDocument[], key: (d: KbDocument) => string | undefined) => {
  const m: Record<string, number> = {};
  for (const d of docs) {
    const k = key(d);
    if (k !== undefined) m[k] = (m[k] ?? 0) + 1;
  }
  return m;
};

describe('category statistics', () => {
  it('the civil branch shows its decisions by year, with bars to scale and empty years kept', async () => {
    const { page, errors } = await open('/categories/G/');
    const expected = countBy(under('G'), (d) => String(d.year));
    const rows = await bars(page, 'year');
    expect(Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]))).toEqual(expected);
    // The years between hold 0 so a gap is visible, and bars are drawn in proportion to the counts.
    const years = rows.map((r) => Number(r.key));
    expect(years).toEqual(Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i));
    const top = rows.reduce((a, b) => (b.count > a.count ? b : a));
    for (const r of rows) expect(r.width / top.width).toBeCloseTo(r.count / top.count, 1);
    expect(await page.locator('section.decision-stats').getAttribute('data-total')).toBe(String(under('G').length));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'category.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('outcomes, instances, regions and the share upheld on appeal match the fixture', async () => {
    const { page, errors } = await open('/categories/G.02/');
    const docs = under('G.02');
    const asMap = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(asMap(await bars(page, 'outcome'))).toEqual(countBy(docs, (d) => d.outcome));
    expect(asMap(await bars(page, 'instance'))).toEqual(countBy(docs, (d) => d.instance));
    expect(asMap(await bars(page, 'region'))).toEqual(countBy(docs, (d) => d.region));
    const reviewed = docs.filter((d) => d.instance === 'appeal' || d.instance === 'cassation');
    const upheld = reviewed.filter((d) => d.outcome === 'upheld').length;
    expect(reviewed.length).toBeGreaterThan(0);
    const key = await page.locator('.key-figure [data-figure="upheld"]').textContent();
    expect(key).toContain(`${Math.round((upheld / reviewed.length) * 100)} %`);
    expect(key).toContain(`(${upheld} из ${reviewed.length})`);
    // The most applied norms link to their article pages, labelled as the norm facet labels them.
    const norm = page.locator('table[data-stat="norm"] tbody th a').first();
    expect(await norm.getAttribute('href')).toMatch(/^\/norms\/kobs\/\d+\/$/);
    expect(await norm.textContent()).toMatch(/^КоБС ст\. \d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a year figure opens the search filtered to the category and year, finding as many as it said', async () => {
    const { page, errors } = await open('/categories/G/');
    const row = (await bars(page, 'year')).find((r) => r.key === '2023')!;
    await page.click('table[data-stat="year"] tr[data-key="2023"] th a');
    await page.waitForURL(/\/search\/\?/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('f.category')).toEqual(['G']);
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2023', '2023']);
    const r = await results(page);
    expect(r.count).toBe(`Найдено: ${row.count}`);
    expect(r.urls.sort()).toEqual(under('G').filter((d) => d.year === 2023).map((d) => d.url).sort());
    // The year shows in the search's year fields, where it can be widened.
    expect(await page.locator('fieldset[data-facet="year"] input[name="from"]').inputValue()).toBe('2023');
    expect(await page.locator('fieldset[data-facet="year"] input[name="to"]').inputValue()).toBe('2023');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the share upheld opens the upheld appeal and cassation acts of the category', async () => {
    const { page, errors } = await open('/categories/G.02/');
    await page.click('.key-figure a[data-figure="upheld"]');
    await page.waitForURL(/\/search\/\?/);
    const r = await results(page);
    const expected = under('G.02').filter((d) => d.outcome === 'upheld' && (d.instance === 'appeal' || d.instance === 'cassation'));
    expect(r.count).toBe(`Найдено: ${expected.length}`);
    expect(r.urls).toEqual(expected.map((d) => d.url));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Kazakh and English pages carry the same figures in their language, linking within their language', async () => {
    for (const [prefix, heading] of [['/kk', 'Сот актілерінің статистикасы'], ['/en', 'Statistics of judicial acts']] as const) {
      const { page } = await open(`${prefix}/categories/G/`);
      expect(await page.locator('#stats').textContent()).toBe(heading);
      const rows = (await bars(page, 'year')).filter((r) => r.count > 0);
      expect(Object.fromEntries(rows.map((r) => [r.key, r.count]))).toEqual(countBy(under('G'), (d) => String(d.year)));
      expect(await page.locator('table[data-stat="year"] th a').first().getAttribute('href')).toMatch(new RegExp(`^${prefix}/search/\\?`));
      await page.close();
    }
  });

  it('on a phone the statistics fit the screen width (only the review table scrolls, within itself)', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/kk/categories/G.02/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.close();
  });

  it('a category without decisions shows no empty statistics', async () => {
    const { page } = await open('/categories/M/');
    expect(await page.locator('section.decision-stats').count()).toBe(under('M').length > 0 ? 1 : 0);
    await page.close();
  });
});

describe('court statistics', () => {
  it('a court shows its decisions by year, by category and by outcome', async () => {
    const id = 'astana-saryarka-district-court';
    const docs = decisions.filter((d) => d.court === id);
    const { page, errors } = await open(`/courts/${id}/`);
    const asMap = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
    expect(asMap(await bars(page, 'year'))).toEqual(countBy(docs, (d) => String(d.year)));
    expect(asMap(await bars(page, 'outcome'))).toEqual(countBy(docs, (d) => d.outcome));
    // Categories at the chapter level (G.02, U.13 …): each decision counted under its own chapter.
    expect(asMap(await bars(page, 'category'))).toEqual(countBy(docs, (d) => d.categoryTrail.find((c) => c.split('.').length === 2)));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'court.png'), fullPage: true });
    await page.click('table[data-stat="category"] tbody tr:first-child th a');
    await page.waitForURL(/\/search\/\?/);
    expect(new URL(page.url()).searchParams.getAll('f.court')).toEqual([id]);
    expect((await results(page)).count).toBe('Найдено: 1');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility of the statistics', () => {
  for (const url of ['/categories/G/', '/kk/categories/G.02/', '/en/courts/almaty-city-court/']) {
    it(`${url} has no serious or critical axe violations`, async () => {
      const { page } = await open(url);
      expect(await page.locator('section.decision-stats').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
