import { describe, expect, it } from 'vitest';
import { stem, stemKazakh, stemRussian } from './stem.ts';

/**
 * Word → stem pairs from the Snowball project's published Russian sample vocabulary and its output
 * (snowballstem/snowball-data, russian/diffs.txt), chosen to exercise every step: perfective gerunds,
 * reflexives, participles, verbs, nouns, step 2 (и), derivational -ость in R2, superlatives, нн and ь.
 */
const SNOWBALL_SAMPLE = `
абиссинию абиссин
абонемента абонемент
абонировался абонирова
абонируйся абонир
абонируюсь абонир
абрикосы абрикос
авдотье авдот
авдотьей авдот
авенантненькая авенантненьк
авиация авиац
авось ав
австрии австр
автомобили автомоб
автомобиль автомобил
ага аг
агамемнон агамемнон
агроном агрон
агрономии агроном
адам ад
адвокатского адвокатск
административный административн
адресовано адресова
азраил азра
аи а
ай а
аккомпанировал аккомпанирова
аккуратнее аккуратн
алексеев алексе
алексеевыми алексеев
алексей алекс
алена ал
алене ален
аллея алле
алчущим алчущ
альбом альб
альбомами альбом
анализирующей анализир
анамнясь анамн
англичан англича
англичанин англичанин
антверпен антверп
апатичен апатич
апельсинничаешь апельсиннича
аплодирует аплодир
аплодируя аплодиру
арестовать арестова
арестовывают арестовыва
арестуйте арест
аристократическою аристократическ
бездонна бездон
бездонностью бездон
бездыханном бездыха
бездыханность бездыхан
беззаботен беззабот
безлюдьи безлюд
безмолвствует безмолвств
безнаказанно безнаказа
безнравственная безнравствен
безо без
безобразнейший безобразн
безобразничал безобразнича
безыменные безымен
бей бе
бейся бе
бейте бейт
белеет белеет
белится бел
берегитесь берег
бережет бережет
берется берет
беседовавшим беседова
бесконечности бесконечн
беспокоиться беспоко
беспокойся беспок
беспокойтесь беспокойт
беспошлинный беспошлин
беспрестанно беспреста
беспамятство беспамятств
беспомощен беспомощ
бескрайною бескрайн
`;

const samplePairs = SNOWBALL_SAMPLE.trim()
  .split('\n')
  .map((line) => line.split(' ') as [string, string]);

describe('stemRussian (Snowball)', () => {
  it.each(samplePairs)('%s → %s', (word, expected) => {
    expect(stemRussian(word)).toBe(expected);
    expect(stem(word)).toBe(expected);
  });

  it('conflates the inflected forms of legal words', () => {
    for (const word of ['суд', 'суда', 'суду', 'судом', 'суде', 'суды', 'судов', 'судами']) expect(stem(word)).toBe('суд');
    const isk = ['исковой', 'исковая', 'исковые', 'искового', 'исковому', 'исковых'].map(stem);
    expect(new Set(isk)).toEqual(new Set(['исков']));
    expect(stem('кража')).toBe(stem('кражи'));
    expect(stem('кражу')).toBe(stem('кражи'));
    expect(stem('давности')).toBe('давност');
    expect(stem('давность')).toBe('давност');
    expect(stem('заседании')).toBe('заседан');
    expect(stem('заседание')).toBe('заседан');
  });

  it('removes -ость only inside R2', () => {
    // «давност»: R2 starts after «давнос», so «ост» (from «н» + «ост») is outside it and stays.
    expect(stemRussian('давностью')).toBe('давност');
    // «бесконечность»: R2 is wide enough, and -ость goes, then step 4 has nothing left to do.
    expect(stemRussian('бесконечность')).toBe('бесконечн');
  });

  it('leaves words without a vowel, or with nothing after the first vowel, unchanged', () => {
    expect(stemRussian('вкл')).toBe('вкл');
    expect(stemRussian('ст')).toBe('ст');
    expect(stemRussian('а')).toBe('а');
    expect(stemRussian('и')).toBe('и');
    expect(stemRussian('уж')).toBe('уж');
  });

  it('treats ё as е', () => {
    expect(stemRussian('берёт')).toBe(stemRussian('берет'));
  });
});

