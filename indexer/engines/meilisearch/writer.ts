import { MeilisearchApiError, type IndexSwap, type Meilisearch, type Task } from 'meilisearch';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { toServerDocument, type ServerDocument } from '../server/document.ts';
import { IndexWriteError, type FailedDocument } from '../server/errors/index.ts';
import { engineCall } from '../server/retry.ts';
import { buildIndexName, type ServerIndexWriter, type ServerWriteStats, type ServerWriterOptions } from '../server/writer-types.ts';
import { emptyCounters, toWriteStats } from '../server/write-stats.ts';
import { isRetryable, toServerError } from './errors.ts';
import { meiliSettings } from './settings.ts';

const ENGINE = 'meilisearch';
const PRIMARY_KEY = 'key';
/** Meilisearch refuses payloads over 100 MB by default; stay far below. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Writes KbDocuments to Meilisearch. A full run builds a fresh index and swaps it with the live
 * one only when every batch succeeded and the count matches, so searches never see a half-built
 * index; `changed` updates the live index in place with only what changed.
 */
export class MeiliWriter implements ServerIndexWriter {
  readonly #client: Meilisearch;
  readonly #options: Required<Pick<ServerWriterOptions, 'batchSize' | 'maxFailures'>> & ServerWriterOptions;
  #mode: 'rebuild' | 'changed' = 'rebuild';
  #target = '';
  #existing = new Map<string, string>();
  #seen = new Set<string>();
  #failures: FailedDocument[] = [];
  #stats = emptyCounters();
  #started = 0;
  #finalized = false;
  /** Every request to the server: retried while worth it, then lowered to one of our errors. */
  readonly #call: ReturnType<typeof engineCall>;

  constructor(client: Meilisearch, url: string, options: ServerWriterOptions) {
    this.#client = client;
    this.#options = { batchSize: 1000, maxFailures: 0, ...options };
    this.#call = engineCall({ engine: ENGINE, url, isRetryable, toServerError }, this.#options);
  }

  get targetIndex(): string {
    return this.#target;
  }

