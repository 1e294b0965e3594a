import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Loads a built Pagefind bundle with its own `pagefind.js` in Node, as a browser would: the bundle is
 * served over a local HTTP server (pagefind.js fetches its index files), and the language a page would
 * declare on <html lang> is set through a minimal `document`.
 */
export interface PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string>; excerpt: string }> }[]; filters: Record<string, Record<string, number>> }>;
  destroy(): Promise<void>;
}

export async function servePagefind(bundleDir: string) {
  const root = path.dirname(bundleDir);
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${path.basename(bundleDir)}/`;
  let instance = 0;
  return {
    base,
    async load(lang: string): Promise<PagefindApi> {
      (globalThis as { document?: unknown }).document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
      // A fresh module instance per language: pagefind.js keeps one language per instance.
      const url = `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?instance=${instance++}`;
      const api = (await import(/* @vite-ignore */ url)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };
      await api.options({ basePath: base, baseUrl: '/' });
      await api.init();
      return api;
    },
    close: () => {
      delete (globalThis as { document?: unknown }).document;
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
