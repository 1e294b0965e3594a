/**
 * Runs engine calls so that any failure of the client comes out as the project's server error for that
 * engine (down, wrong key, refused …), with the server's address kept out of what reaches a visitor.
 */
export function guardEngineCalls(toServerError: (error: unknown, url: string) => Error, url: string) {
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toServerError(error, url);
    }
  };
}
