import { z } from 'zod';
import { IsoDate, Slug } from './common.ts';

/** An article of a code: its number as numbered (`188`, `1072-1`) and its titles. */
export const Article = z.strictObject({
  number: z.coerce.string().regex(/^\d+(?:-\d+)?$/, 'expected an article number such as "188" or "1072-1"'),
  title: z.strictObject({ ru: z.string().min(1), kk: z.string().min(1).optional() }),
});
export type Article = z.infer<typeof Article>;

/**
 * A code (кодекс) cited in practice, `content/norms/<id>.yaml`.
 * `short.ru` is the canonical short Russian name used in citations and facets (УК, ГК, КоБС …); `short.en`
 * («Criminal Code») names the code in English labels, where «УК» would mean nothing to the reader.
 */
export const NormCode = z.strictObject({
  id: Slug,
  short: z.strictObject({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1).optional() }),
  title: z.strictObject({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1) }),
  /** Other ways documents name the code (full names in various cases, old abbreviations). */
  aliases: z
    .object({ ru: z.array(z.string()).default([]), kk: z.array(z.string()).default([]) })
    .default({ ru: [], kk: [] }),
  adopted: IsoDate.optional(),
  /** True where the article table is complete (from an official table of contents). */
  complete: z.boolean().default(false),
  articles: z.array(Article).default([]),
});
export type NormCode = z.infer<typeof NormCode>;
