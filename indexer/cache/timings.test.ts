import { afterEach, describe, expect, it } from 'vitest';
import { onStage, timed, type StageEvent } from './timings.ts';

describe('stage events', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('tell listeners when a stage starts and ends, nested and async, with timings off', async () => {
    const events: StageEvent[] = [];
    stop = onStage((e) => events.push(e));
    const value = await timed('outer', async () => {
      timed('inner', () => 1 + 1);
      await new Promise((r) => setTimeout(r, 20));
      return 'done';
    });
    expect(value).toBe('done');
    expect(events.map((e) => `${e.phase} ${e.stage}`)).toEqual(['start outer', 'start inner', 'end inner', 'end outer']);
    const outer = events.at(-1) as Extract<StageEvent, { phase: 'end' }>;
    expect(outer.seconds).toBeGreaterThanOrEqual(0.015);
  });

  it('stop when unsubscribed', () => {
    const events: StageEvent[] = [];
    onStage((e) => events.push(e))();
    timed('quiet', () => null);
    expect(events).toEqual([]);
  });
});
