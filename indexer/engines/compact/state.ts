import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, sourceHash } from '../../cache/location.ts';
import { hashOf, replaceFile } from '../../cache/store.ts';
import type { AnalysisInput } from './analyse.ts';

/**
 * What a full build of the compact index leaves for the next patch (patch.ts): per record its document,
 * the key of its analysis in the analysis cache and its length, plus the manifest's `built` (which ties
 * the state to the one index it describes). It is build state, not part of the served index: it lives
 * in the cache directory beside `analysis.bin`, one file per index directory.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The code an analysis (and the index) depends on: a change to any of it invalidates the cache and the state. */
const ANALYSIS_CODE = ['indexer/engines/compact', 'indexer/engines/pagefind/plain-text.ts', 'indexer/engines/pagefind/records.ts', 'schemas/facets.ts'];

const STATE_FORMAT = 'taldau-compact-state';

/** The analysis cache's file. */
export const analysisCacheFile = (): string => path.join(cacheDir(ROOT, 'compact'), 'analysis.bin');

/** The version of the code behind the analyses and the index: the analysis cache's and the state's. */
export const codeVersion = (): Promise<string> => sourceHash(ROOT, ANALYSIS_CODE);

/** The state file of the index at `indexDir`: named by its resolved path, so two index directories never share one. */
export const stateFile = (indexDir: string): string => path.join(cacheDir(ROOT, 'compact'), `index-${hashOf(path.resolve(indexDir)).slice(0, 16)}.json`);

/** What a record's facet columns and place in the order are made of (its date and filters), hashed. */
export const facetKey = (input: Pick<AnalysisInput, 'date' | 'filters'>): string => hashOf(input.date, input.filters).slice(0, 16);

export interface CompactState {
  format: typeof STATE_FORMAT;
  /** codeVersion() of the build. */
  version: string;
  indexDir: string;
  /** The manifest's `built` and `avgLength` as written. */
  built: string;
  avgLength: number;
  /** Per record, in record order: document id, analysis key, length (term occurrences), facet key. */
  ids: string[];
  keys: string[];
  lengths: number[];
  facets: string[];
}

export type StateRecords = Pick<CompactState, 'ids' | 'keys' | 'lengths' | 'facets'>;

export async function writeState(indexDir: string, state: Omit<CompactState, 'format' | 'indexDir'>): Promise<void> {
  const file = stateFile(indexDir);
  const full: CompactState = { format: STATE_FORMAT, indexDir: path.resolve(indexDir), ...state };
  await replaceFile(file, JSON.stringify(full));
}

/** The state of the index at `indexDir`, or a reason there is none usable. */
export async function readState(indexDir: string): Promise<CompactState | string> {
  let state: CompactState;
  try {
    state = JSON.parse(await readFile(stateFile(indexDir), 'utf8')) as CompactState;
  } catch {
    return 'no state of the previous build (it was built without the cache, elsewhere, or the cache was cleared)';
  }
  const n = state?.ids?.length;
  const ok =
    state.format === STATE_FORMAT &&
    state.indexDir === path.resolve(indexDir) &&
    typeof state.built === 'string' &&
    typeof state.avgLength === 'number' &&
    typeof state.version === 'string' &&
    Array.isArray(state.ids) &&
    state.keys?.length === n &&
    state.lengths?.length === n &&
    state.facets?.length === n;
  return ok ? state : 'the state of the previous build does not parse';
}

/** Forgets the state of `indexDir` (before the index is changed, so an interrupted patch is never trusted). */
export const dropState = (indexDir: string): Promise<void> => rm(stateFile(indexDir), { force: true });
