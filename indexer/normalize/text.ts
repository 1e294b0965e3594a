/**
 * Matching keys for names as people write them: case, ё/е, quotes, dashes and spacing do not matter,
 * and the common abbreviations of court names («г.», «р-на») are spelt one way.
 */
const QUOTES = /[«»"“”„‟'‘’`]/g;
const DASHES = /[‐‑‒–—―]/g;

export function matchKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(QUOTES, ' ')
    .replace(DASHES, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/№\s*/g, '№ ')
    .replace(/(?<!\p{L})(?:города(?!\p{L})|гор\.|г\.)\s*/gu, 'г ')
    .replace(/(?<![\p{L}])р-на(?![\p{L}])/gu, 'района')
    .replace(/[.,;:!?()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a key, for the looser, stem-wise comparison of category names. */
export function keyWords(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

/**
 * Whether two words are the same word in different grammatical cases: they differ only in an ending of
 * at most two letters and share a stem of at least four («расторжении» ~ «расторжение», «брака» ~ «брак»).
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 4 && a.length - common <= 2 && b.length - common <= 2;
}
