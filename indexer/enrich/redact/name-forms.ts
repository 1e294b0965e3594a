/**
 * Word forms of personal names in Russian and Kazakh texts: how to tell a patronymic or an initial,
 * how to reduce a surname in any grammatical case to a stem, and whether a word is a case form of
 * such a stem. Pure string rules, no dictionary.
 */

/** A capitalised word (not all-caps: ТОО, РК, ИП are not names), hyphenated double surnames too. */
export const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
/** One or two initials: «И.», «И.И.», «И. И.». */
export const INITIALS = String.raw`\p{Lu}\.(?:[\s\u00a0]?\p{Lu}\.)?`;

/** Kazakh case and possessive suffixes as they attach to names (Ахметовтың, Сейткалиге, Иванқызына). */
const KAZAKH_SUFFIXES = [
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  'ға', 'ге', 'қа', 'ке', 'на', 'не', 'а', 'е',
  'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н',
  'да', 'де', 'та', 'те', 'нда', 'нде',
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен',
  'мен', 'бен', 'пен',
  'дікі', 'тікі', 'нікі', 'дыкі', 'ныкі',
];
/** Russian case endings of surnames: -ов/-ин type, -ский type, and the declined consonant type (Ким → Кима). */
const RUSSIAN_ENDINGS = [
  '', 'а', 'у', 'ым', 'ом', 'е', 'ой', 'ою', 'ы', 'ых', 'ыми', 'ым', 'ей',
  'ий', 'ая', 'ого', 'ому', 'им', 'ую', 'ие', 'их', 'ими', 'ем', 'ю', 'я',
];

const ENDINGS = new Set<string>();
for (const r of RUSSIAN_ENDINGS) {
  ENDINGS.add(r);
  for (const k of KAZAKH_SUFFIXES) {
    ENDINGS.add(r + k);
    ENDINGS.add(`${r}-${k}`);
  }
}
const MAX_ENDING = Math.max(...[...ENDINGS].map((e) => e.length));

/** Endings of given names the surname table lacks: «Марии», «Лидию», «Артёмом», «Игорю». */
const GIVEN_ENDINGS = ['и', 'ию', 'ии', 'ией', 'ём', 'ем', 'ю', 'ей', 'ом'];
const FOLD: Record<string, string> = { ә: 'а', і: 'и', ұ: 'у', ү: 'у', қ: 'к', ғ: 'г', ң: 'н', ө: 'о', һ: 'х', ё: 'е', ь: '' };

/** Kazakh letters as their Russian neighbours, ё as е, no soft sign; lower case («Әйгерім» → «айгерим»). */
export function foldName(word: string): string {
  return word.toLowerCase().replace(/[әіұүқғңөһёь]/gu, (c) => FOLD[c]!);
}

const FOLDED_ENDINGS = new Set([...ENDINGS, ...GIVEN_ENDINGS].map(foldName));

/**
 * Whether `rest` is a case ending a name can take (Russian, Kazakh or both); `folded` compares with
 * the endings written without Kazakh letters, as `foldName` writes words.
 */
export function hasCaseEnding(rest: string, folded = false): boolean {
  return folded ? FOLDED_ENDINGS.has(rest) : ENDINGS.has(rest) || GIVEN_ENDINGS.includes(rest);
}

/**
 * Russian patronymics in any case: -ович/-евич/-ич (а, у, ем, е), -овна/-евна/-ична (ы, е, у, ой, ою),
 * also with a Kazakh case suffix as Kazakh texts attach it («Сергеевичтің», «Владимировичке»).
 */
const KAZAKH_ON_RUSSIAN = '(?:-?(?:тің|тың|ке|ка|ті|ты|пен|тен|тан|те|та|ның|нің|ға|ге|ны|ні|мен|нан|нен|да|де))?';
const RUSSIAN_PATRONYMIC = new RegExp(`(?:(?:ович|евич|ьич|ич)(?:а|у|ем|е)?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))${KAZAKH_ON_RUSSIAN}$`, 'u');
/** Kazakh patronymics -ұлы/-қызы (also spelt -улы/-кызы), with case suffixes; also common as surnames. */
const KAZAKH_PATRONYMIC = /(?:ұлы|улы|қызы|кызы)(?:-?(?:ның|на|ны|нан|нда|мен|н))?$/u;

export function isRussianPatronymic(word: string): boolean {
  return word.length > 5 && RUSSIAN_PATRONYMIC.test(word.toLowerCase());
}

export function isPatronymic(word: string): boolean {
  return isRussianPatronymic(word) || (word.length > 5 && KAZAKH_PATRONYMIC.test(word.toLowerCase()));
}

/**
 * The stem of a surname as written in some case: «Иванову» → «Иванов», «Ковальской» → «Ковальск»,
 * «Ахметовтың» → «Ахметов». A surname of another shape (Сейткали, Ким, Абдрахманқызы) is its own stem.
 */
export function surnameStem(word: string): string {
  const kazakhStripped = stripKazakhSuffix(word);
  const w = kazakhStripped ?? word;
  const slavic = /^(.{2,}?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ы|ых|ыми)?$/u.exec(w);
  if (slavic) return slavic[1]!;
  const adjectival = /^(.{2,}?(?:ск|цк))(?:ий|ая|ого|ому|им|ом|ой|ую|ие|их|ими)$/u.exec(w);
  if (adjectival) return adjectival[1]!;
  return w;
}

/** Removes a Kazakh suffix when what remains is clearly a surname (ends -ов/-ова/-ұлы …). */
function stripKazakhSuffix(word: string): string | null {
  for (const suffix of [...KAZAKH_SUFFIXES].sort((a, b) => b.length - a.length)) {
    if (suffix.length < 2 || !word.endsWith(suffix)) continue;
    const rest = word.slice(0, -suffix.length).replace(/-$/, '');
    if (/(?:ов|ев|ин|ын|ова|ева|ина|ына|ұлы|улы|қызы|кызы)$/u.test(rest)) return rest;
  }
  return null;
}

/** Whether `word` is `stem` followed by a case ending (Russian, Kazakh or both). */
export function isFormOf(word: string, stem: string): boolean {
  if (!word.startsWith(stem)) return false;
  const rest = word.slice(stem.length);
  return rest.length <= MAX_ENDING && ENDINGS.has(rest);
}

export type Gender = 'm' | 'f';

/** Grammatical gender a surname or patronymic form shows, where it shows one. */
export function genderOf(word: string): Gender | undefined {
  const w = word.toLowerCase();
  if (/(?:овна|евна|ична|қызы|кызы)\p{L}*$/u.test(w) || /(?:ова|ева|ина|ына)(?:ға|ның|ны|мен|дан|да)$/u.test(w)) return 'f';
  if (/(?:вич|ьич|ұлы|улы)\p{L}*$/u.test(w)) return 'm';
  if (/(?:ой|ою|ская|ской|скую)$/u.test(w)) return 'f';
  if (/(?:ов|ев|ин|ын|ий|ому|ым|ого|ову|еву|ину|ыну)$/u.test(w)) return 'm';
  return undefined;
}
