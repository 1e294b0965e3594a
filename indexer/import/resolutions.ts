/**
 * Converts a normative resolution of the Supreme Court as stored in the reference corpus
 * (`corpus/resolutions/<folder>/{rus.md,kaz.md,meta.yaml}`) into the two content files of one document,
 * `<slug>.ru.md` and `<slug>.kk.md`.
 *
 * Pure: parsed meta and texts in, file texts out. The texts are kept as published (paragraph anchors,
 * amendment notes); only the leading `# title` line goes, because the title moves to the frontmatter.
 * Status is read from what the official texts say: the requisite («Утратило силу …») and the amendment
 * notes («Сноска. Пункт 1 с изменениями, внесенными …», «7. Исключен …»).
 */
import { stringify } from 'yaml';
import type { ResolutionStatus } from '../../schemas/documents.ts';

export interface ActRef {
  /** ISO date. */
  date: string;
  number: string;
  /** Plenum resolutions (before 2002 the Supreme Court adopted «постановления Пленума»). */
  plenum?: boolean;
}

export interface StatusActOut {
  relation: 'amended' | 'repealed';
  act: string;
  date: string;
  resolution?: string;
}

const MONTHS: Record<string, number> = {
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6,
  июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};
const MONTH_NAMES = Object.keys(MONTHS);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

// «от 11 июля 2003 года N 8», «от 18 декабря 1992 г. N 6», «от 22.12.2008 № 4», «от 30.12.2011 № 5(вводится …)».
const DATE_WORDS = `(\\d{1,2})\\s+(${MONTH_NAMES.join('|')})\\s+(\\d{4})\\s*(?:года|г\\.)?`;
const DATE_DOTS = `(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s*(?:года|г\\.))?`;
const NUMBER = `(?:№|N)\\s*(\\d+(?:-\\d+)?)`;
const ACT_DATE = new RegExp(`от\\s+(?:${DATE_WORDS}|${DATE_DOTS})\\s*${NUMBER}`, 'g');

/** Every «от <date> № <n>» in a piece of text, in order. */
export function findActDates(text: string): (ActRef & { index: number })[] {
  const out: (ActRef & { index: number })[] = [];
  for (const m of text.matchAll(ACT_DATE)) {
    const date = m[1] ? iso(Number(m[3]), MONTHS[m[2]!]!, Number(m[1])) : iso(Number(m[6]), Number(m[5]), Number(m[4]));
    if (date) out.push({ date, number: m[7]!, index: m.index });
  }
  return out;
}

export interface Requisite extends ActRef {
  /** The act that repealed this one, when the requisite says «Утратило силу …». */
  repealedBy?: ActRef;
}

/** Reads «Нормативное постановление Верховного Суда … от 11 июля 2003 года N 8[. Утратило силу … от … № 1 …]». */
export function parseRequisite(requisite: string): Requisite | null {
  const text = requisite.replace(/\s+/g, ' ');
  const repealAt = text.search(/утратил[оа]? силу/i);
  const own = findActDates(repealAt >= 0 ? text.slice(0, repealAt) : text)[0];
  if (!own) return null;
  const result: Requisite = { date: own.date, number: own.number };
  if (repealAt >= 0) {
    const by = findActDates(text.slice(repealAt))[0];
    if (by) result.repealedBy = { date: by.date, number: by.number, plenum: /Пленума/.test(text.slice(repealAt)) };
  }
  return result;
}

export const resolutionSlug = (ref: ActRef): string => `${ref.date}-n${ref.number}`;

/** The official name of a Supreme Court act, with the date in words: how `status_acts[].act` is written. */
export function actName(ref: ActRef): string {
  const [y, m, d] = ref.date.split('-').map(Number) as [number, number, number];
  const kind = ref.plenum ? 'Постановление Пленума' : 'Нормативное постановление';
  return `${kind} Верховного Суда Республики Казахстан от ${d} ${MONTH_NAMES[m - 1]} ${y} года № ${ref.number}`;
}

