import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile } from './store.ts';

describe('replaceFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'taldau-replace-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes a file whole, creating its directory, from bytes, text or a writer', async () => {
    const file = path.join(dir, 'a', 'b', 'cache.bin');
    await replaceFile(file, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    await replaceFile(file, 'текст');
    expect(await readFile(file, 'utf8')).toBe('текст');
    await replaceFile(file, async (out) => {
      await out.write('one ');
      await out.write('two');
    });
    expect(await readFile(file, 'utf8')).toBe('one two');
    expect(await readdir(path.dirname(file))).toEqual(['cache.bin']);
  });

  it('leaves the old file and no temp file when the write fails, and throws', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(file, 'old');
    await expect(
      replaceFile(file, async (out) => {
        await out.write('half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});
