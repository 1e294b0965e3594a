/**
 * Pagefind matches documents holding ALL the words. A citizen describing a situation («муж не платит
 * алименты на ребёнка») rarely writes the words a judgment uses, so when all-words finds nothing the
 * Pagefind backend searches word by word and ranks documents by how many of the words they hold.
 * These are the pure parts of that fallback.
 */

/** Words worth searching alone: letters or digits, three characters or more, at most `max`, in order. */
export function relaxedWords(term: string, max = 6): string[] {
  const words = term.toLocaleLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words.filter((w) => [...w].length >= 3))].slice(0, max);
}

export interface ScoredId {
  id: string;
  score: number;
}

/** Union of per-word result lists: more words matched first, then the summed score. */
export function rankByWordsMatched<T extends ScoredId>(lists: T[][]): T[] {
  const acc = new Map<string, { item: T; words: number; score: number }>();
  for (const list of lists) {
    for (const item of list) {
      const entry = acc.get(item.id);
      if (entry) {
        entry.words += 1;
        entry.score += item.score;
      } else acc.set(item.id, { item, words: 1, score: item.score });
    }
  }
  return [...acc.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((e) => e.item);
}

/** Facet counts over fragments that carry their filters (Pagefind's `data().filters`). */
export function countFacets(fragments: { filters?: Record<string, string[]> }[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of fragments) {
    for (const [key, values] of Object.entries(f.filters ?? {})) {
      const slot = (out[key] ??= {});
      for (const v of new Set(values)) slot[v] = (slot[v] ?? 0) + 1;
    }
  }
  return out;
}
