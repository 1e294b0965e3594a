import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taldauOutDirCleanup } from './out-dir-cleanup.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-outdir-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const warnings: string[] = [];
const logger = { warn: (m: string) => warnings.push(m) };

/** Runs the integration's hooks as Astro would around a build of `outDir`. */
async function build(outDir: string, duringBuild: () => Promise<void> = async () => {}) {
  const hooks = taldauOutDirCleanup().hooks as Record<string, (options: unknown) => unknown>;
  await hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${outDir}/`) } });
  await hooks['astro:build:start']!({ logger });
  await duringBuild();
  await hooks['astro:build:done']!({ logger });
}

describe('out-dir cleanup', () => {
  it('moves the previous build aside at the start and has deleted it by the end', async () => {
    const out = path.join(tmp, 'a', 'dist');
    await mkdir(path.join(out, 'decisions', 'x'), { recursive: true });
    await writeFile(path.join(out, 'decisions', 'x', 'index.html'), 'old');
    await build(out, async () => {
      // Astro finds an empty place to write into.
      expect(existsSync(out)).toBe(false);
    });
    expect(await readdir(path.join(tmp, 'a'))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('leaves an output dir holding .git to Astro, and a missing one alone', async () => {
    const out = path.join(tmp, 'b', 'dist');
    await mkdir(path.join(out, '.git'), { recursive: true });
    await build(out);
    expect(existsSync(path.join(out, '.git'))).toBe(true);
    await build(path.join(tmp, 'c', 'dist'));
    expect(existsSync(path.join(tmp, 'c'))).toBe(false);
  });
});
