import type { Category } from '../../../schemas/classifier.ts';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import type { CategoryModel } from './suggest.ts';
import { termCounts } from './terms.ts';

/** What the model needs of a category: its code and the words it goes by. */
export type CategoryWords = Pick<Category, 'code' | 'name' | 'aliases'> & Partial<Pick<Category, 'description'>>;

/** What the model reads of a document. */
export type CategoryDocument = Pick<KbDocument, 'id' | 'title' | 'keywords' | 'body' | 'categoryTrail'>;

const NAME_WEIGHT = 3;
const DOC_HEAD_WEIGHT = 1;
const DOC_BODY_WEIGHT = 0.15;
/**
 * Terms kept per category: the model is at most categories × this many weights, whatever the size of the
 * corpus (it ships to the browser). 40 keeps the same first suggestion as 60 for 404 of 405 sampled
 * decision titles of the 2,000-decision bench corpus and for every described situation tried, at 77 %
 * of the bytes (70.7 vs 92.5 KB gzip).
 */
export const TERMS_PER_CATEGORY = 40;

/** Term counts of one document: of its title and keywords (head) and of its text (body). Integers. */
export interface DocumentCounts {
  head: Map<string, number>;
  body: Map<string, number>;
}

/**
 * Integer sums of the head and body counts of the documents filed under one code (the code in their
 * trail). Integers are exact in float64, so adding and subtracting documents in any order gives the
 * same sums: what lets `category-model-cache.ts` update them by one document's delta.
 */
export interface CategorySums {
  head: Map<string, number>;
  body: Map<string, number>;
}

/** Counted once per document, not once per category of its trail: at 50,000 decisions that was 33 s a build. */
export function documentCounts(doc: CategoryDocument): DocumentCounts {
  return {
    head: termCounts([...Object.values(doc.title), ...doc.keywords].join('\n')),
    body: termCounts(Object.values(doc.body).join('\n')),
  };
}

/** Adds (`sign` 1) or takes away (-1) one document's counts from the sums of every code of its trail; a term that falls to 0 leaves the bag. */
export function addDocumentCounts(sums: Map<string, CategorySums>, trail: readonly string[], counts: DocumentCounts, sign: 1 | -1): void {
  for (const code of trail) {
    let bag = sums.get(code);
    if (!bag) sums.set(code, (bag = { head: new Map(), body: new Map() }));
    addInto(bag.head, counts.head, sign);
    addInto(bag.body, counts.body, sign);
    if (sign < 0 && !bag.head.size && !bag.body.size) sums.delete(code);
  }
}

function addInto(into: Map<string, number>, counts: Map<string, number>, sign: 1 | -1): void {
  for (const [t, c] of counts) {
    const v = (into.get(t) ?? 0) + sign * c;
    if (v === 0) into.delete(t);
    else into.set(t, v);
  }
}

/**
 * The compact model behind `suggestCategories`: per category the weights of its most telling terms,
 * learnt from its names and aliases in three languages (strongly) and from the titles, keywords and
 * (weakly) texts of the documents filed under it or its descendants. TF-IDF across categories, so words
 * every category shares («иск», «суд») weigh nothing. Built at index time, shipped as JSON; its size is
 * bounded by the classifier (`termsPerCategory` per category), not by the corpus's vocabulary.
 *
 * From nothing; `categoryModelWithCache` (category-model-cache.ts) gives the same model, recounting only
 * the documents that changed since the last build.
 */
export function buildCategoryModel(categories: Iterable<CategoryWords>, documents: CategoryDocument[], termsPerCategory = TERMS_PER_CATEGORY): CategoryModel {
  const list = [...categories];
  const known = new Set(list.map((c) => c.code));
  const sums = new Map<string, CategorySums>();
  for (const doc of documents) {
    const trail = doc.categoryTrail.filter((code) => known.has(code));
    if (trail.length) addDocumentCounts(sums, trail, documentCounts(doc), 1);
  }
  return categoryModelFromSums(list, sums, termsPerCategory);
}

