import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { cacheEnabledByDefault } from '../../cache/location.ts';
import { replaceFile } from '../../cache/store.ts';
import { WorkerPool } from '../../workers/pool.ts';
import { recordFilters } from '../pagefind/records.ts';
import { analysisInput, analysisKey, type AnalysisInput } from './analyse.ts';
import { AnalysisCache } from './analysis-cache.ts';
import { AnalysisPool, numberedAnalysis } from './analysis-pool.ts';
import { ByteReader } from './codec.ts';
import { FORMAT, FORMAT_VERSION, fragmentFile, manifestFile, shardOf, termShardFile, type CompactManifest } from './format.ts';
import { avgLength, encodeTermEntry, postingImpact, termShard } from './postings.ts';
import { analysisCacheFile, codeVersion, dropState, facetKey, readState, writeState } from './state.ts';
import type { NumberedAnalysis } from './term-ids.ts';

export interface PatchOptions {
  log?: (line: string) => void;
  /** Worker threads for the changed documents' analyses (default: WorkerPool.threadsFor their number). */
  workers?: number;
  /**
   * Ids of the only documents that may differ from the index: the others are taken as they were, without
   * reading their texts (at 50,000 documents, hashing every text to find the changed ones takes over a
   * second). For a caller that knows from content hashes what changed (site/build/plan.ts).
   */
  onlyChanged?: ReadonlySet<string>;
}

export type PatchResult = { patched: true; changed: number; seconds: number } | { patched: false; reason: string };

/** More changed documents than this share of the corpus: a full build costs about the same, so it is left to it. */
const MAX_CHANGED_SHARE = 0.1;

/** A record whose analysis changed: where it is, what it reads now, and its analyses before and after. */
interface Change {
  record: number;
  input: AnalysisInput;
  key: string;
  old?: NumberedAnalysis;
  analysis?: NumberedAnalysis;
}

/**
 * Brings the compact index at `indexDir` (written by CompactWriter, with the cache on) up to `documents`
 * when only the texts or titles of a few of them changed: rewrites those records' fragment files and the
 * term shards whose postings they change, and nothing else. The result is the index a full build writes,
 * except that the shard boundaries (`manifest.shards`) stay where they were.
 *
 * Returns `patched: false` with the reason, having changed nothing, whenever that is not possible or not
 * cheap: other documents or another order, a changed date or filter, an avgLength that moves, no state of
 * the previous build (state.ts) or of the changed documents' previous analyses, another code version, an
 * index that is not the one the state describes. The caller then runs the full writer.
 *
 * Everything is read and computed before the first write; files are replaced through temp names, the
 * state is dropped before the first write and written again after the manifest, so an interrupted patch
 * leaves no state and the next build is a full one.
 */
