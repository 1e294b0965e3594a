import { z } from 'zod';

/** Languages documents are written in. A translation pair is one document in both. */
export const DOC_LANGS = ['ru', 'kk'] as const;
export const DocLang = z.enum(DOC_LANGS);
export type DocLang = z.infer<typeof DocLang>;

/** Languages of the interface. Russian is the default. */
export const UI_LANGS = ['ru', 'kk', 'en'] as const;
export const UiLang = z.enum(UI_LANGS);
export type UiLang = z.infer<typeof UiLang>;

/** A name every registry entry carries in all three interface languages. */
export const LocalizedName = z.object({
  ru: z.string().trim().min(1),
  kk: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedName = z.infer<typeof LocalizedName>;

/** Alternative spellings under which an entry appears in real documents, per document language. */
export const Aliases = z
  .object({
    ru: z.array(z.string().trim().min(1)).default([]),
    kk: z.array(z.string().trim().min(1)).default([]),
  })
  .default({ ru: [], kk: [] });
export type Aliases = z.infer<typeof Aliases>;

/** Lower-case slug used for ids and URL segments: `almaty-bostandyk`, `uk`, `2-1234-2023`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug of latin letters, digits and hyphens');

/** An ISO calendar date, `YYYY-MM-DD`, after normalisation. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/**
 * Kinds of proceeding: the roots of the classifier. `other` holds enforcement and other materials.
 */
export const PROCEEDINGS = ['civil', 'criminal', 'administrative-offence', 'administrative', 'other'] as const;
export const Proceeding = z.enum(PROCEEDINGS);
export type Proceeding = z.infer<typeof Proceeding>;

/** A problem found in content: every one is collected and reported, never thrown. */
export interface Problem {
  /** Path of the file relative to the content directory (or the path as given). */
  file: string;
  /** 1-based line in the file, where known (frontmatter fields map to their line). */
  line?: number;
  /** Dotted field path, e.g. `category` or `status_acts.0.date`. */
  field?: string;
  message: string;
  /** A likely fix, e.g. the nearest classifier code. */
  suggestion?: string;
}
