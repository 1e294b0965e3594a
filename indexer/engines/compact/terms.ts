import { stem } from './stem.ts';

/**
 * Words and terms of the compact index (FORMAT.md). The writer and the search client both call these, so a
 * word typed in the search box becomes exactly the term the writer stored.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORD = 40;

/** Normalised words of a text in order: NFC, lower case, ё → е; over-long "words" (hashes, garbage) dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFC').toLowerCase().replaceAll('ё', 'е').matchAll(WORD)) {
    if (match[0].length <= MAX_WORD) out.push(match[0]);
  }
  return out;
}

/** Memoised: a corpus has far fewer distinct words than words, and stemming is the costly part. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

/** The index term of a normalised word (its stem). */
export function term(word: string): string {
  let t = stems.get(word);
  if (t === undefined) {
    t = stem(word);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(word, t);
  }
  return t;
}

/** Index terms of a text, in order (a term may repeat). */
export const terms = (text: string): string[] => words(text).map(term);
