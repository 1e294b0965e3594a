import type { Category } from '../../schemas/classifier.ts';
import type { DocLang, Proceeding } from '../../schemas/common.ts';
import type { Court } from '../../schemas/courts.ts';
import type { ActType, Instance, Outcome } from '../../schemas/documents.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { Registries } from '../normalize/registries.ts';
import { makeAddress, makePerson, makePhone, makePlate } from './people.ts';
import { BANKS, HEADINGS, type Facts } from './phrases.ts';
import { createRng, shuffled, zipfWeights, type Rng } from './random.ts';

export interface CorpusOptions {
  decisions: number;
  seed: number;
  /** Normative resolutions of the knowledge base, cited where their categories match. */
  resolutions: KbDocument[];
}

export interface GeneratedFile {
  /** Path relative to the content directory. */
  file: string;
  text: string;
}

/** Rough population shares: more people, more cases. Unknown regions get the median. */
const REGION_WEIGHT: Record<string, number> = {
  almaty: 2.2, astana: 1.5, shymkent: 1.2, 'turkistan-oblast': 2.1, 'almaty-oblast': 1.5, 'zhambyl-oblast': 1.2,
  'karaganda-oblast': 1.1, 'east-kazakhstan-oblast': 0.73, 'aktobe-oblast': 0.92, 'kyzylorda-oblast': 0.82,
  'atyrau-oblast': 0.7, 'mangystau-oblast': 0.76, 'kostanay-oblast': 0.83, 'pavlodar-oblast': 0.75,
  'west-kazakhstan-oblast': 0.69, 'akmola-oblast': 0.79, 'north-kazakhstan-oblast': 0.53, 'abai-oblast': 0.6,
  'zhetysu-oblast': 0.69, 'ulytau-oblast': 0.22,
};

/** Which first-instance courts hear which proceedings (general district courts hear all). */
const FIRST_INSTANCE_SPECIALISATIONS: Record<Proceeding, string[]> = {
  civil: ['general', 'civil', 'economic'],
  criminal: ['general', 'criminal', 'juvenile'],
  'administrative-offence': ['general', 'administrative-offence'],
  administrative: ['administrative'],
  other: ['general', 'investigative'],
};

const OUTCOMES: Record<Instance, Record<Proceeding, Outcome[]>> = {
  first: {
    civil: ['granted', 'granted', 'partially-granted', 'dismissed', 'left-without-consideration'],
    criminal: ['convicted', 'convicted', 'convicted', 'acquitted', 'terminated'],
    'administrative-offence': ['penalty-imposed', 'penalty-imposed', 'terminated'],
    administrative: ['granted', 'dismissed', 'partially-granted'],
    other: ['granted', 'dismissed'],
  },
  appeal: Object.fromEntries(['civil', 'criminal', 'administrative-offence', 'administrative', 'other'].map((p) => [p, ['upheld', 'upheld', 'modified', 'overturned', 'remanded']])) as Record<Proceeding, Outcome[]>,
  cassation: Object.fromEntries(['civil', 'criminal', 'administrative-offence', 'administrative', 'other'].map((p) => [p, ['upheld', 'overturned', 'remanded', 'modified']])) as Record<Proceeding, Outcome[]>,
};

function actTypeFor(proceeding: Proceeding, instance: Instance): ActType {
  if (instance !== 'first') return 'ruling';
  if (proceeding === 'criminal') return 'verdict';
  if (proceeding === 'administrative-offence' || proceeding === 'other') return 'ruling';
  return 'decision';
}

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** Everything that is the same for every decision of a run: weights, court pools, article texts. */
class CorpusContext {
  readonly leaves: Category[];
  readonly leafWeights: number[];
  readonly regions: string[];
  readonly regionWeights: number[];

  constructor(readonly registries: Registries, readonly resolutions: KbDocument[], rng: Rng) {
    // Shuffled before weighting so the long tail falls on different categories per seed, not alphabetically.
    this.leaves = shuffled([...registries.categories.values()].filter((c) => c.isLeaf), rng);
    this.leafWeights = zipfWeights(this.leaves.length);
    this.regions = [...registries.regions.keys()];
    this.regionWeights = this.regions.map((r) => REGION_WEIGHT[r] ?? 0.75);
  }

