import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** Pagefind's index files (pf_index, pf_fragment, pf_filter, pf_meta) are gzip already: sent as they are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A tiny static file server, as a static host would serve the built site: directory → index.html, text
 * gzip-compressed when the browser asks for it (hosts do), everything else byte for byte. `mounts` maps
 * a URL prefix to another directory, so the baseline index can be served under the same site.
 */
export async function serveStatic(root: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const resolveFile = (urlPath: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (decoded.startsWith(prefix)) return safeJoin(dir, decoded.slice(prefix.length));
    }
    return safeJoin(root, decoded);
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = resolveFile(url.pathname);
    try {
      if (!file) throw new Error('outside');
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      const ext = path.extname(file);
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': info.size }),
      });
      if (req.method === 'HEAD') return void res.end();
      if (gzip) await pipeline(createReadStream(file), createGzip({ level: 6 }), res);
      else await pipeline(createReadStream(file), res);
    } catch {
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJoin(dir: string, urlPath: string): string | null {
  const full = path.join(dir, urlPath);
  const rel = path.relative(dir, full);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : full;
}
