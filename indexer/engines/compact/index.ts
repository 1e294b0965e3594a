import type { KbDocument } from '../../../schemas/kb-document.ts';
import { writeAll } from '../index.ts';
import type { IndexStats } from '../types.ts';
import { CompactWriter } from './writer.ts';

export { CompactWriter } from './writer.ts';

/** Writes the compact index of `documents` to `outDir` (replacing any previous one only when complete). */
export async function writeCompactIndex(documents: KbDocument[], outDir: string, log?: (line: string) => void): Promise<IndexStats> {
  return writeAll(new CompactWriter(outDir, log ? { log } : {}), documents);
}

export { patchCompactIndex, type PatchResult } from './patch.ts';
