import { ServerEngineError } from './server-engine-error.ts';

/** One document the engine refused, with its reason: reported, never dropped silently. */
export interface FailedDocument {
  id: string;
  reason: string;
}

/**
 * A rebuild that could not complete: the live index was left as it was. `step` says where it
 * stopped (`settings`, `write`, `count`, `swap` …) and `failed` lists the refused documents.
 */
export class IndexWriteError extends ServerEngineError {
  override name = 'IndexWriteError';
  readonly step: string;
  readonly failed: FailedDocument[];

  constructor(
    engine: string,
    step: string,
    message: string,
    failed: FailedDocument[] = [],
    options: { cause?: unknown; liveUntouched?: boolean } = {},
  ) {
    const sample = failed
      .slice(0, 5)
      .map((f) => `\n  ${f.id}: ${f.reason}`)
      .join('');
    const more = failed.length > 5 ? `\n  … and ${failed.length - 5} more` : '';
    const live = options.liveUntouched === false ? 'the live index holds the documents sent before the failure' : 'the live index was not changed';
    super(engine, `${step} failed: ${message}; ${live}${sample}${more}`, { cause: options.cause });
    this.step = step;
    this.failed = failed;
  }
}