export async function patchCompactIndex(indexDir: string, documents: readonly KbDocument[], options: PatchOptions = {}): Promise<PatchResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const outDir = path.resolve(indexDir);
  // Where the time goes, for the log line.
  const phases: string[] = [];
  let phaseStart = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(2)} s`);
    phaseStart = now;
  };
  const no = (reason: string): PatchResult => {
    log(`compact index: not patched, a full build is needed (${reason})`);
    return { patched: false, reason };
  };
  if (!cacheEnabledByDefault()) return no('the build cache is off');

  const state = await readState(outDir);
  if (typeof state === 'string') return no(state);
  const version = await codeVersion();
  if (state.version !== version) return no('the index was built by another version of the code');
  let manifest: CompactManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, manifestFile), 'utf8')) as CompactManifest;
  } catch {
    return no(`${path.join(outDir, manifestFile)} is missing or does not parse`);
  }
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION || !Array.isArray(manifest.shards) || !manifest.shards.length) {
    return no(`${outDir} is not a ${FORMAT} index of version ${FORMAT_VERSION}`);
  }
  if (manifest.built !== state.built || manifest.docs !== state.ids.length || manifest.avgLength !== state.avgLength) {
    return no(`${outDir} is not the index the state of the previous build describes`);
  }

  // The same documents in the same record order (date descending, then id), else ids and facet columns
  // move. Same ids and, for each document, the same date (its analysis key or facet key covers it): the
  // order is the same without sorting.
  const docs = state.ids.length;
  if (documents.length !== docs) return no(`${documents.length} documents, the index has ${docs}`);
  const recordOf = new Map(state.ids.map((id, record) => [id, record]));
  const seen = new Uint8Array(docs);
  const changes: Change[] = [];
  const unchanged: string[] = [];
  for (const doc of documents) {
    const record = recordOf.get(doc.id);
    if (record === undefined) return no(`${doc.id} is not in the index`);
    if (seen[record]) return no(`${doc.id} is there twice`);
    seen[record] = 1;
    if (options.onlyChanged && !options.onlyChanged.has(doc.id)) {
      unchanged.push(state.keys[record]!);
      continue;
    }
    const input = analysisInput(doc, recordFilters(doc));
    const key = analysisKey(input);
    if (key === state.keys[record]) {
      unchanged.push(key);
      continue;
    }
    if (facetKey(input) !== state.facets[record]) return no(`the date or filters of ${doc.id} changed`);
    changes.push({ record, input, key });
  }
  changes.sort((x, y) => x.record - y.record);
  phase('finding the changed documents');
  if (!changes.length) {
    log('compact index: no document changed, nothing to patch');
    return { patched: true, changed: 0, seconds: (performance.now() - started) / 1000 };
  }
  if (changes.length > Math.max(1, docs * MAX_CHANGED_SHARE)) return no(`${changes.length} of ${docs} documents changed`);

  const cache = await AnalysisCache.open(analysisCacheFile(), version);
  for (const change of changes) {
    const old = cache.peek(state.keys[change.record]!);
    if (!old) return no(`the previous analysis of ${change.input.id} is no longer in the cache`);
    change.old = old;
  }
  phase('opening the analysis cache');
  const pool = new AnalysisPool(WorkerPool.threadsFor(changes.length, options.workers));
  try {
    const analyses = changes.map((c) => numberedAnalysis(c.input, c.key, pool, cache.termIds, cache));
    for (const a of analyses) a.catch(() => undefined); // awaited below, in order
    for (const [k, change] of changes.entries()) {
      try {
        change.analysis = await analyses[k]!;
      } catch (error) {
        return no(`the analysis of ${change.input.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await pool.close();
  }

  phase('analysing');
  // Lengths, and the rounded avgLength every impact depends on: if it moves, every impact may change.
  const lengths = [...state.lengths];
  let total = lengths.reduce((a, b) => a + b, 0);
  for (const { record, old, analysis } of changes) {
    const before = sum(old!.counts);
    if (before !== lengths[record]) return no(`the state and the cached analysis of ${state.ids[record]} disagree`);
    const after = sum(analysis!.counts);
    total += after - before;
    lengths[record] = after;
  }
  const avg = avgLength(total, docs);
  if (avg !== manifest.avgLength) return no(`avgLength moves from ${manifest.avgLength} to ${avg}`);

  // Per term whose postings change: record → new impact (0: the record no longer holds the term).
  const terms = cache.termIds.terms;
  const edits = new Map<string, Map<number, number>>();
  const edit = (term: string, record: number, value: number) => {
    let m = edits.get(term);
    if (!m) edits.set(term, (m = new Map()));
    m.set(record, value);
  };
  for (const { record, old, analysis } of changes) {
    const before = new Map<number, number>();
    for (let k = 0; k < old!.ids.length; k++) before.set(old!.ids[k]!, postingImpact(old!.counts[k]!, state.lengths[record]!, avg));
    const now = analysis!;
    for (let k = 0; k < now.ids.length; k++) {
      const value = postingImpact(now.counts[k]!, lengths[record]!, avg);
      if (before.get(now.ids[k]!) !== value) edit(terms[now.ids[k]!]!, record, value);
      before.delete(now.ids[k]!);
    }
    for (const id of before.keys()) edit(terms[id]!, record, 0);
  }

  // The shards holding those terms, decoded, edited and encoded as the writer encodes them.
  const shards = [...manifest.shards];
  const byShard = new Map<number, string[]>();
  for (const term of edits.keys()) {
    const i = shardOf(shards, term);
    byShard.get(i)?.push(term) ?? byShard.set(i, [term]);
  }
  const shardBytes = new Map<number, Uint8Array>();
  try {
    // Read and gzipped side by side (zlib's threads): at 50,000 documents one changed length touches a hundred shards.
    await Promise.all(
      [...byShard].map(async ([i, changedTerms]) => {
        const file = path.join(outDir, termShardFile(i));
        const entries = readShard(gunzipSync(await readFile(file)), file);
        editShard(entries, changedTerms, edits, file);
        const sorted = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        // A new term before the first shard's first term: the first shard's bound follows it (a term lives
        // in the last shard whose first term is <= it).
        if (i === 0 && sorted.length && sorted[0]! < shards[0]!) shards[0] = sorted[0]!;
        shardBytes.set(i, await termShard(sorted.map((t) => entries.get(t)!)));
      }),
    );
  } catch (error) {
    return no(error instanceof Error ? error.message : String(error));
  }

  phase(`editing ${shardBytes.size} term shards`);
  // Writes: the state goes first (an interrupted patch must not be trusted), the manifest last but the state.
  await dropState(outDir);
  const replace = (relative: string, bytes: Uint8Array | string) => replaceFile(path.join(outDir, relative), bytes);
  for (const { record, analysis } of changes) await replace(fragmentFile(record), analysis!.fragment);
  for (const [i, bytes] of shardBytes) await replace(termShardFile(i), bytes);
  const patched: CompactManifest = { ...manifest, shards, built: new Date().toISOString() };
  await replace(manifestFile, JSON.stringify(patched));

  phase('writing');
  for (const key of unchanged) cache.keep(key);
  await cache.save();
  const keys = [...state.keys];
  for (const { record, key } of changes) keys[record] = key;
  await writeState(outDir, { version, built: patched.built, avgLength: avg, ids: state.ids, keys, lengths, facets: state.facets });
  phase('saving the cache and the state');
  const seconds = (performance.now() - started) / 1000;
  log(`compact index: patched ${changes.length} documents (${edits.size} terms in ${shardBytes.size} shards) in ${seconds.toFixed(2)} s → ${outDir}`);
  log(`compact index: patch time: ${phases.join(', ')}`);
  return { patched: true, changed: changes.length, seconds };
}