  court(proceeding: Proceeding, instance: Instance, region: string, rng: Rng): Court {
    const courts = [...this.registries.courts.values()];
    if (instance === 'cassation') return courts.find((c) => c.level === 'supreme') ?? courts[0]!;
    if (instance === 'appeal') {
      const regional = courts.filter((c) => c.level === 'regional' && c.region === region);
      if (regional.length) return rng.pick(regional);
    }
    const allowed = FIRST_INSTANCE_SPECIALISATIONS[proceeding];
    const local = courts.filter((c) => c.level === 'district' && c.region === region && allowed.includes(c.specialisation));
    if (local.length) return rng.pick(local);
    const anywhere = courts.filter((c) => c.level === 'district' && allowed.includes(c.specialisation));
    return rng.pick(anywhere.length ? anywhere : courts);
  }

  /** The governing articles of a category, written as acts cite them, with their titles. */
  articles(category: Category, lang: DocLang, rng: Rng): Facts['articles'] {
    const out: Facts['articles'] = [];
    const refs = [...category.legislation, ...(category.ancestors.length ? [] : [])];
    for (const ref of refs) {
      const code = this.registries.codes.get(ref.code);
      if (!code) continue;
      const numbers = ref.articles.length ? ref.articles : code.articles.slice(0, 40).map((a) => a.number);
      for (const number of numbers.slice(0, 4)) {
        const article = code.articles.find((a) => a.number === number);
        const title = (lang === 'kk' ? article?.title.kk : undefined) ?? article?.title.ru ?? code.title[lang];
        const part = rng.int(1, 3);
        const cite = lang === 'kk' ? `${code.short.kk}-нің ${number}-бабының ${part}-бөлігі` : `ч. ${part} ст. ${number} ${code.short.ru}`;
        out.push({ cite, title });
      }
    }
    return out;
  }

  resolutionFor(category: Category, lang: DocLang): string | null {
    const trail = new Set([...category.ancestors, category.code]);
    const match = this.resolutions.find((r) => r.categories.some((c) => trail.has(c)));
    if (!match || !match.number) return null;
    const [y, m, d] = match.date.split('-').map(Number) as [number, number, number];
    const title = match.title[lang] ?? match.title.ru ?? '';
    return lang === 'kk'
      ? `Қазақстан Республикасы Жоғарғы Сотының ${y} жылғы ${d} ${m}-айдағы № ${match.number} «${title}» нормативтік қаулысында`
      : `нормативном постановлении Верховного Суда Республики Казахстан от ${d} ${RU_MONTHS[m - 1]} ${y} года № ${match.number} «${title}»`;
  }
}

