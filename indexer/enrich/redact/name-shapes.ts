import { isFormOf, isRussianPatronymic, surnameStem } from './name-forms.ts';
import { looksLikeInstitution, OFFICIAL_ROLE, PARTY_ROLE } from './roles.ts';

/**
 * The words of a text as the name finder sees them (capitalised words and initials, with offsets),
 * and what a word's shape and surroundings say: a surname by its shape, a role word, a place, a firm
 * name in quotes, a name set in capitals.
 */
export interface Token {
  kind: 'word' | 'initials';
  start: number;
  end: number;
  text: string;
}

export const TOKEN = /(?<![\p{L}\p{N}])(?:(?<word>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])|(?<initials>\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?))/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    kind: m.groups!.word ? 'word' : 'initials',
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

export const adjacent = (text: string, a: Token | undefined, b: Token | undefined) =>
  !!a && !!b && /^[ \u00a0\t]{0,3}$/.test(text.slice(a.end, b.start)) && (a.kind !== 'word' || b.start > a.end);

export const ROLE_WORD = new RegExp(`^(?:${PARTY_ROLE.source}|${OFFICIAL_ROLE.source})$`, 'iu');
export const isRoleWord = (word: string) => ROLE_WORD.test(word);

export const SURNAME_SHAPE = /(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая|ко|ук|юк|енко|ұлы|улы|қызы|кызы|ли|бай|бек|баев|баева)(?:\p{L}{0,6})$/u;

/**
 * Words after which a capitalised word is a place or a body, not a person: «Талғар ауданы»,
 * «Павлодарской области», «Жамбыл облыстық соты», «Алмалинского районного суда», «Кыргызской Республики»,
 * «Әділет министрлігі», «Абай мектебі».
 * (Not «суд»/«сот» alone: «Ерболат сот отырысына келмеді» is a person.)
 */
export const PLACE_FOLLOWS = /^[ \u00a0]+(?:облыс|аудан|қала|ауыл|кент|област|район|город|округ|сел[оаеу]|поселк|посёлк|межрайонн|специализированн|көше|улиц|проспект|даңғыл|банк|филиал|департамент|управлени|басқарма|республик|федерац|министр|комитет|универс|колледж|мектеб|мектеп|школ|гимназ|лицей|партия|партии|орталығ)/iu;

/** A surname by its shape alone: -ов/-ев/-ин/-ын (with Russian or Kazakh endings) or -ұлы/-қызы. */
export function surnameAlone(word: string): boolean {
  const stem = surnameStem(word);
  return (stem.length >= 5 && /(?:ов|ев|ёв|ин|ын)$/u.test(stem) && isFormOf(word, stem)) || /^.{3,}(?:ұлы|қызы)$/u.test(stem);
}

/** «город Конаев», «г. Петропавловск», «село Иванов»: the word names a place. */
export const namesPlace = (text: string, t: Token) =>
  /(?:город\p{L}*|г\.|пос\.|пос[её]л\p{L}*|сел[оаеу]|с\.|ауыл\p{L}*|станци\p{L}*|имени|им\.)[ \u00a0]+$/iu.test(text.slice(Math.max(0, t.start - 12), t.start));

/** Inside «…» the words are a name of a firm or a document title, not a person by their shape. */
export function insideQuotes(text: string, t: Token): boolean {
  const open = text.lastIndexOf('«', t.start);
  return open >= 0 && text.lastIndexOf('»', t.start) < open && t.start - open < 80;
}

export const isPlace = (text: string, t: Token | undefined) => !!t && PLACE_FOLLOWS.test(text.slice(t.end, t.end + 24));

export function canBeSurname(word: Token | undefined): word is Token {
  return !!word && word.kind === 'word' && !isRussianPatronymic(word.text) && !looksLikeInstitution(word.text) && !isRoleWord(word.text);
}

/**
 * Names set in capitals («ИВАНОВ ИВАН ИВАНОВИЧ», «АХМЕТОВ БАУЫРЖАН СЕРІКҰЛЫ», as verdicts print the
 * accused) are read as if written normally. Lower-casing keeps every offset, so the spans found in
 * the copy are the spans of the input.
 */
export const CAPS_NAME = /(?<![\p{L}])\p{Lu}{2,}(?:-\p{Lu}{2,})?[ \u00a0]+\p{Lu}{2,}[ \u00a0]+\p{Lu}{2,}(?:ОВИЧ|ЕВИЧ|ЬИЧ|ОВНА|ЕВНА|ИЧНА|ҰЛЫ|УЛЫ|ҚЫЗЫ|КЫЗЫ)\p{Lu}{0,4}(?![\p{L}])/gu;
export const titleCase = (words: string) => words.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

export function readCapitalNames(text: string): string {
  return text.replace(CAPS_NAME, (m) => titleCase(m));
}

/** «Абдикул Жакипов»: the two words are the whole of a quotation. */
export const quotedPair = (text: string, start: number, end: number) => text[start - 1] === '«' && text[end] === '»';

/** Words of firm names that can stand next to a surname-shaped word in quotes: «Сапаров Групп». */
export const FIRM_WORD = /^(?:групп|груп|сервис|строй|трейд|инвест|плюс|холдинг|консалтинг|агро|логистик|транс|медиа|клиник|центр|маркет|моторс|энерго|компани|company|group)\p{L}*$/iu;
