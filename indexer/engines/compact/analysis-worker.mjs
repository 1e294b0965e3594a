// A worker thread of the compact writer's analysis pool (analysis-pool.ts). Plain JavaScript because a worker
// starts without the parent's TypeScript loader: it registers tsx itself (as bin/taldau.js does), then
// loads the one function it runs.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { analyse } = await import('./analyse.ts');

parentPort.on('message', ({ id, input }) => {
  try {
    const { fragment, counts } = analyse(input);
    const terms = [];
    const numbers = [];
    for (const [term, n] of counts) terms.push(term), numbers.push(n);
    // The fragment's bytes move to the parent rather than being copied.
    parentPort.postMessage({ id, fragment, terms, numbers }, [fragment.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
