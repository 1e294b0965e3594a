import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A job a pool runs: a module of the project (path from the project root, e.g.
 * `indexer/enrich/per-document.ts`) exporting `factory`, which is called once per thread with `init`
 * and returns the function each input goes through. Inputs, `init` and outputs cross threads by
 * structured clone, so they are plain data; a Uint8Array at the top level of an output that owns its
 * whole buffer is moved, not copied.
 */
export interface Job<Init, In, Out> {
  module: string;
  factory: string;
  init: Init;
  /** The same factory, imported by the caller: what runs when the pool has no threads. */
  local: (init: Init) => (input: In) => Out;
  /** Names the work in errors: «enrich: a worker failed: …». */
  name: string;
}

interface Reply {
  id: number;
  error?: string;
  output?: unknown;
}

/** The project's root as the source sees it: the real files when run from source, else the working directory. */
function projectFile(relative: string): string | undefined {
  const roots: string[] = [];
  // Under Vite's bundle (the site's pages) this module is a chunk in the build output, not the source.
  if (import.meta.url.startsWith('file:')) roots.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
  roots.push(process.cwd());
  return roots.map((root) => path.join(root, relative)).find((file) => existsSync(file));
}

/**
 * Worker threads for per-document work that is pure and CPU-bound (issue #5: on two cores, half the
 * machine sat idle while one thread masked or analysed 50,000 documents). With `size` 0, or when the
 * worker's files cannot be found, jobs run in the calling thread, same results.
 */
export class WorkerPool<Init, In, Out> {
  readonly #workers: Worker[] = [];
  readonly #waiting = new Map<number, { resolve(out: Out): void; reject(e: Error): void }>();
  readonly #files: { worker: string; module: string } | undefined;
  #local: ((input: In) => Out) | undefined;
  #next = 0;
  #failed: Error | undefined;
  readonly size: number;

  constructor(
    readonly job: Job<Init, In, Out>,
    size: number,
  ) {
    const worker = projectFile('indexer/workers/worker.mjs');
    const module = projectFile(job.module);
    this.#files = worker && module ? { worker, module } : undefined;
    this.size = this.#files ? size : 0;
  }

  /** Every core, at least one, at most four: for work the calling thread only waits for. */
  static allCores(): number {
    return Math.max(1, Math.min(4, availableParallelism()));
  }

  /** Every core but the calling thread's, at least one, at most four: for work beside the caller's own. */
  static spareCores(): number {
    return Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  run(input: In): Promise<Out> {
    if (this.size === 0) {
      try {
        this.#local ??= this.job.local(this.job.init);
        return Promise.resolve(this.#local(input));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#workers.length < this.size) this.#workers.push(this.#start());
    const id = this.#next++;
    return new Promise<Out>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ id, input });
    });
  }

  /**
   * Every input through the pool, at most `inFlight` at a time (so a large corpus is not queued whole
   * in the workers' memory), outputs in input order. Rejects with the first failure.
   */
  async map(inputs: In[], inFlight = 64): Promise<Out[]> {
    const outputs = new Array<Out>(inputs.length);
    let next = 0;
    const lane = async () => {
      while (next < inputs.length) {
        const i = next++;
        outputs[i] = await this.run(inputs[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, inputs.length) }, lane));
    return outputs;
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #start(): Worker {
    const { worker: file, module } = this.#files!;
    const worker = new Worker(file, { execArgv: [], workerData: { module, factory: this.job.factory, init: this.job.init } });
    worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.output as Out);
    });
    // A worker that cannot start or dies fails what it was given, and the pool with it: no job waits forever.
    const fail = (error: Error) => {
      this.#failed = new Error(`${this.job.name}: a worker failed: ${error.message}`);
      for (const { reject } of this.#waiting.values()) reject(this.#failed);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && this.#waiting.size > 0 && fail(new Error(`exited with code ${code}`)));
    return worker;
  }
}
