import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WorkerPool, type Job } from './pool.ts';
import { testJob } from './test-job.ts';

type In = { text: string; fail?: boolean | 'exit' };
type Out = ReturnType<ReturnType<typeof testJob>>;
const job = (module = 'indexer/workers/test-job.ts'): Job<{ salt: string }, In, Out> => ({ module, factory: 'testJob', init: { salt: 's' }, local: testJob, name: 'test' });
const inputs = Array.from({ length: 300 }, (_, i) => ({ text: `документ ${i}` }));

describe('WorkerPool', () => {
  it('gives, on two threads, what the calling thread gives, in input order, bytes included', async () => {
    const threads = new WorkerPool(job(), 2);
    const local = new WorkerPool(job(), 0);
    try {
      const [a, b] = await Promise.all([threads.map(inputs, 16), local.map(inputs)]);
      expect(a.map((o) => o.text)).toEqual(inputs.map((i) => `s:${i.text.toUpperCase()}`));
      expect(a.map((o) => [o.text, new TextDecoder().decode(o.bytes)])).toEqual(b.map((o) => [o.text, new TextDecoder().decode(o.bytes)]));
      expect(a[0]!.bytes).toBeInstanceOf(Uint8Array);
      expect(threads.size).toBe(2);
      expect(isMainThread).toBe(true);
    } finally {
      await threads.close();
    }
  });

  it('rejects a failed input with its reason, and goes on with the others', async () => {
    const pool = new WorkerPool(job(), 1);
    try {
      await expect(pool.run({ text: 'x', fail: true })).rejects.toThrow('refused x');
      await expect(pool.run({ text: 'y' })).resolves.toMatchObject({ text: 's:Y' });
      await expect(pool.map([{ text: 'a' }, { text: 'b', fail: true }])).rejects.toThrow('refused b');
    } finally {
      await pool.close();
    }
  });

  it('runs in the calling thread when the job module cannot be found', async () => {
    const pool = new WorkerPool(job('indexer/workers/no-such-job.ts'), 2);
    expect(pool.size).toBe(0);
    await expect(pool.run({ text: 'z' })).resolves.toMatchObject({ text: 's:Z' });
    await pool.close();
  });

  it('works in the calling thread, with a warning, when its threads cannot build the job', async () => {
    const warnings: string[] = [];
    const warn = (w: Error) => warnings.push(w.message);
    process.on('warning', warn);
    const pool = new WorkerPool({ ...job(), factory: 'noSuchFactory' }, 2);
    try {
      // What was sent to the threads before they failed is answered too.
      await expect(pool.map([{ text: 'q' }, { text: 'r' }, { text: 's' }])).resolves.toEqual([
        expect.objectContaining({ text: 's:Q' }),
        expect.objectContaining({ text: 's:R' }),
        expect.objectContaining({ text: 's:S' }),
      ]);
      expect(pool.size).toBe(0);
      await new Promise((r) => setTimeout(r, 10));
      expect(warnings).toEqual([expect.stringMatching(/^test: worker threads could not start .*noSuchFactory.*; working in this thread$/)]);
    } finally {
      process.off('warning', warn);
      await pool.close();
    }
  });

  it('fails what it was given when a thread dies at work, naming the work', async () => {
    const pool = new WorkerPool(job(), 1);
    try {
      await pool.run({ text: 'warm' }); // the thread is up and has built its job
      await expect(pool.run({ text: 'exit', fail: 'exit' } as In)).rejects.toThrow('test: a worker failed');
      await expect(pool.run({ text: 'after' })).rejects.toThrow('test: a worker failed');
    } finally {
      await pool.close();
    }
  });
});
