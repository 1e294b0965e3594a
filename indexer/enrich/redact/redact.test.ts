import { describe, expect, it } from 'vitest';
import { checkDigit } from './iin.ts';
import { redact, redactParts } from './index.ts';
import type { EntityType } from './types.ts';
import { scoreSpans } from '../../test/fixtures/privacy/span-score.ts';

const withCheck = (first11: string) => first11 + checkDigit(first11);
const IIN = withCheck('85021430012');
const BIN = withCheck('04084000012');

interface Case {
  text: string;
  /** Spans that must be masked, by type and exact text. */
  masked: [EntityType, string][];
  keep?: string[];
  lang?: 'ru' | 'kk';
}

/** Real-world forms in both languages; negatives have no `masked` and must come out unchanged. */
const CASES: Case[] = [
  { text: `Истица, ИИН ${IIN}, обратилась`, masked: [['iin', IIN]] },
  { text: `жауапкер, ЖСН ${IIN}, сотқа келмеді`, masked: [['iin', IIN]], lang: 'kk' },
  { text: `ТОО «Алма», БИН ${BIN}`, masked: [['bin', BIN]] },
  { text: 'ИИН 850214300128 указан неверно', masked: [['iin', '850214300128']] }, // wrong check digit, but labelled: still masked
  { text: 'номер 850214300128 указан неверно', masked: [] }, // wrong check digit, no label
  { text: `номер заявки ${withCheck('99134530012')}`, masked: [] }, // month 13: neither ИИН nor БИН
  { text: 'тел. +7 701 123 45 67', masked: [['phone', '+7 701 123 45 67']] },
  { text: 'тел.: 8 (701) 123-45-67.', masked: [['phone', '8 (701) 123-45-67']] },
  { text: 'моб. 87011234567, звонил', masked: [['phone', '87011234567']] },
  { text: 'тел. +7 (727) 258-14-36', masked: [['phone', '+7 (727) 258-14-36']] },
  { text: 'раб. тел. 8 (7172) 55-12-34', masked: [['phone', '8 (7172) 55-12-34']] },
  { text: 'взыскать 8 700 000 тенге', masked: [] },
  { text: 'по делу № 7511-23-00-2/2145 от 14.03.2023', masked: [] },
  { text: 'e-mail: ivanov.ivan@mail.kz', masked: [['email', 'ivanov.ivan@mail.kz']] },
  { text: 'проживающая по адресу: г. Алматы, ул. Абая, д. 12, кв. 34, тел.', masked: [['address', 'ул. Абая, д. 12, кв. 34']] },
  { text: 'г. Астана, проспект Достык, 105', masked: [['address', 'проспект Достык, 105']] },
  { text: 'г. Алматы, мкр. Самал-2, д. 5, кв. 10.', masked: [['address', 'мкр. Самал-2, д. 5, кв. 10']] },
  { text: 'микрорайон Аксай-4, дом 25, квартира 12', masked: [['address', 'микрорайон Аксай-4, дом 25, квартира 12']] },
  { text: 'мекенжайы: Алматы қаласы, Абай көшесі, 12-үй, 34-пәтер, тел.', masked: [['address', 'Абай көшесі, 12-үй, 34-пәтер']], lang: 'kk' },
  { text: 'Алматы қаласы, Самал ш/а, 5 үй', masked: [['address', 'Самал ш/а, 5 үй']], lang: 'kk' },
  { text: 'на счёт KZ12 3456 7890 1234 5678 в банке', masked: [['account', 'KZ12 3456 7890 1234 5678']] },
  { text: 'ИИК KZ86125KZT5004100100', masked: [['account', 'KZ86125KZT5004100100']] },
  { text: 'автомашиной Toyota Camry г/н 123ABC02', masked: [['plate', '123ABC02']] },
  { text: 'государственный номер 123 ABC 02,', masked: [['plate', '123 ABC 02']] },
  { text: 'автомобиль ВАЗ-2106 г/н A123BCD', masked: [['plate', 'A123BCD']] },
  { text: 'Истец Иванов Иван Иванович обратился в суд', masked: [['name', 'Иванов Иван Иванович']] },
  { text: 'с иском к ответчице Ивановой М.П. о взыскании', masked: [['name', 'Ивановой М.П.']] },
  { text: 'Гр. Иванову разъяснены права', masked: [['name', 'Иванову']] },
  { text: 'Потерпевшая Сейтқызы Айгүл пояснила', masked: [['name', 'Сейтқызы Айгүл']] },
  { text: 'свидетель Абдрахманқызы Мәди показала', masked: [['name', 'Абдрахманқызы Мәди']] },
  { text: 'подсудимый Сейткали Ерлан вину признал', masked: [['name', 'Сейткали Ерлан']] },
  { text: 'Талапкер Ахметов Бауыржан Серікұлы сотқа жүгінді', masked: [['name', 'Ахметов Бауыржан Серікұлы']], lang: 'kk' },
  { text: 'жауапкер Сейтқали Айгүлге талап қойды', masked: [['name', 'Сейтқали Айгүлге']], lang: 'kk' },
  { text: 'Куә Петров Қ. түсініктеме берді', masked: [['name', 'Петров Қ.']], lang: 'kk' },
  { text: 'осужденному И.И. Петрову назначено', masked: [['name', 'И.И. Петрову']] },
  {
    text: 'Истец Жаксылыков Б.С. обратился. Жаксылыкову разъяснено. Документы представлены Жаксылыковым.',
    masked: [['name', 'Жаксылыков Б.С.'], ['name', 'Жаксылыкову'], ['name', 'Жаксылыковым']],
  },
  { text: 'гражданка Иванова-Петрова С.А. пояснила', masked: [['name', 'Иванова-Петрова С.А.']] },
  {
    text: 'с участием государственного обвинителя Айтбаева Р.Б., потерпевшего Касымова Б.Б.',
    masked: [['name', 'Касымова Б.Б.']],
  },
  {
    text: 'Истец Каримова А.Б. обратилась к ответчику Каримову Д.Е., Каримова пояснила',
    masked: [['name', 'Каримова А.Б.'], ['name', 'Каримову Д.Е.'], ['name', 'Каримова']],
  },
  { text: 'Талапкер Каримова Айгерим Болатқызының талабы', masked: [['name', 'Каримова Айгерим Болатқызының']], lang: 'kk' },
  { text: 'в составе председательствующего судьи Сейткали А.Б.', masked: [], keep: ['Сейткали А.Б.'] },
  { text: 'при секретаре судебного заседания Нурлановой Г.К.', masked: [] },
  { text: 'с участием прокурора Петрова П.П.', masked: [] },
  { text: 'защитника – адвоката Ким К.К.', masked: [] },
  { text: 'ответчик ТОО «Алма» и АО «Народный банк Казахстана»', masked: [] },
  { text: 'Бостандыкский районный суд города Алматы', masked: [] },
  { text: 'по ч. 2 ст. 188 УК РК, 14 мая 2023 года, 1 500 000 тенге', masked: [] },
  { text: 'төрағалық етуші судья Әбдіғали А.Б., сот отырысының хатшысы Нұрланова Г.К.', masked: [], lang: 'kk' },
  { text: 'Судья Сейткали А.Б.', masked: [], keep: ['Сейткали А.Б.'] },
  { text: 'в составе судей Ахметова Б.В., Петровой В.Г. и Жукенова Д.К.', masked: [] },
  { text: 'ответчик Акимат города Алматы', masked: [] },
  { text: 'статьи 188 УПК 12 раз', masked: [] },
];

