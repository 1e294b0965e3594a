import { WorkerPool } from '../../workers/pool.ts';
import { analyse, type AnalysisInput } from './analyse.ts';
import type { AnalysisCache } from './analysis-cache.ts';
import type { NumberedAnalysis, TermIds } from './term-ids.ts';

/** An analysis as it crosses threads: two flat arrays clone far faster than thousands of small pairs. */
export interface FlatAnalysis {
  fragment: Uint8Array;
  terms: string[];
  numbers: number[];
}

/** The pool's job (see WorkerPool): `analyse`, its term counts flattened. */
export function flatAnalysis(): (input: AnalysisInput) => FlatAnalysis {
  return (input) => {
    const { fragment, counts } = analyse(input);
    const terms: string[] = [];
    const numbers: number[] = [];
    for (const [term, n] of counts) terms.push(term), numbers.push(n);
    return { fragment, terms, numbers };
  };
}

/**
 * The compact writer's per-document analysis (Markdown → text → stems, the fragment's gzip) on worker
 * threads, so it does not share a thread with whatever else the process does: in `astro build` that is
 * the page rendering, which otherwise waited minutes for the index at 50,000 decisions (issue #5).
 * With `workers: 0` it runs in the calling thread.
 */
export class AnalysisPool {
  readonly #pool: WorkerPool<undefined, AnalysisInput, FlatAnalysis>;

  constructor(size: number) {
    this.#pool = new WorkerPool(
      { module: 'indexer/engines/compact/analysis-pool.ts', factory: 'flatAnalysis', init: undefined, local: flatAnalysis, name: 'compact index analysis' },
      size,
    );
  }

  /** Beside the thread that renders pages: every core but that one. */
  static defaultSize(): number {
    return WorkerPool.spareCores();
  }

  run(input: AnalysisInput): Promise<FlatAnalysis> {
    return this.#pool.run(input);
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/**
 * A document's analysis: the one stored in `cache` under `key`, or one computed on `pool`, its terms
 * numbered in `termIds` and put into `cache` for the next build. The writer and the patcher both go
 * through here, so a patched record is analysed exactly as a written one.
 */
export function numberedAnalysis(input: AnalysisInput, key: string, pool: AnalysisPool, termIds: TermIds, cache?: AnalysisCache): Promise<NumberedAnalysis> {
  const cached = cache?.get(key);
  if (cached) return Promise.resolve(cached);
  return pool.run(input).then(({ fragment, terms, numbers }) => {
    const analysis = { fragment, ids: Uint32Array.from(terms, (t) => termIds.id(t)), counts: Uint32Array.from(numbers) };
    cache?.put(key, analysis);
    return analysis;
  });
}
