import { chromium, errors as playwrightErrors, type Browser, type CDPSession } from 'playwright-core';
import { FOLLOW_UP_TEXT, searchPath, type BenchQuery } from './queries.ts';

/** Debian's chromium by default; `CHROMIUM_PATH` points elsewhere (another distribution, a local build). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface QueryMeasurement {
  query: string;
  name: string;
  filters: Record<string, string[]>;
  /**
   * Bytes over the wire (headers included, as the browser received them) for the cold page and its search,
   * until the network is quiet: what loads after the hits (facet counts, the category hint) included.
   */
  bytes: number;
  /** Of those, the bytes received by the time the first result was rendered (polled: may include a few ms more). */
  bytesAtResults: number;
  /** Milliseconds from navigation start to the first result rendered. */
  ms: number;
  requests: number;
  /** Bytes by kind of file: where they go. */
  breakdown: Record<string, number>;
  /** Results found (the page's own total) and results rendered on the first page. */
  total: number | null;
  hits: number;
  /** The follow-up search on the now warm page: ms from submit to its results rendered. */
  followUpMs: number;
  followUpHits: number;
  /** No result within the time limit: `ms` (or `followUpMs`) is the limit, a lower bound. */
  timedOut: boolean;
  followUpTimedOut: boolean;
  errors: string[];
}

/** What kind of file a URL is, for the byte breakdown. */
export function fileKind(url: string): string {
  const p = new URL(url).pathname;
  if (p.includes('/pagefind/')) {
    if (p.endsWith('.pf_fragment')) return 'pagefind fragments';
    if (p.endsWith('.pf_filter')) return 'pagefind filters';
    if (p.endsWith('.pf_index')) return 'pagefind word index';
    if (p.endsWith('.pf_meta')) return 'pagefind metadata';
    if (/wasm\.[^/]+\.pagefind$/.test(p)) return 'pagefind wasm';
    return 'pagefind js/json';
  }
  if (p.includes('/compact/')) {
    if (p.endsWith('.cfr')) return 'compact fragments';
    if (p.endsWith('.cfc')) return 'compact facet columns';
    if (p.endsWith('.ctx')) return 'compact word index';
    return 'compact manifest';
  }
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  if (p.endsWith('.js') || p.endsWith('.mjs')) return 'site js';
  if (p.endsWith('.css')) return 'css';
  return 'other';
}

// Runs in the page before its own scripts: notes the moment the first result (or a "nothing found" /
// error message) is rendered, relative to navigation start.
const OBSERVER = `(() => {
  const state = (window.__bench = { at: null });
  const done = () => {
    const results = document.getElementById('results');
    const message = document.getElementById('search-message');
    return (results && results.querySelector('.hit')) || (message && message.childElementCount > 0);
  };
  new MutationObserver(() => {
    if (state.at === null && done()) state.at = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

// Types the next search into the warm page and resolves with the ms from submit to its results. A string,
// not a function: tsx's helpers (__name) do not exist in the page.
const FOLLOW_UP = `((text, timeout) => new Promise((resolve, reject) => {
  const results = document.getElementById('results');
  const message = document.getElementById('search-message');
  const input = document.getElementById('q');
  const form = document.getElementById('search-form');
  let t0 = 0;
  // Only nodes added after the submit count: the run first clears the message box, which must not be
  // taken for the new results.
  const watch = new MutationObserver((records) => {
    if (records.some((r) => r.addedNodes.length > 0)) {
      watch.disconnect();
      resolve({ ms: performance.now() - t0, hits: results.querySelectorAll('.hit').length });
    }
  });
  setTimeout(() => reject(new Error('follow-up search timed out')), timeout);
  input.value = text;
  t0 = performance.now();
  watch.observe(results, { childList: true });
  watch.observe(message, { childList: true });
  form.requestSubmit();
}))`;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Sums the bytes of every finished request seen by a CDP session. */
function trackBytes(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const pending = new Set<string>();
  const state = { bytes: 0, requests: 0, breakdown: {} as Record<string, number>, lastActivity: performance.now() };
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    pending.add(e.requestId);
    state.lastActivity = performance.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    pending.delete(e.requestId);
    state.lastActivity = performance.now();
    const url = urls.get(e.requestId);
    if (!url || url.startsWith('data:')) return;
    state.bytes += e.encodedDataLength;
    state.requests++;
    const kind = fileKind(url);
    state.breakdown[kind] = (state.breakdown[kind] ?? 0) + e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    pending.delete(e.requestId);
    state.lastActivity = performance.now();
  });
  const idle = async (quietMs = 300, maxMs = 10_000) => {
    const start = performance.now();
    while (performance.now() - start < maxMs) {
      if (pending.size === 0 && performance.now() - state.lastActivity >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { state, idle };
}

/**
 * One query on a cold page (fresh browser context, cache disabled): bytes and time to the first rendered
 * result; then a follow-up search typed into the same, now warm, page.
 */
export async function measureQuery(browser: Browser, baseUrl: string, q: BenchQuery, timeoutMs = 60_000): Promise<QueryMeasurement> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const net = trackBytes(cdp);
    await page.addInitScript(OBSERVER);
    await page.goto(baseUrl + searchPath(q), { waitUntil: 'commit' });
    // A search that shows nothing within the time limit is a result too (at 100,000 decisions some do not):
    // it is recorded at the limit, flagged, and the run goes on.
    let at = timeoutMs;
    let timedOut = false;
    try {
      at = (await (await page.waitForFunction('window.__bench && window.__bench.at', null, { timeout: timeoutMs, polling: 20 })).jsonValue()) as number;
    } catch (error) {
      if (!(error instanceof playwrightErrors.TimeoutError)) throw error;
      timedOut = true;
      errors.push(`no result within ${timeoutMs / 1000} s`);
    }
    const bytesAtResults = net.state.bytes;
    await net.idle();
    const seen = (await page.evaluate(
      `({ hits: document.querySelectorAll('#results .hit').length, count: document.querySelector('[data-results-count]')?.textContent ?? '' })`,
    )) as { hits: number; count: string };
    const bytes = net.state.bytes;
    const requests = net.state.requests;
    const breakdown = { ...net.state.breakdown };
    let follow = { ms: timeoutMs, hits: 0, timedOut: true };
    if (!timedOut) {
      try {
        follow = { ...((await page.evaluate(`${FOLLOW_UP}(${JSON.stringify(FOLLOW_UP_TEXT)}, ${timeoutMs})`)) as { ms: number; hits: number }), timedOut: false };
      } catch (error) {
        if (!/follow-up search timed out/.test((error as Error).message)) throw error;
        errors.push(`follow-up: no result within ${timeoutMs / 1000} s`);
      }
    }
    return {
      query: q.text,
      name: q.name,
      filters: q.filters,
      bytes,
      bytesAtResults,
      ms: at,
      requests,
      breakdown,
      total: parseTotal(seen.count),
      hits: seen.hits,
      followUpMs: follow.ms,
      followUpHits: follow.hits,
      timedOut,
      followUpTimedOut: follow.timedOut,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** The first number in the results heading ("Найдено: 1 234"), or null. */
export function parseTotal(text: string): number | null {
  const m = /\d[\d\s\u00a0\u202f]*/.exec(text);
  return m ? Number(m[0].replace(/\D/g, '')) : null;
}
