import type { z } from 'zod';
import { ClassifierNode, type ClassifierNodeOutput } from '../../schemas/classifier.ts';
import type { Problem } from '../../schemas/common.ts';
import { Court, CourtsFile, Region, RegionsFile } from '../../schemas/courts.ts';
import { Article, NormCode } from '../../schemas/norms.ts';
import type { RegistrySource } from '../load/registries.ts';
import type { RegistryInput } from '../normalize/registries.ts';
import { nearestName, withLine, zodProblems } from './zod.ts';

interface Located<T> {
  value: T;
  file: string;
  source: RegistrySource['source'];
  path: PropertyKey[];
}

/**
 * Validates the registry files against their schemas and against each other: codes and ids unique, a
 * child's code extends its parent's, courts sit in known regions, legislation names known codes.
 * Returns the entries that passed, so documents can still be resolved against the rest.
 */
export function validateRegistries(sources: RegistrySource[]): { input: RegistryInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const roots: Located<ClassifierNodeOutput>[] = [];
  const regions: Located<Region>[] = [];
  const courts: Located<Court>[] = [];
  const codes: Located<NormCode>[] = [];

  for (const { file, kind, source } of sources) {
    // Entries are checked one by one, so one bad court or node does not take its file's valid ones with it.
    const bad = (error: z.ZodError, schema: z.ZodType, prefix: PropertyKey[]) => problems.push(...zodProblems(error, file, source, schema, prefix));
    if (kind === 'classifier') {
      const root = parseNode(source.data, [], bad);
      if (root) roots.push({ value: root, file, source, path: [] });
    } else if (kind === 'regions' || kind === 'courts') {
      const key = kind;
      const list = listOf(source.data, key);
      if (!list) {
        const parsed = (kind === 'regions' ? RegionsFile : CourtsFile).safeParse(source.data);
        if (!parsed.success) bad(parsed.error, kind === 'regions' ? RegionsFile : CourtsFile, []);
        continue;
      }
      list.forEach((item, i) => {
        const schema = kind === 'regions' ? Region : Court;
        const parsed = schema.safeParse(item);
        if (!parsed.success) return bad(parsed.error, schema, [key, i]);
        if (kind === 'regions') regions.push({ value: parsed.data as Region, file, source, path: [key, i] });
        else courts.push({ value: parsed.data as Court, file, source, path: [key, i] });
      });
    } else {
      const raw = source.data as Record<string, unknown> | null;
      const parsed = NormCode.safeParse(raw && typeof raw === 'object' ? { ...raw, articles: [] } : raw);
      if (!parsed.success) {
        bad(parsed.error, NormCode, []);
        continue;
      }
      const articles = listOf(raw, 'articles') ?? [];
      if (raw?.articles !== undefined && !Array.isArray(raw.articles)) problems.push(withLine(source, ['articles'], file, 'expected a list of articles'));
      const code: NormCode = { ...parsed.data, articles: [] };
      const numbers = new Set<string>();
      articles.forEach((item, i) => {
        const article = Article.safeParse(item);
        if (!article.success) return bad(article.error, Article, ['articles', i]);
        if (numbers.has(article.data.number)) problems.push(withLine(source, ['articles', i, 'number'], file, `duplicate article ${article.data.number}`));
        numbers.add(article.data.number);
        code.articles.push(article.data);
      });
      const stem = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
      if (code.id !== stem) problems.push(withLine(source, ['id'], file, `id "${code.id}" does not match the file name "${stem}"`));
      codes.push({ value: code, file, source, path: [] });
    }
  }

  const problem = (at: Located<unknown>, field: PropertyKey[], message: string, suggestion?: string) =>
    problems.push(withLine(at.source, [...at.path, ...field], at.file, message, suggestion));

  const codeIds = unique(codes, (c) => c.value.id, (dup) => problem(dup, ['id'], `duplicate code id "${dup.value.id}"`));
  const codeById = new Map(codes.map((c) => [c.value.id, c.value]));

  // Classifier: walk every node with its path so problems point at the line of the node.
  const seenCodes = new Map<string, string>();
  for (const root of roots) {
    if (root.value.code.includes('.')) problem(root, ['code'], `a classifier file holds one branch root (a single letter), got "${root.value.code}"`);
    if (!root.value.proceeding) problem(root, ['proceeding'], 'a branch root needs a proceeding');
    const visit = (node: ClassifierNodeOutput, path: PropertyKey[], parent: ClassifierNodeOutput | null) => {
      const at = { ...root, path };
      const where = seenCodes.get(node.code);
      if (where) problem(at, ['code'], `duplicate category code "${node.code}" (first defined in ${where})`);
      else seenCodes.set(node.code, root.file);
      if (parent && !node.code.startsWith(`${parent.code}.`)) {
        problem(at, ['code'], `code "${node.code}" does not extend its parent's code "${parent.code}"`, `${parent.code}.${node.code.split('.').pop()}`);
      }
      node.legislation.forEach((ref, i) => {
        const code = codeById.get(ref.code);
        if (!code) {
          problem(at, ['legislation', i, 'code'], `unknown code "${ref.code}"`, suggest(ref.code, [...codeIds]));
          return;
        }
        if (!code.complete) return;
        const known = new Set(code.articles.map((a) => a.number));
        ref.articles.forEach((article, j) => {
          if (!known.has(article)) problem(at, ['legislation', i, 'articles', j], `article ${article} is not in ${code.short.ru}`);
        });
      });
      node.children.forEach((child, i) => visit(child, [...path, 'children', i], node));
    };
    visit(root.value, [], null);
  }

  const regionIds = unique(regions, (r) => r.value.id, (dup) => problem(dup, ['id'], `duplicate region id "${dup.value.id}"`));
  const courtIds = unique(courts, (c) => c.value.id, (dup) => problem(dup, ['id'], `duplicate court id "${dup.value.id}"`));
  for (const c of courts) {
    const { region, level, appeal_to } = c.value;
    if (region === null && level !== 'supreme') problem(c, ['region'], `a ${level} court needs a region`);
    if (region !== null && !regionIds.has(region)) problem(c, ['region'], `unknown region "${region}"`, suggest(region, [...regionIds]));
    if (appeal_to && !courtIds.has(appeal_to)) problem(c, ['appeal_to'], `unknown court "${appeal_to}"`, suggest(appeal_to, [...courtIds]));
  }

  return {
    input: {
      classifier: roots.map((r) => r.value),
      regions: regions.map((r) => r.value),
      courts: courts.map((c) => c.value),
      codes: codes.map((c) => c.value),
    },
    problems,
  };
}

