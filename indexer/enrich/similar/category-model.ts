import type { Category } from '../../../schemas/classifier.ts';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import type { CategoryModel } from './suggest.ts';
import { termCounts } from './terms.ts';

/** What the model needs of a category: its code and the words it goes by. */
export type CategoryWords = Pick<Category, 'code' | 'name' | 'aliases'> & Partial<Pick<Category, 'description'>>;

const NAME_WEIGHT = 3;
const DOC_HEAD_WEIGHT = 1;
const DOC_BODY_WEIGHT = 0.15;
/**
 * Terms kept per category: the model is at most categories × this many weights, whatever the size of the
 * corpus (it ships to the browser). 40 keeps the same first suggestion as 60 for 404 of 405 sampled
 * decision titles of the 2,000-decision bench corpus and for every described situation tried, at 77 %
 * of the bytes (70.7 vs 92.5 KB gzip).
 */
const TERMS_PER_CATEGORY = 40;

/**
 * The compact model behind `suggestCategories`: per category the weights of its most telling terms,
 * learnt from its names and aliases in three languages (strongly) and from the titles, keywords and
 * (weakly) texts of the documents filed under it or its descendants. TF-IDF across categories, so words
 * every category shares («иск», «суд») weigh nothing. Built at index time, shipped as JSON; its size is
 * bounded by the classifier (`termsPerCategory` per category), not by the corpus's vocabulary.
 */
export function buildCategoryModel(categories: Iterable<CategoryWords>, documents: KbDocument[], termsPerCategory = TERMS_PER_CATEGORY): CategoryModel {
  const list = [...categories];
  const raw = new Map<string, Map<string, number>>();
  const addCounts = (code: string, counts: Map<string, number>, weight: number) => {
    const bag = raw.get(code) ?? new Map<string, number>();
    for (const [t, c] of counts) bag.set(t, (bag.get(t) ?? 0) + c * weight);
    raw.set(code, bag);
  };
  const add = (code: string, text: string, weight: number) => addCounts(code, termCounts(text), weight);
  const known = new Set(list.map((c) => c.code));
  for (const c of list) {
    add(c.code, [c.name.ru, c.name.kk, c.name.en, ...c.aliases.ru, ...c.aliases.kk].join('\n'), NAME_WEIGHT);
    if (c.description) add(c.code, Object.values(c.description).join('\n'), DOC_HEAD_WEIGHT);
  }
  for (const doc of documents) {
    const trail = doc.categoryTrail.filter((code) => known.has(code));
    if (!trail.length) continue;
    // Counted once per document, not once per category of its trail: at 50,000 decisions that was 33 s a build.
    const head = termCounts([...Object.values(doc.title), ...doc.keywords].join('\n'));
    const body = termCounts(Object.values(doc.body).join('\n'));
    for (const code of trail) {
      addCounts(code, head, DOC_HEAD_WEIGHT);
      addCounts(code, body, DOC_BODY_WEIGHT);
    }
  }

  const df = new Map<string, number>();
  for (const bag of raw.values()) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vocabulary: string[] = [];
  const index = new Map<string, number>();
  const idf: number[] = [];
  const termIndex = (t: string) => {
    let i = index.get(t);
    if (i === undefined) {
      i = vocabulary.length;
      vocabulary.push(t);
      index.set(t, i);
      idf.push(round(Math.log(1 + raw.size / (df.get(t) ?? 1))));
    }
    return i;
  };
  const model: CategoryModel = { version: 1, terms: vocabulary, idf, categories: [] };
  for (const c of list) {
    const bag = raw.get(c.code);
    if (!bag) continue;
    const weighted = [...bag].map(([t, w]) => [t, (1 + Math.log(1 + w)) * Math.log(1 + raw.size / (df.get(t) ?? 1))] as const);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const kept = weighted.slice(0, termsPerCategory).filter(([, w]) => w > 0);
    const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
    model.categories.push({ code: c.code, weights: kept.map(([t, w]) => [termIndex(t), round(w / norm)]) });
  }
  return model;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
