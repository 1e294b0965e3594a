/**
 * Terms numbered in first-seen order. The compact writer turns each posting's term string into a number
 * once, here; the postings, and the analysis cache (whose dictionary this is), then work on numbers.
 * At 50,000 decisions (tens of millions of postings) a string-keyed map in each of them was a large
 * share of the thread that also renders the pages (issue #5).
 */
export class TermIds {
  readonly #ids = new Map<string, number>();
  /** Term by id. */
  readonly terms: string[] = [];

  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) this.#ids.set(term, (id = this.terms.push(term) - 1));
    return id;
  }
}

/** An analysis with its terms numbered: the fragment file, and per distinct term its id and count. */
export interface NumberedAnalysis {
  fragment: Uint8Array;
  ids: Uint32Array;
  counts: Uint32Array;
}
