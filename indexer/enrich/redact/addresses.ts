import type { Candidate } from './types.ts';

/**
 * Street addresses of people: the street with house and flat numbers. The city or district before it
 * is not personal and stays («г. Алматы, [адрес]»).
 * Russian puts the kind of street first («ул. Абая, д. 12, кв. 34», «мкр. Самал-2, 5-10»,
 * «проспект Достык 105»); Kazakh after the name («Абай көшесі, 12-үй, 34-пәтер», «Самал ш/а, 5 үй»).
 */
const NUM = String.raw`\d+(?:\s?[а-яәa-zA-Z](?![\p{L}]))?(?:\s?[/-]\s?\d+[а-я]?)*`;
const HOUSE_RU = String.raw`(?:[,\s]\s*(?:(?:д\.|дом|здание|зд\.|уч\.|участок|корпус|корп\.|к\.)\s*)?${NUM})`;
const FLAT_RU = String.raw`(?:[,\s]\s*(?:кв\.|квартира|комн\.|комната|офис|оф\.)\s*\d+[а-я]?)`;
/**
 * Lower-case words that end street names after a person's name: titles («Толе би», «Кабанбай батыра»,
 * «Абылай хана», «Бұқар жырау») and «жолы» («Жібек жолы»). Without them «ул. Толе би, 45» stopped
 * at «Толе» and the house number stayed.
 */
const TITLE = String.raw`(?:[ \u00a0](?:би|батыр[аеу]?|хан[аеу]?|ата|ана|апа|ақын|акын|жырау|жолы|датқа|датка|баба|бабы|әулие|аулие))`;
const STREET_NAME = String.raw`(?:(?:\d+\s?(?:-?(?:го|й|летия|лет))?\s)?[«"]?\p{Lu}[\p{L}\p{N}.-]*[»"]?(?:\s[«"]?\p{Lu}[\p{L}\p{N}.-]*[»"]?){0,3}${TITLE}?|\d+(?![\p{N}]))`;
/** Kinds of street whose name may be a bare number («ул. 5», «мкр. 4»). */
const NUMBERED_STREET_RU = String.raw`(?:ул\.|улиц[аеыу]|мкр\.|мкр|микрорайон[аеу]?)`;
const STREET_RU = String.raw`(?<![\p{L}])(?:${NUMBERED_STREET_RU}|пр\.|пр-т|пр-кт|проспект[аеу]?|пер\.|переул(?:ок|ка|ке)|бульвар[аеу]?|б-р|шоссе|трасс[аеы]|наб\.|набережн\p{L}*|тупик[аеу]?|ж\.м\.|жилмассив[аеу]?|дачн\p{L}*\s+массив[аеу]?|с\/т|садов\p{L}*\s+товарищество)\s*`;

const ADDRESS_RU = new RegExp(`${STREET_RU}${STREET_NAME}(?<house>${HOUSE_RU}${FLAT_RU}?)?`, 'gu');

const STREET_KK = String.raw`(?:көшесі(?:нің|нде|ндегі|не)?|даңғылы(?:ның|нда|ндағы|на)?|ш\/а|шағын\s?аудан(?:ы|ының|ында)?|ықшам\s?аудан(?:ы|ының|ында)?|тұйық\s?көшесі|алаңы|мөлтек\s?аудан(?:ы|ында)?)`;
const HOUSE_KK = String.raw`(?:[,\s]\s*(?:үй\s*)?${NUM}(?:\s?-?\s?(?:үй(?:де|дің|ге)?|уй))?)`;
/** A flat needs its word («34-пәтер», «пәтер 34»): a bare number after the house is more often a year. */
const FLAT_KK = String.raw`(?:[,\s]\s*(?:пәтер\s*\d+[а-я]?|\d+[а-я]?\s?-?\s?(?:пәтер\p{L}*|п\.)))`;
const ADDRESS_KK = new RegExp(
  String.raw`(?<![\p{L}])(?:\d+\s?(?:-?\s?(?:жыл(?:дығы)?)?\s)?)?\p{Lu}[\p{L}\p{N}-]*(?:\s\p{Lu}[\p{L}\p{N}-]*){0,2}${TITLE}?\s${STREET_KK}(?<house>${HOUSE_KK}${FLAT_KK}?)?`,
  'gu',
);

export function findAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const re of [ADDRESS_RU, ADDRESS_KK]) {
    for (const m of text.matchAll(re)) {
      // A street without a house number («на проспекте Абая», «Абай көшесінде») points to no one.
      if (!m.groups?.house) continue;
      const value = m[0].replace(/[\s,]+$/u, '');
      // «и пр. Алматы» is not a street: the short form needs a house number to count.
      if (/^пр\.\s*\p{Lu}/u.test(value) && !/\d/.test(value)) continue;
      // Only streets, microdistricts and «ул.» take a bare number for a name («ул. 5, д. 14»).
      if (re === ADDRESS_RU && !new RegExp(`^${NUMBERED_STREET_RU}`, 'u').test(value) && /^\S+\s*\d/u.test(value)) continue;
      found.push({ type: 'address', start: m.index, end: m.index + value.length });
    }
  }
  return found;
}
