export interface RetryOptions {
  /** Attempts after the first one. */
  retries?: number;
  /** First pause in ms; doubles each time, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Whether an error is worth another try (busy or briefly unreachable), not a bad request. */
  isRetryable: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Injected in tests so they do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries with exponential backoff: a server restarting or under load gets time to recover. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { retries = 4, baseDelayMs = 500, maxDelayMs = 15_000, isRetryable, onRetry, sleep = realSleep } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= retries || !isRetryable(error)) throw error;
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      onRetry?.(error, attempt + 1, Math.round(delay));
      await sleep(delay);
    }
  }
}

/** How one engine's client failures are told apart and named (each engine's errors.ts). */
export interface EngineFailures {
  engine: string;
  url: string;
  isRetryable: (error: unknown) => boolean;
  /** The error for humans: the engine's own reason, not the client's wrapper text. */
  reasonOf?: (error: unknown) => string;
  toServerError: (error: unknown, url: string) => Error;
}

/**
 * A writer's way to call its server: retried with backoff while the failure is worth another try (each
 * retry logged as `<engine>: <step>: <reason>; retry n in ms`), then lowered to one of our errors that says
 * what to do. Both server writers call every request through one of these.
 */
export function engineCall(failures: EngineFailures, options: { log?: (line: string) => void; sleep?: (ms: number) => Promise<void> } = {}) {
  const reason = failures.reasonOf ?? ((error: unknown) => (error as Error).message);
  return async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await withRetry(fn, {
        isRetryable: failures.isRetryable,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onRetry: (error, attempt, delay) => options.log?.(`${failures.engine}: ${step}: ${reason(error)}; retry ${attempt} in ${delay} ms`),
      });
    } catch (error) {
      throw failures.toServerError(error, failures.url);
    }
  };
}
