import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import type { IndexSpec, IndexStats, IndexWriter, WriteFailure } from '../types.ts';
import { eachCounted, type Progress } from '../../progress.ts';
import { toPagefindRecords } from './records.ts';
import { stagingDirFor, swapInto, writtenStats } from '../index-dir.ts';

export interface PagefindWriterOptions {
  log?: (line: string) => void;
  /** Records added (of how many) and Pagefind's silent write: at 100,000 decisions each takes many minutes. */
  progress?: Progress;
}

/**
 * Builds a Pagefind index from custom records (no HTML crawl) through Pagefind's Node API and the real
 * binary. The index is written into a temporary directory beside `outDir` and renamed over it only when
 * complete, so a failed build leaves the previous index live.
 */
export class PagefindWriter implements IndexWriter {
  readonly outDir: string;
  readonly #log: (line: string) => void;
  readonly #progress: Progress | undefined;
  #index: pagefind.PagefindIndex | undefined;
  #tempDir: string | undefined;
  #started = 0;
  #total = 0;
  #failures: WriteFailure[] = [];

  constructor(outDir: string, options: PagefindWriterOptions = {}) {
    this.outDir = path.resolve(outDir);
    this.#log = options.log ?? (() => {});
    this.#progress = options.progress;
  }

  async prepare(_spec?: IndexSpec): Promise<void> {
    this.#started = performance.now();
    const { errors, index } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(`pagefind: could not create an index: ${errors.join('; ') || 'no index returned'}`);
    this.#index = index;
  }

  async write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>): Promise<void> {
    const index = this.#requireIndex();
    for await (const doc of eachCounted(docs, this.#progress, 'pagefind: adding records')) {
      this.#total++;
      const errors: string[] = [];
      for (const record of toPagefindRecords(doc)) {
        const response = await index.addCustomRecord(record);
        errors.push(...response.errors);
      }
      if (errors.length) this.#failures.push({ id: doc.id, reason: errors.join('; ') });
    }
  }

  async finalize(): Promise<IndexStats> {
    const index = this.#requireIndex();
    const parent = path.dirname(this.outDir);
    await mkdir(parent, { recursive: true });
    this.#tempDir = stagingDirFor(this.outDir);
    // Pagefind says nothing while it writes (minutes at 100,000 decisions): show that it is still alive.
    this.#progress?.step(`pagefind: writing the index of ${this.#total} documents`);
    const stopTicking = this.#progress?.ticking('still writing');
    const { errors } = await index.writeFiles({ outputPath: this.#tempDir }).finally(() => stopTicking?.());
    if (errors.length) throw new Error(`pagefind: writing the index failed: ${errors.join('; ')}`);
    await swapInto(this.#tempDir, this.outDir);
    this.#tempDir = undefined;
    const stats = await writtenStats(this.outDir, this.#total, this.#failures, this.#started);
    return stats;
  }

  async close(): Promise<void> {
    if (this.#tempDir) await rm(this.#tempDir, { recursive: true, force: true });
    if (this.#index) await this.#index.deleteIndex().catch(() => null);
    this.#index = undefined;
    await pagefind.close();
  }

  #requireIndex(): pagefind.PagefindIndex {
    if (!this.#index) throw new Error('pagefind: prepare() must run before write() and finalize()');
    return this.#index;
  }
}
