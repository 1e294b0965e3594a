import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './args.ts';

export const DEFAULT_CONTENT = 'content';

/** The `--content` directory, resolved; a missing one is a usage error rather than an empty knowledge base. */
export async function contentDir(arg: string | undefined): Promise<{ arg: string; dir: string }> {
  const given = arg ?? DEFAULT_CONTENT;
  const dir = path.resolve(given);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`content directory not found: ${given}`);
  return { arg: given, dir };
}
