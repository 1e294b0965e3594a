import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A key → value cache in one JSON-lines file, read whole at the start of a build and rewritten at the
 * end with exactly the entries that build used (so it never grows past one build's worth).
 *
 * Safe by construction: the first line names the format; every other line is `[key, value]` and is
 * checked by `isValue` — a line that does not parse or does not check is a miss (recomputed), a file
 * of another format is ignored whole. Writes go to a temp file renamed into place, so two builds
 * sharing the file (the CLI and the site) never see half a file; the last one to finish wins.
 */
export class FileCache<V> {
  private readonly stored = new Map<string, V>();
  private readonly used = new Map<string, V>();
  hits = 0;
  misses = 0;
  /** Lines of the file that were present but unusable. */
  bad = 0;

  private constructor(
    readonly file: string,
    private readonly format: string,
  ) {}

  static async open<V>(file: string, format: string, isValue: (value: unknown) => value is V): Promise<FileCache<V>> {
    const cache = new FileCache<V>(file, format);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return cache; // no cache yet (or unreadable): everything is a miss
    }
    // Line by line from the bytes: one string of the whole file (100+ MB for a large corpus) is not needed.
    const lineAt = (start: number) => {
      const end = bytes.indexOf(0x0a, start);
      return { line: bytes.toString('utf8', start, end === -1 ? bytes.length : end), next: end === -1 ? bytes.length : end + 1 };
    };
    const head = lineAt(0);
    if (head.line !== JSON.stringify({ format })) return cache;
    for (let at = head.next; at < bytes.length; ) {
      const { line, next } = lineAt(at);
      at = next;
      if (!line) continue;
      try {
        const entry: unknown = JSON.parse(line);
        if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && isValue(entry[1])) {
          cache.stored.set(entry[0], entry[1]);
          continue;
        }
      } catch {
        // fall through: counted as bad, recomputed
      }
      cache.bad++;
    }
    return cache;
  }

  /**
   * The stored value of `key`, or `compute()` — remembered either way for `save()`. A stored value that
   * `isFresh` turns down (it depended on something outside the key that has changed) is recomputed.
   */
  get(key: string, compute: () => V, isFresh: (value: V) => boolean = () => true): V {
    const found = this.find(key, isFresh);
    if (found !== undefined) return found;
    const value = compute();
    this.put(key, value);
    return value;
  }

  /** The stored value of `key` (a hit, kept for `save()`), or undefined: for values computed elsewhere, then `put`. */
  find(key: string, isFresh: (value: V) => boolean = () => true): V | undefined {
    const found = this.used.get(key) ?? this.stored.get(key);
    if (found === undefined || !isFresh(found)) return undefined;
    this.hits++;
    this.used.set(key, found);
    return found;
  }

  /** A value computed for `key` after `find` missed (a miss, kept for `save()`). */
  put(key: string, value: V): void {
    this.misses++;
    this.used.set(key, value);
  }

  /** Writes the entries used since `open` when anything changed; a failure to write is not fatal. */
  async save(): Promise<void> {
    const unchanged = this.misses === 0 && this.bad === 0 && this.used.size === this.stored.size;
    if (unchanged) return;
    // Written a batch of lines at a time, never as one string of the whole cache.
    await replaceFile(this.file, async (out) => {
      let batch = `${JSON.stringify({ format: this.format })}\n`;
      for (const entry of this.used) {
        batch += `${JSON.stringify(entry)}\n`;
        if (batch.length > 1 << 20) {
          await out.write(batch);
          batch = '';
        }
      }
      await out.write(batch);
    }).catch(() => undefined);
  }
}

export async function replaceFile(file: string, data: string | Uint8Array | ((out: FileHandle) => Promise<void>)): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof data === 'function') {
      const out = await open(temp, 'w');
      try {
        await data(out);
      } finally {
        await out.close();
      }
    } else {
      await writeFile(temp, data);
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function hashOf(...parts: unknown[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part) ?? 'undefined').update('\u0000');
  return hash.digest('hex');
}
