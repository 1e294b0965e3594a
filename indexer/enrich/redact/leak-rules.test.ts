import { describe, expect, it } from 'vitest';
import { givenNameOf } from './given-names.ts';
import { redact } from './index.ts';

/**
 * The rules added for the leaks the first fresh set showed (given names without a surname, short
 * given names, street names ending in a title, one-person firms), each with what they must leave alone.
 */
const masks = (text: string, options: { lang?: 'ru' | 'kk'; keep?: string[] } = {}) =>
  redact(text, options).entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);

describe('given names', () => {
  it('reads known given names in any case form and spelling, and no ordinary words', () => {
    expect(['Айгерим', 'Әйгерімнің', 'Мадиной', 'Сергея', 'Марии', 'Аяну', 'Алиге'].map(givenNameOf)).toEqual([
      'айгерим', 'айгерим', 'мадина', 'сергей', 'мария', 'аян', 'али',
    ]);
    expect(['Суд', 'Алматы', 'Коллегия', 'Алиев', 'Астана', 'айгерим'].map(givenNameOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes the given name after a surname found by its shape, in either order', () => {
    expect(masks('по доверенности Жумабаева Салтанат пояснила')).toEqual(['name:Жумабаева Салтанат']);
    expect(masks('к ответчице, которой является Салтанат Жумабаева, о взыскании')).toEqual(['name:Салтанат Жумабаева']);
  });

  it('masks a given name standing alone, short ones too, with one letter per person', () => {
    expect(redact('Айгерим пояснила, что сын Аян живёт с ней. Аяну 5 лет.').text).toBe('[А.] пояснила, что сын [Б.] живёт с ней. [Б.] 5 лет.');
    expect(masks('соседи видели, как Тимофей ушёл')).toEqual(['name:Тимофей']);
  });

  it('leaves places, bodies and officials named like people', () => {
    expect(masks('Әділет министрлігінің орталығы, Абай ауданы, Жамбыл облысы', { lang: 'kk' })).toEqual([]);
    expect(masks('Суд в составе судьи Ахметовой Айгерим Сериковны', { keep: ['Ахметова А.С.'] })).toEqual([]);
    expect(masks('в г. Алматы произошло, как указал суд')).toEqual([]);
  });
});

describe('addresses', () => {
  it('keeps a street name ending in a title whole, so the house number goes with it', () => {
    expect(masks('проживает: ул. Кабанбай батыра, 12, кв. 5')).toEqual(['address:ул. Кабанбай батыра, 12, кв. 5']);
    expect(masks('Бұқар жырау даңғылы, 7-үй', { lang: 'kk' })).toEqual(['address:Бұқар жырау даңғылы, 7-үй']);
  });

  it('leaves a street without a house number', () => {
    expect(masks('задержан на проспекте Республики возле магазина')).toEqual([]);
  });
});

describe('one-person firms', () => {
  it('masks the owner named in an individual entrepreneur or farm name', () => {
    expect(masks('работает продавцом у ИП «Сулейменова»')).toEqual(['name:Сулейменова']);
    expect(masks('ИП Сейткали Н.Б. обратился')).toEqual(['name:Сейткали Н.Б.']);
    expect(masks('«Данияр» шаруа қожалығы жер учаскесін жалға алды', { lang: 'kk' })).toEqual(['name:Данияр']);
  });

  it('leaves trade names and companies', () => {
    expect(masks('ИП «Береке», КХ «Ак Бидай», ТОО «Сапаров и партнёры»')).toEqual([]);
  });
});

describe('marks that are not one-person firms', () => {
  it('leaves a residential complex and the Land Code abbreviated ЖК', () => {
    expect(masks('проживает в ЖК «Алтынай» на берегу')).toEqual([]);
    expect(masks('Жер кодексінің (бұдан әрі – ЖК) 23-бабына сәйкес', { lang: 'kk' })).toEqual([]);
    expect(masks('«Бекова» ЖК сотқа жүгінді', { lang: 'kk' })).toEqual(['name:Бекова']);
  });
});
