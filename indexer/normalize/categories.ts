import type { Category, ClassifierNodeOutput } from '../../schemas/classifier.ts';
import type { Proceeding } from '../../schemas/common.ts';
import { NameIndex, type Lookup } from './lookup.ts';
import { keyWords, matchKey, sameStem } from './text.ts';

/**
 * Flattens the nested classifier branches into categories keyed by code, each knowing its ancestors
 * (root first) and inheriting the root's proceeding.
 */
export function flattenClassifier(roots: ClassifierNodeOutput[]): Map<string, Category> {
  const categories = new Map<string, Category>();
  const visit = (node: ClassifierNodeOutput, parent: Category | null, proceeding: Proceeding) => {
    const category: Category = {
      code: node.code,
      name: node.name,
      aliases: node.aliases,
      proceeding,
      legislation: node.legislation,
      ...(node.description ? { description: node.description } : {}),
      parent: parent?.code ?? null,
      ancestors: parent ? [...parent.ancestors, parent.code] : [],
      children: node.children.map((c) => c.code),
      depth: parent ? parent.depth + 1 : 0,
      isLeaf: node.children.length === 0,
    };
    // The first definition wins; duplicates are reported by the registry validator.
    if (!categories.has(node.code)) categories.set(node.code, category);
    for (const child of node.children) visit(child, category, child.proceeding ?? proceeding);
  };
  for (const root of roots) visit(root, null, root.proceeding ?? 'other');
  return categories;
}

export function buildCategoryIndex(categories: Map<string, Category>): NameIndex {
  const index = new NameIndex();
  for (const c of categories.values()) {
    index.addId(c.code);
    for (const name of [c.name.ru, c.name.kk, c.name.en, ...c.aliases.ru, ...c.aliases.kk]) index.addName(name, c.code);
  }
  return index;
}

const describe = (c: Category) => `${c.code} (${c.name.ru})`;

/**
 * «О расторжении брака» (or Kazakh «Некені бұзу туралы») in a title-like phrasing: drop the preposition
 * and compare word by word up to case endings. Accepted only when exactly one category fits.
 */
function matchPrepositional(index: NameIndex, key: string): string[] {
  const m = /^(?:о|об|обо) (.+)$/.exec(key) ?? /^(.+) туралы$/.exec(key);
  if (!m) return [];
  const words = keyWords(m[1]!);
  const found = new Set<string>();
  for (const [candidate, ids] of index.byKey) {
    const other = keyWords(candidate);
    if (other.length === words.length && other.every((w, i) => sameStem(w, words[i]!))) for (const id of ids) found.add(id);
  }
  return [...found];
}

export function resolveCategory(
  categories: Map<string, Category>,
  index: NameIndex,
  written: string,
): Lookup<Category> {
  let { ids } = index.find(written);
  if (ids.length === 0) ids = matchPrepositional(index, matchKey(written));
  if (ids.length === 1) return { ok: true, value: categories.get(ids[0]!)! };
  if (ids.length > 1) {
    const names = ids.map((id) => describe(categories.get(id)!)).join(', ');
    return { ok: false, message: `"${written}" is ambiguous: it names ${names}; write the code` };
  }
  const near = index.nearest(written);
  const suggestion = near ? describe(categories.get(near)!) : undefined;
  return {
    ok: false,
    message: `unknown category "${written}"`,
    ...(suggestion ? { suggestion } : {}),
  };
}
