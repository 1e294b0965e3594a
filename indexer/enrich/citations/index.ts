import type { NormCode } from '../../../schemas/norms.ts';
import { findCaseCitations } from './cases.ts';
import { findNormCitations } from './norms.ts';
import { findResolutionCitations } from './resolutions.ts';
import type { FoundCitation } from './types.ts';

export { normaliseCaseNumber } from './cases.ts';
export { resolutionSlug } from './resolutions.ts';
export type { FoundCitation } from './types.ts';

/** What citations resolve against. */
export interface CitationRegistry {
  codes: NormCode[];
  /** Slugs of the resolutions in the knowledge base. */
  resolutions: ReadonlySet<string>;
  /** Normalised case number → decision slug. */
  decisionsByCase: ReadonlyMap<string, string>;
}

/** Every reference to a norm, a resolution or a case in `text`, in text order. */
export function extractCitations(text: string, lang: 'ru' | 'kk', registry: CitationRegistry): FoundCitation[] {
  return [
    ...findNormCitations(text, lang, registry.codes),
    ...findResolutionCitations(text, registry.resolutions),
    ...findCaseCitations(text, registry.decisionsByCase),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}
