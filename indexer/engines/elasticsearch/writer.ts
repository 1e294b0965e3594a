import { errors, type Client } from '@elastic/elasticsearch';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { toServerDocument, type ServerDocument } from '../server/document.ts';
import { IndexWriteError, ServerEngineError, type FailedDocument } from '../server/errors/index.ts';
import { engineCall } from '../server/retry.ts';
import { buildIndexName, type ServerIndexWriter, type ServerWriteStats, type ServerWriterOptions } from '../server/writer-types.ts';
import { emptyCounters, toWriteStats } from '../server/write-stats.ts';
import { isRetryable, reasonOf, toServerError } from './errors.ts';
import { indexMappings, indexSettings, type IndexShape } from './mapping.ts';

const ENGINE = 'elasticsearch';

type BulkTarget = { _index: string; _id: string };

export interface ElasticWriterOptions extends ServerWriterOptions, IndexShape {
  /** Bytes per bulk request. */
  flushBytes?: number;
  /** Bulk requests in flight. */
  concurrency?: number;
  /** Pause before the bulk helper retries documents refused with 429, in ms. */
  bulkWaitMs?: number;
}

/**
 * Writes KbDocuments to Elasticsearch behind an alias. A full run creates a fresh index (no
 * replicas, no refresh while loading), streams documents through the bulk helper, restores
 * replicas and refresh, counts, and then moves the alias in one atomic `_aliases` call; only then
 * are the old indices deleted. `changed` writes into the alias's current index.
 */
export class ElasticWriter implements ServerIndexWriter {
  readonly #client: Client;
  readonly #options: ElasticWriterOptions & { maxFailures: number };
  #mode: 'rebuild' | 'changed' = 'rebuild';
  #target = '';
  #created = false;
  #existing = new Map<string, string>();
  #seen = new Set<string>();
  #failures: FailedDocument[] = [];
  #stats = emptyCounters();
  #started = 0;
  #finalized = false;
  /** Every request to the server: retried while worth it, then lowered to one of our errors. */
  readonly #call: ReturnType<typeof engineCall>;

  constructor(client: Client, url: string, options: ElasticWriterOptions) {
    this.#client = client;
    this.#options = { maxFailures: 0, ...options };
    this.#call = engineCall({ engine: ENGINE, url, isRetryable, reasonOf, toServerError }, this.#options);
  }

  get targetIndex(): string {
    return this.#target;
  }