// Lines that record a change to the text: amendment notes in quotes and paragraphs replaced by a note.
const NOTE_LINE = /^\s*>|^\s*(?:\d+(?:-\d+)?[.)]\s*)?\(?(?:Утратил[аио]? силу|[Ии]сключен[аоы]?(?![а-яё]))/;
// JavaScript's \w is ASCII-only, hence the explicit Cyrillic classes.
const ACT_KIND = /(постановлени[а-яё]*(?:\s+Пленума)?\s+Верховного\s+[СC]уда)|(Закон[а-яё]*|Указ[а-яё]*)/g;

/**
 * Supreme Court acts named in the amendment notes of a Russian text, oldest first, without repeats.
 * A date counts when the nearest act named before it is a resolution of the Supreme Court (notes list
 * several as «нормативными постановлениями … от 31.03.2017 № 2 (…); от 28.11.2024 № 2»).
 */
export function amendingActs(markdown: string): ActRef[] {
  const found = new Map<string, ActRef>();
  for (const line of markdown.split(/\r?\n/)) {
    if (!NOTE_LINE.test(line)) continue;
    const kinds = [...line.matchAll(ACT_KIND)].map((m) => ({ index: m.index, court: Boolean(m[1]), plenum: /Пленума/.test(m[0]) }));
    for (const ref of findActDates(line)) {
      const kind = kinds.filter((k) => k.index < ref.index).at(-1);
      if (!kind?.court) continue;
      const key = `${ref.date}#${ref.number}`;
      if (!found.has(key)) found.set(key, { date: ref.date, number: ref.number, ...(kind.plenum ? { plenum: true } : {}) });
    }
  }
  return [...found.values()].sort((a, b) => a.date.localeCompare(b.date) || Number(a.number) - Number(b.number));
}

/** Whether the text itself says the whole act lost force (a note «Сноска. Утратило силу …»). */
const REPEAL_NOTE = /^\s*>\s*\*?Сноска\.\s*Утратило силу/m;

export interface StatusInput {
  requisite: string;
  /** The act that caused the stored version (meta `caused_by.requisite`), if any. */
  causedBy?: string;
  /** Russian text. */
  body: string;
  /** Slugs of the resolutions in the knowledge base, to link acts that are themselves in it. */
  knownSlugs?: ReadonlySet<string>;
}

export function resolveStatus(input: StatusInput): { status: ResolutionStatus; statusActs: StatusActOut[] } {
  const own = parseRequisite(input.requisite);
  const link = (ref: ActRef) => {
    const slug = resolutionSlug(ref);
    return input.knownSlugs?.has(slug) ? { resolution: slug } : {};
  };
  const same = (a: ActRef, b: ActRef) => a.date === b.date && a.number === b.number;

  let repealedBy = own?.repealedBy;
  if (!repealedBy) {
    const note = input.body.match(REPEAL_NOTE);
    if (note) {
      const line = input.body.slice(note.index).split(/\r?\n/)[0]!;
      const ref = findActDates(line)[0];
      if (ref) repealedBy = { date: ref.date, number: ref.number };
    }
  }

  const amending = amendingActs(input.body);
  const caused = input.causedBy ? parseRequisite(input.causedBy) : null;
  if (caused && !(own && same(caused, own)) && !amending.some((a) => same(a, caused))) {
    amending.push({ date: caused.date, number: caused.number, ...(/Пленума/.test(input.causedBy ?? '') ? { plenum: true } : {}) });
    amending.sort((a, b) => a.date.localeCompare(b.date));
  }

  const statusActs: StatusActOut[] = amending
    .filter((a) => !(repealedBy && same(a, repealedBy)))
    .map((a) => ({ relation: 'amended' as const, act: actName(a), date: a.date, ...link(a) }));
  if (repealedBy) statusActs.push({ relation: 'repealed', act: actName(repealedBy), date: repealedBy.date, ...link(repealedBy) });

  const status: ResolutionStatus = repealedBy ? 'repealed' : statusActs.length ? 'amended' : 'in-force';
  return { status, statusActs };
}

/** Drops the leading `# title` line (and the blank lines after it); the rest stays as published. */
export function stripTitle(markdown: string): string {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const body = /^\s*# /.test(text) ? text.replace(/^\s*# [^\n]*\n+/, '') : text;
  return body.replace(/\s+$/, '') + '\n';
}

export interface CorpusMeta {
  act_code?: string | number;
  requisite: string;
  title: { rus: string; kaz: string };
  version_date?: { rus?: string; kaz?: string };
  source?: { rus?: string; kaz?: string };
  caused_by?: { requisite?: string };
}

export interface ResolutionFiles {
  slug: string;
  ru: string;
  kk: string;
  status: ResolutionStatus;
}

const frontmatter = (data: Record<string, unknown>, body: string): string =>
  `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;

/**
 * Body of the Kazakh file when the corpus lacks the Kazakh text: says so in Kazakh and points to the
 * official text, so the document keeps its Kazakh title (search, language switch) without pretending.
 */
export function missingKazakhText(meta: CorpusMeta): string {
  const source = meta.source?.kaz ? `\n\nРесми мәтін: <${meta.source.kaz}>` : '';
  return `*Қаулының қазақ тіліндегі мәтіні бұл жинаққа әлі енгізілмеген; орыс тіліндегі мәтінін қараңыз.*${source}\n`;
}

/** Builds both files of one resolution; throws with a reason when the requisite cannot be read. */
export function buildResolution(
  meta: CorpusMeta,
  texts: { ru: string; kk?: string },
  options: { category: string | string[]; knownSlugs?: ReadonlySet<string> },
): ResolutionFiles {
  const own = parseRequisite(meta.requisite);
  if (!own) throw new Error(`requisite: no date and number in "${meta.requisite}"`);
  const slug = resolutionSlug(own);
  const { status, statusActs } = resolveStatus({
    requisite: meta.requisite,
    body: texts.ru,
    knownSlugs: options.knownSlugs,
    ...(meta.caused_by?.requisite ? { causedBy: meta.caused_by.requisite } : {}),
  });
  const ru = frontmatter(
    {
      title: meta.title.rus.trim().replace(/^«(.*)»$/, '$1'),
      language: 'ru',
      number: own.number,
      date: own.date,
      status,
      ...(statusActs.length ? { status_acts: statusActs } : {}),
      category: options.category,
      ...(meta.act_code !== undefined ? { act_code: String(meta.act_code) } : {}),
      ...(meta.version_date?.rus ? { version_date: String(meta.version_date.rus) } : {}),
      ...(meta.source?.rus ? { source: meta.source.rus } : {}),
    },
    stripTitle(texts.ru),
  );
  const kk = frontmatter({ title: meta.title.kaz.trim(), language: 'kk' }, texts.kk !== undefined ? stripTitle(texts.kk) : missingKazakhText(meta));
  return { slug, ru, kk, status };
}
