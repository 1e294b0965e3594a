import { errors } from '@elastic/elasticsearch';
import { EngineAuthError, EngineUnreachableError, ServerEngineError } from '../server/errors/index.ts';

const ENGINE = 'elasticsearch';

const statusOf = (error: unknown): number | undefined =>
  error instanceof errors.ResponseError ? error.statusCode : undefined;

/**
 * Worth another try at our level. The client already retries connection errors and 502/503/504
 * against other nodes (maxRetries); 429 "too many requests" is the cluster saying "slow down".
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError || error instanceof errors.NoLivingConnectionsError) return true;
  const status = statusOf(error);
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** The reason Elasticsearch gave, `type: reason`, or the status. */
export function reasonOf(error: unknown): string {
  if (error instanceof errors.ResponseError) {
    const cause = (error.body as { error?: { type?: string; reason?: string } } | undefined)?.error;
    return cause?.type ? `${cause.type}: ${cause.reason ?? ''}`.trim() : `HTTP ${error.statusCode}`;
  }
  return (error as Error)?.message ?? String(error);
}

export function toServerError(error: unknown, url: string): Error {
  if (error instanceof ServerEngineError) return error;
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError || error instanceof errors.TimeoutError) {
    return new EngineUnreachableError(ENGINE, url, { cause: error, detail: error.name });
  }
  const status = statusOf(error);
  if (status === 401 || status === 403) return new EngineAuthError(ENGINE, reasonOf(error), { cause: error });
  if (status === 502 || status === 503 || status === 504 || status === 429) {
    return new EngineUnreachableError(ENGINE, url, { cause: error, detail: `HTTP ${status}` });
  }
  if (error instanceof errors.ProductNotSupportedError) {
    return new ServerEngineError(ENGINE, `the server at ${url} is not Elasticsearch`, { cause: error });
  }
  return new ServerEngineError(ENGINE, reasonOf(error), { cause: error });
}
