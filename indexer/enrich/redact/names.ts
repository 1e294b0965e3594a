import { givenNameOf } from './given-names.ts';
import { genderOf, isFormOf, isPatronymic, isRussianPatronymic, surnameStem, type Gender } from './name-forms.ts';
import { findRoles, looksLikeInstitution, type RoleMark } from './roles.ts';
import { givenKey, givenStem, pickPerson, type Person } from './persons.ts';
import { entrepreneurNameEnd, mentionsOnePersonFirm } from './entrepreneurs.ts';
import { findGivenAlone, givenAfterSurname, givenBeforeSurname } from './given-alone.ts';
import type { Candidate } from './types.ts';
import {
  adjacent,
  canBeSurname,
  FIRM_WORD,
  insideQuotes,
  isPlace,
  isRoleWord,
  namesPlace,
  quotedPair,
  readCapitalNames,
  SURNAME_SHAPE,
  surnameAlone,
  tokenize,
  type Token,
} from './name-shapes.ts';

/**
 * Names of private persons (parties, victims, witnesses …) in a judicial act.
 *
 * 1. Find name mentions by shape: «Фамилия Имя Отчество», «Имя Отчество Фамилия», «Фамилия И.О.»,
 *    «И.О. Фамилия», and a capitalised word right after a party role («истец Иванов», «гр. Иванову»,
 *    «талапкер Сейткали»).
 * 2. Decide whose they are: a mention right after an office (судья, прокурор, секретарь, адвокат …),
 *    or in a list that such an office opens, or of a name given in `keep` (the judge from the
 *    frontmatter) stays; every other mention is a private person's.
 * 3. Mask every later occurrence of those persons' surnames in any case form (Russian and Kazakh
 *    endings), with the initials or given name next to it.
 * One identity per surname stem, told apart by initial and grammatical gender where the same stem
 * is borne by two people (spouses in a divorce case).
 */
export interface NameOptions {
  /** Names of people acting in office known from metadata (the judge), as written: «Сейткали А.Б.». */
  keep?: string[];
}


interface Mention {
  start: number;
  end: number;
  /** Empty when the name is given without a surname («Андрей Сергеевичтің»). */
  surname: string;
  given?: string;
  /** Stem of the given name when a patronymic vouches that it is one («Данияру Ерлановичу» → «Данияр»). */
  givenStem?: string;
  initial?: string;
  gender?: Gender;
  /** Index of the first and last token, for adjacency. */
  first: number;
  last: number;
  official: boolean;
  /** Named inside the name of a one-person firm («ИП «Бекова»»): never someone in office. */
  firm?: boolean;
}


export interface NameCandidate extends Candidate {
  type: 'name';
  person: string;
}