function isoDay(rng: Rng): string {
  const start = Date.UTC(2015, 0, 1);
  const end = Date.UTC(2025, 11, 31);
  return new Date(start + Math.floor(rng.next() * ((end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function generateDecision(index: number, ctx: CorpusContext, rng: Rng): GeneratedFile {
  const category = rng.weighted(ctx.leaves, ctx.leafWeights);
  const proceeding = category.proceeding;
  const instance: Instance = rng.weighted(['first', 'appeal', 'cassation'] as const, [0.72, 0.2, 0.08]);
  const lang: DocLang = rng.chance(0.2) ? 'kk' : 'ru';
  const region = rng.weighted(ctx.regions, ctx.regionWeights);
  const court = ctx.court(proceeding, instance, region, rng);
  const date = isoDay(rng);
  const [year, month, day] = date.split('-') as [string, string, string];
  const party = makePerson(rng);
  const other = makePerson(rng);
  const judge = makePerson(rng).short;
  const city = ctx.registries.regions.get(court.region ?? 'astana')?.centre?.ru ?? 'Астана';
  const facts: Facts = {
    city: `г. ${city}`,
    court: court.name[lang],
    judge,
    secretary: makePerson(rng).short,
    category: category.name[lang],
    articles: ctx.articles(category, lang, rng),
    party: party.full,
    partyShort: party.short,
    other: other.full,
    otherShort: other.short,
    iin: party.iin,
    phone: makePhone(rng),
    address: makeAddress(rng, `г. ${city}`),
    plate: makePlate(rng),
    amount: rng.int(50, 90_000).toLocaleString('ru-RU').replace(/\u00a0/g, ' ') + ' 000',
    date: `${day}.${month}.${year}`,
    object: rng.pick(['автомобиль', 'сотовый телефон', 'жилой дом', 'земельный участок', 'денежные средства', 'квартира', 'ноутбук']),
    resolution: ctx.resolutionFor(category, lang),
    n: rng.int(1, 9999),
  };
  const actType = actTypeFor(proceeding, instance);
  const bank = BANKS[lang];
  const head = HEADINGS[lang];
  // Log-uniform target size between 2 and 20 KB: most acts are short, some are long.
  const targetBytes = Math.round(2048 * Math.pow(10, rng.next()));
  const paragraphs = [
    `**${head[actType]}**`,
    `**${head.name}**`,
    `${facts.date} ${facts.city}`,
    lang === 'kk'
      ? `${facts.court}, төрағалық етуші судья ${judge}, сот отырысының хатшысы ${facts.secretary}, «${facts.category}» санатындағы істі ашық сот отырысында қарап,`
      : `${facts.court} в составе председательствующего судьи ${judge}, при секретаре ${facts.secretary}, рассмотрев в открытом судебном заседании дело категории «${facts.category}»,`,
    `**${head.established}**`,
    ...bank.facts[proceeding].map((make) => make(facts)),
  ];
  let size = paragraphs.join('\n\n').length * 2;
  while (size < targetBytes) {
    const p = rng.pick(bank.reasoning)({ ...facts, n: rng.int(1, 9999), amount: `${rng.int(10, 9000)} 000` });
    paragraphs.push(p);
    size += p.length * 2; // Cyrillic is two bytes a character in UTF-8
  }
  paragraphs.push(`**${head.resolved}**`);
  paragraphs.push(
    lang === 'kk'
      ? `Шағым ${facts.articles[0]?.cite ?? 'заңға'} негізінде шешілсін. Сот актісіне белгіленген мерзімде шағым жасалуы мүмкін.`
      : `Требования разрешить в соответствии с ${facts.articles[0]?.cite ?? 'законом'}. Судебный акт может быть обжалован в установленном законом порядке.`,
  );
  paragraphs.push(lang === 'kk' ? `Судья ${judge}` : `Судья ${judge}`);

  const slug = `gen-${String(index).padStart(7, '0')}`;
  const courtCode = 1000 + (court.id.length * 97 + index) % 8999;
  const caseNumber = `${courtCode}-${year.slice(2)}-00-${proceeding === 'criminal' ? '1' : proceeding === 'civil' ? '2' : '3'}/${rng.int(1, 9999)}`;
  // Dates are written the ways real files write them, so normalisation is exercised at scale too.
  const writtenDate = rng.chance(0.15) ? `"${day}.${month}.${year}"` : date;
  const frontmatter = [
    '---',
    `case_number: "${caseNumber}"`,
    `court: ${court.id}`,
    `date: ${writtenDate}`,
    `instance: ${instance}`,
    `act_type: ${actType}`,
    `category: ${category.code}`,
    `outcome: ${rng.pick(OUTCOMES[instance][proceeding])}`,
    `judge: ${judge}`,
    '---',
  ].join('\n');
  return { file: `decisions/${year}/${slug}.${lang}.md`, text: `${frontmatter}\n\n${paragraphs.join('\n\n')}\n` };
}

/** Yields the decisions one by one, so a caller can stream them to disk without holding the corpus. */
export function* generateCorpus(registries: Registries, options: CorpusOptions): Generator<GeneratedFile> {
  const rng = createRng(options.seed);
  const ctx = new CorpusContext(registries, options.resolutions, rng);
  if (ctx.leaves.length === 0) throw new Error('the classifier has no leaf categories to file decisions under');
  for (let i = 1; i <= options.decisions; i++) yield generateDecision(i, ctx, rng);
}
