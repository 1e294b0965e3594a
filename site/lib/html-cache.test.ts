import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openHtmlCache } from './html-cache.ts';
import { renderMarkdown } from './markdown.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-html-cache-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('html cache', () => {
  it('renders a text once across builds, per anchor prefix, and again when the text changes', () => {
    const dir = path.join(tmp, 'a');
    let renders = 0;
    const render = (md: string, prefix = '') => () => (renders++, renderMarkdown(md, { anchorPrefix: prefix }));
    const first = openHtmlCache({ dir, root, enabled: true })!;
    const text = '<a id="p1"></a>Текст решения **суда**.';
    const html = first.get(text, '', render(text));
    expect(html).toBe(renderMarkdown(text));
    expect(first.get(text, 'kk-', render(text, 'kk-'))).toContain('id="kk-p1"');
    expect(renders).toBe(2);

    const next = openHtmlCache({ dir, root, enabled: true })!; // the next build
    expect(next.get(text, '', render(text))).toBe(html);
    expect(next.get(text, 'kk-', render(text, 'kk-'))).toContain('id="kk-p1"');
    expect(renders).toBe(2);
    expect(next.hits).toBe(2);
    const changed = `${text} Ещё предложение.`;
    expect(next.get(changed, '', render(changed))).toContain('Ещё предложение.');
    expect(renders).toBe(3);
    expect(next.misses).toBe(1);
  });

  it('keys its files by the renderer version and is off when caching is', async () => {
    process.env.TALDAU_CACHE_DIR = path.join(tmp, 'v'); // not the project's own .cache
    try {
      expect(openHtmlCache({ root, enabled: true })?.dir).toMatch(/v[/\\]html[/\\][0-9a-f]{16}$/);
    } finally {
      delete process.env.TALDAU_CACHE_DIR;
    }
    expect(openHtmlCache({ dir: path.join(tmp, 'b'), root, enabled: false })).toBeUndefined();
    // No renderer source: no cache rather than entries no version protects.
    expect(openHtmlCache({ dir: path.join(tmp, 'c'), root: tmp, enabled: true })).toBeUndefined();
    const dir = path.join(tmp, 'd');
    openHtmlCache({ dir, root, enabled: true })!.get('x', '', () => '<p>x</p>');
    const [shard] = await readdir(dir);
    expect(await readdir(path.join(dir, shard!))).toEqual([expect.stringMatching(/^[0-9a-f]{40}\.html$/)]);
  });

  it('drops the HTML of earlier renderer versions', async () => {
    const cacheDir = path.join(tmp, 'e');
    const stale = path.join(cacheDir, 'html', 'aaaaaaaaaaaaaaaa');
    await mkdir(stale, { recursive: true });
    await writeFile(path.join(stale, 'x.html'), '<p>old</p>');
    process.env.TALDAU_CACHE_DIR = cacheDir;
    try {
      const cache = openHtmlCache({ root, enabled: true })!;
      cache.get('текст', '', () => '<p>текст</p>');
      await vi.waitFor(async () => expect(await readdir(path.join(cacheDir, 'html'))).toEqual([path.basename(cache.dir)]));
    } finally {
      delete process.env.TALDAU_CACHE_DIR;
    }
  });
});
