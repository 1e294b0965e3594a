import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IndexStats, WriteFailure } from './types.ts';

/**
 * Helpers of the file-based engines (Pagefind, the compact index): an index is written into a staging
 * directory beside its target and swapped in only when complete, so a failed build leaves the live one.
 */

/** A fresh staging directory path beside `target` (hidden, unique to this process). */
export const stagingDirFor = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${Date.now()}`);

/** Replaces `target` by `fresh`; the old index stays in place until the new one is complete on disk. */
export async function swapInto(fresh: string, target: string): Promise<void> {
  const old = `${path.join(path.dirname(target), `.${path.basename(target)}`)}.old-${process.pid}-${Date.now()}`;
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(fresh, target);
  } catch (error) {
    if (moved) await rename(old, target);
    throw error;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

/** Bytes of every file under `dir`. */
export async function directorySize(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/** The stats of a file-based index just swapped into `outDir`: its documents, failures, time and bytes. */
export async function writtenStats(outDir: string, total: number, failures: WriteFailure[], startedAt: number): Promise<IndexStats> {
  return { total, failed: failures.length, seconds: (performance.now() - startedAt) / 1000, bytes: await directorySize(outDir), failures };
}
