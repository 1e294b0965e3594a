import { distance } from 'fastest-levenshtein';
import { matchKey } from './text.ts';

/** Result of resolving a written name against a registry. */
export type Lookup<T> = { ok: true; value: T } | { ok: false; message: string; suggestion?: string };

/**
 * Names under which registry entries can be found: every name variant as a match key, pointing to the
 * ids it names. A key naming two entries is ambiguous and resolves to neither.
 */
export class NameIndex {
  readonly byKey = new Map<string, Set<string>>();
  readonly byId = new Map<string, string>();

  addId(id: string): void {
    this.byId.set(id.toLowerCase(), id);
  }

  addName(name: string, id: string): void {
    const key = matchKey(name);
    if (!key) return;
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new Set()));
    ids.add(id);
  }

  /** Exact id (case-insensitive) first, then any name variant. */
  find(written: string): { ids: string[]; key: string } {
    const id = this.byId.get(written.trim().toLowerCase());
    if (id) return { ids: [id], key: written };
    const key = matchKey(written);
    return { ids: [...(this.byKey.get(key) ?? [])], key };
  }

  /**
   * The entry whose id or name is nearest by edit distance, when it is near enough to be a likely typo
   * rather than a different thing altogether.
   */
  nearest(written: string): string | undefined {
    const key = matchKey(written);
    const idKey = written.trim().toLowerCase();
    let best: { id: string; d: number; len: number } | undefined;
    const consider = (candidate: string, target: string, id: string) => {
      const d = distance(candidate, target);
      if (!best || d < best.d) best = { id, d, len: Math.max(candidate.length, target.length) };
    };
    for (const [lower, id] of this.byId) consider(idKey, lower, id);
    for (const [k, ids] of this.byKey) for (const id of ids) consider(key, k, id);
    if (!best) return undefined;
    return best.d <= Math.max(2, Math.ceil(best.len * 0.4)) ? best.id : undefined;
  }
}
