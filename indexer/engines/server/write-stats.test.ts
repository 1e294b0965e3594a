import { describe, expect, it } from 'vitest';
import { emptyCounters, toWriteStats } from './write-stats.ts';

describe('toWriteStats', () => {
  it('reports the counters, the refused documents and the elapsed seconds', () => {
    const counters = { ...emptyCounters(), total: 5, sent: 3, unchanged: 1, bytes: 2048 };
    const failures = [{ id: 'decision/x', reason: 'mapper_parsing_exception (status 400)' }];
    expect(toWriteStats(counters, failures, 1_000, 'taldau', 3_500)).toEqual({
      total: 5,
      failed: 1,
      seconds: 2.5,
      bytes: 2048,
      sent: 3,
      unchanged: 1,
      deleted: 0,
      failures,
      index: 'taldau',
    });
  });
});
