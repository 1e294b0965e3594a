import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, FIXTURE_CONTENT, ROOT, type RunningSite, SCREENSHOTS, startSite } from './harness.ts';

/**
 * What the search page loads, and when (issue #5): the hits first, the filter lists after them, only the
 * language indexes a query can reach, the category model only for a search that wants the hint; and a
 * facet panel that folds long facets. Built from the fixture content plus EXTRA_COURTS courts with one
 * decision each, so the court facet has more values than the panel shows folded.
 */

const EXTRA_COURTS = 14;
let running: RunningSite;
let contentDir: string;

beforeAll(async () => {
  await mkdir(path.join(ROOT, '.cache/e2e'), { recursive: true });
  contentDir = await mkdtemp(path.join(ROOT, '.cache/e2e/search-loading-content-'));
  await cp(FIXTURE_CONTENT, contentDir, { recursive: true });
  const n = (i: number) => String(i).padStart(2, '0');
  const courts = Array.from({ length: EXTRA_COURTS }, (_, i) => [
    `  - id: test-court-${n(i + 1)}`,
    `    name: { ru: Тестовый суд №${n(i + 1)}, kk: Сынақ соты №${n(i + 1)}, en: Test court No. ${n(i + 1)} }`,
    '    level: district',
    '    region: astana',
  ].join('\n'));
  await writeFile(path.join(contentDir, 'courts/test-courts.yaml'), `courts:\n${courts.join('\n')}\n`);
  for (let i = 1; i <= EXTRA_COURTS; i++) {
    await writeFile(
      path.join(contentDir, `decisions/9-70${n(i)}-2023.ru.md`),
      [
        '---',
        `case_number: 9-70${n(i)}/2023`,
        `court: test-court-${n(i)}`,
        'date: 2023-02-01',
        'instance: first',
        'act_type: decision',
        'category: G.02.02',
        'outcome: granted',
        'judge: Ахметова Г.К.',
        '---',
        'Суд рассмотрел заявление о взыскании задолженности по договору поставки и удовлетворил его.',
        '',
      ].join('\n'),
    );
  }
  running = await startSite(contentDir);
  console.log(`search-loading site built in ${running.site.seconds.toFixed(1)} s`);
});

