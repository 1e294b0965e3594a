import type { Progress } from '../progress.ts';
import type { ParseArgsConfig } from 'node:util';
import type { DocLang } from '../../schemas/common.ts';
import type { FacetSpec } from '../../schemas/facets.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';

/** What every engine is told before documents arrive: the facets to filter on, the sort fields, the languages. */
export interface IndexSpec {
  facets: readonly FacetSpec[];
  /** Fields results can be sorted by (the `date-asc`/`date-desc` sorts use `date`). */
  sortFields: readonly 'date'[];
  languages: readonly DocLang[];
}

/** A document an engine refused, with its reason. */
export interface WriteFailure {
  id: string;
  /** Why the engine refused it (same shape as the server engines' FailedDocument). */
  reason: string;
}

export interface IndexStats {
  /** Documents handed to the writer. */
  total: number;
  /** Documents the engine refused. */
  failed: number;
  seconds: number;
  /** Size of the written index (files on disk, or what the engine reports). */
  bytes: number;
  failures?: WriteFailure[];
}

/**
 * One writer per engine. `prepare` starts a fresh (not yet live) index, `write` streams documents into
 * it, `finalize` makes it live only when complete and returns the stats, `close` releases resources
 * whether or not finalize ran (a failed build never replaces the live index).
 */
export interface IndexWriter {
  prepare(spec: IndexSpec): Promise<void>;
  write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>): Promise<void>;
  finalize(): Promise<IndexStats>;
  close(): Promise<void>;
}

/** What the `index` command hands an engine's factory. */
export interface EngineContext {
  /** `--out`: where a file-based index goes (Pagefind); server engines may ignore it. */
  outDir: string;
  /** Values of the engine's own command-line options (declared in `EngineEntry.options`). */
  values: Record<string, string | boolean | undefined>;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  /** A bar or plain progress lines for long writes; engines that batch may log batches instead. */
  progress?: Progress;
}

export interface EngineEntry {
  summary: string;
  /** A file-based engine's `--out` default (Pagefind: dist/pagefind); server engines have none. */
  defaultOut?: string;
  /** Extra `taldau index` options this engine understands (e.g. `--url`, `--changed`). */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Usage lines for those options. */
  usage?: string;
  /** Loaded on demand so that one engine's client is not loaded for another. */
  create: (context: EngineContext) => Promise<IndexWriter>;
}
