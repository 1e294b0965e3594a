import type { DocLang, Proceeding } from './common.ts';
import type { ActType, DocKind, Instance, Outcome, ResolutionStatus } from './documents.ts';

/** A reference found in a text: to an article of a code, a normative resolution, or a case. */
export interface Citation {
  type: 'norm' | 'resolution' | 'case';
  /** The text as it stands in the document. */
  text: string;
  /** Language of the text it was found in. */
  language: DocLang;
  /** Offsets in characters of the body it was found in. */
  start: number;
  end: number;
  /** Resolved id: `uk:188` for a norm, a resolution slug, a decision slug; null when unresolved. */
  target: string | null;
  /** Norm: the short Russian name of the code (УК, ГК, КоБС …), the article and its subdivisions. */
  code?: string;
  article?: string;
  part?: string;
  paragraph?: string;
  /** Resolution: its date (ISO) and number. */
  date?: string;
  number?: string;
}

/**
 * The engine-neutral, normalised and enriched document. The site renders exactly these, and every
 * engine writer indexes exactly these, so a page and its search hit always agree.
 */
export interface KbDocument {
  /** `<kind>/<slug>`, unique across the knowledge base. */
  id: string;
  kind: DocKind;
  slug: string;
  /** Site path without language prefix, e.g. `/decisions/2-1234-2023/`. */
  url: string;
  /** Languages the document exists in; the first is the primary one. */
  languages: DocLang[];
  title: Partial<Record<DocLang, string>>;
  /** Markdown body per language. Decisions are already depersonalised here. */
  body: Partial<Record<DocLang, string>>;
  /** Primary date (decision date, adoption date, publication date), ISO. */
  date: string;
  year: number;
  proceeding: Proceeding;
  /** Classifier codes the document is filed under (leaves or inner nodes, as given). */
  categories: string[];
  /** `categories` plus all their ancestors, root first, without duplicates: the category facet. */
  categoryTrail: string[];
  /** Court id (decisions: the deciding court; summaries: the preparing court). */
  court?: string;
  region?: string;
  courtLevel?: string;

  // decisions
  caseNumber?: string;
  instance?: Instance;
  actType?: ActType;
  outcome?: Outcome;
  judge?: string;
  reviews?: string;

  // resolutions
  number?: string;
  status?: ResolutionStatus;
  statusActs?: { relation: 'amended' | 'repealed'; act: string; date?: string; resolution?: string }[];
  actCode?: string;
  versionDate?: string;

  // summaries
  period?: { from: string; to: string };
  resolutions?: string[];

  keywords: string[];

  // enrichment (empty until enriched)
  citations: Citation[];
  /** Resolved norm ids applied in the document, e.g. `uk:188`: the applied-norms facet. */
  norms: string[];
  /** Ids of documents citing this one (resolutions; decisions reviewed by others). */
  citedBy: string[];
  /** Ids of the most similar decisions, best first. */
  similar: string[];

  /** Files the document was built from, relative to the content directory. */
  files: string[];
  /** Content hash of those files: rebuilds and incremental engine writes skip what did not change. */
  hash: string;
}
