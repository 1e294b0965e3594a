import type { Citation } from '../../../schemas/kb-document.ts';

/** A citation as found in one text, before the caller adds the language of that text. */
export type FoundCitation = Omit<Citation, 'language'>;