function findMentions(text: string, tokens: Token[], roles: RoleMark[]): Omit<Mention, 'official'>[] {
  const mentions: Omit<Mention, 'official'>[] = [];
  const roleEnds = new Set<number>();
  for (const r of roles) roleEnds.add(r.end);
  const afterRole = (t: Token) => {
    const before = text.slice(Math.max(0, t.start - 6), t.start);
    const gap = /(?:[ \u00a0]*[–—:-][ \u00a0]*|[ \u00a0]{1,3})$/u.exec(before);
    return !!gap && roleEnds.has(t.start - gap[0].length);
  };
  // Inside a sentence (after a lower-case word or a comma) a capitalised word is a proper name.
  const midSentence = (t: Token) => /[\p{Ll},;)][ \u00a0]+$/u.test(text.slice(Math.max(0, t.start - 3), t.start));
  const mention = (first: number, last: number, surname: Token | undefined, given?: Token, patronymic?: Token) => ({
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    surname: surname?.text ?? '',
    given: given?.kind === 'word' ? givenKey(given.text) : undefined,
    // A given name stands for the person on its own later when a patronymic vouches for it, or when it
    // does not itself look like a surname («истец Иванов Сергей» → «Сергей пояснил»).
    givenStem: given?.kind === 'word' && (patronymic || (given.text.length >= 3 && !surnameAlone(given.text))) ? givenStem(given.text) : undefined,
    initial: given?.text[0],
    gender: (patronymic && genderOf(patronymic.text)) || (surname && genderOf(surname.text)),
    first,
    last,
  });

  const firms = mentionsOnePersonFirm(text);
  for (let i = 0; i < tokens.length; i++) {
    const [a, b, c] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    const ab = adjacent(text, a, b);
    const bc = ab && adjacent(text, b, c);
    const firmEnd = firms ? entrepreneurNameEnd(text, tokens, i) : -1;
    if (firmEnd >= 0) {
      // ИП «Бекова», КХ «Асан», ИП Иванов А.А.: the owner of a one-person firm
      const words = tokens.slice(i, firmEnd + 1);
      const givenOnly = words.length === 1 && !surnameAlone(a.text) && !!givenNameOf(a.text);
      const m = givenOnly ? mention(i, i, undefined, a) : mention(i, firmEnd, a, words[1], words.find((w) => w.kind === 'word' && isPatronymic(w.text)));
      mentions.push({ ...m, firm: true });
      i = firmEnd;
    } else if (a.kind === 'word' && canBeSurname(a) && bc && b!.kind === 'word' && c!.kind === 'word' && isPatronymic(c!.text) && !looksLikeInstitution(b!.text)) {
      mentions.push(mention(i, i + 2, a, b, c)); // Иванов Иван Иванович
      i += 2;
    } else if (canBeSurname(a) && bc && b!.kind === 'word' && isRussianPatronymic(b!.text) && canBeSurname(c)) {
      mentions.push(mention(i, i + 2, c!, a, b)); // Иван Иванович Иванов
      i += 2;
    } else if (canBeSurname(a) && ab && b!.kind === 'word' && isPatronymic(b!.text) && (SURNAME_SHAPE.test(a.text) || afterRole(a))) {
      mentions.push(mention(i, i + 1, a, undefined, b)); // Ахметов Серікұлы
      i += 1;
    } else if (ab && b!.kind === 'word' && isPatronymic(b!.text) && !looksLikeInstitution(a.text) && !isRoleWord(a.text) && a.kind === 'word') {
      mentions.push(mention(i, i + 1, undefined, a, b)); // Андрей Сергеевичтің, Зейнеп Әбдіқұлқызы: no surname
      i += 1;
    } else if (canBeSurname(a) && ab && b!.kind === 'initials') {
      mentions.push(mention(i, i + 1, a, b)); // Иванова И.И.
      i += 1;
    } else if (a.kind === 'initials' && ab && canBeSurname(b) && (SURNAME_SHAPE.test(b!.text) || afterRole(a))) {
      mentions.push(mention(i, i + 1, b!, a)); // И.И. Иванов
      i += 1;
    } else if (canBeSurname(a) && afterRole(a) && !isPlace(text, a) && !(ab && isPlace(text, b))) {
      // истец Иванов / талапкер Сейткали Айгүл: take a following given name too
      const withGiven = ab && b!.kind === 'word' && !looksLikeInstitution(b!.text) && !isRoleWord(b!.text) && /^[ \u00a0]$/.test(text.slice(a.end, b!.start));
      mentions.push(withGiven ? mention(i, i + 1, a, b) : mention(i, i, a));
      if (withGiven) i += 1;
    } else if (canBeSurname(a) && ab && canBeSurname(b) && quotedPair(text, a.start, b!.end) && (SURNAME_SHAPE.test(a.text) || SURNAME_SHAPE.test(b!.text)) && !FIRM_WORD.test(a.text) && !FIRM_WORD.test(b!.text)) {
      // «Абдикул Жакипов»: a full name quoted from another document
      const givenFirst = SURNAME_SHAPE.test(b!.text) && !SURNAME_SHAPE.test(a.text);
      mentions.push(givenFirst ? mention(i, i + 1, b, a) : mention(i, i + 1, a, b));
      i += 1;
    } else if (canBeSurname(a) && (midSentence(a) || givenBeforeSurname(text, tokens, i, mentions.at(-1)?.last)) && surnameAlone(a.text) && !isPlace(text, a) && !namesPlace(text, a) && !insideQuotes(text, a)) {
      // «… с иском к Сарсенбаевой о …»: a surname by its shape, inside a sentence, with a given name
      // right after it («Ергалиева Динара пояснила») or a known one right before («Динара Ергалиева»).
      const from = givenBeforeSurname(text, tokens, i, mentions.at(-1)?.last) ? i - 1 : i;
      const withGiven = from === i && givenAfterSurname(text, tokens, i);
      mentions.push(withGiven ? mention(i, i + 1, a, b) : from < i ? mention(from, i, a, tokens[from]) : mention(i, i, a));
      if (withGiven) i += 1;
    }
  }
  return mentions;
}

