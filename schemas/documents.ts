import { z } from 'zod';
import { Slug } from './common.ts';

/**
 * Frontmatter of the Markdown files in `content/{decisions,resolutions,summaries}/`, as written by
 * people. Values that the normaliser resolves against registries (category, court, date) are taken as
 * written here and checked in `indexer/normalize/`, which knows the registries and can suggest fixes.
 *
 * Files are named `<slug>.<lang>.md` (`lang` = ru | kk). Files of one folder with the same slug are one
 * document in two languages: language-neutral fields may be given in either file but must agree.
 */

/** A date as people write it: `2023-05-14`, `14.05.2023` or `14 мая 2023 года` (YAML dates too). */
export const WrittenDate = z.union([z.string().min(1), z.date()]);

/** One category or several, each by code, name or alias. */
export const WrittenCategories = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const INSTANCES = ['first', 'appeal', 'cassation'] as const;
export const Instance = z.enum(INSTANCES);
export type Instance = z.infer<typeof Instance>;

/** решение / приговор / постановление / определение (шешім / үкім / қаулы / ұйғарым). */
export const ACT_TYPES = ['decision', 'verdict', 'ruling', 'order'] as const;
export const ActType = z.enum(ACT_TYPES);
export type ActType = z.infer<typeof ActType>;

/** Outcome of the act, one value per act, across proceedings. */
export const OUTCOMES = [
  'granted', // иск удовлетворён
  'partially-granted', // удовлетворён частично
  'dismissed', // в иске отказано
  'convicted', // обвинительный приговор
  'acquitted', // оправдательный приговор
  'terminated', // производство прекращено
  'left-without-consideration', // оставлено без рассмотрения
  'upheld', // акт оставлен без изменения
  'modified', // акт изменён
  'overturned', // акт отменён, новое решение
  'remanded', // отменён, направлено на новое рассмотрение
  'penalty-imposed', // наложено административное взыскание
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

export const RESOLUTION_STATUSES = ['in-force', 'amended', 'repealed'] as const;
export const ResolutionStatus = z.enum(RESOLUTION_STATUSES);
export type ResolutionStatus = z.infer<typeof ResolutionStatus>;

/** Fields every kind of document may carry. */
const common = {
  /** Title in the language of this file. Decisions may omit it: one is composed from their metadata. */
  title: z.string().trim().min(1).optional(),
  /** Language of this file; defaults to the `<lang>` of the file name. */
  language: z.enum(['ru', 'kk']).optional(),
  /** Extra keywords for search (optional). */
  keywords: z.array(z.string()).optional(),
};

export const DecisionFrontmatter = z.strictObject({
  ...common,
  case_number: z.coerce.string().trim().min(1),
  /** Court id or any of its name variants. */
  court: z.string().min(1),
  date: WrittenDate,
  instance: Instance,
  act_type: ActType,
  category: WrittenCategories,
  outcome: Outcome,
  /** Presiding judge (or rapporteur), as in the act: «Сейткали А.Б.». Judges' names are not masked. */
  judge: z.string().trim().min(1),
  /** Slug of the lower-instance decision this act reviews, when it is in the knowledge base. */
  reviews: Slug.optional(),
});
export type DecisionFrontmatter = z.infer<typeof DecisionFrontmatter>;

export const StatusAct = z.strictObject({
  relation: z.enum(['amended', 'repealed']),
  /** The act as named officially: «Нормативное постановление … от 29 июня 2017 года № 6». */
  act: z.string().min(1),
  date: WrittenDate.optional(),
  /** Slug of that act when it is itself in `content/resolutions/`. */
  resolution: Slug.optional(),
});

export const ResolutionFrontmatter = z.strictObject({
  ...common,
  /** Number as published: «8», «7». */
  number: z.coerce.string().trim().min(1),
  /** Date of adoption by the plenary session. */
  date: WrittenDate,
  status: ResolutionStatus,
  status_acts: z.array(StatusAct).default([]),
  category: WrittenCategories,
  /** Official document id in the legal information system. */
  act_code: z.coerce.string().optional(),
  /** Date of the wording this text reproduces. */
  version_date: WrittenDate.optional(),
  source: z.string().optional(),
});
export type ResolutionFrontmatter = z.infer<typeof ResolutionFrontmatter>;

export const SummaryFrontmatter = z.strictObject({
  ...common,
  /** Court (id or name) that prepared the summary. */
  court: z.string().min(1),
  /** Publication date. */
  date: WrittenDate,
  /** The period of practice studied. */
  period: z.strictObject({ from: WrittenDate, to: WrittenDate }),
  category: WrittenCategories,
  /** Slugs of normative resolutions the summary relies on. */
  resolutions: z.array(Slug).default([]),
});
export type SummaryFrontmatter = z.infer<typeof SummaryFrontmatter>;

export const DOC_KINDS = ['decision', 'resolution', 'summary'] as const;
export const DocKind = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKind>;

/** Folder under `content/` for each kind. */
export const KIND_FOLDERS: Record<DocKind, string> = {
  decision: 'decisions',
  resolution: 'resolutions',
  summary: 'summaries',
};

export const FRONTMATTER_SCHEMAS = {
  decision: DecisionFrontmatter,
  resolution: ResolutionFrontmatter,
  summary: SummaryFrontmatter,
} as const;
