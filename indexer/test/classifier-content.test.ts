/**
 * Checks the real classifier content (content/classifier/*.yaml), not a fixture: every branch file must
 * parse against the shared schema and the tree must be unambiguous, because decisions, resolutions and
 * summaries are matched to categories by code, name and alias.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ClassifierFile, type ClassifierNodeOutput } from '../../schemas/classifier.ts';

const CLASSIFIER_DIR = fileURLToPath(new URL('../../content/classifier/', import.meta.url));
const NORM_IDS = ['uk', 'upk', 'gk', 'gpk', 'koap', 'appk', 'kobs', 'tk', 'zk', 'nk'];
const EXPECTED_ROOTS: Record<string, { file: string; proceeding: string }> = {
  G: { file: 'civil.yaml', proceeding: 'civil' },
  U: { file: 'criminal.yaml', proceeding: 'criminal' },
  A: { file: 'administrative-offences.yaml', proceeding: 'administrative-offence' },
  P: { file: 'administrative.yaml', proceeding: 'administrative' },
  M: { file: 'other.yaml', proceeding: 'other' },
};

/** The same folding the normaliser promises for aliases: case, ё/е and spacing. */
const fold = (s: string) => s.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

interface Visited {
  node: ClassifierNodeOutput;
  parent: ClassifierNodeOutput | null;
  file: string;
}

function walk(node: ClassifierNodeOutput, parent: ClassifierNodeOutput | null, file: string, out: Visited[]): Visited[] {
  out.push({ node, parent, file });
  for (const child of node.children) walk(child, node, file, out);
  return out;
}

const files = readdirSync(CLASSIFIER_DIR).filter((f) => f.endsWith('.yaml')).sort();
const roots = files.map((file) => {
  const result = ClassifierFile.safeParse(parse(readFileSync(join(CLASSIFIER_DIR, file), 'utf8')));
  return { file, result };
});
const parsed = roots.flatMap(({ file, result }) => (result.success ? [{ file, root: result.data }] : []));
const all = parsed.flatMap(({ file, root }) => walk(root, null, file, []));
const leaves = all.filter(({ node }) => node.children.length === 0);

describe('content/classifier', () => {
  it('every file parses with the ClassifierFile schema', () => {
    const failures = roots
      .filter(({ result }) => !result.success)
      .map(({ file, result }) => `${file}: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    expect(failures).toEqual([]);
    expect(files).toEqual(Object.values(EXPECTED_ROOTS).map((r) => r.file).sort());
  });

  it('holds the five branch roots, each in its own file with its proceeding', () => {
    for (const { file, root } of parsed) {
      const expected = EXPECTED_ROOTS[root.code];
      expect(expected, `${file}: unexpected root ${root.code}`).toBeDefined();
      expect(file).toBe(expected?.file);
      expect(root.proceeding).toBe(expected?.proceeding);
    }
    expect(parsed.map(({ root }) => root.code).sort()).toEqual(Object.keys(EXPECTED_ROOTS).sort());
  });

  it('has unique codes', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { node, file } of all) {
      if (seen.has(node.code)) duplicates.push(`${node.code} (${seen.get(node.code)} and ${file})`);
      seen.set(node.code, file);
    }
    expect(duplicates).toEqual([]);
  });

  it("extends the parent's code in every child, one segment deeper", () => {
    const bad = all
      .filter(({ node, parent }) => parent && !(node.code.startsWith(`${parent.code}.`) && !node.code.slice(parent.code.length + 1).includes('.')))
      .map(({ node, parent }) => `${node.code} under ${parent?.code}`);
    expect(bad).toEqual([]);
  });

  it('puts proceeding only on roots', () => {
    const bad = all.filter(({ node, parent }) => (parent === null) !== (node.proceeding !== undefined)).map(({ node }) => node.code);
    expect(bad).toEqual([]);
  });

  it('has at least 150 leaf categories, each named in ru, kk and en', () => {
    expect(leaves.length).toBeGreaterThanOrEqual(150);
    const unnamed = leaves.filter(({ node }) => !node.name.ru.trim() || !node.name.kk.trim() || !node.name.en.trim());
    expect(unnamed.map(({ node }) => node.code)).toEqual([]);
  });

  it('gives every branch real substance (leaves per branch)', () => {
    const perRoot = (code: string) => leaves.filter(({ node }) => node.code === code || node.code.startsWith(`${code}.`)).length;
    expect(perRoot('G')).toBeGreaterThanOrEqual(60);
    expect(perRoot('U')).toBeGreaterThanOrEqual(50);
    expect(perRoot('A')).toBeGreaterThanOrEqual(25);
    expect(perRoot('P')).toBeGreaterThanOrEqual(20);
    expect(perRoot('M')).toBeGreaterThanOrEqual(10);
  });

  it('uses two-digit chapter codes and numeric article leaves in U and A', () => {
    const bad = all
      .filter(({ node }) => /^[UA]\./.test(node.code))
      .filter(({ node }) => !/^[UA]\.\d{2}(?:\.\d+(?:-\d+)?)?$/.test(node.code))
      .map(({ node }) => node.code);
    expect(bad).toEqual([]);
  });

  it('cites its own article on every U/A article leaf', () => {
    const bad = all
      .filter(({ node }) => /^[UA]\.\d{2}\.\d/.test(node.code))
      .filter(({ node }) => {
        const article = node.code.split('.')[2] ?? '';
        const norm = node.code.startsWith('U') ? 'uk' : 'koap';
        return !node.legislation.some((ref) => ref.code === norm && ref.articles.includes(article));
      })
      .map(({ node }) => node.code);
    expect(bad).toEqual([]);
  });

  it('has aliases unique across the tree and distinct from every other node name', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const claim = (text: string, code: string) => {
      const key = fold(text);
      const prior = owner.get(key);
      if (prior !== undefined && prior !== code) clashes.push(`"${text}" names ${prior} and ${code}`);
      else owner.set(key, code);
    };
    // Names first, so an alias equal to another node's name is reported as a clash.
    for (const { node } of all) for (const lang of ['ru', 'kk'] as const) claim(node.name[lang], node.code);
    for (const { node } of all) {
      const own = new Set<string>();
      for (const alias of [...node.aliases.ru, ...node.aliases.kk]) {
        const key = fold(alias);
        if (own.has(key)) clashes.push(`"${alias}" repeated on ${node.code}`);
        own.add(key);
        claim(alias, node.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no word mixing Latin and Cyrillic letters in names or aliases (e.g. Latin i for Kazakh і)', () => {
    // Official kk texts often type Latin i for і; such a word never matches what users type.
    const mixed = /[\p{Script=Latin}][\p{Script=Cyrillic}]|[\p{Script=Cyrillic}][\p{Script=Latin}]/u;
    const bad = all.flatMap(({ node }) =>
      [node.name.ru, node.name.kk, ...node.aliases.ru, ...node.aliases.kk].filter((s) => mixed.test(s)).map((s) => `${node.code}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('cites only the ten norm ids of the knowledge base', () => {
    const bad = all.flatMap(({ node }) =>
      node.legislation.filter((ref) => !NORM_IDS.includes(ref.code)).map((ref) => `${node.code}: ${ref.code}`),
    );
    expect(bad).toEqual([]);
  });
});