afterAll(async () => {
  await running?.close();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

// Runs in the page before its scripts: the moment the first hit is in the DOM, on the page's own clock.
const FIRST_HIT = `(() => {
  window.__firstHit = null;
  new MutationObserver(() => {
    if (window.__firstHit === null && document.querySelector('#results .hit')) window.__firstHit = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Opens a search with every request URL recorded; resolves when hits and facet counts are both shown. */
async function openSearch(url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await running.browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(FIRST_HIT);
  await page.goto(running.server.url + url);
  await settled(page);
  return { page, requests };
}

/** The search finished: the heading has no busy mark and the facet panel is not busy. */
const settled = (page: Page) =>
  page.waitForFunction(
    () => !document.querySelector('[data-results-count]')?.textContent?.includes('…') && !document.getElementById('facets')?.hasAttribute('aria-busy'),
  );

const count = (page: Page) => page.textContent('[data-results-count]');
const facetCount = (page: Page, key: string, value: string) =>
  page.evaluate(([k, v]) => document.querySelector(`fieldset[data-facet="${k}"] input[value="${v}"]`)?.closest('label')?.querySelector('.count')?.textContent ?? null, [
    key,
    value,
  ] as const);
const courtRows = (page: Page) => page.locator('fieldset[data-facet="court"] li').count();

describe('what a cold search loads', () => {
  it('shows the hits before it asks for any filter list, then fills the counts', async () => {
    const { page } = await openSearch(`/search/?q=${encodeURIComponent('взыскании')}`);
    const timing = (await page.evaluate(() => ({
      firstHit: (window as unknown as { __firstHit: number | null }).__firstHit,
      filters: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.pf_filter')).map((e) => e.startTime),
    }))) as { firstHit: number | null; filters: number[] };
    expect(timing.firstHit).not.toBeNull();
    expect(timing.filters.length).toBeGreaterThan(0); // the counts did load, afterwards
    for (const start of timing.filters) expect(start).toBeGreaterThan(timing.firstHit!);
    // The counts that came later are the real ones: the 14 added decisions, each in its own court.
    expect(await facetCount(page, 'court', 'test-court-07')).toBe('1');
    await page.close();
  });

  it('a search that finds nothing loads no filter list', async () => {
    const { page, requests } = await openSearch('/search/?q=zzqxjw');
    expect(await count(page)).toBe('Найдено: 0');
    await page.waitForTimeout(300);
    expect(requests.filter((u) => u.endsWith('.pf_filter'))).toEqual([]);
    await page.close();
  });

  it('counts after the filter lists load match the fixture, a chosen facet ignoring its own choice', async () => {
    const { page } = await openSearch('/search/?f.kind=decision');
    expect(await count(page)).toBe(`Найдено: ${8 + EXTRA_COURTS}`);
    expect(await facetCount(page, 'kind', 'resolution')).toBe('2');
    expect(await facetCount(page, 'court', 'astana-saryarka-district-court')).toBe('3');
    await page.close();
  });

  it('a search limited to Russian texts never loads the Kazakh index', async () => {
    const { page, requests } = await openSearch(`/search/?q=${encodeURIComponent('кража')}&f.language=ru`);
    await page.waitForTimeout(500); // nothing loads late either
    const pagefind = requests.filter((u) => u.includes('/pagefind/'));
    expect(pagefind.some((u) => u.includes('instance=ru'))).toBe(true);
    expect(pagefind.filter((u) => u.includes('instance=kk') || /pagefind\.kk_[^/]*\.pf_meta/.test(u) || u.includes('wasm.unknown'))).toEqual([]);
    expect(await page.locator('#results li.hit').count()).toBeGreaterThan(0);
    const hrefs = await page.locator('#results li.hit a.doc-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.endsWith('#kk'))).toBe(false);
    // Kazakh stays on offer, without a count this search did not compute; choosing it opens the Kazakh index.
    expect(await facetCount(page, 'language', 'kk')).toBe('');
    await page.check('fieldset[data-facet="language"] input[value="kk"]');
    await page.waitForURL(/f\.language=kk/);
    await settled(page);
    expect(requests.some((u) => u.includes('instance=kk'))).toBe(true);
    expect(Number(await facetCount(page, 'language', 'kk'))).toBeGreaterThan(0);
    await page.close();
  });

  it('the category model is fetched only for a search that wants the hint', async () => {
    const plain = await openSearch(`/search/?q=${encodeURIComponent('суд')}`);
    await plain.page.waitForTimeout(1500); // past the idle callback's timeout
    expect(plain.requests.filter((u) => u.includes('category-model.json'))).toEqual([]);
    expect(await plain.page.locator('#closest').isHidden()).toBe(true);
    await plain.page.close();

    const described = await openSearch(`/search/?q=${encodeURIComponent('бывший муж не платит алименты на ребёнка')}`);
    await described.page.waitForSelector('#closest:not([hidden])');
    expect(described.requests.filter((u) => u.includes('category-model.json')).length).toBe(1);
    await described.page.close();
  });
});

describe('the facet panel', () => {
  it('folds a long facet to 10 values with a «show all» toggle, keeping a chosen value in view', async () => {
    const { page } = await openSearch('/search/');
    const courts = await page.evaluate(() => document.querySelectorAll('fieldset[data-facet="court"] li').length);
    expect(courts).toBe(10);
    const toggle = page.locator('fieldset[data-facet="court"] button.show-all');
    const total = Number((await toggle.textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(EXTRA_COURTS + 1);
    expect(await toggle.textContent()).toBe(`Показать все (${total})`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(`#${await toggle.getAttribute('aria-controls')}`).count()).toBe(1);
    // Short facets have no toggle.
    expect(await page.locator('fieldset[data-facet="kind"] button.show-all').isHidden()).toBe(true);

    await toggle.click();
    expect(await courtRows(page)).toBe(total);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Свернуть');
    await toggle.click();
    expect(await courtRows(page)).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-facets-folded.png'), fullPage: true });

    // A court folded away, chosen from a shared link, stays listed and checked.
    const last = `test-court-${EXTRA_COURTS}`;
    await page.goto(`${running.server.url}/search/?f.court=${last}`);
    await settled(page);
    expect(await count(page)).toBe('Найдено: 1');
    expect(await courtRows(page)).toBe(11);
    expect(await page.isChecked(`fieldset[data-facet="court"] input[value="${last}"]`)).toBe(true);
    await page.close();
  });

  it('a follow-up search updates the panel in place instead of rebuilding it', async () => {
    const { page } = await openSearch(`/search/?q=${encodeURIComponent('взыскании')}`);
    await page.evaluate(() => {
      for (const li of document.querySelectorAll<HTMLElement>('#facets li')) li.dataset.mark = 'kept';
    });
    const before = await page.locator('#facets li').count();
    await page.fill('#q', 'суд');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=%D1%81%D1%83%D0%B4/);
    await settled(page);
    const rows = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#facets li')].map((li) => li.dataset.mark ?? 'new'));
    expect(before).toBeGreaterThan(10);
    // Values found by both searches keep their rows: most of the panel is the same nodes.
    expect(rows.filter((m) => m === 'kept').length).toBeGreaterThan(rows.length / 2);
    expect(await facetCount(page, 'court', 'test-court-03')).toBe('1');
    await page.close();
  });
});
