import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Shared pieces of the end-to-end tests: build a site, serve it as plain static files, drive chromium. */

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURE_CONTENT = path.join(ROOT, 'site/test/fixtures/content');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface BuiltSite {
  outDir: string;
  seconds: number;
  log: string;
  cleanup(): Promise<void>;
}

export interface BuildOptions {
  /** Extra environment for the build (a search engine, an endpoint …). */
  env?: Record<string, string>;
  /**
   * Prefix of the temporary directory (default `.cache/e2e/` in the project). It must lie inside the project:
   * Astro writes a build's intermediate chunks into the shared `<root>/.astro/` when the outDir is outside the
   * working directory, and test files building side by side would then delete each other's chunks; and a
   * server build's bundle imports dependencies that resolve only under the project's node_modules.
   */
  tmpPrefix?: string;
}

/** `astro build` of a content tree into a temporary directory (its own cache too: builds may run side by side). */
export async function buildSite(contentDir: string, options: BuildOptions = {}): Promise<BuiltSite> {
  const tmpPrefix = options.tmpPrefix ?? path.join(ROOT, '.cache/e2e/site-');
  await mkdir(path.dirname(tmpPrefix), { recursive: true });
  const tmp = await mkdtemp(tmpPrefix);
  const outDir = path.join(tmp, 'dist');
  const started = Date.now();
  const log = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, ...options.env, TALDAU_CONTENT: contentDir, TALDAU_OUT_DIR: outDir, TALDAU_CACHE_DIR: path.join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`astro build failed (${code}):\n${out.slice(-4000)}`))));
  });
  return { outDir, seconds: (Date.now() - started) / 1000, log, cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The smallest static file server: what any host would do with `dist/` (directory → index.html). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = path.join(dir, pathname);
      if (!file.startsWith(dir)) throw new Error('outside');
      const s = await stat(file).catch(() => undefined);
      if (s?.isDirectory()) file = path.join(file, 'index.html');
      const st = await stat(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': st.size });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Headless Debian chromium with a fresh profile (a persistent context is how playwright takes a profile dir). */
export async function launchBrowser(options: { javaScript?: boolean } = {}): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'taldau-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects page errors so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Runs axe-core in the page; returns serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return (r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every .html file under a directory. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

/** A built site served over HTTP with chromium ready: where every end-to-end test file starts. */
export interface RunningSite {
  site: BuiltSite;
  server: { url: string; close(): Promise<void> };
  browser: BrowserContext;
  /** Opens a path of the site in a new page, collecting the page's errors. */
  open(url: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startSite(contentDir: string, options: BuildOptions = {}): Promise<RunningSite> {
  const site = await buildSite(contentDir, options);
  const server = await serveStatic(site.outDir);
  const { browser, close: closeBrowser } = await launchBrowser();
  return {
    site,
    server,
    browser,
    open: async (url) => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(server.url + url);
      return { page, errors };
    },
    close: async () => {
      await closeBrowser();
      await server.close();
      await site.cleanup();
    },
  };
}
