import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, FIXTURE_CONTENT, type RunningSite, startSite } from './harness.ts';
import { describeSearch, results } from './search-suite.ts';

/**
 * The fixture site built with the compact index (TALDAU_STATIC_INDEX=compact, what `auto` picks from
 * 3,000 documents): every search behaviour of the Pagefind build holds (the shared suite), and a search
 * loads only what it needs from /compact/ and nothing of Pagefind.
 */

let running: RunningSite;

beforeAll(async () => {
  running = await startSite(FIXTURE_CONTENT, { env: { TALDAU_STATIC_INDEX: 'compact' } });
  console.log(`compact fixture site built in ${running.site.seconds.toFixed(1)} s`);
});

afterAll(() => running?.close());

describeSearch(() => running, 'search (compact index)');

describe('what the compact index loads', () => {
  it('the build wrote the compact index instead of Pagefind', async () => {
    const files = await readdir(running.site.outDir);
    expect(files).toContain('compact');
    expect(files).not.toContain('pagefind');
    expect(await readdir(path.join(running.site.outDir, 'compact'))).toEqual(expect.arrayContaining(['manifest.json', 'terms', 'facets', 'fragments']));
    expect(running.site.log).toMatch(/Compact index: 12 documents \(0 failed\)/);
  });

  it('a cold search fetches the manifest, its word shards and one page of fragments for the hits, and the facet columns only after them', async () => {
    const page = await running.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${running.server.url}/search/?q=${encodeURIComponent('кража')}`);
    const r = await results(page);
    await page.waitForFunction(() => !document.getElementById('facets')?.hasAttribute('aria-busy') && document.querySelector('fieldset[data-facet="kind"]'));
    const index = requests.filter((u) => u.startsWith('/compact/'));
    expect(requests.some((u) => u.startsWith('/pagefind/'))).toBe(false);
    // Preloaded by the page's <head> and then fetched by the script: one request means the preload was used.
    expect(await page.locator('head link[rel="preload"][href="/compact/manifest.json"]').count()).toBe(1);
    expect(index.filter((u) => u === '/compact/manifest.json')).toHaveLength(1);
    expect(index.filter((u) => u.startsWith('/compact/fragments/'))).toHaveLength(r.urls.length);
    // On the page's own clock: the facet columns are asked for only once the hits' fragments have arrived.
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        fragmentsDone: Math.max(...entries.filter((e) => e.name.includes('/compact/fragments/')).map((e) => e.responseEnd)),
        facets: entries.filter((e) => e.name.includes('/compact/facets/')).map((e) => e.startTime),
      };
    });
    expect(timing.facets.length).toBeGreaterThan(0);
    for (const start of timing.facets) expect(start).toBeGreaterThanOrEqual(timing.fragmentsDone);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
