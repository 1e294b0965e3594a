import { describe, expect, it } from 'vitest';
import { formatScore, scoreSpans, type LabelledParagraph } from '../../test/fixtures/privacy/span-score.ts';
import { redact } from './index.ts';

/**
 * An out-of-sample check: twenty paragraphs (ten Russian, ten Kazakh) written after the rules were
 * frozen for the real-content fixes, run once and not tuned on afterwards. The figures of that first
 * run are in the report of the change and in indexer/enrich/README.md; the thresholds below are set
 * at what that run reached, so a later change that makes things worse fails here.
 *
 * Each paragraph lists what must be masked (type and exact text); scoring: span-score.ts.
 * Since then the leaks this set showed were fixed on purpose (commit b45e328), so it is in-sample now:
 * the honest out-of-sample figures are those of fresh2.test.ts.
 */
const PARAGRAPHS: LabelledParagraph[] = [
  {
    text: 'Истица Мамедова Лейла Рашидовна, 1988 г.р., проживающая: г. Талдыкорган, ул. Жансугурова, д. 14, кв. 3, обратилась с иском к Мамедову Эльдару Рафиковичу о разделе имущества. Мамедов иск не признал.',
    masked: [['name', 'Мамедова Лейла Рашидовна'], ['address', 'ул. Жансугурова, д. 14, кв. 3'], ['name', 'Мамедову Эльдару Рафиковичу'], ['name', 'Мамедов']],
  },
  {
    text: 'Потерпевший Юсупов Т.К. пояснил, что подсудимый Хасанов нанёс ему удар. Свидетель Кан Валерий Борисович, тел. 8 701 555 21 09, подтвердил показания Юсупова.',
    masked: [['name', 'Юсупов Т.К.'], ['name', 'Хасанов'], ['name', 'Кан Валерий Борисович'], ['phone', '8 701 555 21 09'], ['name', 'Юсупова']],
  },
  {
    text: 'В судебном заседании представитель ответчика по доверенности Ергалиева Динара пояснила, что переписка велась в Telegram с аккаунта @dinara_erg, а письма направлялись на адрес dinara.e@mail.kz.',
    masked: [['name', 'Ергалиева Динара'], ['handle', '@dinara_erg'], ['email', 'dinara.e@mail.kz']],
  },
  {
    text: 'Председательствующий судья Нуркенова А.С., при секретаре Бекжановой Г.Р., с участием прокурора Оспанова Д.Е. и защитника – адвоката Литвинова С.С., подсудимого Ермолаева Константина Игоревича.',
    masked: [['name', 'Ермолаева Константина Игоревича']],
    keep: ['Нуркенова А.С.'],
  },
  {
    text: 'Ответчица, ИИН 920304450123, зарегистрирована по адресу: г. Семей, ул. Кутжанова, 8-21. Автомобиль Hyundai Accent с г/н 456 BCA 18 принадлежит её сыну Данияру.',
    masked: [['iin', '920304450123'], ['address', 'ул. Кутжанова, 8-21'], ['plate', '456 BCA 18'], ['name', 'Данияру']],
  },
  {
    text: 'Согласно выписке АО «Kaspi Bank», денежные средства в размере 350 000 тенге перечислены на счёт KZ94 7220 0000 4567 1234, открытый на имя Сергеевой Марины Олеговны.',
    masked: [['account', 'KZ94 7220 0000 4567 1234'], ['name', 'Сергеевой Марины Олеговны']],
  },
  {
    text: 'Свидетель Абенов показал, что видел, как Рустам вышел из магазина «Магнум» на проспекте Абая.',
    masked: [['name', 'Абенов'], ['name', 'Рустам']],
  },
  {
    text: 'Гражданка Республики Узбекистан Турсунова Мохира, тел. +998 90 123 45 67, привлечена к ответственности по ст. 517 КоАП.',
    masked: [['name', 'Турсунова Мохира'], ['phone', '+998 90 123 45 67']],
  },
  {
    text: 'Из показаний несовершеннолетнего Ахмедова Али (2010 г.р.) и его матери Ахмедовой З.Р. следует, что Али был избит во дворе дома по ул. Толе би, 45.',
    masked: [['name', 'Ахмедова Али'], ['name', 'Ахмедовой З.Р.'], ['name', 'Али'], ['address', 'ул. Толе би, 45']],
  },
  {
    text: 'ТОО «Жаксыбеков и партнёры» в лице директора Сарсембаева Ильяса Маратовича обратилось с иском к ИП «Алтынбек». ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН суд РЕШИЛ: иск удовлетворить.',
    masked: [['name', 'Сарсембаева Ильяса Маратовича']],
  },
  {
    text: 'Талапкер Есжанова Ақмарал Серікқызы жауапкер Есжанов Руслан Болатұлынан алимент өндіріп беруді сұрады. Руслан сот отырысына келмеді.',
    masked: [['name', 'Есжанова Ақмарал Серікқызы'], ['name', 'Есжанов Руслан Болатұлынан'], ['name', 'Руслан']],
    lang: 'kk',
  },
  {
    text: 'Куә Тоқтарбаев Е. сотта жауап беріп, сотталушы Әлжанов Мұрат Қанатұлы жәбірленуші Сапарғалиеваға пышақпен жарақат салғанын көрсетті.',
    masked: [['name', 'Тоқтарбаев Е.'], ['name', 'Әлжанов Мұрат Қанатұлы'], ['name', 'Сапарғалиеваға']],
    lang: 'kk',
  },
  {
    text: 'Жауапкердің ұялы телефон нөмірі +7 747 210 33 18, электрондық поштасы erlan.k@gmail.com, тұрғылықты мекенжайы: Ақтөбе қаласы, Әбілқайыр хан даңғылы, 27-үй, 15-пәтер.',
    masked: [['phone', '+7 747 210 33 18'], ['email', 'erlan.k@gmail.com'], ['address', 'Әбілқайыр хан даңғылы, 27-үй, 15-пәтер']],
    lang: 'kk',
  },
  {
    text: 'Төрағалық етуші судья Байжігітова Р.Т., сот отырысының хатшысы Нұрбекова А., прокурор Шәріпов Б.Ж., қорғаушы – адвокат Оразалиева М.К., сотталушы Құрманов Дәулет қатысуымен.',
    masked: [['name', 'Құрманов Дәулет']],
    keep: ['Байжігітова Р.Т.'],
    lang: 'kk',
  },
  {
    text: 'Жәбірленуші Ким Ольга өзінің Instagram парақшасында (instagram.com/olga.kim.kz) сотталушының қорқытқанын жариялаған.',
    masked: [['name', 'Ким Ольга'], ['handle', 'instagram.com/olga.kim.kz']],
    lang: 'kk',
  },
  {
    text: 'Мұрагер Сейітқалиев Асқар әкесі Сейітқалиев Бақыт Омарұлының 2019 жылы қайтыс болғанын, мұраны нотариус Әбенова Г.К. ресімдегенін көрсетті.',
    masked: [['name', 'Сейітқалиев Асқар'], ['name', 'Сейітқалиев Бақыт Омарұлының']],
    lang: 'kk',
  },
  {
    text: 'Сотталушы ТЕМІРБЕКОВ АЙДОС НҰРЛАНҰЛЫ кінәлі деп танылсын. Темірбековке 3 жыл бас бостандығын шектеу жазасы тағайындалсын.',
    masked: [['name', 'ТЕМІРБЕКОВ АЙДОС НҰРЛАНҰЛЫ'], ['name', 'Темірбековке']],
    lang: 'kk',
  },
  {
    text: 'Өтініш беруші «Айжан Нұрланқызы» деген атпен жазылған хатты сотқа ұсынды; Айжан оның қызы екенін түсіндірді. Іс Алматы облысы Еңбекшіқазақ аудандық сотында қаралды.',
    masked: [['name', 'Айжан Нұрланқызы'], ['name', 'Айжан']],
    lang: 'kk',
  },
  {
    text: 'Жауапкер «Ақниет Құрылыс» ЖШС (БСН 150240012345) талапкер Бекова Салтанатқа 450 000 теңге жалақы қарызын өтемеген; ақша KZ12 9650 0000 1111 2222 шотына аударылуы тиіс.',
    masked: [['bin', '150240012345'], ['name', 'Бекова Салтанатқа'], ['account', 'KZ12 9650 0000 1111 2222']],
    lang: 'kk',
  },
  {
    text: 'Жол-көлік оқиғасына 777 ABC 02 мемлекеттік нөмірлі «Toyota Camry» көлігінің жүргізушісі Нұрғалиев Ерболат пен жаяу жүргінші Смағұлова Әйгерім қатысқан. Нұрғалиевтің кінәсі дәлелденді.',
    masked: [['plate', '777 ABC 02'], ['name', 'Нұрғалиев Ерболат'], ['name', 'Смағұлова Әйгерім'], ['name', 'Нұрғалиевтің']],
    lang: 'kk',
  },
];

describe('depersonalisation on paragraphs written after the rules were frozen', () => {
  it('has twenty paragraphs in both languages', () => {
    expect(PARAGRAPHS).toHaveLength(20);
    expect(PARAGRAPHS.filter((p) => p.lang === 'kk')).toHaveLength(10);
  });

  it('keeps precision and recall at the level of the first run', () => {
    const s = scoreSpans(PARAGRAPHS, redact);
    console.info(`redact, fresh paragraphs: ${formatScore(s)}; ${s.notes.join('; ')}`);
    // First run (2026-11-28): precision 0.904, recall 0.887, cover 0.887 (tp 47, fp 5, fn 6).
    // After the fixes for its leaks (b45e328): precision 0.981, recall 1.000, cover 1.000 (tp 53, fp 1, fn 0;
    // the one extra is «ИП «Алтынбек»», an entrepreneur's given name, masked by the new firm rule).
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(1);
    expect(s.cover).toBeGreaterThanOrEqual(1);
  });
});
