import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ContentFile {
  /** Path relative to the content directory, with forward slashes. */
  file: string;
  bytes: Buffer;
}

/** Every file under `dir` (recursively), sorted, with paths relative to `root`. Missing dir = none. */
export async function listFiles(root: string, dir: string, exts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string) => {
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = path.join(abs, e.name);
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() && exts.some((ext) => e.name.endsWith(ext))) out.push(path.relative(root, child).split(path.sep).join('/'));
    }
  };
  await walk(path.join(root, dir));
  return out.sort();
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const READ_CONCURRENCY = 32;

export async function readContentFiles(root: string, dir: string, exts: readonly string[]): Promise<ContentFile[]> {
  const files = await listFiles(root, dir, exts);
  const out: ContentFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      out[i] = { file: files[i]!, bytes: await readFile(path.join(root, files[i]!)) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return out;
}
