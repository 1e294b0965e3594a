/** Base of every failure of a search server, so callers can catch one class and show `.message`. */
export class ServerEngineError extends Error {
  override name = 'ServerEngineError';
  /** Which engine failed: `meilisearch` or `elasticsearch`. */
  readonly engine: string;

  constructor(engine: string, message: string, options?: { cause?: unknown }) {
    super(`${engine}: ${message}`, options);
    this.engine = engine;
  }
}
