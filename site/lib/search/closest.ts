import { suggestCategories, type CategoryModel } from '../../../indexer/enrich/similar/suggest.ts';

/**
 * "Closest categories" for the typed text: the classifier model the build writes to
 * `/category-model.json`, scored in the browser by the same pure function the indexer tests.
 */
let model: Promise<CategoryModel | null> | undefined;

/** Scores below this are noise (a single shared word); the box stays hidden rather than mislead. */
const MIN_SCORE = 0.08;

export async function suggestClosest(modelUrl: string, text: string, limit = 4): Promise<string[]> {
  model ??= fetch(modelUrl)
    .then((r) => (r.ok ? (r.json() as Promise<CategoryModel>) : null))
    .catch(() => null);
  const m = await model;
  if (!m) return [];
  const codes = suggestCategories(text, m, limit * 2)
    .filter((s) => s.score >= MIN_SCORE)
    .map((s) => s.code);
  // A parent next to its own child says nothing more: keep the most specific of each line.
  return codes.filter((c) => !codes.some((o) => o !== c && o.startsWith(`${c}.`))).slice(0, limit);
}
