/**
 * Stems of the compact index (FORMAT.md, «Words → terms»). The index writer (Node) and the search client
 * (browser) both call `stem`, so this file is plain TypeScript with no imports. It runs on every word of the
 * corpus: suffix tables are built once, here at module level, as reversed tries, and a lookup walks the word
 * backwards without allocating; only a removal slices the string.
 *
 * Input words are already lower case, `ё` → `е`, letters and digits only (terms.ts `words`).
 */

// ---------------------------------------------------------------------------------------------------------
// Suffix tables

interface SuffixNode {
  /** 0: no suffix ends here; otherwise the suffix's group (what must hold before it may be removed). */
  group: number;
  readonly next: Map<number, SuffixNode>;
}

/** A reversed trie of suffixes; `groups` maps each suffix to its group (1, 2, …). */
function suffixTable(groups: Record<string, number>): SuffixNode {
  const root: SuffixNode = { group: 0, next: new Map() };
  for (const [suffix, group] of Object.entries(groups)) {
    let node = root;
    for (let i = suffix.length - 1; i >= 0; i--) {
      const code = suffix.charCodeAt(i);
      let child = node.next.get(code);
      if (child === undefined) {
        child = { group: 0, next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.group = group;
  }
  return root;
}

/** `suffixTable` with every suffix of `list` in one group. */
const oneGroup = (list: string, group = 1): Record<string, number> =>
  Object.fromEntries(list.split(' ').map((suffix) => [suffix, group]));

/** Set by `longestSuffix`: the group of the suffix it found. */
let foundGroup = 0;

/**
 * Start index of the longest suffix of `word` in `table` that lies wholly at or after `limit`, or -1.
 * Like Snowball's `among`: only the longest match counts, a shorter one is never tried instead.
 */
function longestSuffix(word: string, limit: number, table: SuffixNode): number {
  let node: SuffixNode | undefined = table;
  let start = -1;
  for (let i = word.length - 1; i >= limit; i--) {
    node = node.next.get(word.charCodeAt(i));
    if (node === undefined) break;
    if (node.group !== 0) {
      start = i;
      foundGroup = node.group;
    }
  }
  return start;
}

// ---------------------------------------------------------------------------------------------------------
// Russian: the Snowball Russian stemmer (snowballstem.org/algorithms/russian/stemmer.html)

/** Group 1 suffixes may only go when `а` or `я` (inside RV) precedes them; group 2 go unconditionally. */
const AFTER_A = 1;
const ALWAYS = 2;

const PERFECTIVE_GERUND = suffixTable({
  ...oneGroup('в вши вшись', AFTER_A),
  ...oneGroup('ив ивши ившись ыв ывши ывшись', ALWAYS),
});
const ADJECTIVE = suffixTable(
  oneGroup('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею', ALWAYS),
);
const PARTICIPLE = suffixTable({ ...oneGroup('ем нн вш ющ щ', AFTER_A), ...oneGroup('ивш ывш ующ', ALWAYS) });
const REFLEXIVE = suffixTable(oneGroup('ся сь', ALWAYS));
const VERB = suffixTable({
  ...oneGroup('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно', AFTER_A),
  ...oneGroup(
    'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю',
    ALWAYS,
  ),
});
const NOUN = suffixTable(
  oneGroup(
    'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я',
    ALWAYS,
  ),
);
const DERIVATIONAL = suffixTable(oneGroup('ост ость', ALWAYS));
/** Step 4: superlative (group 1), a final `н` that may be undoubled (group 2), soft sign (group 3). */
const SUPERLATIVE = 1;
const DOUBLE_N = 2;
const SOFT_SIGN = 3;
const TIDY_UP = suffixTable({ ...oneGroup('ейш ейше', SUPERLATIVE), н: DOUBLE_N, ь: SOFT_SIGN });

const A = 'а'.charCodeAt(0);
const YA = 'я'.charCodeAt(0);
const N = 'н'.charCodeAt(0);
const I = 'и'.charCodeAt(0);

const RUSSIAN_VOWELS = new Set([...'аеиоуыэюя'].map((letter) => letter.charCodeAt(0)));
const isVowel = (word: string, i: number): boolean => RUSSIAN_VOWELS.has(word.charCodeAt(i));

/**
 * Removes the longest suffix of `word` from `table` inside RV (from `rv` on), honouring group 1's «after а/я».
 * Returns the shortened word, or null when there was no suffix or its condition failed.
 */
function removeSuffix(word: string, rv: number, table: SuffixNode): string | null {
  const start = longestSuffix(word, rv, table);
  if (start < 0) return null;
  if (foundGroup === AFTER_A) {
    const before = start - 1;
    if (before < rv) return null;
    const code = word.charCodeAt(before);
    if (code !== A && code !== YA) return null;
  }
  return word.slice(0, start);
}

/** Adjective ending, then optionally the participle suffix before it. */
function removeAdjectival(word: string, rv: number): string | null {
  const adjective = removeSuffix(word, rv, ADJECTIVE);
  if (adjective === null) return null;
  return removeSuffix(adjective, rv, PARTICIPLE) ?? adjective;
}

/** Step 1: perfective gerund; otherwise reflexive (optional) followed by adjectival, verb or noun. */
function removeInflection(word: string, rv: number): string {
  const gerund = removeSuffix(word, rv, PERFECTIVE_GERUND);
  if (gerund !== null) return gerund;
  const w = removeSuffix(word, rv, REFLEXIVE) ?? word;
  return removeAdjectival(w, rv) ?? removeSuffix(w, rv, VERB) ?? removeSuffix(w, rv, NOUN) ?? w;
}

/** Step 4: superlative then undoubled `н`, or undoubled `н`, or a final soft sign. */
function tidyUp(word: string, rv: number): string {
  const start = longestSuffix(word, rv, TIDY_UP);
  if (start < 0) return word;
  if (foundGroup === SOFT_SIGN) return word.slice(0, start);
  const w = foundGroup === SUPERLATIVE ? word.slice(0, start) : word;
  const last = w.length - 1;
  return last - 1 >= rv && w.charCodeAt(last) === N && w.charCodeAt(last - 1) === N ? w.slice(0, last) : w;
}

/** Index just past the first vowel at or after `from` followed by a non-vowel — i.e. the next R-region start. */
function nextRegion(word: string, from: number): number {
  let i = from;
  while (i < word.length && !isVowel(word, i)) i++;
  i++; // past the vowel
  while (i < word.length && isVowel(word, i)) i++;
  return Math.min(i + 1, word.length); // past the non-vowel
}

/** The Snowball Russian stemmer. `word`: lower-case Cyrillic letters. */
export function stemRussian(word: string): string {
  let w = word.includes('ё') ? word.replaceAll('ё', 'е') : word;
  // RV: after the first vowel. R1: after the first non-vowel following a vowel; R2: R1 of R1.
  let rv = 0;
  while (rv < w.length && !isVowel(w, rv)) rv++;
  rv = Math.min(rv + 1, w.length);
  const r2 = nextRegion(w, nextRegion(w, 0));
  if (rv >= w.length) return w;

  w = removeInflection(w, rv);
  if (w.length - 1 >= rv && w.charCodeAt(w.length - 1) === I) w = w.slice(0, -1);
  const derivational = longestSuffix(w, rv, DERIVATIONAL);
  if (derivational >= 0 && derivational >= r2) w = w.slice(0, derivational); // -ость only inside R2
  return tidyUp(w, rv);
}

// ---------------------------------------------------------------------------------------------------------
// Kazakh: a light suffix stripper

/**
 * Case endings (genitive, dative, accusative, locative, ablative, instrumental, and the attributive -дағы «which
 * is in» / -ғы «of»), plural, and 3rd/2nd person possessive. Kazakh stacks them as stem + plural + possessive +
 * case (+ attributive), so stripping the longest ending up to four times peels a form back to its stem:
 * соттарындағы → соттары → соттар → сот. A stem that itself ends like an ending (тұлға) loses it too, in
 * every form alike, so its forms still share one term.
 *
 * Deliberately left out, because real stems end in them far more often than legal texts use the suffix:
 * 1st person possessive -ым/-ім (шешім, келісім, өтінім are stems), bare dative -а/-е (бала, жаза, қала),
 * accusative -н/-ын/-ін (тұрғын, кейін, мүмкін), and derivational suffixes (-лық, -шы …).
 */
const ANY = 1;
/** Possessive -сы/-сі follows a vowel only; after a consonant (кодексі) the ending is -і alone. */
const AFTER_VOWEL = 2;
/** Attributive -ғы/-гі/-қы/-кі follows a consonant (жылғы); after a vowel (құқығы) it is voiced stem + -ы. */
const AFTER_CONSONANT = 3;
const KAZAKH_ENDINGS = suffixTable({
  ...oneGroup(
    [
      'дың дің тың тің ның нің ың ің', // genitive; 2nd person possessive
      'ға ге қа ке на не', // dative
      'ды ді ты ті ны ні', // accusative
      'да де та те нда нде', // locative
      'дағы дегі тағы тегі ндағы ндегі', // locative-attributive
      'дан ден тан тен нан нен', // ablative
      'мен бен пен', // instrumental
      'лар лер дар дер тар тер', // plural
      'ы і', // 3rd person possessive
    ].join(' '),
    ANY,
  ),
  ...oneGroup('сы сі', AFTER_VOWEL),
  ...oneGroup('ғы гі қы кі', AFTER_CONSONANT),
});
const KAZAKH_ROUNDS = 4;
const KAZAKH_MIN_STEM = 3;
const KAZAKH_VOWELS = new Set([...'аәеиоөуұүыіэюя'].map((letter) => letter.charCodeAt(0)));

/**
 * Kazakh stems end in a voiceless п/қ/к that turns voiced before a vowel (талап → талабы, тарақ → тарағы,
 * жүрек → жүрегі); native words do not end in б/ғ/г, so the final letter is mapped back.
 */
const DEVOICED: ReadonlyMap<string, string> = new Map([
  ['б', 'п'],
  ['ғ', 'қ'],
  ['г', 'к'],
]);

/**
 * A light, conservative Kazakh stemmer: strips case, possessive and plural endings (longest first, at most
 * four rounds) but never leaves fewer than three letters: an ending that would is not considered, so a
 * shorter one may go instead (істі → іст), or none (іске stays).
 */
export function stemKazakh(word: string): string {
  let w = word;
  for (let round = 0; round < KAZAKH_ROUNDS; round++) {
    // Only endings that leave three letters are considered: соты → сот (-ы), not со (-ты).
    let start = longestSuffix(w, KAZAKH_MIN_STEM, KAZAKH_ENDINGS);
    if (start < 0) break;
    if (foundGroup !== ANY && KAZAKH_VOWELS.has(w.charCodeAt(start - 1)) !== (foundGroup === AFTER_VOWEL)) {
      start = w.length - 1; // the condition failed: only the final -ы/-і is an ending
    }
    w = w.slice(0, start);
  }
  const voiceless = DEVOICED.get(w.charAt(w.length - 1));
  return voiceless === undefined ? w : w.slice(0, -1) + voiceless;
}

// ---------------------------------------------------------------------------------------------------------
// Dispatch

const CYRILLIC_FIRST = 'а'.charCodeAt(0);
const CYRILLIC_LAST = 'я'.charCodeAt(0);
const YO = 'ё'.charCodeAt(0);
const KAZAKH_LETTERS = new Set([...'әғқңөұүһі'].map((letter) => letter.charCodeAt(0)));

/**
 * The index term of a normalised word: Kazakh words (those with a letter only Kazakh has) by `stemKazakh`,
 * other Cyrillic words by `stemRussian`, anything holding a digit or a non-Cyrillic letter unchanged.
 */
export function stem(word: string): string {
  let kazakh = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= CYRILLIC_FIRST && code <= CYRILLIC_LAST) continue;
    if (code === YO) continue;
    if (KAZAKH_LETTERS.has(code)) kazakh = true;
    else return word;
  }
  if (word.length === 0) return word;
  return kazakh ? stemKazakh(word) : stemRussian(word);
}
