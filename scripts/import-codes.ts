/**
 * Writes `content/norms/<id>.yaml` for the six codes whose article tables are in the reference corpus
 * (`corpus/codes/*.tsv`, see PROVENANCE_codes.md). The header fields (names, abbreviations, aliases,
 * adoption date) are not in the tables, so they live in CODES below; the parsing is in
 * indexer/import/codes.ts. The Civil, Administrative Procedural, Land and Tax codes have no table and
 * are written by hand; this script never touches them.
 *
 *   npx tsx scripts/import-codes.ts [corpus/codes dir] [content dir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { NormCode } from '../schemas/norms.ts';
import { parseCodeTable } from '../indexer/import/codes.ts';

interface Header {
  id: string;
  table: string;
  short: { ru: string; kk: string; en: string };
  title: { ru: string; kk: string; en: string };
  adopted: string;
  /** Forms of the Russian name: nominative, genitive, dative, instrumental, prepositional. */
  ruForms: string[];
  /** Forms of the Kazakh name (without «Қазақстан Республикасының»). */
  kkForms: string[];
  extraRu?: string[];
  extraKk?: string[];
}

/** Declines an adjective + «кодекс» name through the Russian cases (nominative first). */
function adjectiveCode(words: string[]): string[] {
  const ends = [
    ['', 'кодекс'],
    ['ого', 'кодекса'],
    ['ому', 'кодексу'],
    ['ым', 'кодексом'],
    ['ом', 'кодексе'],
  ] as const;
  return ends.map(([adj, noun]) => [...words.map((w) => (adj ? w.replace(/(?:ый|ой|ий)$/, (end) => (adj === 'ым' && end === 'ий' ? 'им' : adj)) : w)), noun].join(' '));
}

/** Kazakh case forms of «<name> кодекс». */
const kkCode = (name: string): string[] =>
  ['кодекс', 'кодексі', 'кодексінің', 'кодексіне', 'кодексінде', 'кодексімен', 'кодекстің', 'кодекске', 'кодексте'].map((k) => `${name} ${k}`);

const CODES: Header[] = [
  {
    id: 'uk',
    table: 'criminal_code_2014.tsv',
    short: { ru: 'УК', kk: 'ҚК', en: 'Criminal Code' },
    title: { ru: 'Уголовный кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Қылмыстық кодексі', en: 'Criminal Code of the Republic of Kazakhstan' },
    adopted: '2014-07-03',
    ruForms: adjectiveCode(['Уголовный']),
    kkForms: kkCode('Қылмыстық'),
    extraRu: ['УК РК', 'УК Республики Казахстан'],
    extraKk: ['ҚР ҚК', 'ҚР Қылмыстық кодексі'],
  },
  {
    id: 'upk',
    table: 'criminal_procedure_code_2014.tsv',
    short: { ru: 'УПК', kk: 'ҚПК', en: 'Criminal Procedure Code' },
    title: { ru: 'Уголовно-процессуальный кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Қылмыстық-процестік кодексі', en: 'Criminal Procedure Code of the Republic of Kazakhstan' },
    adopted: '2014-07-04',
    ruForms: adjectiveCode(['Уголовно-процессуальный']),
    kkForms: kkCode('Қылмыстық-процестік'),
    extraRu: ['УПК РК', 'УПК Республики Казахстан'],
    extraKk: ['ҚР ҚПК', 'ҚР Қылмыстық-процестік кодексі'],
  },
  {
    id: 'gpk',
    table: 'civil_procedure_code_2015.tsv',
    short: { ru: 'ГПК', kk: 'АПК', en: 'Civil Procedure Code' },
    title: { ru: 'Гражданский процессуальный кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Азаматтық процестік кодексі', en: 'Civil Procedure Code of the Republic of Kazakhstan' },
    adopted: '2015-10-31',
    ruForms: adjectiveCode(['Гражданский', 'процессуальный']),
    kkForms: kkCode('Азаматтық процестік'),
    extraRu: ['ГПК РК', 'ГПК Республики Казахстан'],
    extraKk: ['ҚР АПК', 'ҚР Азаматтық процестік кодексі'],
  },
  {
    id: 'koap',
    table: 'administrative_offences_code_2014.tsv',
    short: { ru: 'КоАП', kk: 'ӘҚБтК', en: 'Code of Administrative Offences' },
    title: {
      ru: 'Кодекс Республики Казахстан об административных правонарушениях',
      kk: 'Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының Кодексі',
      en: 'Code of Administrative Offences of the Republic of Kazakhstan',
    },
    adopted: '2014-07-05',
    ruForms: ['Кодекс', 'Кодекса', 'Кодексу', 'Кодексом', 'Кодексе'].flatMap((k) => [
      `${k} Республики Казахстан об административных правонарушениях`,
      `${k} РК об административных правонарушениях`,
      `${k} об административных правонарушениях`,
    ]),
    kkForms: ['Кодексі', 'Кодексінің', 'Кодексіне', 'Кодексінде', 'Кодексімен'].flatMap((k) => [
      `Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының ${k}`,
      `Әкімшілік құқық бұзушылық туралы ҚР ${k}`,
    ]).concat(kkCode('Әкімшілік құқық бұзушылық туралы')),
    extraRu: ['КоАП РК', 'КоАП Республики Казахстан'],
    extraKk: ['ҚР ӘҚБтК'],
  },
  {
    id: 'kobs',
    table: 'marriage_family_code_2011.tsv',
    short: { ru: 'КоБС', kk: 'НОК', en: 'Marriage and Family Code' },
    title: {
      ru: 'Кодекс Республики Казахстан «О браке (супружестве) и семье»',
      kk: '«Неке (ерлі-зайыптылық) және отбасы туралы» Қазақстан Республикасының Кодексі',
      en: 'Code of the Republic of Kazakhstan on Marriage (Matrimony) and Family',
    },
    adopted: '2011-12-26',
    ruForms: ['Кодекс', 'Кодекса', 'Кодексу', 'Кодексом', 'Кодексе'].flatMap((k) => [
      `${k} Республики Казахстан «О браке (супружестве) и семье»`,
      `${k} Республики Казахстан "О браке (супружестве) и семье"`,
      `${k} РК «О браке (супружестве) и семье»`,
      `${k} РК "О браке (супружестве) и семье"`,
      `${k} о браке (супружестве) и семье`,
      `${k} о браке и семье`,
    ]),
    kkForms: ['Кодексі', 'Кодексінің', 'Кодексіне', 'Кодексінде', 'Кодексімен'].flatMap((k) => [
      `«Неке (ерлі-зайыптылық) және отбасы туралы» Қазақстан Республикасының ${k}`,
      `"Неке (ерлі-зайыптылық) және отбасы туралы" Қазақстан Республикасының ${k}`,
      `«Неке (ерлі-зайыптылық) және отбасы туралы» ҚР ${k}`,
    ]).concat(kkCode('Неке (ерлі-зайыптылық) және отбасы туралы')),
    extraRu: ['КоБС РК'],
    extraKk: ['ҚР НОК'],
  },
  {
    id: 'tk',
    table: 'labour_code_2015.tsv',
    short: { ru: 'ТК', kk: 'ЕК', en: 'Labour Code' },
    title: { ru: 'Трудовой кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Еңбек кодексі', en: 'Labour Code of the Republic of Kazakhstan' },
    adopted: '2015-11-23',
    ruForms: adjectiveCode(['Трудовой']),
    kkForms: kkCode('Еңбек'),
    extraRu: ['ТК РК', 'ТК Республики Казахстан'],
    extraKk: ['ҚР ЕК', 'ҚР Еңбек кодексі'],
  },
];

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** Full names in every case: with «Республики Казахстан», with «РК», and bare. */
function ruAliases(h: Header): string[] {
  const withState = (f: string) => (/Республики Казахстан|РК /.test(f) ? [f] : [`${f} Республики Казахстан`, `${f} РК`, f]);
  return uniq([...h.ruForms.flatMap(withState), ...(h.extraRu ?? [])]).filter((a) => a !== h.title.ru);
}