/**
 * Written after the maskers, as a check on forms they were not tuned on (first run: see the report);
 * counted together with CASES for the thresholds.
 */
const LATER_CASES: Case[] = [
  { text: 'Ответчица Сулейменова Гульнара Маратовна в судебное заседание не явилась', masked: [['name', 'Сулейменова Гульнара Маратовна']] },
  {
    text: 'взыскать с Омарова Асхата Болатовича в пользу Омаровой Динары Серикқызы алименты',
    masked: [['name', 'Омарова Асхата Болатовича'], ['name', 'Омаровой Динары Серикқызы']],
  },
  { text: 'Мать ребенка – Ли Светлана Викторовна', masked: [['name', 'Ли Светлана Викторовна']] },
  { text: 'Представитель истца по доверенности Нуржанов А.К. поддержал иск', masked: [['name', 'Нуржанов А.К.']] },
  { text: 'потерпевшему Ким Виктору причинен вред', masked: [['name', 'Ким Виктору']] },
  { text: 'Заявитель Тлеубаев обжаловал действия судебного исполнителя Сапарова Е.', masked: [['name', 'Тлеубаев']] },
  { text: 'Сотталушы Оспанов Ерболат Маратұлы кінәсін мойындады', masked: [['name', 'Оспанов Ерболат Маратұлы']], lang: 'kk' },
  { text: 'жәбірленуші Әлиеваға зиян келтірілді', masked: [['name', 'Әлиеваға']], lang: 'kk' },
  { text: 'тел. 8 777 123 45 67', masked: [['phone', '8 777 123 45 67']] },
  { text: 'тел:+77011234567', masked: [['phone', '+77011234567']] },
  { text: 'г. Шымкент, ул. Байтурсынова, 15-23', masked: [['address', 'ул. Байтурсынова, 15-23']] },
  { text: 'Верховный Суд Республики Казахстан в составе судей', masked: [] },
  { text: 'ответчик АО «Kaspi Bank»', masked: [] },
  { text: 'Определением от 10 января 2023 года № 2-1234', masked: [] },
  { text: 'истец ИП «Береке»', masked: [] },
  {
    text: 'судья Сейткали А.Б., истец Сейткали Е.К.; Сейткали Е.К. пояснил',
    masked: [['name', 'Сейткали Е.К.'], ['name', 'Сейткали Е.К.']],
    keep: ['Сейткали А.Б.'],
  },
  { text: 'Истец – Иванов пояснил', masked: [['name', 'Иванов']] },
  { text: 'подсудимого ИВАНОВА ИВАНА ИВАНОВИЧА признать виновным; Иванову назначить', masked: [['name', 'ИВАНОВА ИВАНА ИВАНОВИЧА'], ['name', 'Иванову']] },
  { text: 'РЕШИЛ: иск ТОО «АЛМА ТРЕЙД» удовлетворить', masked: [] },
  { text: 'истец, тел. 701 123 45 67, пояснил', masked: [['phone', '701 123 45 67']] },
  { text: 'дом. тел. 25-14-36', masked: [['phone', '25-14-36']] },
  { text: 'на постановление судьи Павлодарского городского суда от 3 марта 2023 года Мусин А.Е. признан виновным', masked: [['name', 'Мусин А.Е.']] },
  { text: 'судья\n\n### ПОСТАНОВИЛ:\n\nПризнать Горбунова Владимира Павловича виновным', masked: [['name', 'Горбунова Владимира Павловича']] },
  { text: 'Судья Қасымов Ғ.С.-ның әрекетін ӘҚБтК-нің 608-бабымен саралайды', masked: [['name', 'Қасымов Ғ.С.']], lang: 'kk' },
  { text: 'апелляциялық шағымы бойынша Ковалёв Андрей Сергеевичтің талабы', masked: [['name', 'Ковалёв Андрей Сергеевичтің']], lang: 'kk' },
  {
    text: 'өзінің анасы Ахметова (Жақыпова) Зейнеп Әбдіқұлқызы',
    masked: [['name', 'Ахметова'], ['name', 'Жақыпова'], ['name', 'Зейнеп Әбдіқұлқызы']],
    lang: 'kk',
  },
  { text: 'Истец Каримов Данияр Ерланович пояснил. Данияр также показал', masked: [['name', 'Каримов Данияр Ерланович'], ['name', 'Данияр']] },
];

