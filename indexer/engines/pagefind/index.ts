import type { KbDocument } from '../../../schemas/kb-document.ts';
import { writeAll } from '../index.ts';
import type { IndexStats } from '../types.ts';
import { PagefindWriter } from './writer.ts';

export { PagefindWriter } from './writer.ts';
export { toPagefindRecords, recordFilters } from './records.ts';
export { markdownToPlainText } from './plain-text.ts';

/**
 * Writes the Pagefind index of `documents` to `outDir` (replacing any previous one only when complete).
 * The site build calls this at `astro:build:done` with the same documents it rendered.
 */
export async function writePagefindIndex(documents: KbDocument[], outDir: string, log?: (line: string) => void): Promise<IndexStats> {
  return writeAll(new PagefindWriter(outDir, log ? { log } : {}), documents);
}
