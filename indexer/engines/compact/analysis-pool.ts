import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyse, type Analysis, type AnalysisInput } from './analyse.ts';

interface Reply {
  id: number;
  error?: string;
  fragment?: Uint8Array;
  terms?: string[];
  numbers?: number[];
}

/**
 * The compact writer's per-document analysis (Markdown → text → stems, the fragment's gzip: ~4.5 ms a
 * document) on worker threads, so it does not share a thread with whatever else the process does: in
 * `astro build` that is the page rendering, which otherwise waited minutes for the index at 50,000
 * decisions (issue #5). With `workers: 0` it runs in the calling thread.
 */
export class AnalysisPool {
  readonly #workers: Worker[] = [];
  readonly #waiting = new Map<number, { resolve(a: Analysis): void; reject(e: Error): void }>();
  #next = 0;
  #failed: Error | undefined;

  constructor(readonly size: number) {}

  /** One worker per core but the one the caller runs on, at least one, at most four. */
  static defaultSize(): number {
    return Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  run(input: AnalysisInput): Promise<Analysis> {
    if (this.size === 0) {
      try {
        return Promise.resolve(analyse(input));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#workers.length < this.size) this.#workers.push(this.#start());
    const id = this.#next++;
    return new Promise<Analysis>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #start(): Worker {
    const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url), { execArgv: [] });
    worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (reply.error !== undefined) return waiting.reject(new Error(reply.error));
      const counts = reply.terms!.map((t, i): [string, number] => [t, reply.numbers![i]!]);
      waiting.resolve({ fragment: reply.fragment!, counts });
    });
    // A worker that cannot start or dies fails what it was given, and the pool with it: no job waits forever.
    const fail = (error: Error) => {
      this.#failed = new Error(`compact index: an analysis worker failed: ${error.message}`);
      for (const { reject } of this.#waiting.values()) reject(this.#failed);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && this.#waiting.size > 0 && fail(new Error(`exited with code ${code}`)));
    return worker;
  }
}
