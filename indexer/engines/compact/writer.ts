import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { eachCounted, type Progress } from '../../progress.ts';
import { cacheEnabledByDefault } from '../../cache/location.ts';
import { stagingDirFor, swapInto, writtenStats } from '../index-dir.ts';
import { recordFilters } from '../pagefind/records.ts';
import type { IndexSpec, IndexStats, IndexWriter, WriteFailure } from '../types.ts';
import { ByteWriter } from './codec.ts';
import { BM25, FORMAT, FORMAT_VERSION, deepestCodes, facetFile, fragmentFile, manifestFile, termShardFile, type CompactManifest } from './format.ts';
import { analysisInput, analysisKey, type AnalysisInput } from './analyse.ts';
import { AnalysisCache } from './analysis-cache.ts';
import { AnalysisPool, numberedAnalysis } from './analysis-pool.ts';
import { PostingsBuilder, termShard } from './postings.ts';
import { analysisCacheFile, codeVersion, dropState, facetKey, writeState } from './state.ts';
import { TermIds, type NumberedAnalysis } from './term-ids.ts';

export interface CompactWriterOptions {
  log?: (line: string) => void;
  progress?: Progress;
  /** Keep each document's analysis for the next build (default: on, see indexer/cache/location.ts). */
  cache?: boolean;
  /** Worker threads for the analysis; 0 runs it in the calling thread (default: AnalysisPool.defaultSize()). */
  workers?: number;
}

/**
 * Documents whose analysis may be under way at once: enough to keep the workers busy while results are
 * taken in arrival order (which keeps the index byte-identical however the workers interleave).
 */
const ANALYSES_IN_FLIGHT = 64;

/** A document on its way into the index: what its analysis reads (id, date and filters too), and the analysis. */
interface Pending {
  input: AnalysisInput;
  /** Its analysis cache key ('' without a cache). */
  key: string;
  analysis: Promise<NumberedAnalysis>;
}

/** A term shard is closed once its entries pass this many bytes (before gzip): one fetch per word stays small. */
export const SHARD_BYTES = 32 * 1024;

/**
 * Writes the compact static index (FORMAT.md) in one pass over the documents: each document's fragment is
 * written as it arrives, its terms go into the in-memory postings, its facet values into columns. At the
 * end records are numbered in date order and the term shards, facet columns and manifest are written.
 * Like the Pagefind writer it builds in a staging directory and swaps it in only when complete.
 */
export class CompactWriter implements IndexWriter {
  readonly outDir: string;
  readonly #log: (line: string) => void;
  readonly #progress: Progress | undefined;
  readonly #useCache: boolean;
  readonly #pool: AnalysisPool;
  #cache: AnalysisCache | undefined;
  /** Term numbers of this build: the cache's dictionary when there is a cache. */
  #termIds = new TermIds();
  #staging: string | undefined;
  #started = 0;
  #postings = new PostingsBuilder();
  /** Per arrival: date and id (the final order), and facet values. */
  #order: { date: string; id: string }[] = [];
  /** Per arrival: analysis key and facet key, for the state a patch starts from (state.ts). */
  #keys: string[] = [];
  #facetKeys: string[] = [];
  #version = '';
  #facets = new Map<string, { hierarchical: boolean; ids: Map<string, number>; values: string[]; perRecord: number[][] }>();
  #failures: WriteFailure[] = [];
  #total = 0;

  constructor(outDir: string, options: CompactWriterOptions = {}) {
    this.outDir = path.resolve(outDir);
    this.#log = options.log ?? (() => {});
    this.#progress = options.progress;
    this.#useCache = options.cache ?? cacheEnabledByDefault();
    this.#pool = new AnalysisPool(options.workers ?? AnalysisPool.defaultSize());
  }

