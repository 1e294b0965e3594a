import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, htmlFiles, ROOT, type RunningSite, serveStatic, startSite, watchErrors } from './harness.ts';

/**
 * Smoke test over the REAL knowledge base (content/): it builds, the main pages work in chromium, and no
 * built page carries personal data the depersonalisation should have masked.
 */

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: BrowserContext;
let running: RunningSite;

beforeAll(async () => {
  running = await startSite(path.join(ROOT, 'content'));
  ({ site, server, browser } = running);
  console.log(`real content built in ${site.seconds.toFixed(1)} s`);
});

afterAll(() => running?.close());

describe('the real knowledge base', () => {
  it('home page shows the counts and links into the classifier', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    expect(Number(await page.textContent('[data-count="decision"]'))).toBeGreaterThan(0);
    expect(await page.locator('.tiles a').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a decision page renders its text and category path', async () => {
    const [slug] = (await readdir(path.join(site.outDir, 'decisions'))).sort();
    expect(slug).toBeDefined();
    const page = await browser.newPage();
    await page.goto(`${server.url}/decisions/${slug}/`);
    expect((await page.textContent('h1'))?.trim().length).toBeGreaterThan(5);
    expect((await page.locator('.doc-text').innerText()).length).toBeGreaterThan(100);
    expect(await page.locator('nav.breadcrumbs a[href^="/categories/"]').count()).toBeGreaterThan(1);
    await page.close();
  });

  it('searching a common word finds documents in the browser', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('суд')}`);
    await page.waitForFunction(() => !document.querySelector('[data-results-count]')?.textContent?.includes('…'));
    expect(await page.locator('#results li.hit').count()).toBeGreaterThan(0);
    expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('no built page holds an unmasked ИИН-like 12-digit number or a +7 phone number', async () => {
    // ИИН: YYMMDD, then the century-and-sex digit 1–6. A БИН (company) has a type digit 4–6 where the
    // day's tens would be, so it does not match: companies' numbers are public and stay.
    const iin = /(?<![\d.,/-])\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])[1-6]\d{5}(?!\d)/;
    const phone = /\+7[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}/;
    const leaks: string[] = [];
    for (const file of await htmlFiles(site.outDir)) {
      // Scripts (bundled code) are not content; only what a reader sees is checked.
      const text = (await readFile(file, 'utf8')).replace(/<script[\s\S]*?<\/script>/g, '');
      for (const re of [iin, phone]) {
        const m = re.exec(text);
        if (m) leaks.push(`${path.relative(site.outDir, file)}: …${text.slice(Math.max(0, m.index - 40), m.index + 30)}…`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
