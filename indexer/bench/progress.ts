/**
 * Progress of a long benchmark on stderr: on a terminal one line redrawn in place with a bar; otherwise
 * (CI, a log file) plain lines, at most one every few seconds per step, so logs stay readable.
 */
export class Progress {
  #step = '';
  #stepStarted = 0;
  #lastPlain = Number.NEGATIVE_INFINITY;
  #drawn = false;

  constructor(
    readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } = process.stderr,
    readonly tty = Boolean(out.isTTY) && !process.env.CI,
    readonly plainEveryMs = 5000,
  ) {}

  step(name: string): void {
    this.#clear();
    this.#step = name;
    this.#stepStarted = performance.now();
    this.#lastPlain = Number.NEGATIVE_INFINITY;
    this.out.write(`▶ ${name}\n`);
  }

  /** `done` of `total` (total unknown = no bar), with a short note. */
  update(done: number, total: number | null, note = ''): void {
    const secs = ((performance.now() - this.#stepStarted) / 1000).toFixed(0);
    if (this.tty) {
      const width = 24;
      const frac = total ? Math.min(1, done / total) : 0;
      const bar = total ? `[${'█'.repeat(Math.round(frac * width)).padEnd(width, '░')}] ` : '';
      const text = `  ${bar}${done}${total ? `/${total}` : ''} ${note} ${secs}s`;
      this.out.write(`\r${text.slice(0, (this.out.columns ?? 100) - 1).padEnd(Math.min(99, (this.out.columns ?? 100) - 1))}`);
      this.#drawn = true;
      return;
    }
    const now = performance.now();
    if (now - this.#lastPlain < this.plainEveryMs) return;
    this.#lastPlain = now;
    this.out.write(`  ${this.#step}: ${done}${total ? `/${total}` : ''} ${note} (${secs} s)\n`);
  }

  /** A line that stays (a step's result). */
  line(text: string): void {
    this.#clear();
    this.out.write(`  ${text}\n`);
  }

  #clear(): void {
    if (this.#drawn) this.out.write('\r\x1b[K');
    this.#drawn = false;
  }
}

/** A progress sink that says nothing (tests). */
export const silentProgress = (): Progress => new Progress({ write: () => true } as unknown as NodeJS.WritableStream, false);
