import { OUTCOMES, type Instance, type Outcome } from '../../schemas/documents.ts';
import type { FacetKey } from '../../schemas/facets.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { SearchQueryInput } from '../../schemas/search.ts';
import { searchHref } from './search/codec.ts';

/**
 * Statistics of a set of decisions (a category with its descendants, or a court) for a judge: how many
 * by year, instance, outcome, region, category, and which norms they apply. Computed at build time from
 * the same KbDocuments the engines index, so every figure matches the count its search link shows.
 */

export interface Bucket {
  key: string;
  count: number;
}

/** How the higher instances dealt with the acts they reviewed: the share upheld is a judge's key figure. */
export interface ReviewOutcomes {
  /** Appeal and cassation decisions (with an outcome) in the set. */
  total: number;
  upheld: number;
  /** Modified, overturned or remanded. */
  changed: number;
  /** Any other outcome (terminated, left without consideration …). */
  other: number;
}

export interface DecisionStats {
  /** Decisions counted (documents of other kinds are ignored). */
  total: number;
  /** Oldest to newest, with the years between holding 0 so gaps show. */
  byYear: Bucket[];
  /** In the order first → appeal → cassation, only instances present. */
  byInstance: Bucket[];
  /** Most frequent first; ties in the schema's order. */
  byOutcome: Bucket[];
  /** Appeal and cassation together, then each on its own (only those present). */
  review: { all: ReviewOutcomes; byInstance: { instance: Instance; outcomes: ReviewOutcomes }[] };
  /** Most frequent first; decisions of courts without a region (the Supreme Court) are in `national`. */
  byRegion: Bucket[];
  national: number;
  /** Categories at `categoryDepth` (G.02 is depth 2) from each decision's trail, most frequent first. */
  byCategory: Bucket[];
  /** Norm ids (`uk:188`) by the number of decisions applying them, most frequent first. */
  topNorms: Bucket[];
}

export interface StatsOptions {
  /** How many norms to keep (default 10). */
  topNorms?: number;
  /** Depth of the category breakdown (default 2: the branch's chapters, G.02, U.13). */
  categoryDepth?: number;
  /** How many categories to keep (default 10). */
  topCategories?: number;
}

export const UPHELD: readonly Outcome[] = ['upheld'];
export const CHANGED: readonly Outcome[] = ['modified', 'overturned', 'remanded'];
const REVIEW_INSTANCES: readonly Instance[] = ['appeal', 'cassation'];
const INSTANCE_ORDER: readonly Instance[] = ['first', 'appeal', 'cassation'];

const byCountThenKey = (order: (key: string) => number) => (a: Bucket, b: Bucket) =>
  b.count - a.count || order(a.key) - order(b.key) || a.key.localeCompare(b.key);
const noOrder = () => 0;

function tally(keys: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const buckets = (m: Map<string, number>): Bucket[] => [...m].map(([key, count]) => ({ key, count }));

function reviewOutcomes(decisions: KbDocument[]): ReviewOutcomes {
  const out: ReviewOutcomes = { total: 0, upheld: 0, changed: 0, other: 0 };
  for (const d of decisions) {
    if (!d.outcome) continue;
    out.total++;
    if (UPHELD.includes(d.outcome)) out.upheld++;
    else if (CHANGED.includes(d.outcome)) out.changed++;
    else out.other++;
  }
  return out;
}

export function decisionStats(docs: readonly KbDocument[], options: StatsOptions = {}): DecisionStats {
  const { topNorms = 10, categoryDepth = 2, topCategories = 10 } = options;
  const decisions = docs.filter((d) => d.kind === 'decision');

  const years = tally(decisions.map((d) => String(d.year)));
  const yearNumbers = [...years.keys()].map(Number);
  const byYear: Bucket[] = [];
  if (yearNumbers.length) {
    for (let y = Math.min(...yearNumbers); y <= Math.max(...yearNumbers); y++) byYear.push({ key: String(y), count: years.get(String(y)) ?? 0 });
  }

  const instances = tally(decisions.flatMap((d) => (d.instance ? [d.instance] : [])));
  const byInstance = INSTANCE_ORDER.filter((i) => instances.has(i)).map((i) => ({ key: i, count: instances.get(i)! }));

  const outcomeOrder = (k: string) => (OUTCOMES as readonly string[]).indexOf(k);
  const byOutcome = buckets(tally(decisions.flatMap((d) => (d.outcome ? [d.outcome] : [])))).sort(byCountThenKey(outcomeOrder));

  const reviewed = decisions.filter((d) => d.instance && REVIEW_INSTANCES.includes(d.instance));
  const review = {
    all: reviewOutcomes(reviewed),
    byInstance: REVIEW_INSTANCES.map((instance) => ({ instance, outcomes: reviewOutcomes(reviewed.filter((d) => d.instance === instance)) })).filter(
      (r) => r.outcomes.total > 0,
    ),
  };

  const byRegion = buckets(tally(decisions.flatMap((d) => (d.region ? [d.region] : [])))).sort(byCountThenKey(noOrder));
  const national = decisions.filter((d) => !d.region).length;

  const depthOf = (code: string) => code.split('.').length;
  const byCategory = buckets(tally(decisions.flatMap((d) => [...new Set(d.categoryTrail.filter((c) => depthOf(c) === categoryDepth))])))
    .sort(byCountThenKey(noOrder))
    .slice(0, topCategories);

  // A norm cited twice in one decision is still one decision applying it.
  const norms = buckets(tally(decisions.flatMap((d) => [...new Set(d.norms)]))).sort(byCountThenKey(noOrder)).slice(0, topNorms);

  return { total: decisions.length, byYear, byInstance, byOutcome, review, byRegion, national, byCategory, topNorms: norms };
}

/** A share as a whole percentage, for labels and bar widths (0 when there is nothing to share). */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Filters that define the set the statistics describe: a category or a court. */
export type StatsScope = { category: string } | { court: string };

/**
 * The search link behind a figure: decisions of the scope, narrowed by facet values (`{ outcome: ['upheld'] }`),
 * newest first. A figure's count equals the number of results this link finds. One year becomes the year
 * range from–to: the search page shows a range in its year fields, where the visitor sees and widens it.
 */
export function statsSearchHref(scope: StatsScope, narrow: Partial<Record<FacetKey, string[]>>, prefix = ''): string {
  const query: SearchQueryInput = { filters: { kind: { any: ['decision'] } }, sort: 'date-desc' };
  const filters = query.filters!;
  if ('category' in scope) filters.category = { any: [scope.category] };
  else filters.court = { any: [scope.court] };
  for (const [key, values] of Object.entries(narrow) as [FacetKey, string[]][]) {
    if (!values.length) continue;
    const year = key === 'year' && values.length === 1 ? Number(values[0]) : NaN;
    if (Number.isInteger(year)) query.years = { from: year, to: year };
    else filters[key] = { any: values };
  }
  return searchHref(query, prefix);
}
