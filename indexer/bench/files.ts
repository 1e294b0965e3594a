import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IndexComposition } from './report.ts';

/**
 * What part of a static index (Pagefind's or the compact one) a file is: the parts grow differently with
 * the number of records.
 */
export function indexFileKind(relPath: string): string {
  if (relPath.endsWith('.pf_fragment') || relPath.endsWith('.cfr')) return 'fragment';
  if (relPath.endsWith('.pf_filter') || relPath.endsWith('.cfc')) return 'filter';
  if (relPath.endsWith('.pf_index') || relPath.endsWith('.ctx')) return 'word index';
  if (relPath.endsWith('.pf_meta') || relPath === 'manifest.json') return 'metadata';
  if (/^wasm\..+\.pagefind$/.test(path.basename(relPath))) return 'wasm';
  return 'js/css/json';
}

/** Bytes and files of a directory tree, by kind of index file. */
export async function indexComposition(dir: string): Promise<IndexComposition> {
  const out: IndexComposition = { bytes: 0, files: 0, byKind: {} };
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const size = (await stat(full)).size;
    const kind = (out.byKind[indexFileKind(path.relative(dir, full))] ??= { bytes: 0, files: 0 });
    kind.bytes += size;
    kind.files++;
    out.bytes += size;
    out.files++;
  }
  return out;
}

/** Bytes and files of a directory tree, and how many of them are HTML pages. */
export async function treeSize(dir: string): Promise<{ bytes: number; files: number; pages: number }> {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { bytes, files, pages };
}