describe('stemKazakh', () => {
  it('peels case and plural endings off «сот» (court)', () => {
    for (const word of ['сот', 'соттың', 'сотқа', 'сотта', 'соттар', 'соттардың', 'соттан', 'сотпен', 'сотты', 'соттағы']) {
      expect(stemKazakh(word), word).toBe('сот');
    }
  });

  it('peels possessive + case and plural + possessive + case', () => {
    for (const word of ['шешім', 'шешімі', 'шешімнің', 'шешімдер', 'шешімдері', 'шешімдерінің']) {
      expect(stemKazakh(word), word).toBe('шешім');
    }
    expect(stemKazakh('соттарының')).toBe('сот');
    expect(stemKazakh('сотына')).toBe('сот');
    expect(stemKazakh('сотында')).toBe('сот');
  });

  it('keeps stems that end in a removable-looking suffix at three letters or more', () => {
    expect(stemKazakh('талап')).toBe('талап');
    // «іс» (case): -ті / -тің / -ке would leave two letters, so they are not removed; a shorter ending
    // that leaves three may be (істі → іст), which still conflates the forms of «іс» with each other.
    expect(stemKazakh('іске')).toBe('іске');
    for (const word of ['істі', 'істің']) expect(stemKazakh(word), word).toBe('іст');
    expect(stemKazakh('ақы')).toBe('ақы');
    expect(stemKazakh('ақысы')).toBe('ақы');
    expect(stemKazakh('және')).toBe('және');
  });

  it('does not strip first-person possessive -ім (a common noun suffix: шешім, келісім)', () => {
    expect(stemKazakh('келісім')).toBe('келісім');
    expect(stemKazakh('келісімі')).toBe('келісім');
  });

  it('maps a stem-final voiced б/ғ/г back to п/қ/к', () => {
    expect(stemKazakh('талабы')).toBe('талап');
    expect(stemKazakh('тарағы')).toBe('тарақ');
    expect(stemKazakh('жүрегі')).toBe('жүрек');
  });

  it('removes -сы/-сі only after a vowel and -ғы/-гі/-қы/-кі only after a consonant', () => {
    // After a vowel: қаулы + сы (and then қаулы itself loses its -ы, like every form of it).
    expect(stemKazakh('қаулысы')).toBe('қаул');
    expect(stemKazakh('қаулы')).toBe('қаул');
    expect(stemKazakh('республикасының')).toBe('республика');
    // After a consonant с belongs to the stem: кодекс + і.
    expect(stemKazakh('кодексі')).toBe('кодекс');
    expect(stemKazakh('кодексінің')).toBe('кодекс');
    expect(stemKazakh('жылғы')).toBe('жыл');
    expect(stemKazakh('жылы')).toBe('жыл');
    expect(stemKazakh('жоғарғы')).toBe(stemKazakh('жоғары'));
    // After a vowel ғ is the voiced stem-final қ: құқық + ы.
    expect(stemKazakh('құқығы')).toBe('құқық');
    expect(stemKazakh('бөлігі')).toBe('бөлік');
  });

  it('gives every form of a stem that ends like an ending the same term', () => {
    const forms = ['тұлға', 'тұлғаның', 'тұлғалар', 'тұлғалардың', 'тұлғаларының', 'тұлғаға'].map(stemKazakh);
    expect(new Set(forms).size).toBe(1);
  });

  it('strips at most four endings', () => {
    // An artificial stack сот + тар + ы + ның + дағы + лар + ға needs six rounds: after four, «соттары» is left.
    expect(stemKazakh('соттарыныңдағыларға')).toBe('соттары');
    expect(stemKazakh('соттарындағы')).toBe('сот');
  });
});

describe('stem (dispatch)', () => {
  it('sends words with a Kazakh-only letter to the Kazakh stemmer', () => {
    expect(stem('соттың')).toBe('сот');
    expect(stem('шешімдер')).toBe('шешім');
    expect(stem('қылмыстық')).toBe(stemKazakh('қылмыстық'));
  });

  it('sends other Cyrillic words to the Russian stemmer', () => {
    // No Kazakh-only letter, so even a Kazakh form goes the Russian way: the documented limit of dispatch.
    expect(stem('соттар')).toBe(stemRussian('соттар'));
    expect(stem('преступлений')).toBe(stemRussian('преступлений'));
  });

  it('leaves digits, Latin and mixed words unchanged', () => {
    for (const word of ['188', '2015', 'article', 'courts', 'covid19', '188ч', 'ст2', 'iphone', 'судx']) {
      expect(stem(word)).toBe(word);
    }
  });

  it('returns the empty string for the empty string', () => {
    expect(stem('')).toBe('');
    expect(stemRussian('')).toBe('');
    expect(stemKazakh('')).toBe('');
  });

  it('never lengthens a word, and leaves very short words as they are', () => {
    for (const word of ['я', 'он', 'суд', 'іс', 'ақы', 'бұл']) {
      expect(stem(word).length).toBeLessThanOrEqual(word.length);
    }
    expect(stem('іс')).toBe('іс');
    expect(stem('бұл')).toBe('бұл');
    expect(stem('он')).toBe('он');
  });
});
