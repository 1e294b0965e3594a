import type { FailedDocument } from './errors/index.ts';
import type { ServerWriteStats } from './writer-types.ts';

/** What a server writer counts while it runs; both writers keep the same counters. */
export interface WriteCounters {
  total: number;
  sent: number;
  unchanged: number;
  deleted: number;
  bytes: number;
}

export const emptyCounters = (): WriteCounters => ({ total: 0, sent: 0, unchanged: 0, deleted: 0, bytes: 0 });

/** The summary `finalize()` returns, the same for both engines so the CLI prints one report. */
export function toWriteStats(
  counters: WriteCounters,
  failures: FailedDocument[],
  startedAt: number,
  index: string,
  now: number = Date.now(),
): ServerWriteStats {
  return {
    total: counters.total,
    failed: failures.length,
    seconds: (now - startedAt) / 1000,
    bytes: counters.bytes,
    sent: counters.sent,
    unchanged: counters.unchanged,
    deleted: counters.deleted,
    failures,
    index,
  };
}
