/**
 * Checks the registries and resolutions shipped in `content/` against the shared schemas and against
 * each other (court ids, regions, appeal chains, article numbers), so a careless edit to a YAML file
 * fails CI instead of silently breaking court or norm resolution downstream.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CourtsFile, RegionsFile, type Court, type Region } from '../../schemas/courts.ts';
import { ResolutionFrontmatter } from '../../schemas/documents.ts';
import { NormCode } from '../../schemas/norms.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));

function loadCourts(): { regions: Region[]; courts: Court[]; byFile: Map<string, Court[]> } {
  const dir = join(CONTENT, 'courts');
  const regions = RegionsFile.parse(readYaml(join(dir, 'regions.yaml'))).regions;
  const byFile = new Map<string, Court[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'regions.yaml')) {
    const parsed = CourtsFile.safeParse(readYaml(join(dir, file)));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    byFile.set(file, parsed.data.courts);
  }
  return { regions, courts: [...byFile.values()].flat(), byFile };
}

describe('content/courts', () => {
  const { regions, courts, byFile } = loadCourts();
  const regionIds = new Set(regions.map((r) => r.id));
  const courtIds = new Set(courts.map((c) => c.id));

  it('lists the 20 first-level units: 17 oblasts and 3 cities', () => {
    expect(regions).toHaveLength(20);
    expect(regionIds.size).toBe(20);
    expect(regions.filter((r) => r.kind === 'oblast')).toHaveLength(17);
    expect(regions.filter((r) => r.kind === 'city').map((r) => r.id).sort()).toEqual(['almaty', 'astana', 'shymkent']);
  });

  it('holds at least 80 courts with unique ids', () => {
    expect(courts.length).toBeGreaterThanOrEqual(80);
    expect(courtIds.size).toBe(courts.length);
  });

  it('has one Supreme Court, outside every region', () => {
    const supreme = courts.filter((c) => c.level === 'supreme');
    expect(supreme.map((c) => c.id)).toEqual(['supreme-court']);
    expect(supreme[0]?.region).toBeNull();
    expect(supreme[0]?.appeal_to).toBeUndefined();
  });

  it('puts every other court in an existing region, in the file named after it', () => {
    for (const [file, list] of byFile) {
      for (const c of list.filter((x) => x.level !== 'supreme')) {
        expect(regionIds.has(c.region ?? ''), `${c.id}: region ${c.region}`).toBe(true);
        expect(file, c.id).toBe(`${c.region}.yaml`);
      }
    }
  });

  it('routes appeals to an existing court of a higher level', () => {
    const byId = new Map(courts.map((c) => [c.id, c]));
    const rank = { district: 0, regional: 1, supreme: 2 } as const;
    for (const c of courts.filter((x) => x.level !== 'supreme')) {
      const target = byId.get(c.appeal_to ?? '');
      expect(target, `${c.id}: appeal_to ${c.appeal_to}`).toBeDefined();
      expect(rank[target!.level], `${c.id} → ${target!.id}`).toBeGreaterThan(rank[c.level]);
      if (c.level === 'district' && c.specialisation !== 'military') expect(target!.region, c.id).toBe(c.region);
    }
  });

  it('gives every region its regional court and its inter-district economic and administrative courts', () => {
    for (const r of regions) {
      const here = courts.filter((c) => c.region === r.id);
      expect(here.some((c) => c.level === 'regional' && c.specialisation === 'general'), r.id).toBe(true);
      expect(here.some((c) => c.specialisation === 'economic'), `${r.id} economic`).toBe(true);
      expect(here.some((c) => c.specialisation === 'administrative'), `${r.id} administrative`).toBe(true);
    }
  });

  it('never lets one name variant point at two courts', () => {
    const owner = new Map<string, string>();
    for (const c of courts) {
      for (const name of [c.name.ru, c.name.kk, ...c.aliases.ru, ...c.aliases.kk]) {
        const key = name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
        expect(owner.get(key) ?? c.id, `"${name}" on ${owner.get(key)} and ${c.id}`).toBe(c.id);
        owner.set(key, c.id);
      }
    }
  });
});

describe('content/norms', () => {
  const dir = join(CONTENT, 'norms');
  const codes = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((file) => {
      const parsed = NormCode.safeParse(readYaml(join(dir, file)));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      expect(`${parsed.data.id}.yaml`).toBe(file);
      return parsed.data;
    });

  it('holds the ten codes cited in practice', () => {
    expect(codes.map((c) => c.id).sort()).toEqual(['appk', 'gk', 'gpk', 'koap', 'kobs', 'nk', 'tk', 'uk', 'upk', 'zk']);
  });

  it('has at least 3000 articles, numbered uniquely within each code', () => {
    expect(codes.reduce((n, c) => n + c.articles.length, 0)).toBeGreaterThanOrEqual(3000);
    for (const c of codes) {
      const numbers = c.articles.map((a) => a.number);
      expect(new Set(numbers).size, c.id).toBe(numbers.length);
      expect(numbers.length, c.id).toBeGreaterThan(0);
    }
  });

  it('marks as complete only the codes imported from a full table of contents', () => {
    const complete = codes.filter((c) => c.complete).map((c) => c.id).sort();
    expect(complete).toEqual(['gpk', 'koap', 'kobs', 'tk', 'uk', 'upk']);
    for (const c of codes.filter((x) => x.complete)) expect(c.articles.length, c.id).toBeGreaterThan(200);
  });

  it('gives every code distinct short names and aliases that name no other code', () => {
    const shorts = codes.map((c) => c.short.ru);
    expect(new Set(shorts).size).toBe(codes.length);
    // English labels («Criminal Code, art. 188») need a distinct English short name on every code.
    const english = codes.map((c) => c.short.en);
    expect(english.every(Boolean), 'a code without short.en').toBe(true);
    expect(new Set(english).size).toBe(codes.length);
    const owner = new Map<string, string>();
    for (const c of codes) {
      for (const alias of [c.title.ru, c.title.kk, c.short.ru, ...c.aliases.ru, ...c.aliases.kk]) {
        const key = alias.toLowerCase();
        expect(owner.get(key) ?? c.id, `"${alias}" on ${owner.get(key)} and ${c.id}`).toBe(c.id);
        owner.set(key, c.id);
      }
    }
  });
});

describe('content/resolutions', () => {
  const dir = join(CONTENT, 'resolutions');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  const slugs = [...new Set(files.map((f) => f.replace(/\.(ru|kk)\.md$/, '')))];
  const frontmatterOf = (file: string): Record<string, unknown> => {
    const m = readFileSync(join(dir, file), 'utf8').match(/^---\n([\s\S]*?)\n---\n/);
    if (!m) throw new Error(`${file}: no frontmatter`);
    return parse(m[1]!) as Record<string, unknown>;
  };

  it('holds the seventeen resolutions, each in Russian and Kazakh, named <date>-n<number>', () => {
    expect(slugs).toHaveLength(17);
    for (const slug of slugs) {
      expect(slug).toMatch(/^\d{4}-\d{2}-\d{2}-n\d+$/);
      expect(files, slug).toContain(`${slug}.ru.md`);
      expect(files, slug).toContain(`${slug}.kk.md`);
    }
  });

  it('gives every file a frontmatter that parses, with shared fields agreeing with the slug', () => {
    for (const slug of slugs) {
      const ru = ResolutionFrontmatter.safeParse(frontmatterOf(`${slug}.ru.md`));
      expect(ru.success, `${slug}.ru.md: ${ru.error?.message}`).toBe(true);
      expect(`${ru.data!.date}-n${ru.data!.number}`).toBe(slug);
      expect(ru.data!.status === 'in-force' || ru.data!.status_acts.length > 0, slug).toBe(true);
      // The Kazakh file carries only its title; merged with the Russian one it must still parse.
      const kk = frontmatterOf(`${slug}.kk.md`);
      expect(typeof kk.title === 'string' && kk.title.length > 0, `${slug}.kk.md title`).toBe(true);
      expect(ResolutionFrontmatter.safeParse({ ...frontmatterOf(`${slug}.ru.md`), ...kk }).success, `${slug}.kk.md`).toBe(true);
    }
  });

  it('marks the three repealed resolutions as repealed', () => {
    const repealed = slugs.filter((s) => frontmatterOf(`${s}.ru.md`).status === 'repealed').sort();
    expect(repealed).toEqual(['2005-06-20-n3', '2009-06-29-n6', '2013-02-27-n1']);
  });
});
