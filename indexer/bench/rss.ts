import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of a process tree read from /proc, so the peak of a build counts every helper it
 * spawns (astro's workers, the pagefind binary under the Node API), not just the process we started.
 */

/** Parent pid of every live process (pid → ppid). */
export function processParents(proc = '/proc'): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`${proc}/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: parse after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(rest[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return parents;
}

/** `root` and all its descendants. */
export function processTree(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (out.includes(pid)) continue;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS of one process in bytes (0 if it is gone or a kernel thread). */
export function processRss(pid: number, proc = '/proc'): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`${proc}/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of the resident memory of `root` and its descendants, in bytes. */
export function treeRss(root: number, proc = '/proc'): number {
  return processTree(root, processParents(proc)).reduce((sum, pid) => sum + processRss(pid, proc), 0);
}

/** Samples a process tree's RSS on an interval and keeps the peak. */
export class RssSampler {
  peakBytes = 0;
  samples = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly root: number, readonly intervalMs = 250) {}

  start(): this {
    this.sample();
    this.#timer = setInterval(() => this.sample(), this.intervalMs);
    this.#timer.unref();
    return this;
  }

  sample(): number {
    const bytes = treeRss(this.root);
    this.samples++;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    return bytes;
  }

  stop(): number {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    return this.peakBytes;
  }
}
