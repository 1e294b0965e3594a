import { ServerEngineError } from './server-engine-error.ts';

/** The server refused the credentials (wrong key, or a key without the needed rights). */
export class EngineAuthError extends ServerEngineError {
  override name = 'EngineAuthError';

  constructor(engine: string, detail: string, options?: { cause?: unknown }) {
    super(engine, `the server refused the credentials (${detail}); check the key and its permissions`, options);
  }
}