/**
 * A third set written after the first two were passing, run once before any change: it found the
 * bare-surname and «…ұлы Ерболат сот …» misses fixed since (see the report of issue #4).
 */
const HELD_OUT_CASES: Case[] = [
  {
    text: 'Заявитель Мухамеджанова Галия Ержановна, 12.04.1978 г.р., проживающая: г. Караганда, ул. Ерубаева 45-12, обратилась',
    masked: [['name', 'Мухамеджанова Галия Ержановна'], ['address', 'ул. Ерубаева 45-12']],
  },
  { text: 'взыскать с Тулегенова Армана Сериковича', masked: [['name', 'Тулегенова Армана Сериковича']] },
  { text: 'Ответчик Пак Р.В. в суд не явился, извещен надлежащим образом.', masked: [['name', 'Пак Р.В.']] },
  { text: 'допрошенная в качестве свидетеля Ермекова Сауле показала', masked: [['name', 'Ермекова Сауле']] },
  { text: 'Потерпевшему Ахмедову Бахтияру причинен легкий вред здоровью.', masked: [['name', 'Ахмедову Бахтияру']] },
  { text: 'Жауапкер Нұрланұлы Ерболат сот отырысына келмеді.', masked: [['name', 'Нұрланұлы Ерболат']], lang: 'kk' },
  { text: 'Куә Әлібекова Гүлнар Серікқызы сотта жауап берді.', masked: [['name', 'Әлібекова Гүлнар Серікқызы']], lang: 'kk' },
  { text: 'Сотталушы С.Б. Тоқтаровтың кінәсі дәлелденді.', masked: [['name', 'С.Б. Тоқтаровтың']], lang: 'kk' },
  { text: 'Представитель ответчика ТОО «Береке» Сапаров А. по доверенности', masked: [['name', 'Сапаров А.']] },
  { text: 'с участием помощника прокурора Жаксыбековой А.М.', masked: [] },
  { text: 'Истица проживает в мкр. Шугыла, д. 340/4, кв. 58', masked: [['address', 'мкр. Шугыла, д. 340/4, кв. 58']] },
  { text: 'сотовый телефон 8-778-555-12-34', masked: [['phone', '8-778-555-12-34']] },
  { text: 'электронный адрес: aigerim_k@yandex.kz', masked: [['email', 'aigerim_k@yandex.kz']] },
  { text: 'госномер 777 BNA 02, автомобиль марки Lexus', masked: [['plate', '777 BNA 02']] },
  { text: 'Суд Медеуского района города Алматы в составе судьи Ким А.В.', masked: [] },
  { text: 'определением Верховного Суда от 1 сентября 2022 года', masked: [] },
  { text: 'сумма задолженности 1 234 567 890 123 тенге', masked: [] },
  {
    text: 'Сарсенбаев обратился в суд с иском к Сарсенбаевой о расторжении брака. Сарсенбаева иск признала.',
    masked: [['name', 'Сарсенбаев'], ['name', 'Сарсенбаевой'], ['name', 'Сарсенбаева']],
  },
  { text: 'гражданина Кыргызской Республики Осмонова Т.Ж.', masked: [['name', 'Осмонова Т.Ж.']] },
  { text: 'в городе Конаев, в «Ақтөбе Тұрғын Үй» ЖШС, Қазақстан Республикасы Заңына сәйкес', masked: [] },
];