/** A name known to be of someone in office (the judge of the frontmatter): surname stem and first initial. */
interface KeptName {
  stem: string;
  initial?: string;
}

function officialName(name: string): KeptName {
  const surname = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?/u.exec(name)?.[0] ?? name;
  const initial = /(?<![\p{L}])(\p{Lu})\./u.exec(name)?.[1] ?? /\p{Lu}\p{Ll}+\s+(\p{Lu})\p{Ll}/u.exec(name)?.[1];
  return { stem: surnameStem(surname), initial };
}

/** The judge «Сейткали А.Б.» is kept; a party «Сейткали Е.К.» with the same surname is not. */
function isKept(keep: KeptName[], surname: string, initial?: string): boolean {
  const stem = surnameStem(surname);
  return keep.some((k) => k.stem === stem && (!k.initial || !initial || k.initial === initial));
}

const LIST_GAP = /^[\s,]*(?:(?:и|және|а также)\s+)?$/u;

/** Whether each mention belongs to someone acting in office. */
function classify(text: string, mentions: Omit<Mention, 'official'>[], roles: RoleMark[], keep: KeptName[]): Mention[] {
  const result: Mention[] = [];
  for (const m of mentions) {
    const prev = result[result.length - 1];
    let official: boolean;
    if (m.surname && isKept(keep, m.surname, m.initial)) official = true;
    else if (prev && LIST_GAP.test(text.slice(prev.end, m.start))) official = prev.official;
    else {
      const from = Math.max(prev?.end ?? 0, m.start - 60);
      const role = roles.filter((r) => r.start >= from && r.end <= m.start).pop();
      // A role governs a name in the same phrase only: «судьи … от 3 марта 2023 года Мусин А.Е.» or
      // «судья ### ПОСТАНОВИЛ: Признать Горбунова …» are not the judge.
      const between = role ? text.slice(role.end, m.start).replace(/(?<![\p{L}])\p{Ll}{1,3}\./gu, '') : '';
      const samePhrase = !!role && !/[\d.:;!?\n#*]/u.test(between);
      // Kazakh «Судья Қасымов Ғ.С.-ның әрекетін …»: a name in the genitive after «судья» is whose acts the judge weighs.
      const genitive = /^-?(?:ның|нің|тың|тің|дың|дің)/u.test(text.slice(m.end, m.end + 4));
      official = samePhrase && role!.official && !genitive;
    }
    if (m.firm) official = false;
    result.push({ ...m, official });
  }
  return result;
}


/**
 * Whether token `k`, next to the bare surname at `at`, is the given name of `person`: a capitalised
 * word separated by one space (or the other word of a quoted pair), not an institution, role, place,
 * patronymic or the judge's name, that starts with the person's initial or is their known given name.
 */
function givenNextTo(text: string, tokens: Token[], k: number, at: number, person: Person, covered: Set<number>, keepStems: Set<string>): boolean {
  const w = tokens[k];
  if (!w || w.kind !== 'word' || covered.has(k)) return false;
  const [a, b] = k < at ? [w, tokens[at]!] : [tokens[at]!, w];
  if (!/^[ \u00a0]$/u.test(text.slice(a.end, b.start))) return false;
  if (looksLikeInstitution(w.text) || isRoleWord(w.text) || isPatronymic(w.text) || FIRM_WORD.test(w.text) || isPlace(text, w) || namesPlace(text, w)) return false;
  if (keepStems.has(surnameStem(w.text)) || surnameAlone(w.text)) return false;
  return (!!person.initial && w.text[0] === person.initial) || (!!person.given && givenKey(w.text) === person.given) || quotedPair(text, a.start, b.end);
}

export function findNames(input: string, options: NameOptions = {}): NameCandidate[] {
  const text = readCapitalNames(input);
  const tokens = tokenize(text);
  const keep = (options.keep ?? []).map(officialName);
  const keepStems = new Set(keep.map((k) => k.stem));
  const roles = findRoles(text);
  const mentions = classify(text, findMentions(text, tokens, roles), roles, keep);
  const persons: Person[] = [];
  const found: NameCandidate[] = [];
  const covered = new Set<number>();
  const officials: Mention[] = [];
  for (const m of mentions) {
    for (let t = m.first; t <= m.last; t++) covered.add(t);
    if (m.official) {
      officials.push(m);
      continue;
    }
    const index = pickPerson(persons, m.surname ? surnameStem(m.surname) : '', m.initial, m.gender, m.given);
    if (m.givenStem && !persons[index]!.givenStem) persons[index] = { ...persons[index]!, givenStem: m.givenStem };
    found.push({ type: 'name', start: m.start, end: m.end, person: String(index) });
  }
  // A private person's name near an office word stays private: «защитник указывает, что Гончаренко
  // В.П. …», «следователь не проверил у Омарова Е.С. …» name the victim and the suspect, known as
  // private from their other mentions (same surname stem, and the same initial where both show one).
  for (const m of officials) {
    if (!m.surname || isKept(keep, m.surname, m.initial)) continue;
    const stem = surnameStem(m.surname);
    const index = persons.findIndex((p) => p.stem === stem && (m.initial ? p.initial === m.initial : true));
    if (index >= 0) found.push({ type: 'name', start: m.start, end: m.end, person: String(index) });
  }
  // Later mentions of the same people by surname alone, in any case, with initials next to them.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered.has(i) || t.kind !== 'word' || isRussianPatronymic(t.text)) continue;
    const bySurname = persons.findIndex((p) => p.stem.length >= 2 && isFormOf(t.text, p.stem));
    if (bySurname < 0) continue;
    // A bare surname a private person shares with the judge is masked: privacy before the judge's name.
    const person = bySurname;
    let [first, last] = [i, i];
    if (tokens[i - 1]?.kind === 'initials' && !covered.has(i - 1) && adjacent(text, tokens[i - 1], t)) first = i - 1;
    const next = tokens[i + 1];
    if (next && !covered.has(i + 1) && adjacent(text, t, next) && next.kind === 'initials') last = i + 1;
    const initial = first < i ? tokens[first]!.text[0] : last > i ? tokens[last]!.text[0] : undefined;
    const index = pickPerson(persons, persons[person]!.stem, initial, genderOf(t.text));
    // No initials: a given name right next to the surname is theirs («Жақсылықұлы Нұрсұлтан», «Әбдіқұл Жақыпов»).
    if (first === last) {
      const isGiven = (k: number) => givenNextTo(text, tokens, k, i, persons[index]!, covered, keepStems);
      if (isGiven(i - 1)) first = i - 1;
      else if (isGiven(i + 1)) last = i + 1;
      if (first !== last) {
        const given = tokens[first === i ? last : first]!.text;
        const p = persons[index]!;
        persons[index] = { ...p, given: p.given ?? givenKey(given), givenStem: p.givenStem ?? (given.length >= 3 ? givenStem(given) : undefined) };
      }
    }
    found.push({ type: 'name', start: tokens[first]!.start, end: tokens[last]!.end, person: String(index) });
    for (let k = first; k <= last; k++) covered.add(k);
  }
  // A private person's given name on its own («Күлзираның», «Данияр пояснил», «әкелері Әбдіқұл»),
  // known from a full-name mention.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered.has(i) || t.kind !== 'word' || isRussianPatronymic(t.text)) continue;
    const byGiven = persons.findIndex((p) => !!p.givenStem && p.givenStem.length >= 3 && isFormOf(t.text, p.givenStem));
    if (byGiven >= 0 && !looksLikeInstitution(t.text) && !isRoleWord(t.text) && !isPlace(text, t) && !namesPlace(text, t) && !keepStems.has(surnameStem(t.text))) {
      found.push({ type: 'name', start: t.start, end: t.end, person: String(byGiven) });
      covered.add(i);
    }
  }
  // Given names standing alone that no full name introduced («Айгерим пояснила», «сын Аян»).
  found.push(...findGivenAlone(text, tokens, persons, covered, keepStems));
  // A former surname in brackets after a name: «Ахметова (Жақыпова) Зейнеп» — the same person.
  for (const f of [...found]) {
    const bracket = /^[ \u00a0]?\((\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\)/u.exec(text.slice(f.end, f.end + 40));
    if (!bracket || !SURNAME_SHAPE.test(bracket[1]!)) continue;
    const start = f.end + bracket[0].indexOf('(') + 1;
    if (!found.some((g) => g.start <= start && g.end > start)) found.push({ type: 'name', start, end: start + bracket[1]!.length, person: f.person });
  }
  return found.sort((a, b) => a.start - b.start);
}
