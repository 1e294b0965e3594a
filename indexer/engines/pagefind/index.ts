import type { KbDocument } from '../../../schemas/kb-document.ts';
import { INDEX_SPEC } from '../index.ts';
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
  const writer = new PagefindWriter(outDir, log ? { log } : {});
  try {
    await writer.prepare(INDEX_SPEC);
    await writer.write(documents);
    return await writer.finalize();
  } finally {
    await writer.close();
  }
}