/**
 * Forms the real decisions in content/ leaked before (found by indexer/test/privacy-real-content.test.ts),
 * with negatives for what the new rules could over-mask.
 */
const REAL_CONTENT_CASES: Case[] = [
  { text: 'ТОО «Жетісу Агро Трейд» (БИН 150940021187, г. Алматы', masked: [['bin', '150940021187']] },
  { text: 'талапкер, ЖСН: 150820613267, мекенжайы', masked: [['iin', '150820613267']], lang: 'kk' },
  { text: 'суду был известен номер телефона ответчицы +995 555 12 34 56 и адрес', masked: [['phone', '+995 555 12 34 56']] },
  { text: 'дочь проживает в г. Омске (тел. +7 913 604 27 15)', masked: [['phone', '+7 913 604 27 15']] },
  { text: 'на своей странице @olga_almaty_life (около 48 000 подписчиков)', masked: [['handle', '@olga_almaty_life']] },
  { text: 'профиль https://www.instagram.com/olga_almaty_life/, и канал t.me/olga_life.', masked: [['handle', 'https://www.instagram.com/olga_almaty_life/'], ['handle', 't.me/olga_life']] },
  { text: 'почта o.kravchenko.blog@gmail.com, сумма 5 000 @ 5%', masked: [['email', 'o.kravchenko.blog@gmail.com']] },
  {
    text: 'Жақыпова Күлзира Әбдіқұлқызының туу туралы куәлігінде әкесінің аты «Абдикул Жакипов» деп, ал «Әбдіқұл Жақыпов» деп жазылған; әкелері Әбдіқұл мен анасы',
    masked: [['name', 'Жақыпова Күлзира Әбдіқұлқызының'], ['name', 'Абдикул Жакипов'], ['name', 'Әбдіқұл Жақыпов'], ['name', 'Әбдіқұл']],
    lang: 'kk',
  },
  { text: '**Жақсылықұлы Нұрсұлтан**, 1999 жылы туған. Сотталушы Жақсылықұлы Н. кінәсін мойындады.', masked: [['name', 'Жақсылықұлы Нұрсұлтан'], ['name', 'Жақсылықұлы Н.']], lang: 'kk' },
  { text: 'Истец Иванов Сергей обратился в суд. Сергей пояснил, что', masked: [['name', 'Иванов Сергей'], ['name', 'Сергей']] },
  {
    text: 'свидетеля Гончаренко Виталия Петровича. В ходатайстве защитник указывает, что Гончаренко В.П. претензий не имеет',
    masked: [['name', 'Гончаренко Виталия Петровича'], ['name', 'Гончаренко В.П.']],
  },
  {
    text: 'по иску Павловой Екатерины Сергеевны, с участием адвоката Павлова С.И.',
    masked: [['name', 'Павловой Екатерины Сергеевны']],
  },
  { text: 'Талапкер Қасымов Абай Серікұлы. Ол Абай ауданында тұрады.', masked: [['name', 'Қасымов Абай Серікұлы']], lang: 'kk' },
  { text: 'ответчик ТОО «Жакипов и К», истец ТОО «Сапаров Групп»', masked: [] },
  { text: 'согласно Закону «О браке (супружестве) и семье», ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН', masked: [] },
  { text: '«Ақтөбе Тұрғын Үй» ЖШС, Абай ауданы, Сәтбаев қаласы', masked: [], lang: 'kk' },
  { text: 'Истец Сапаров Абай Ерланович проживает на ул. Абая, д. 5. Абай пояснил', masked: [['name', 'Сапаров Абай Ерланович'], ['address', 'ул. Абая, д. 5'], ['name', 'Абай']] },
  { text: 'Жауапкер 2024 жылғы 20 ақпандағы № KZ42VUA01234567 хатпен жауап берді', masked: [], lang: 'kk' },
];

