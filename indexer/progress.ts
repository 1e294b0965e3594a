/**
 * Progress of a long run (the benchmark, `taldau index`) on stderr: on a terminal one line redrawn in
 * place with a bar, at most ten times a second; otherwise (CI, a log file) plain lines, at most one every
 * few seconds per step, so logs stay readable.
 */
export class Progress {
  #step = '';
  #stepStarted = 0;
  #lastPlain = Number.NEGATIVE_INFINITY;
  #lastDrawn = Number.NEGATIVE_INFINITY;
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
    this.#lastDrawn = Number.NEGATIVE_INFINITY;
    this.out.write(`▶ ${name}\n`);
  }

  /** `done` of `total` (total unknown = no bar), with a short note. */
  update(done: number, total: number | null, note = ''): void {
    const now = performance.now();
    const secs = ((now - this.#stepStarted) / 1000).toFixed(0);
    if (this.tty) {
      // Redrawing a line per record (100,000 of them) would cost more than the work it reports.
      if (now - this.#lastDrawn < 100 && done !== total) return;
      this.#lastDrawn = now;
      const width = 24;
      const frac = total ? Math.min(1, done / total) : 0;
      const bar = total ? `[${'█'.repeat(Math.round(frac * width)).padEnd(width, '░')}] ` : '';
      const text = `  ${bar}${count(done, total)}${note} ${secs}s`;
      this.out.write(`\r${text.slice(0, (this.out.columns ?? 100) - 1).padEnd(Math.min(99, (this.out.columns ?? 100) - 1))}`);
      this.#drawn = true;
      return;
    }
    if (now - this.#lastPlain < this.plainEveryMs) return;
    this.#lastPlain = now;
    this.out.write(`  ${this.#step}: ${count(done, total)}${note} (${secs} s)\n`);
  }

  /**
   * For a step that reports nothing while it works (Pagefind writing its files): the elapsed time, every
   * second on a terminal (plain lines keep their own pace). Call the returned function when it ends.
   */
  ticking(note: string): () => void {
    this.update(0, null, note);
    const timer = setInterval(() => this.update(0, null, note), 1000);
    timer.unref();
    return () => clearInterval(timer);
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

/** «12/300 », «12 », or nothing for a step with no count (a ticking one). */
const count = (done: number, total: number | null): string => (total === null && done === 0 ? '' : `${done}${total ? `/${total}` : ''} `);

/** A progress sink that says nothing (tests). */
export const silentProgress = (): Progress => new Progress({ write: () => true } as unknown as NodeJS.WritableStream, false);

/**
 * Each document of `docs`, the progress line counting them as they go (`n/total` when `docs` is an
 * array). The index writers' loop: a step named `step`, then one update per document.
 */
export async function* eachCounted<T>(docs: AsyncIterable<T> | Iterable<T>, progress: Progress | undefined, step: string): AsyncGenerator<T> {
  const expected = Array.isArray(docs) ? docs.length : null;
  progress?.step(step);
  let done = 0;
  for await (const doc of docs) {
    progress?.update(++done, expected, 'documents');
    yield doc;
  }
}
