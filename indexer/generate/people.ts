import type { Rng } from './random.ts';

/**
 * Invented personal data, shaped like the real thing so that depersonalisation does real work on the
 * generated corpus: valid-checksum ИИН, phones, addresses, plates.
 */

const SURNAMES = [
  'Ахметов', 'Сейткалиев', 'Жумабаев', 'Искаков', 'Нургалиев', 'Омаров', 'Касымов', 'Бекмуханов', 'Тулегенов',
  'Абдрахманов', 'Иванов', 'Петров', 'Ким', 'Сидоренко', 'Кузнецов', 'Мухамеджанов', 'Байжанов', 'Есенов',
  'Калиев', 'Досжанов', 'Рахимов', 'Смагулов', 'Шевченко', 'Алиев', 'Садыков', 'Утепов', 'Жаксылыков',
];
const MALE_NAMES = ['Ерлан', 'Марат', 'Асхат', 'Данияр', 'Серик', 'Алексей', 'Нурлан', 'Бауыржан', 'Тимур', 'Руслан', 'Айдос', 'Сергей'];
const FEMALE_NAMES = ['Айгуль', 'Асель', 'Динара', 'Гульнара', 'Елена', 'Жанар', 'Сауле', 'Мадина', 'Ольга', 'Камила', 'Айжан'];
const FATHER_NAMES = ['Болатов', 'Серикбаев', 'Нурланов', 'Маратов', 'Ерланов', 'Викторов', 'Кайратов', 'Ахметов', 'Жанатов'];
const STREETS = ['Абая', 'Жибек Жолы', 'Сейфуллина', 'Республики', 'Кенесары', 'Толе би', 'Назарбаева', 'Байтурсынова', 'Ауэзова'];

export interface Person {
  surname: string;
  name: string;
  patronymic: string;
  female: boolean;
  iin: string;
  full: string;
  /** «Ахметов Е.Б.» */
  short: string;
}

/** ИИН check digit: weights 1..11, and 3..11,1,2 when the first pass gives 10 (then the number is unusable). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((s, d, i) => s + d * weights[i]!, 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check === 10 ? null : check;
}

export function makeIin(rng: Rng, female: boolean): string {
  for (;;) {
    const year = rng.int(1950, 2004);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const century = year >= 2000 ? (female ? 6 : 5) : female ? 4 : 3;
    const first11 = `${String(year % 100).padStart(2, '0')}${month}${day}${century}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

export function makePerson(rng: Rng): Person {
  const female = rng.chance(0.4);
  const base = rng.pick(SURNAMES);
  const surname = female && /(ов|ев|ин)$/.test(base) ? `${base}а` : base;
  const name = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const father = rng.pick(FATHER_NAMES);
  const patronymic = female ? `${father.replace(/ов$|ев$/, '')}овна` : `${father.replace(/ов$|ев$/, '')}ович`;
  const full = `${surname} ${name} ${patronymic}`;
  return { surname, name, patronymic, female, iin: makeIin(rng, female), full, short: `${surname} ${name[0]}.${patronymic[0]}.` };
}

export function makePhone(rng: Rng): string {
  return `+7 ${rng.pick(['701', '702', '705', '707', '747', '771', '777'])} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
}

export function makeAddress(rng: Rng, city: string): string {
  return `${city}, ул. ${rng.pick(STREETS)}, д. ${rng.int(1, 180)}, кв. ${rng.int(1, 220)}`;
}

export function makePlate(rng: Rng): string {
  const letters = 'ABCDEHKMOPTX';
  const l = () => letters[rng.int(0, letters.length - 1)];
  return `${rng.int(100, 999)}${l()}${l()}${l()}${String(rng.int(1, 20)).padStart(2, '0')}`;
}
