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

/** A worker's message: its job is built (`ready`), or the answer for input `id`. */
interface Reply {
  ready?: true;
  id: number;
  error?: string;
  output?: unknown;
}

/** Below this many inputs, a pool's threads cost more to start than they save. */
const THREADS_FROM = 200;

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
 * machine sat idle while one thread masked or analysed 50,000 documents). With `size` 0, when the
 * worker's files cannot be found, or when a thread cannot start its job (no TypeScript loader, say),
 * jobs run in the calling thread, same results: threads make a build faster, never possible.
 */
export class WorkerPool<Init, In, Out> {
  readonly #workers: Worker[] = [];
  readonly #ready = new WeakSet<Worker>();
  readonly #waiting = new Map<number, { input: In; resolve(out: Out): void; reject(e: Error): void }>();
  readonly #files: { worker: string; module: string } | undefined;
  #local: ((input: In) => Out) | undefined;
  #next = 0;
  #failed: Error | undefined;
  #size: number;

  constructor(
    readonly job: Job<Init, In, Out>,
    size: number,
  ) {
    const worker = projectFile('indexer/workers/worker.mjs');
    const module = projectFile(job.module);
    this.#files = worker && module ? { worker, module } : undefined;
    this.#size = this.#files ? size : 0;
  }

  /** Threads the pool runs (0: the calling thread). */
  get size(): number {
    return this.#size;
  }

  /**
   * Threads for `count` inputs the calling thread only waits for: `requested` when given, else every
   * core (at most four) from 200 inputs, and none below, where starting threads costs more than it saves.
   */
  static threadsFor(count: number, requested?: number): number {
    return requested ?? (count >= THREADS_FROM ? WorkerPool.allCores() : 0);
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
    if (this.#size === 0) return this.#runHere(input);
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#workers.length < this.#size) this.#workers.push(this.#start());
    const id = this.#next++;
    return new Promise<Out>((resolve, reject) => {
      this.#waiting.set(id, { input, resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ id, input });
    });
  }

  #runHere(input: In): Promise<Out> {
    try {
      this.#local ??= this.job.local(this.job.init);
      return Promise.resolve(this.#local(input));
    } catch (error) {
      return Promise.reject(error);
    }
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

  #fallBack(error: Error): void {
    process.emitWarning(`${this.job.name}: worker threads could not start (${error.message}); working in this thread`);
    this.#size = 0;
    for (const w of this.#workers.splice(0)) void w.terminate();
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const { input, resolve, reject } of waiting) this.#runHere(input).then(resolve, reject);
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #start(): Worker {
    const { worker: file, module } = this.#files!;
    const worker = new Worker(file, { execArgv: [], workerData: { module, factory: this.job.factory, init: this.job.init } });
    worker.on('message', (reply: Reply) => {
      if (reply.ready) return void this.#ready.add(worker);
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.output as Out);
    });
    // A worker that cannot build its job sends the pool back to this thread, what it was given included.
    // One that dies at work fails what it was given, and the pool with it: no job waits forever.
    const fail = (error: Error) => {
      if (!this.#ready.has(worker) && this.#size > 0) return this.#fallBack(error);
      this.#failed = new Error(`${this.job.name}: a worker failed: ${error.message}`);
      for (const { reject } of this.#waiting.values()) reject(this.#failed);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && this.#waiting.size > 0 && fail(new Error(`exited with code ${code}`)));
    return worker;
  }
}
