import { foldName, givenNameOf } from './given-names.ts';
import { givenStem, pickPerson, type Person } from './persons.ts';
import { hasCaseEnding, isPatronymic, surnameStem } from './name-forms.ts';
import { looksLikeInstitution } from './roles.ts';
import { FIRM_WORD, insideQuotes, isPlace, isRoleWord, namesPlace, surnameAlone, type Token } from './name-shapes.ts';

/**
 * Given names that no surname introduces: next to a surname found by its shape alone, and standing
 * alone («Айгерим пояснила», «сын Аян», «видел, как Рустам вышел»).
 */

/** An adjective or participle («Алматинский», «Указанная») is no given name. */
const ADJECTIVE = /(?:[сц]к|н|ств|льн)(?:ий|ый|ая|ой|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ие|их)$/u;

/** Street words before a name make it a street's («ул. Абая», «проспект Назарбаева»). */
const STREET_BEFORE = /(?:ул\.|улиц\p{L}*|пр\.|пр-т|просп\p{L}*|мкр\.?|микрорайон\p{L}*|бульвар\p{L}*|пер\.|переул\p{L}*|им\.|имени|ж\.м\.)[ \u00a0]*$/iu;

/** A capitalised word that can be a given name where it stands: no institution, role, place, patronymic or firm word. */
function canBeGiven(text: string, t: Token | undefined): t is Token {
  return (
    !!t &&
    t.kind === 'word' &&
    !looksLikeInstitution(t.text) &&
    !isRoleWord(t.text) &&
    !isPatronymic(t.text) &&
    !FIRM_WORD.test(t.text) &&
    !ADJECTIVE.test(t.text) &&
    !isPlace(text, t) &&
    !namesPlace(text, t) &&
    !insideQuotes(text, t) &&
    !STREET_BEFORE.test(text.slice(Math.max(0, t.start - 14), t.start))
  );
}

const oneSpace = (text: string, a: Token, b: Token) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

/**
 * «Ергалиева Динара пояснила»: after a surname found by its shape, the next capitalised word is the
 * given name unless it is itself shaped like a surname or is an institution, a place or an adjective.
 */
export function givenAfterSurname(text: string, tokens: Token[], i: number): boolean {
  const [a, b] = [tokens[i]!, tokens[i + 1]];
  return canBeGiven(text, b) && oneSpace(text, a, b) && !surnameAlone(b.text);
}

/** «Динара Ергалиева»: a known given name right before a surname found by its shape. */
export function givenBeforeSurname(text: string, tokens: Token[], i: number, lastTaken = -1): boolean {
  const prev = tokens[i - 1];
  return i - 1 > lastTaken && canBeGiven(text, prev) && oneSpace(text, prev, tokens[i]!) && !surnameAlone(prev.text) && !!givenNameOf(prev.text);
}

/** A past-tense verb right after a word: «Рустам вышел», «… как Мохира ушла». Nouns that end alike are left out. */
const PAST_VERB = /^[ \u00a0]+(\p{Ll}{2,}(?:л|ла|ло|ли|лся|лась|лось|лись))(?![\p{L}])/u;
const NOT_VERB = /^(?:дела|числа|правила|тела|села|пола|стола|сила|мела|масла|весла|крыла|начала|зла)$/u;

/** Inside a sentence (after a lower-case word or a comma) a capitalised word is a proper name. */
const midSentence = (text: string, t: Token) => /[\p{Ll},;)][ \u00a0]+$/u.test(text.slice(Math.max(0, t.start - 3), t.start));

/**
 * The given name a word stands for: a known given name in any case form, or a proper name inside a
 * sentence that does something in the past tense («видел, как Рустам вышел»), not shaped like a surname.
 */
function givenByContext(text: string, t: Token): string | undefined {
  const verb = PAST_VERB.exec(text.slice(t.end, t.end + 40));
  if (!verb || NOT_VERB.test(verb[1]!) || !midSentence(text, t) || surnameAlone(t.text) || t.text.length < 3) return undefined;
  return foldName(givenStem(t.text));
}

interface GivenFind {
  type: 'name';
  start: number;
  end: number;
  person: string;
}

/** Masks given names standing alone (known given names, or proper names by context); adds persons as needed. */
export function findGivenAlone(text: string, tokens: Token[], persons: Person[], covered: Set<number>, keepStems: Set<string>): GivenFind[] {
  const usable = (i: number) => !covered.has(i) && canBeGiven(text, tokens[i]) && !keepStems.has(surnameStem(tokens[i]!.text));
  // Names found by context, so their other forms elsewhere in the text are masked too.
  const byContext = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i) || givenNameOf(tokens[i]!.text)) continue;
    const base = givenByContext(text, tokens[i]!);
    if (base) byContext.add(base);
  }
  const contextBase = (word: string) => {
    const w = foldName(word);
    return [...byContext].find((base) => w.startsWith(base) && hasCaseEnding(w.slice(base.length), true));
  };
  const found: GivenFind[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i)) continue;
    const t = tokens[i]!;
    const base = givenNameOf(t.text) ?? contextBase(t.text);
    if (!base) continue;
    const key = base.slice(0, 4);
    // The same person as a full-name mention that gave this given name, else one of their own.
    let index = persons.findIndex((p) => (p.givenStem && foldName(p.givenStem) === base) || (p.given && foldName(p.given) === key));
    if (index < 0) index = pickPerson(persons, '', undefined, undefined, key);
    found.push({ type: 'name', start: t.start, end: t.end, person: String(index) });
    covered.add(i);
  }
  return found;
}