  #log(line: string) {
    this.#options.log?.(line);
  }

  /** Indices the alias points at now (none on a first run). */
  async #aliasTargets(): Promise<string[]> {
    const alias = this.#options.indexName;
    try {
      const found = await this.#call('read alias', () => this.#client.indices.getAlias({ name: alias }));
      return Object.keys(found);
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof errors.ResponseError && cause.statusCode === 404) return [];
      throw error;
    }
  }

  async prepare(): Promise<void> {
    this.#started = Date.now();
    await this.#call('connect', () => this.#client.info());
    const alias = this.#options.indexName;
    const current = await this.#aliasTargets();
    if (current.length === 0) {
      const concrete = await this.#call('check name', () => this.#client.indices.exists({ index: alias }));
      if (concrete) {
        throw new ServerEngineError(ENGINE, `"${alias}" is an index, not an alias; rename it or choose another --index-name so rebuilds can swap`);
      }
    }
    if (this.#options.changed) {
      if (current.length === 1 && current[0]) {
        this.#mode = 'changed';
        this.#target = current[0];
        await this.#loadHashes();
        this.#log(`elasticsearch: ${this.#existing.size} documents in "${alias}" (${this.#target}); sending only what changed`);
        return;
      }
      this.#log(`elasticsearch: alias "${alias}" points at ${current.length} indices, so --changed builds it in full`);
    }
    this.#target = buildIndexName(alias);
    await this.#call('create index', () =>
      this.#client.indices.create({
        index: this.#target,
        // Loading is faster without replicas and periodic refreshes; finalize() restores both.
        settings: { ...indexSettings({ ...this.#options, replicas: 0 }), refresh_interval: '-1' },
        mappings: indexMappings(),
      }),
    );
    this.#created = true;
    this.#log(`elasticsearch: building "${this.#target}" (alias "${alias}" moves when it is complete)`);
  }

  /** The hashes live in the index itself (`hash`), read back in key order with search_after. */
  async #loadHashes(): Promise<void> {
    let after: (string | number)[] | undefined;
    for (;;) {
      const page = await this.#call('read stored hashes', () =>
        this.#client.search<Pick<ServerDocument, 'key' | 'hash'>>({
          index: this.#target,
          size: 1000,
          _source: ['key', 'hash'],
          sort: [{ key: 'asc' }],
          query: { match_all: {} },
          ...(after ? { search_after: after } : {}),
        }),
      );
      for (const hit of page.hits.hits) if (hit._source) this.#existing.set(hit._source.key, hit._source.hash);
      const last = page.hits.hits.at(-1);
      if (!last?.sort || page.hits.hits.length < 1000) return;
      after = last.sort as (string | number)[];
    }
  }

  async #bulk<T>(
    datasource: AsyncIterator<T>,
    onDocument: (doc: T) => { index: BulkTarget } | { delete: BulkTarget },
    idOf: (doc: T | undefined, operation: Record<string, Partial<BulkTarget>>) => string,
    harmless: (status: number) => boolean = () => false,
  ) {
    let done = 0;
    const stats = await this.#client.helpers.bulk<T>({
      datasource,
      onDocument,
      flushBytes: this.#options.flushBytes ?? 5_000_000,
      concurrency: this.#options.concurrency ?? 2,
      retries: 3,
      wait: this.#options.bulkWaitMs ?? 3000,
      onDrop: (drop) => {
        if (harmless(drop.status)) return;
        const reason = drop.error ? `${drop.error.type}: ${drop.error.reason ?? ''}`.trim() : `HTTP ${drop.status}`;
        this.#failures.push({ id: idOf(drop.document, drop.operation as unknown as Record<string, Partial<BulkTarget>>), reason: `${reason} (status ${drop.status})` });
      },
      onSuccess: () => {
        done++;
        if (done % 1000 === 0) this.#log(`elasticsearch: ${done} documents written${this.#failures.length ? `, ${this.#failures.length} refused` : ''}`);
      },
    });
    this.#stats.bytes += stats.bytes;
    return stats;
  }

  async write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>): Promise<void> {
    const self = this;
    async function* records(): AsyncGenerator<ServerDocument> {
      for await (const doc of docs) {
        self.#stats.total++;
        const record = toServerDocument(doc);
        self.#seen.add(record.key);
        if (self.#mode === 'changed' && self.#existing.get(record.key) === record.hash) {
          self.#stats.unchanged++;
          continue;
        }
        yield record;
      }
    }
    const index = this.#target;
    try {
      const stats = await this.#bulk(records(), (doc) => ({ index: { _index: index, _id: doc.key } }), (doc) => doc?.docId ?? '?');
      this.#stats.sent += stats.successful;
      this.#log(`elasticsearch: ${stats.successful} documents written, ${stats.failed} refused, ${stats.retry} bulk lines retried`);
    } catch (error) {
      throw new IndexWriteError(ENGINE, 'write', reasonOf(error), this.#failures, { cause: error, liveUntouched: this.#mode === 'rebuild' });
    }
  }

  async finalize(): Promise<ServerWriteStats> {
    const alias = this.#options.indexName;
    const liveUntouched = this.#mode === 'rebuild';
    if (this.#failures.length > this.#options.maxFailures) {
      throw new IndexWriteError(ENGINE, 'write', `${this.#failures.length} documents were refused`, this.#failures, { liveUntouched });
    }
    if (this.#mode === 'changed') {
      const removed = [...this.#existing.keys()].filter((key) => !this.#seen.has(key));
      if (removed.length) {
        const index = this.#target;
        async function* keys() {
          yield* removed;
        }
        // A delete of a document that is already gone (404) is what we wanted anyway.
        await this.#bulk(
          keys(),
          (key) => ({ delete: { _index: index, _id: key } }),
          (_doc, operation) => operation.delete?._id ?? '?',
          (status) => status === 404,
        );
      }
      this.#stats.deleted = removed.length;
      await this.#call('refresh', () => this.#client.indices.refresh({ index: this.#target }));
    } else {
      const index = this.#target;
      await this.#call('restore settings', () =>
        this.#client.indices.putSettings({ index, settings: { number_of_replicas: this.#options.replicas ?? 1, refresh_interval: '1s' } }),
      );
      await this.#call('refresh', () => this.#client.indices.refresh({ index }));
      const { count } = await this.#call('count', () => this.#client.count({ index }));
      if (count !== this.#stats.sent) {
        throw new IndexWriteError(ENGINE, 'count', `the new index holds ${count} documents, ${this.#stats.sent} were written`);
      }
      const previous = await this.#aliasTargets();
      try {
        await this.#call('move alias', () =>
          this.#client.indices.updateAliases({
            actions: [...previous.map((old) => ({ remove: { index: old, alias } })), { add: { index, alias } }],
          }),
        );
      } catch (error) {
        throw new IndexWriteError(ENGINE, 'swap', (error as Error).message, [], { cause: error });
      }
      this.#log(`elasticsearch: alias "${alias}" now points at "${index}"`);
      for (const old of previous) {
        try {
          await this.#call('delete previous index', () => this.#client.indices.delete({ index: old }));
        } catch (error) {
          this.#log(`elasticsearch: the new index is live, but deleting "${old}" failed: ${(error as Error).message}`);
        }
      }
    }
    this.#finalized = true;
    return toWriteStats(this.#stats, this.#failures, this.#started, alias);
  }

  /** After a failure, delete the half-built index; the alias was never moved. */
  async close(): Promise<void> {
    if (this.#finalized || !this.#created) return;
    try {
      await this.#client.indices.delete({ index: this.#target, ignore_unavailable: true });
      this.#log(`elasticsearch: deleted the unfinished index "${this.#target}"`);
    } catch (error) {
      this.#log(`elasticsearch: could not delete the unfinished index "${this.#target}": ${reasonOf(error)}`);
    }
  }
}