function kkAliases(h: Header): string[] {
  // Only the possessive forms (кодексі, кодексінің …) take «Қазақстан Республикасының» before them.
  const possessive = (f: string) => /[Кк]одексі/.test(f);
  const withState = (f: string) =>
    /Қазақстан Республикасының|ҚР /.test(f) || !possessive(f) ? [f] : [`Қазақстан Республикасының ${f}`, `ҚР ${f}`, f];
  return uniq([...h.kkForms.flatMap(withState), ...(h.extraKk ?? [])]).filter((a) => a !== h.title.kk);
}

function main(): void {
  const corpusDir = process.argv[2] ?? '/work/shared/corpus/codes';
  const contentDir = process.argv[3] ?? join(import.meta.dirname, '..', 'content');
  let total = 0;
  for (const h of CODES) {
    const { articles, problems, ruFromKk } = parseCodeTable(readFileSync(join(corpusDir, h.table), 'utf8'));
    for (const p of problems) console.warn(`${h.table}:${p.line}: ${p.message}`);
    const code = NormCode.parse({
      id: h.id,
      short: h.short,
      title: h.title,
      aliases: { ru: ruAliases(h), kk: kkAliases(h) },
      adopted: h.adopted,
      complete: true,
      articles,
    });
    const doc = new Document(code);
    doc.commentBefore =
      ` ${h.title.en}. Generated by scripts/import-codes.ts from corpus/codes/${h.table}` +
      `\n (official table of contents; versions and gaps in corpus/codes/PROVENANCE_codes.md). Do not edit by hand.` +
      (ruFromKk.length ? `\n Articles ${ruFromKk.join(', ')}: no Russian title in the source redaction, the Kazakh one is repeated.` : '');
    writeFileSync(join(contentDir, 'norms', `${h.id}.yaml`), doc.toString({ lineWidth: 0 }));
    total += articles.length;
    console.log(`${h.id}: ${articles.length} articles${ruFromKk.length ? ` (${ruFromKk.length} with a Kazakh title only)` : ''}`);
  }
  console.log(`${total} articles in ${CODES.length} codes`);
}

main();
