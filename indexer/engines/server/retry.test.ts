import { describe, expect, it } from 'vitest';
import { engineCall, withRetry } from './retry.ts';

class Busy extends Error {}
class Refused extends Error {}
class Lowered extends Error {}

const noWait = async () => {};
const failures = {
  engine: 'testengine',
  url: 'http://search.local:7700',
  isRetryable: (e: unknown) => e instanceof Busy,
  reasonOf: (e: unknown) => `reason<${(e as Error).message}>`,
  toServerError: (e: unknown, url: string) => new Lowered(`${(e as Error).message} at ${url}`, { cause: e }),
};

/** A function that fails with the given errors in turn, then returns 'ok'. */
const failing = (...errors: Error[]) => {
  let calls = 0;
  const fn = async () => {
    const e = errors[calls++];
    if (e) throw e;
    return 'ok';
  };
  return Object.assign(fn, { calls: () => calls });
};

describe('engineCall', () => {
  it('retries what is worth retrying, logging each retry with the engine, step and reason', async () => {
    const log: string[] = [];
    const call = engineCall(failures, { log: (l) => log.push(l), sleep: noWait });
    const fn = failing(new Busy('503'), new Busy('503 again'));
    await expect(call('send documents', fn)).resolves.toBe('ok');
    expect(fn.calls()).toBe(3);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^testengine: send documents: reason<503>; retry 1 in \d+ ms$/);
    expect(log[1]).toMatch(/^testengine: send documents: reason<503 again>; retry 2 in \d+ ms$/);
  });

  it('does not retry a refusal, and lowers it to the engine error naming the server', async () => {
    const fn = failing(new Refused('bad document'));
    const error = await engineCall(failures, { sleep: noWait })('create index', fn).catch((e: unknown) => e);
    expect(fn.calls()).toBe(1);
    expect(error).toBeInstanceOf(Lowered);
    expect((error as Error).message).toBe('bad document at http://search.local:7700');
    expect((error as Error).cause).toBeInstanceOf(Refused);
  });

  it('gives up after the retries and lowers the last failure', async () => {
    const fn = failing(...Array.from({ length: 10 }, (_, i) => new Busy(`busy ${i}`)));
    const error = await engineCall(failures, { sleep: noWait })('count', fn).catch((e: unknown) => e);
    expect(fn.calls()).toBe(5); // the first try and withRetry's 4 retries
    expect((error as Error).message).toBe('busy 4 at http://search.local:7700');
  });
});

describe('withRetry', () => {
  it('waits longer each time, within the cap', async () => {
    const waits: number[] = [];
    const fn = failing(new Busy('a'), new Busy('b'), new Busy('c'));
    await withRetry(fn, { isRetryable: () => true, baseDelayMs: 100, maxDelayMs: 300, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(125);
    expect(waits[2]).toBeLessThanOrEqual(300 * 1.25);
    expect(waits[2]).toBeGreaterThan(waits[0]!);
  });
});
