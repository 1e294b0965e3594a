/**
 * Opt-in stage timings: with `TALDAU_TIMINGS=1` each stage of the pipeline prints
 * `taldau timing: <stage> <wall> s, cpu <seconds> s (rss <MB> MB)` to stderr, so a slow build shows
 * where its time goes without a profiler. The CPU time (of the whole process, GC threads included)
 * reads true on a machine shared with other jobs, where wall time does not. Off by default.
 */
export function timingsEnabled(): boolean {
  const value = process.env.TALDAU_TIMINGS;
  return value !== undefined && value !== '' && value !== '0';
}

/** A stage starting, or ending after `seconds` (progress displays listen; stages may nest). */
export type StageEvent = { stage: string; phase: 'start' } | { stage: string; phase: 'end'; seconds: number };
const listeners = new Set<(event: StageEvent) => void>();

/** Hears every timed stage start and end, timings on or off; returns the function that stops listening. */
export function onStage(listener: (event: StageEvent) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function timed<T>(stage: string, run: () => T): T {
  if (!timingsEnabled() && listeners.size === 0) return run();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const l of listeners) l({ stage, phase: 'start' });
  const result = run();
  if (result instanceof Promise) return result.finally(() => ended(stage, start, cpu)) as T;
  ended(stage, start, cpu);
  return result;
}

function ended(stage: string, start: number, cpu: NodeJS.CpuUsage): void {
  const seconds = (performance.now() - start) / 1000;
  for (const l of listeners) l({ stage, phase: 'end', seconds });
  if (timingsEnabled()) report(stage, seconds, cpu);
}

function report(stage: string, seconds: number, cpu: NodeJS.CpuUsage): void {
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rss = Math.round(process.memoryUsage.rss() / 1e6);
  process.stderr.write(`taldau timing: ${stage} ${seconds.toFixed(2)} s, cpu ${cpuSeconds.toFixed(2)} s (rss ${rss} MB)\n`);
}