const sum = (xs: Uint32Array): number => xs.reduce((a, b) => a + b, 0);

/**
 * Applies `edits` (record → impact, 0: gone) of `terms` to a shard's entries, merging the few edited
 * records into the decoded postings (a common term has one per document); a term left without postings goes.
 */
function editShard(entries: Map<string, Uint8Array>, terms: readonly string[], edits: Map<string, Map<number, number>>, file: string): void {
  for (const term of terms) {
    let records = new Uint32Array(0);
    let impacts: Uint8Array = new Uint8Array(0);
    const entry = entries.get(term);
    if (entry) {
      const r = new ByteReader(entry, file);
      r.string();
      const df = r.varint();
      records = new Uint32Array(df);
      let id = 0;
      for (let k = 0; k < df; k++) records[k] = id += r.varint();
      impacts = r.take(df);
    }
    const changed = [...edits.get(term)!].sort((x, y) => x[0] - y[0]);
    const outRecords = new Uint32Array(records.length + changed.length);
    const outImpacts = new Uint8Array(records.length + changed.length);
    let n = 0;
    let k = 0;
    for (const [record, value] of changed) {
      for (; k < records.length && records[k]! < record; k++, n++) (outRecords[n] = records[k]!), (outImpacts[n] = impacts[k]!);
      if (k < records.length && records[k] === record) k++; // replaced or removed
      if (value) (outRecords[n] = record), (outImpacts[n] = value), n++;
    }
    for (; k < records.length; k++, n++) (outRecords[n] = records[k]!), (outImpacts[n] = impacts[k]!);
    if (n === 0) entries.delete(term);
    else entries.set(term, encodeTermEntry(term, outRecords.subarray(0, n), outImpacts.subarray(0, n)));
  }
}

/** A shard's entries as they are (term → the entry's bytes), in file order. */
function readShard(bytes: Uint8Array, source: string): Map<string, Uint8Array> {
  const r = new ByteReader(bytes, source);
  const entries = new Map<string, Uint8Array>();
  const count = r.varint();
  for (let n = 0; n < count; n++) {
    const start = r.offset;
    const term = r.string();
    const df = r.varint();
    for (let k = 0; k < df; k++) r.varint();
    r.take(df);
    entries.set(term, bytes.subarray(start, r.offset));
  }
  if (r.offset !== bytes.length) throw new Error(`${source}: bytes after the last term`);
  return entries;
}