  #log(line: string) {
    this.#options.log?.(line);
  }

  /** Enqueue, wait, and insist on success: a failed task is an error, not a silent no-op. */
  async #task(step: string, enqueue: () => Promise<{ taskUid: number }>): Promise<Task> {
    const { taskUid } = await this.#call(step, enqueue);
    const task = await this.#call(`${step} (task ${taskUid})`, () => this.#client.tasks.waitForTask(taskUid));
    if (task.status !== 'succeeded') {
      throw new IndexWriteError(ENGINE, step, `task ${taskUid} ${task.status}: ${task.error?.message ?? 'no reason given'}`, [], {
        liveUntouched: this.#mode === 'rebuild',
      });
    }
    return task;
  }

  async #indexExists(uid: string): Promise<boolean> {
    try {
      await this.#call(`look up index ${uid}`, () => this.#client.getRawIndex(uid));
      return true;
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof MeilisearchApiError && cause.response.status === 404) return false;
      throw error;
    }
  }

  async prepare(): Promise<void> {
    this.#started = Date.now();
    await this.#call('health check', () => this.#client.health());
    const live = this.#options.indexName;
    if (this.#options.changed) {
      if (await this.#indexExists(live)) {
        this.#mode = 'changed';
        this.#target = live;
        await this.#task('settings', () => this.#client.index(live).updateSettings(meiliSettings()));
        await this.#loadHashes();
        this.#log(`meilisearch: ${this.#existing.size} documents in "${live}"; sending only what changed`);
        return;
      }
      this.#log(`meilisearch: no index "${live}" yet, so --changed builds it in full`);
    }
    this.#target = buildIndexName(live);
    await this.#task('create index', () => this.#client.createIndex(this.#target, { primaryKey: PRIMARY_KEY }));
    await this.#task('settings', () => this.#client.index(this.#target).updateSettings(meiliSettings()));
    this.#log(`meilisearch: building "${this.#target}" (will replace "${live}")`);
  }

  /** The hashes are kept in the engine itself: any machine can run `--changed` without local state. */
  async #loadHashes(): Promise<void> {
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.#call('read stored hashes', () =>
        this.#client.index<Pick<ServerDocument, 'key' | 'hash'>>(this.#target).getDocuments({ fields: ['key', 'hash'], limit, offset }),
      );
      for (const doc of page.results) this.#existing.set(String(doc.key), String(doc.hash ?? ''));
      if (page.results.length < limit) return;
    }
  }

  async write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>): Promise<void> {
    let batch: ServerDocument[] = [];
    let bytes = 0;
    for await (const doc of docs) {
      this.#stats.total++;
      const record = toServerDocument(doc);
      this.#seen.add(record.key);
      if (this.#mode === 'changed' && this.#existing.get(record.key) === record.hash) {
        this.#stats.unchanged++;
        continue;
      }
      const size = Buffer.byteLength(JSON.stringify(record));
      if (batch.length > 0 && (batch.length >= this.#options.batchSize || bytes + size > MAX_BATCH_BYTES)) {
        await this.#send(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(record);
      bytes += size;
    }
    if (batch.length > 0) await this.#send(batch);
  }

  async #send(batch: ServerDocument[]): Promise<void> {
    const body = Buffer.byteLength(JSON.stringify(batch));
    const { taskUid } = await this.#call('send documents', () =>
      this.#client.index(this.#target).addDocuments(batch, { primaryKey: PRIMARY_KEY }),
    );
    this.#stats.bytes += body;
    const task = await this.#call(`send documents (task ${taskUid})`, () => this.#client.tasks.waitForTask(taskUid));
    if (task.status === 'succeeded') {
      this.#stats.sent += batch.length;
      this.#log(`meilisearch: ${this.#stats.sent} documents indexed${this.#failures.length ? `, ${this.#failures.length} refused` : ''}`);
      return;
    }
    // Meilisearch refuses a whole batch for one bad document: halve it until the culprit is alone,
    // so one bad document costs itself, not its 999 neighbours.
    if (batch.length > 1 && task.error?.code?.startsWith('invalid_document')) {
      const middle = Math.ceil(batch.length / 2);
      await this.#send(batch.slice(0, middle));
      await this.#send(batch.slice(middle));
      return;
    }
    const reason = `${task.error?.code ?? task.status}: ${task.error?.message ?? 'no reason given'}`;
    for (const doc of batch) this.#failures.push({ id: doc.docId, reason });
    this.#log(`meilisearch: a batch of ${batch.length} was refused (${reason})`);
  }

  async finalize(): Promise<ServerWriteStats> {
    const live = this.#options.indexName;
    const liveUntouched = this.#mode === 'rebuild';
    if (this.#failures.length > this.#options.maxFailures) {
      throw new IndexWriteError(ENGINE, 'write', `${this.#failures.length} documents were refused`, this.#failures, { liveUntouched });
    }
    if (this.#mode === 'changed') {
      const removed = [...this.#existing.keys()].filter((key) => !this.#seen.has(key));
      for (let i = 0; i < removed.length; i += 1000) {
        const chunk = removed.slice(i, i + 1000);
        await this.#task('delete removed documents', () => this.#client.index(live).deleteDocuments(chunk));
      }
      this.#stats.deleted = removed.length;
    } else {
      const stats = await this.#call('count', () => this.#client.index(this.#target).getStats());
      if (stats.numberOfDocuments !== this.#stats.sent) {
        throw new IndexWriteError(ENGINE, 'count', `the new index holds ${stats.numberOfDocuments} documents, ${this.#stats.sent} were sent`);
      }
      if (!(await this.#indexExists(live))) {
        // A swap needs both sides; an empty live index on the first run makes every run the same.
        await this.#task('create live index', () => this.#client.createIndex(live, { primaryKey: PRIMARY_KEY }));
      }
      // `rename` (Meilisearch 1.18+) is left out: false is its default, and older servers refuse the field.
      const swap = { indexes: [live, this.#target] } as IndexSwap;
      await this.#task('swap', () => this.#client.swapIndexes([swap]));
      this.#log(`meilisearch: "${live}" now serves the new index`);
      // After the swap the build name holds the previous documents: drop them.
      try {
        await this.#task('drop previous index', () => this.#client.deleteIndex(this.#target));
      } catch (error) {
        this.#log(`meilisearch: the new index is live, but dropping the previous one failed: ${(error as Error).message}`);
      }
    }
    this.#finalized = true;
    return toWriteStats(this.#stats, this.#failures, this.#started, live);
  }

  /** After a failure, drop the half-built index; the live one was never touched. */
  async close(): Promise<void> {
    if (this.#finalized || this.#mode !== 'rebuild' || !this.#target) return;
    try {
      const { taskUid } = await this.#client.deleteIndex(this.#target);
      await this.#client.tasks.waitForTask(taskUid);
      this.#log(`meilisearch: dropped the unfinished index "${this.#target}"`);
    } catch (error) {
      this.#log(`meilisearch: could not drop the unfinished index "${this.#target}": ${(error as Error).message}`);
    }
  }
}
