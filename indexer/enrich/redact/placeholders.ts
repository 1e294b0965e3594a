import type { EntityType } from './types.ts';

export type PlaceholderLang = 'ru' | 'kk';

/**
 * Placeholder scheme. A private person becomes a bracketed capital initial, «[А.]», «[Б.]» …, in
 * order of first mention, the same letter for the same person throughout the document, so the text
 * still reads like the initials-only style of published acts («Истец [А.] обратился к ответчику
 * [Б.]») while the brackets say it was masked. Letters that look alike or cannot start a name
 * (Ё Й Ъ Ы Ь Щ) are skipped; past the alphabet a number is appended («[А2.]»).
 * Other data becomes its bracketed kind in the language of the document.
 */
const LETTERS = [...'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ'];

const LABELS: Record<Exclude<EntityType, 'name'>, Record<PlaceholderLang, string>> = {
  iin: { ru: '[ИИН]', kk: '[ЖСН]' },
  bin: { ru: '[БИН]', kk: '[БСН]' },
  phone: { ru: '[телефон]', kk: '[телефон]' },
  email: { ru: '[e-mail]', kk: '[e-mail]' },
  address: { ru: '[адрес]', kk: '[мекенжай]' },
  account: { ru: '[счёт]', kk: '[шот]' },
  plate: { ru: '[госномер]', kk: '[мемнөмір]' },
  handle: { ru: '[аккаунт]', kk: '[аккаунт]' },
};

export function personPlaceholder(index: number): string {
  const letter = LETTERS[index % LETTERS.length]!;
  const round = Math.floor(index / LETTERS.length);
  return `[${letter}${round > 0 ? round + 1 : ''}.]`;
}

export function placeholderFor(type: EntityType, lang: PlaceholderLang, personIndex = 0): string {
  return type === 'name' ? personPlaceholder(personIndex) : LABELS[type][lang];
}