function listOf(data: unknown, key: string): unknown[] | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const list = (data as Record<string, unknown>)[key];
  return Array.isArray(list) && list.length ? list : undefined;
}

/** One classifier node and, recursively, its children; a bad node is reported and dropped with its subtree. */
function parseNode(raw: unknown, path: PropertyKey[], bad: (error: z.ZodError, schema: z.ZodType, prefix: PropertyKey[]) => void): ClassifierNodeOutput | null {
  const children = raw && typeof raw === 'object' ? (raw as { children?: unknown }).children : undefined;
  const parsed = ClassifierNode.safeParse(raw && typeof raw === 'object' ? { ...raw, children: [] } : raw);
  if (!parsed.success) {
    bad(parsed.error, ClassifierNode, path);
    return null;
  }
  if (children !== undefined && !Array.isArray(children)) {
    const error = ClassifierNode.safeParse(raw);
    if (!error.success) bad(error.error, ClassifierNode, path);
    return null;
  }
  const nodes = ((children as unknown[] | undefined) ?? []).map((child, i) => parseNode(child, [...path, 'children', i], bad));
  return { ...parsed.data, children: nodes.filter((n): n is ClassifierNodeOutput => n !== null) };
}

function unique<T>(items: Located<T>[], idOf: (item: Located<T>) => string, onDuplicate: (item: Located<T>) => void): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    const id = idOf(item);
    if (ids.has(id)) onDuplicate(item);
    ids.add(id);
  }
  return ids;
}

function suggest(name: string, names: string[]): string | undefined {
  const near = nearestName(name, names);
  return near;
}
