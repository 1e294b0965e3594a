import type { Gender } from './name-forms.ts';

/**
 * Identities of the private persons of one text: one per surname stem, told apart by initial and
 * grammatical gender where two people share a stem (spouses in a divorce case), and joined up when
 * someone is named first by given name and patronymic only.
 */
export interface Person {
  /** Surname stem; empty for a person named only by given name and patronymic. */
  stem: string;
  given?: string;
  givenStem?: string;
  initial?: string;
  gender?: Gender;
}

/** Given names compare by their first four letters, so case forms meet («Данияр», «Данияру»). */
export function givenKey(word: string): string {
  return word.toLowerCase().slice(0, 4);
}

/** A given name without a Russian case ending, when at least three letters remain («Ерлана» → «Ерлан»). */
export function givenStem(word: string): string {
  const stripped = word.replace(/(?:ой|ом|ем|ей|у|а|ы|е|ю|я|и)$/u, '');
  return stripped.length >= 3 ? stripped : word;
}

/** Picks the person a name form refers to among those sharing its stem (or given name); adds one when none fits. */
export function pickPerson(persons: Person[], stem: string, initial?: string, gender?: Gender, given?: string): number {
  if (!stem) {
    const byGiven = given ? persons.findIndex((p) => p.given === given) : -1;
    if (byGiven >= 0) return byGiven;
    persons.push({ stem, given, initial, gender });
    return persons.length - 1;
  }
  const same = persons.map((p, i) => [p, i] as const).filter(([p]) => p.stem === stem);
  const byInitial = initial ? same.find(([p]) => p.initial === initial) : undefined;
  if (byInitial) return byInitial[1];
  const byGender = gender ? same.find(([p]) => p.gender === gender) : undefined;
  if (byGender && (!initial || !byGender[0].initial)) return byGender[1];
  if (!initial && same[0]) return same[0][1];
  // Named first without a surname («Андрей Сергеевичтің»), now in full: the same person.
  const unnamed = given ? persons.findIndex((p) => !p.stem && p.given === given) : -1;
  if (unnamed >= 0) {
    persons[unnamed] = { ...persons[unnamed]!, stem, initial: persons[unnamed]!.initial ?? initial };
    return unnamed;
  }
  persons.push({ stem, given, initial, gender });
  return persons.length - 1;
}

