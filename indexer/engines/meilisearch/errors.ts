import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { EngineAuthError, EngineUnreachableError, ServerEngineError } from '../server/errors/index.ts';

const ENGINE = 'meilisearch';

const status = (error: unknown): number | undefined =>
  error instanceof MeilisearchApiError ? error.response.status : undefined;

/** Worth another try: the server is unreachable for a moment, busy, or restarting. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError) return true;
  const code = status(error);
  return code === 429 || code === 502 || code === 503 || code === 504;
}

/** Lower failures as one of our errors with a message that says what to do, the original as `cause`. */
export function toServerError(error: unknown, url: string): Error {
  if (error instanceof ServerEngineError) return error;
  if (error instanceof MeilisearchRequestError) return new EngineUnreachableError(ENGINE, url, { cause: error });
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ?? String(error.response.status);
    if (isRetryable(error)) {
      return new EngineUnreachableError(ENGINE, url, { cause: error, detail: `HTTP ${error.response.status}` });
    }
    if (error.response.status === 401 || error.response.status === 403) {
      return new EngineAuthError(ENGINE, `${code}: ${error.message}`, { cause: error });
    }
    return new ServerEngineError(ENGINE, `${code}: ${error.message}`, { cause: error });
  }
  return error instanceof Error ? error : new ServerEngineError(ENGINE, String(error));
}
