import type { UiLang } from '../../../schemas/common.ts';
import type { StaticIndex } from '../static-index.ts';

/** What the search page hands its script (as JSON): language, backend choice and labels. */
export interface SearchPageConfig {
  lang: UiLang;
  urlPrefix: string;
  endpoint: string | undefined;
  /** The static index the build wrote (used when there is no endpoint). */
  staticIndex: StaticIndex;
  /** Dictionary entries the script prints (search.*, facet.*, kind.*). */
  dict: Record<string, string>;
  /** Facet key → value → label in the interface language. */
  labels: Record<string, Record<string, string>>;
  /** Category code → parent code, to draw the category facet as a tree. */
  categoryParents: Record<string, string | null>;
  /** URL of the category model for "closest categories", when the build emitted one. */
  categoryModel: string | null;
  /** The years the documents span (build time): a year range expands to them without asking the index. */
  years: number[];
}
