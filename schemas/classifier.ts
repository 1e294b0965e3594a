import { z } from 'zod';
import { Aliases, LocalizedName, Proceeding } from './common.ts';

/**
 * A code of the unified classifier of case categories. Dotted segments; a child's code extends its
 * parent's (`U`, `U.13`, `U.13.188`), so ancestors can be read off a code and codes stay stable.
 * First segment is the branch letter: G civil, U criminal, A administrative offences,
 * P administrative (public-law) disputes, M enforcement and other materials.
 */
export const CategoryCode = z
  .string()
  .regex(/^[GUAPM](?:\.[0-9A-Za-z-]+)*$/, 'expected a classifier code such as "G.02.01" or "U.13.188"');

/** A reference to legislation governing a category: a code from `content/norms/` and its articles. */
export const LegislationRef = z.strictObject({
  /** Id of the code in `content/norms/`, e.g. `uk`, `gk`, `kobs`. */
  code: z.string().min(1),
  /** Article numbers as numbered in the code, e.g. `188`, `1072-1`. Empty = the code as a whole. */
  articles: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
});
export type LegislationRef = z.infer<typeof LegislationRef>;

export interface ClassifierNodeInput {
  code: string;
  name: LocalizedName;
  aliases?: { ru?: string[]; kk?: string[] };
  proceeding?: Proceeding;
  legislation?: { code: string; articles?: (string | number)[] }[];
  description?: Partial<LocalizedName>;
  children?: ClassifierNodeInput[];
}

/** One node of the classifier as written in `content/classifier/<branch>.yaml` (nested). */
export const ClassifierNode: z.ZodType<ClassifierNodeOutput, ClassifierNodeInput> = z.lazy(() =>
  z.strictObject({
    code: CategoryCode,
    name: LocalizedName,
    /** Names the category goes by in real documents; matched case-, ё/е- and spacing-insensitively. */
    aliases: Aliases,
    /** Required on a branch root; children inherit it. */
    proceeding: Proceeding.optional(),
    /** Governing legislation (default none). */
    legislation: z.array(LegislationRef).default([]),
    /** A sentence for citizens on what this category covers (optional). */
    description: LocalizedName.partial().optional(),
    children: z.array(ClassifierNode).default([]),
  }),
);

export interface ClassifierNodeOutput {
  code: string;
  name: LocalizedName;
  aliases: { ru: string[]; kk: string[] };
  proceeding?: Proceeding;
  legislation: LegislationRef[];
  description?: Partial<LocalizedName>;
  children: ClassifierNodeOutput[];
}

/** A classifier file holds one branch root. */
export const ClassifierFile = ClassifierNode;

/** A node after normalisation: flat, with its ancestors resolved. */
export interface Category {
  code: string;
  name: LocalizedName;
  aliases: { ru: string[]; kk: string[] };
  proceeding: Proceeding;
  legislation: LegislationRef[];
  description?: Partial<LocalizedName>;
  parent: string | null;
  /** Codes from the root down to the parent (excluding the node itself). */
  ancestors: string[];
  children: string[];
  depth: number;
  isLeaf: boolean;
}
