import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Thrown for a bad command line; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * `node:util` parseArgs with strict checking, turning its terse errors into a UsageError that the
 * command reports together with its usage text.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}
