import { stem } from './stem.ts';

/**
 * Words and terms of the compact index (FORMAT.md). The writer and the search client both call these, so a
 * word typed in the search box becomes exactly the term the writer stored.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORD = 40;

/** What case and spelling variants a word loses before it is looked up: NFC, lower case, ё → е. */
const normalise = (text: string): string => text.normalize('NFC').toLowerCase().replaceAll('ё', 'е');

/** Normalised words of a text in order; over-long "words" (hashes, garbage) dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  // The whole text is normalised at once: the writer's hot path, one call instead of one per word.
  for (const match of normalise(text).matchAll(WORD)) {
    if (match[0].length <= MAX_WORD) out.push(match[0]);
  }
  return out;
}

/**
 * The words of a text where they stand in it (for marking matches in an excerpt): each one's offsets in
 * `text` and its normalised form as `words` gives it, or null for an over-long one `words` drops.
 */
export function* wordSpans(text: string): Generator<{ start: number; end: number; word: string | null }> {
  for (const match of text.matchAll(WORD)) {
    const word = normalise(match[0]);
    yield { start: match.index, end: match.index + match[0].length, word: word.length <= MAX_WORD ? word : null };
  }
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
