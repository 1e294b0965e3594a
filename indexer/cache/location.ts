import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf } from './store.ts';

/**
 * Where and whether the build caches (load/, enrich/, compact/) live, and the code version they are keyed
 * by: one answer for all of them, so they always sit side by side and switch off together.
 */

/**
 * The project root, whose source the caches hash: two levels above this module when run from source (tsx,
 * vitest), else the working directory (a site build bundles this module and runs from the project root);
 * undefined when neither holds the project's source.
 */
export function projectRoot(): string | undefined {
  const candidates: string[] = [];
  if (import.meta.url.startsWith('file:')) candidates.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
  candidates.push(process.cwd());
  return candidates.find((dir) => existsSync(path.join(dir, 'indexer', 'cache', 'location.ts')));
}

/** On unless TALDAU_NO_CACHE is set, or under a test runner without its own TALDAU_CACHE_DIR (tests must not share state through a cache). */
export function cacheEnabledByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TALDAU_NO_CACHE && env.TALDAU_NO_CACHE !== '0') return false;
  if (env.VITEST && !env.TALDAU_CACHE_DIR) return false;
  return true;
}

/** `<cache root>/<name>`: TALDAU_CACHE_DIR (the build's cache directory, Astro's cacheDir too), else the project's `.cache/`. */
export function cacheDir(projectRoot: string, name: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.TALDAU_CACHE_DIR ? path.resolve(env.TALDAU_CACHE_DIR) : path.join(projectRoot, '.cache'), name);
}

/**
 * A short hash of the code behind a cache: every non-test `.ts` file of `entries` (files or directories,
 * relative to `base`), with its path, so that a changed rule invalidates what it produced.
 */
export async function sourceHash(base: string, entries: string[]): Promise<string> {
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.endsWith('.ts')) files.push(entry);
    else for (const name of await readdir(path.join(base, entry), { recursive: true })) if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path.join(entry, name));
  }
  files.sort();
  return hashOf(await Promise.all(files.map(async (f) => [f, await readFile(path.join(base, f), 'utf8')]))).slice(0, 16);
}