/** The in-sample table, scored like the fresh sets (strict type:text spans). */
const score = (cases: Case[]) => {
  const s = scoreSpans(cases, redact);
  return { ...s, misses: s.notes };
};

describe('depersonalisation over a table of real-world forms', () => {
  it('has at least 40 cases, negatives among them', () => {
    expect(CASES.length + LATER_CASES.length + HELD_OUT_CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c.masked.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it('reaches precision and recall ≥ 0.95', () => {
    const later = score(LATER_CASES);
    console.info(`redact, later cases alone: precision ${later.precision.toFixed(3)}, recall ${later.recall.toFixed(3)}; ${later.misses.join('; ')}`);
    const real = score(REAL_CONTENT_CASES);
    console.info(`redact, real-content cases alone: precision ${real.precision.toFixed(3)}, recall ${real.recall.toFixed(3)}; ${real.misses.join('; ')}`);
    const s = score([...CASES, ...LATER_CASES, ...HELD_OUT_CASES, ...REAL_CONTENT_CASES]);
    console.info(`redact: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
    if (s.misses.length) console.info(`redact misses: ${s.misses.join('; ')}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });
});

/** Puts the original text back in place of each placeholder, using only the entity offsets. */
function unmask(input: string, output: string, entities: { start: number; end: number; replacement: string }[]): string {
  let restored = '';
  let [inAt, outAt] = [0, 0];
  for (const e of entities) {
    const keptLength = e.start - inAt;
    restored += output.slice(outAt, outAt + keptLength) + input.slice(e.start, e.end);
    outAt += keptLength + e.replacement.length;
    inAt = e.end;
  }
  return restored + output.slice(outAt);
}

/** Deterministic generator, so a failure reproduces. */
function prng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('masking changes nothing outside the entities', () => {
  const fragments = [
    ...CASES.map((c) => c.text),
    'Суд, выслушав стороны, исследовав материалы дела, ', '\n\n**УСТАНОВИЛ:**\n\n', ' ', ', ', '. ', '«', '»', '12', '2023',
    'ул.', 'Иванов', 'И.', 'тел.', '+7', 'KZ', 'Ахметовтың', 'судья', 'истец', '-', '(', ')', '№',
  ];

  it('restores the input exactly from the output and the entity offsets (300 random texts)', () => {
    const random = prng(42);
    for (let n = 0; n < 300; n++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => fragments[Math.floor(random() * fragments.length)]!);
      const input = parts.join(random() < 0.5 ? ' ' : '');
      const { text, entities } = redact(input);
      expect(unmask(input, text, entities)).toBe(input);
      for (const [i, e] of entities.entries()) {
        expect(e.start).toBeLessThan(e.end);
        if (i > 0) expect(e.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
      }
    }
  });
});

describe('placeholders', () => {
  it('gives one person one letter throughout, in any case form, and different people different letters', () => {
    const text =
      'Истец Каримова Айгерим Болатовна обратилась с иском к Каримову Данияру Ерлановичу. ' +
      'Свидетель Жумабеков Б.С. пояснил, что Каримова и Каримов проживают раздельно. ' +
      'Каримовой А.Б. разъяснены права; Каримов Д.Е. иск не признал; Жумабекову вручена повестка.';
    const { text: out } = redact(text);
    expect(out).toBe(
      'Истец [А.] обратилась с иском к [Б.]. Свидетель [В.] пояснил, что [А.] и [Б.] проживают раздельно. ' +
        '[А.] разъяснены права; [Б.] иск не признал; [В.] вручена повестка.',
    );
  });

  it('uses the same letters in the title and the body of a document', () => {
    const [title, body] = redactParts(['О расторжении брака между Каримовой А.Б. и Каримовым Д.Е.', 'Истец Каримова А.Б. к ответчику Каримову Д.Е.']);
    expect(title!.text).toBe('О расторжении брака между [А.] и [Б.]');
    expect(body!.text).toBe('Истец [А.] к ответчику [Б.]');
  });

  it('labels other data in the language of the text', () => {
    expect(redact(`ИИН ${IIN}`, { lang: 'ru' }).text).toBe('ИИН [ИИН]');
    expect(redact(`ЖСН ${IIN}`, { lang: 'kk' }).text).toBe('ЖСН [ЖСН]');
  });
});
