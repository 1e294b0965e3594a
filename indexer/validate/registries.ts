import { ClassifierFile, type ClassifierNodeOutput } from '../../schemas/classifier.ts';
import type { Problem } from '../../schemas/common.ts';
import { CourtsFile, RegionsFile, type Court, type Region } from '../../schemas/courts.ts';
import { NormCode } from '../../schemas/norms.ts';
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
    const schema = kind === 'classifier' ? ClassifierFile : kind === 'regions' ? RegionsFile : kind === 'courts' ? CourtsFile : NormCode;
    const parsed = schema.safeParse(source.data);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, file, source, schema));
      continue;
    }
    if (kind === 'classifier') roots.push({ value: parsed.data as ClassifierNodeOutput, file, source, path: [] });
    if (kind === 'regions') (parsed.data as { regions: Region[] }).regions.forEach((value, i) => regions.push({ value, file, source, path: ['regions', i] }));
    if (kind === 'courts') (parsed.data as { courts: Court[] }).courts.forEach((value, i) => courts.push({ value, file, source, path: ['courts', i] }));
    if (kind === 'norms') {
      const code = parsed.data as NormCode;
      const stem = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
      if (code.id !== stem) problems.push(withLine(source, ['id'], file, `id "${code.id}" does not match the file name "${stem}"`));
      codes.push({ value: code, file, source, path: [] });
    }
  }

  const problem = (at: Located<unknown>, field: PropertyKey[], message: string, suggestion?: string) =>
    problems.push(withLine(at.source, [...at.path, ...field], at.file, message, suggestion));

  const codeIds = unique(codes, (c) => c.value.id, (dup) => problem(dup, ['id'], `duplicate code id "${dup.value.id}"`));
  for (const c of codes) {
    const seen = new Set<string>();
    c.value.articles.forEach((a, i) => {
      if (seen.has(a.number)) problems.push(withLine(c.source, ['articles', i, 'number'], c.file, `duplicate article ${a.number}`));
      seen.add(a.number);
    });
  }
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
