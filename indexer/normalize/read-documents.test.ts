import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistrySources } from '../load/registries.ts';
import { BROKEN_DIR, EDGE_DIR, TODAY } from '../test/paths.ts';
import { validateRegistries } from '../validate/registries.ts';
import { normalizeDocuments } from './documents.ts';
import { readDocuments } from './read-documents.ts';
import { buildRegistries } from './registries.ts';

/** Reads a content directory and merges its documents, parsing on `workers` threads. */
async function read(dir: string, workers: number) {
  const { sources } = await loadRegistrySources(dir);
  const { input } = validateRegistries(sources);
  const registries = buildRegistries(input);
  const read = await readDocuments(dir, registries, TODAY, undefined, { registryInput: input, workers });
  const merged = normalizeDocuments(read.files, registries);
  return { problems: read.problems, unreadable: read.unreadable, documents: merged.documents, mergeProblems: merged.problems, rejected: merged.rejected };
}

describe('readDocuments on worker threads', () => {
  const cases = [['the broken fixture', BROKEN_DIR], ['the edge fixture', EDGE_DIR], ['the real content/', path.resolve('content')]] as const;
  for (const [name, dir] of cases) {
    it(`gives the documents and problems one thread gives (${name})`, async () => {
      const threads = await read(dir, 2);
      expect(threads).toEqual(await read(dir, 0));
      // Each case has something to compare: documents, or the problems that keep them out.
      expect(threads.documents.length + threads.problems.length + threads.mergeProblems.length).toBeGreaterThan(5);
    });
  }
});
