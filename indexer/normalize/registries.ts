import type { Category, ClassifierNodeOutput } from '../../schemas/classifier.ts';
import type { Court, Region } from '../../schemas/courts.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { buildCategoryIndex, flattenClassifier, resolveCategory } from './categories.ts';
import { buildCourtIndex, resolveCourt } from './courts.ts';
import type { Lookup } from './lookup.ts';

/** The reference data documents are resolved against, with lookups by any written variant. */
export interface Registries {
  categories: Map<string, Category>;
  /** Codes of the branch roots, in file order. */
  roots: string[];
  courts: Map<string, Court>;
  regions: Map<string, Region>;
  /** Codes (кодексы) by id: `uk`, `gk` … */
  codes: Map<string, NormCode>;
  /** A category by code, name or alias (case, ё/е, quotes and spacing insensitive). */
  findCategory(written: string): Lookup<Category>;
  /** A court by id or name variant. */
  findCourt(written: string): Lookup<Court>;
  /** The category and its ancestors, root first. */
  trail(code: string): string[];
}

export interface RegistryInput {
  classifier: ClassifierNodeOutput[];
  regions: Region[];
  courts: Court[];
  codes: NormCode[];
}

/** Pure: builds the lookups from already validated registry entries (first definition of an id wins). */
export function buildRegistries(input: RegistryInput): Registries {
  const categories = flattenClassifier(input.classifier);
  const categoryIndex = buildCategoryIndex(categories);
  const courts = new Map<string, Court>();
  for (const c of input.courts) if (!courts.has(c.id)) courts.set(c.id, c);
  const courtIndex = buildCourtIndex(courts);
  const regions = new Map<string, Region>();
  for (const r of input.regions) if (!regions.has(r.id)) regions.set(r.id, r);
  const codes = new Map<string, NormCode>();
  for (const c of input.codes) if (!codes.has(c.id)) codes.set(c.id, c);
  return {
    categories,
    roots: [...new Set(input.classifier.map((r) => r.code))],
    courts,
    regions,
    codes,
    findCategory: (written) => resolveCategory(categories, categoryIndex, written),
    findCourt: (written) => resolveCourt(courts, courtIndex, written),
    trail: (code) => {
      const c = categories.get(code);
      return c ? [...c.ancestors, c.code] : [];
    },
  };
}
