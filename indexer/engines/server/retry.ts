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
