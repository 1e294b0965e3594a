import { expandColloquial } from './colloquial.ts';
import { termCounts } from './terms.ts';

/**
 * Category suggestion for a pasted description of a situation («муж не платит алименты на ребёнка»).
 * Pure and dependency-free (only ./terms.ts), so the search page can run it in the browser over the
 * JSON model `buildCategoryModel` writes at index time. Everyday words are first expanded into the
 * legal words the classifier uses (`colloquial.ts`).
 */
export interface CategoryModel {
  version: 1;
  /** Vocabulary: term stems, referred to by index. */
  terms: string[];
  /** Inverse frequency of each term across categories. */
  idf: number[];
  /** Per category its term weights as [term index, weight] pairs (unit length). */
  categories: { code: string; weights: [number, number][] }[];
}

export interface CategorySuggestion {
  code: string;
  /** Cosine between the text and the category, 0..1. */
  score: number;
}

export function suggestCategories(text: string, model: CategoryModel, limit = 5): CategorySuggestion[] {
  const index = new Map(model.terms.map((t, i) => [t, i]));
  const query = new Map<number, number>();
  const counts = termCounts(text);
  for (const t of expandColloquial(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, c] of counts) {
    const i = index.get(t);
    if (i !== undefined) query.set(i, (1 + Math.log(c)) * (model.idf[i] ?? 0));
  }
  const norm = Math.sqrt([...query.values()].reduce((s, w) => s + w * w, 0));
  if (!norm) return [];
  const scored: CategorySuggestion[] = [];
  for (const c of model.categories) {
    let dot = 0;
    for (const [i, w] of c.weights) dot += w * (query.get(i) ?? 0);
    if (dot > 0) scored.push({ code: c.code, score: Math.round((dot / norm) * 1000) / 1000 });
  }
  // Equal scores: the more specific category (deeper code) is the more useful suggestion.
  scored.sort((a, b) => b.score - a.score || b.code.split('.').length - a.code.split('.').length || a.code.localeCompare(b.code));
  return scored.slice(0, limit);
}