  async prepare(spec: IndexSpec): Promise<void> {
    this.#started = performance.now();
    if (this.#useCache) {
      this.#version = await codeVersion();
      this.#cache = await AnalysisCache.open(analysisCacheFile(), this.#version);
      this.#termIds = this.#cache.termIds;
    }
    this.#staging = stagingDirFor(this.outDir);
    await mkdir(path.join(this.#staging, 'pending'), { recursive: true });
    await mkdir(path.join(this.#staging, 'fragments'));
    await mkdir(path.join(this.#staging, 'terms'));
    await mkdir(path.join(this.#staging, 'facets'));
    for (const facet of spec.facets) this.#facets.set(facet.key, { hierarchical: facet.hierarchical === true, ids: new Map(), values: [], perRecord: [] });
  }

  async write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>): Promise<void> {
    const staging = this.#requireStaging();
    const pending: Pending[] = [];
    for await (const doc of eachCounted(docs, this.#progress, 'compact index: adding documents')) {
      this.#total++;
      // Filters computed once: the analysis key, the fragment and the facet columns all need them.
      const input = analysisInput(doc, recordFilters(doc));
      const key = this.#cache ? analysisKey(input) : '';
      const analysis = numberedAnalysis(input, key, this.#pool, this.#termIds, this.#cache);
      analysis.catch(() => undefined); // taken (and reported) in order below
      pending.push({ input, key, analysis });
      if (pending.length >= ANALYSES_IN_FLIGHT) await this.#add(pending.shift()!, staging);
    }
    while (pending.length) await this.#add(pending.shift()!, staging);
  }

  async #add({ input, key, analysis: analysed }: Pending, staging: string): Promise<void> {
    let analysis: NumberedAnalysis;
    try {
      analysis = await analysed;
    } catch (error) {
      this.#failures.push({ id: input.id, reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    const record = this.#postings.add(analysis.ids, analysis.counts);
    this.#order.push({ date: input.date, id: input.id });
    if (this.#cache) {
      this.#keys.push(key);
      this.#facetKeys.push(facetKey(input));
    }
    for (const [key, column] of this.#facets) {
      const values = [...new Set(input.filters[key] ?? [])];
      // A trail's ancestors follow from its deepest codes: the column stores those only (a third of the bytes).
      column.perRecord.push(
        (column.hierarchical ? deepestCodes(values) : values).map((v) => {
          let id = column.ids.get(v);
          if (id === undefined) column.ids.set(v, (id = column.values.push(v) - 1));
          return id;
        }),
      );
    }
    await writeFile(path.join(staging, 'pending', String(record)), analysis.fragment);
  }

  async finalize(): Promise<IndexStats> {
    const staging = this.#requireStaging();
    await this.#pool.close();
    const records = this.#postings.records;
    // Newest first, ties by id: «newest first» is then record order, and nothing about dates is shipped.
    const arrivals = [...this.#order.keys()].sort((a, b) => {
      const x = this.#order[a]!;
      const y = this.#order[b]!;
      return x.date !== y.date ? (x.date < y.date ? 1 : -1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    });
    const finalId = new Uint32Array(records);
    arrivals.forEach((arrival, id) => (finalId[arrival] = id));

    this.#progress?.step(`compact index: writing ${records} fragments`);
    for (let arrival = 0; arrival < records; arrival++) {
      await rename(path.join(staging, 'pending', String(arrival)), path.join(staging, fragmentFile(finalId[arrival]!)));
    }
    await rm(path.join(staging, 'pending'), { recursive: true });

    this.#progress?.step(`compact index: writing the postings of ${this.#postings.terms} terms`);
    const shards = await this.#writeTermShards(staging, finalId);

    const facets: CompactManifest['facets'] = {};
    for (const [key, column] of this.#facets) {
      const out = new ByteWriter().varint(column.values.length);
      for (const value of column.values) out.string(value);
      out.varint(records);
      for (const arrival of arrivals) {
        const ids = column.perRecord[arrival]!;
        out.varint(ids.length);
        for (const id of ids) out.varint(id);
      }
      await writeFile(path.join(staging, facetFile(key)), gzipSync(out.view(), { level: 9 }));
      facets[key] = { values: column.values.length, ...(column.hierarchical ? { hierarchical: true as const } : {}) };
    }

    const years = [...new Set(this.#facets.get('year')?.values.map(Number) ?? [])].filter(Number.isFinite).sort((a, b) => a - b);
    const manifest: CompactManifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      docs: records,
      avgLength: this.#postings.avgLength(),
      ...BM25,
      shards,
      facets,
      years,
      built: new Date().toISOString(),
    };
    await writeFile(path.join(staging, manifestFile), JSON.stringify(manifest));
    await mkdir(path.dirname(this.outDir), { recursive: true });
    await swapInto(staging, this.outDir);
    this.#staging = undefined;
    const stats = await writtenStats(this.outDir, this.#total, this.#failures, this.#started);
    if (this.#cache) {
      await this.#cache.save();
      this.#log(`compact index: ${this.#cache.hits} documents analysed earlier, ${this.#cache.misses} now`);
      // Last: a state is trusted only once the index and the analyses it names are on disk.
      await writeState(this.outDir, {
        version: this.#version,
        built: manifest.built,
        avgLength: manifest.avgLength,
        ids: arrivals.map((a) => this.#order[a]!.id),
        keys: arrivals.map((a) => this.#keys[a]!),
        lengths: arrivals.map((a) => this.#postings.lengthOf(a)),
        facets: arrivals.map((a) => this.#facetKeys[a]!),
      });
    } else await dropState(this.outDir);
    this.#log(`compact index: ${records} documents, ${shards.length} term shards → ${this.outDir}`);
    return stats;
  }

  async close(): Promise<void> {
    await this.#pool.close();
    if (this.#staging) await rm(this.#staging, { recursive: true, force: true });
    this.#staging = undefined;
    this.#postings = new PostingsBuilder();
    this.#termIds = new TermIds();
    this.#order = [];
    this.#keys = [];
    this.#facetKeys = [];
  }

  /** Term entries in order, cut into shards of about SHARD_BYTES; returns each shard's first term. */
  async #writeTermShards(staging: string, finalId: Uint32Array): Promise<string[]> {
    const firsts: string[] = [];
    let entries: Uint8Array[] = [];
    let size = 0;
    const flush = async () => {
      if (!entries.length) return;
      await writeFile(path.join(staging, termShardFile(firsts.length - 1)), await termShard(entries));
      entries = [];
      size = 0;
    };
    for (const { term, bytes } of this.#postings.encoded(finalId, this.#termIds.terms)) {
      if (size + bytes.length > SHARD_BYTES && entries.length) await flush();
      if (!entries.length) firsts.push(term);
      entries.push(bytes);
      size += bytes.length;
    }
    await flush();
    return firsts;
  }

  #requireStaging(): string {
    if (!this.#staging) throw new Error('compact index: prepare() must run before write() and finalize()');
    return this.#staging;
  }
}
