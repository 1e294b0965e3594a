// A thread of a WorkerPool (pool.ts). Plain JavaScript because a worker starts without the parent's
// TypeScript loader: it registers tsx itself (as bin/taldau.js does), then builds the job's function once.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { module, factory, init } = workerData;
const build = (await import(pathToFileURL(module).href))[factory];
if (typeof build !== 'function') throw new Error(`${module} exports no function ${factory}`);
const run = build(init);
parentPort.postMessage({ ready: true });

/** Top-level byte arrays that own their whole buffer move to the parent instead of being copied. */
const movable = (output) =>
  output && typeof output === 'object'
    ? Object.values(output)
        .filter((v) => v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength)
        .map((v) => v.buffer)
    : [];

parentPort.on('message', ({ id, input }) => {
  try {
    const output = run(input);
    parentPort.postMessage({ id, output }, movable(output));
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
