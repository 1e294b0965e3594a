import { foldName, hasCaseEnding } from './name-forms.ts';

export { foldName };

/**
 * Given names common in Kazakhstan (Kazakh, Russian, Uzbek, Uighur, Tatar …), so that a person named
 * only by a given name («Айгерим пояснила», «сын Аян», «Алиге») is found without a surname beside it,
 * and short names (Аян, Али, Ая) that no shape rule can tell from other words.
 *
 * Stored folded (see `foldName`): Kazakh letters as their Russian neighbours, no soft sign, so
 * «Әйгерім», «Айгерим» and «Айгерімнің» meet. Left out on purpose: names that are mostly places,
 * streets or ordinary words in these texts (Абылай, Райымбек, Жамбыл, Самал, Жибек, Астана, Алма,
 * Нур, Май, Вера, Надежда, Любовь, Роза, Бақыт), where a wrong mask costs more than the list gains.
 */
const KAZAKH_MALE = `абзал адил адилет адилхан айбар айбек айбол айдар айдос айдын акылбек алибек алихан алмас
  алтынбек амир амирхан ануар арман арсен арслан асан асет аскар аслан асхат ауезхан азамат азат аян али
  бауыржан бахтияр бекжан бекзат болат булат габит галым дамир данияр даулет дархан дастан димаш досжан
  ерасыл ербол ерболат ердос ерик ержан еркебулан еркин ерлан ермек ернар ерсин ерсултан жандос жанибек жасулан жомарт
  илияс иляс ислам кайрат канат куаныш кайсар мадияр магжан максат марат медет мейрам мирас мухтар мурат
  нурбек нуржан нурлан нурсултан нурболат олжас рамазан рауан руслан рустам рустем самат санжар сакен серик
  султан тимур темирлан талгат улан чингиз шынгыс эльдар элдар ринат ренат ильдар арыстан бекарыс`;
const KAZAKH_FEMALE = `айгерим айгул айдана айжан айнур айсулу акмарал акбота алия алтынай аружан асел асем айым балжан
  ботагоз гаухар гулмира гулнара гулназ гулжан гулшат гулсим дана дамира динара жанар жазира жулдыз жанна
  зарина зауре индира камила карлыгаш кулзира кунсулу лаура ляззат мадина меруерт назерке назира нургул
  раушан салтанат сауле сабина сандугаш томирис толганай улжан шолпан элмира айзере анел аяжан ажар молдир
  перизат сымбат айару аида арайлым бибигул куралай майра сания умит феруза фатима хадиша асия ая`;
const RUSSIAN_MALE = `александр алексей анатолий андрей антон артем артур борис вадим валентин валерий василий виктор
  виталий владимир владислав вячеслав геннадий георгий григорий даниил денис дмитрий евгений егор иван игор илья
  кирилл константин леонид максим михаил никита николай олег павел петр роман сергей станислав степан тимофей
  федор юрий ярослав эдуард`;
const RUSSIAN_FEMALE = `алена александра алина алла анастасия анна валентина виктория галина дарья диана евгения екатерина
  елена елизавета зоя инна ирина карина кристина ксения лариса лидия людмила маргарита марина мария наталя
  наталия нина оксана олга полина раиса светлана софия снежана тамара татяна уляна юлия яна элвира лейла`;
const CENTRAL_ASIAN = `шохрух мохира дилноза нигора фарход бахром жасур улугбек дилшод азиз умид камола гулнора зулфия
  ахмед мухаммед мухаммад юсуф рашид рахим`;

const GIVEN = new Set([KAZAKH_MALE, KAZAKH_FEMALE, RUSSIAN_MALE, RUSSIAN_FEMALE, CENTRAL_ASIAN].flatMap((l) => l.split(/\s+/u)).filter(Boolean));

/**
 * The folded given name a word is a case form of («Айгерімнің» → «айгерим», «Мадиной» → «мадина»,
 * «Сергея» → «сергей»), or undefined. Only a capitalised word counts; hyphenated words never do.
 */
export function givenNameOf(word: string): string | undefined {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return undefined;
  const w = foldName(word);
  if (GIVEN.has(w)) return w;
  for (let cut = 1; cut <= Math.min(7, w.length - 2); cut++) {
    const base = w.slice(0, w.length - cut);
    const rest = w.slice(w.length - cut);
    for (const name of [base, `${base}а`, `${base}я`, `${base}й`]) {
      if (!GIVEN.has(name)) continue;
      // The letter the nominative ends in is part of the ending here («Мадин|ы» from «Мадина»).
      if (hasCaseEnding(rest, true)) return name;
    }
  }
  return undefined;
}
