import type { Court } from '../../schemas/courts.ts';
import { NameIndex, type Lookup } from './lookup.ts';

export function buildCourtIndex(courts: Map<string, Court>): NameIndex {
  const index = new NameIndex();
  for (const c of courts.values()) {
    index.addId(c.id);
    for (const name of [c.name.ru, c.name.kk, c.name.en, ...c.aliases.ru, ...c.aliases.kk]) index.addName(name, c.id);
  }
  return index;
}

/** A court by id or any name variant; ambiguous names are refused with the candidates. */
export function resolveCourt(courts: Map<string, Court>, index: NameIndex, written: string): Lookup<Court> {
  const { ids } = index.find(written);
  if (ids.length === 1) return { ok: true, value: courts.get(ids[0]!)! };
  if (ids.length > 1) return { ok: false, message: `"${written}" is ambiguous: it names ${ids.join(', ')}; write the court id` };
  const near = index.nearest(written);
  return {
    ok: false,
    message: `unknown court "${written}"`,
    ...(near ? { suggestion: `${near} (${courts.get(near)!.name.ru})` } : {}),
  };
}
