import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, cacheEnabledByDefault } from '../../indexer/cache/location.ts';

/**
 * The HTML of document texts kept on disk between builds, one file per text (issue #5): rendering
 * Markdown is the largest part of a document page (~2.5 ms per text at 2,000 decisions), and a rebuild
 * after one changed document would otherwise render every text again.
 *
 * Keyed by the text itself (SHA-1 of it, the anchor prefix and a version), so a changed text can never
 * get stale HTML. The version is a hash of the renderer's source and of the versions of the Markdown
 * packages, so changing either makes every entry a miss. Files, not one JSON file: the HTML of a large
 * corpus is bigger than the corpus and is read one page at a time, never all at once. Writes go to a
 * temp file renamed into place, so a build that is killed leaves no half file. Where: `html/` under
 * `TALDAU_CACHE_DIR`, else `.cache/html/`; off with `TALDAU_NO_CACHE=1` (and in tests unless they set
 * TALDAU_CACHE_DIR), like the load and enrich caches.
 */
export interface HtmlCache {
  dir: string;
  hits: number;
  misses: number;
  /** The stored HTML of `markdown` under `prefix`, or `render()` stored for the next build. */
  get(markdown: string, prefix: string, render: () => string): string;
}

const PACKAGES = ['markdown-it'];

/** The renderer's version: its source and its packages, read from the project (a site build runs from its root). */
function rendererVersion(root: string): string | undefined {
  const hash = createHash('sha1');
  const source = path.join(root, 'site', 'lib', 'markdown.ts');
  if (!existsSync(source)) return undefined;
  hash.update(readFileSync(source));
  for (const name of PACKAGES) {
    try {
      hash.update(`${name}@${JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version}`);
    } catch {
      hash.update(`${name}@?`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** HTML of an earlier renderer can never be read again: its directory goes (in the background, best effort). */
function dropOtherVersions(base: string, version: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) if (name !== version && /^[0-9a-f]{16}$/.test(name)) void rm(path.join(base, name), { recursive: true, force: true }).catch(() => undefined);
}

export function openHtmlCache(options: { dir?: string; root?: string; enabled?: boolean } = {}): HtmlCache | undefined {
  if (!(options.enabled ?? cacheEnabledByDefault())) return undefined;
  const root = options.root ?? process.cwd();
  const version = rendererVersion(root);
  if (!version) return undefined;
  const base = cacheDir(root, 'html');
  const dir = options.dir ?? path.join(base, version);
  if (!options.dir) dropOtherVersions(base, version);
  const cache: HtmlCache = {
    dir,
    hits: 0,
    misses: 0,
    get(markdown, prefix, render) {
      const key = createHash('sha1').update(prefix).update('\u0000').update(markdown).digest('hex');
      const file = path.join(dir, key.slice(0, 2), `${key}.html`);
      try {
        const html = readFileSync(file, 'utf8');
        cache.hits++;
        return html;
      } catch {
        // not stored yet (or unreadable): render and store
      }
      cache.misses++;
      const html = render();
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(temp, html);
        renameSync(temp, file);
      } catch {
        rmSync(temp, { force: true }); // a cache that cannot be written is only slower
      }
      return html;
    },
  };
  return cache;
}
