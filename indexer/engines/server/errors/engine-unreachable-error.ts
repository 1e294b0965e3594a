import { ServerEngineError } from './server-engine-error.ts';

/** The server did not answer, or kept answering "unavailable", even after the retries. */
export class EngineUnreachableError extends ServerEngineError {
  override name = 'EngineUnreachableError';

  constructor(engine: string, url: string, options?: { cause?: unknown; detail?: string }) {
    const detail = options?.detail ? ` (${options.detail})` : '';
    super(engine, `cannot reach the server at ${url}${detail}: is it running, and is the URL right?`, options);
  }
}
