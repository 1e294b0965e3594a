import type { KbDocument } from '../../../schemas/kb-document.ts';
import type { FailedDocument } from './errors/index.ts';

/**
 * The server writers' side of the IndexWriter contract (indexer/engines/types.ts): the same four
 * steps, with the extra counts a server rebuild has (skipped by `--changed`, deleted).
 */
export interface ServerWriteStats {
  total: number;
  failed: number;
  seconds: number;
  bytes: number;
  /** Documents actually sent (less than total with `--changed`). */
  sent: number;
  /** Unchanged documents skipped by `--changed`. */
  unchanged: number;
  /** Documents removed from the index because they left the knowledge base (`--changed`). */
  deleted: number;
  failures: FailedDocument[];
  /** Name of the index now live. */
  index: string;
}

export interface ServerWriterOptions {
  /** Live name: a Meilisearch index uid or an Elasticsearch alias. */
  indexName: string;
  /** Send only documents whose hash changed, delete the removed ones, in the live index. */
  changed?: boolean;
  /** Documents per request. */
  batchSize?: number;
  /** Refused documents tolerated before a rebuild is abandoned (default 0: a partial index never goes live). */
  maxFailures?: number;
  /** Progress and retry messages, one line each. */
  log?: (line: string) => void;
  /** Injected in tests so retries do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ServerIndexWriter {
  prepare(spec?: unknown): Promise<void>;
  write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>): Promise<void>;
  finalize(): Promise<ServerWriteStats>;
  close(): Promise<void>;
}

/** A timestamped name for the index being built, so two rebuilds never write into one index. */
export const buildIndexName = (live: string, now: Date = new Date()): string =>
  `${live}_${now.toISOString().replace(/[-:.TZ]/g, '').slice(0, 17)}`;