/**
 * The model from the documents' integer sums per code (codes not in `categories` are ignored) and the
 * categories' own words. Weights are combined only here, `names·3 + (description + head)·1 + body·0.15`,
 * so the result depends on the sums alone, not on the order documents were added in. Its cost is over
 * categories × their terms, not over documents.
 */
export function categoryModelFromSums(
  categories: Iterable<CategoryWords>,
  sums: ReadonlyMap<string, CategorySums>,
  termsPerCategory = TERMS_PER_CATEGORY,
): CategoryModel {
  const empty = new Map<string, number>();
  /** Per distinct code its four integer bags; a term's weight is `weightOf`. */
  const parts = new Map<
    string,
    {
      names: Map<string, number>;
      description: Map<string, number>;
      head: Map<string, number>;
      body: Map<string, number>;
    }
  >();
  for (const c of categories) {
    if (parts.has(c.code)) continue; // a code listed twice counts once
    const names = termCounts([c.name.ru, c.name.kk, c.name.en, ...c.aliases.ru, ...c.aliases.kk].join('\n'));
    const description = c.description ? termCounts(Object.values(c.description).join('\n')) : empty;
    const { head, body } = sums.get(c.code) ?? { head: empty, body: empty };
    parts.set(c.code, { names, description, head, body });
  }
  /** Each term of a category once: its head terms, then body, names and description terms not seen before. */
  const eachTerm = (p: NonNullable<ReturnType<typeof parts.get>>, f: (t: string) => void) => {
    for (const t of p.head.keys()) f(t);
    for (const t of p.body.keys()) if (!p.head.has(t)) f(t);
    for (const t of p.names.keys()) if (!p.head.has(t) && !p.body.has(t)) f(t);
    for (const t of p.description.keys()) if (!p.head.has(t) && !p.body.has(t) && !p.names.has(t)) f(t);
  };

  // Document frequency across categories: in how many categories' bags a term is.
  const df = new Map<string, number>();
  for (const p of parts.values()) eachTerm(p, (t) => df.set(t, (df.get(t) ?? 0) + 1));
  const categoryCount = parts.size;
  const vocabulary: string[] = [];
  const index = new Map<string, number>();
  const idf: number[] = [];
  const termIndex = (t: string) => {
    let i = index.get(t);
    if (i === undefined) {
      i = vocabulary.length;
      vocabulary.push(t);
      index.set(t, i);
      idf.push(round(Math.log(1 + categoryCount / (df.get(t) ?? 1))));
    }
    return i;
  };
  const model: CategoryModel = {
    version: 1,
    terms: vocabulary,
    idf,
    categories: [],
  };
  for (const [code, p] of parts) {
    // The first `termsPerCategory` by weight, then term: a bounded insertion, not a sort of the whole bag.
    const top: { t: string; w: number }[] = [];
    const before = (a: { t: string; w: number }, w: number, t: string) => a.w > w || (a.w === w && a.t < t);
    if (termsPerCategory >= 1)
      eachTerm(p, (t) => {
        const raw =
          (p.names.get(t) ?? 0) * NAME_WEIGHT + ((p.description.get(t) ?? 0) + (p.head.get(t) ?? 0)) * DOC_HEAD_WEIGHT + (p.body.get(t) ?? 0) * DOC_BODY_WEIGHT;
        const w = (1 + Math.log(1 + raw)) * Math.log(1 + categoryCount / (df.get(t) ?? 1));
        if (top.length === termsPerCategory && before(top[top.length - 1]!, w, t)) return;
        let at = top.length;
        while (at > 0 && !before(top[at - 1]!, w, t)) at--;
        top.splice(at, 0, { t, w });
        if (top.length > termsPerCategory) top.pop();
      });
    const kept = top.filter(({ w }) => w > 0);
    const norm = Math.sqrt(kept.reduce((s, { w }) => s + w * w, 0)) || 1;
    model.categories.push({
      code,
      weights: kept.map(({ t, w }) => [termIndex(t), round(w / norm)]),
    });
  }
  return model;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
