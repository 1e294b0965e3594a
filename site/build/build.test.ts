import { spawn } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePagefind } from '../../indexer/test/pagefind-search.ts';
import { FIXTURE_CONTENT, ROOT } from '../test/e2e/harness.ts';

/**
 * `taldau build` end to end on the fixture content: a whole build, then updates in place, each checked
 * against the same site built from nothing — the output must be the same, file for file and byte for
 * byte. Builds run as a user runs them (node bin/taldau.js build), each in its own directory.
 */

interface Run {
  out: string;
  code: number | null;
}

function taldauBuild(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/taldau.js'), 'build', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ out, code }));
  });
}

/** Every file under `dir`, relative path → bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const full = path.join(e.parentPath, e.name);
      files.set(path.relative(dir, full), await readFile(full));
    }
  }
  return files;
}

/** The paths whose bytes differ, or that only one tree has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [file, bytes] of a) if (!b.get(file)?.equals(bytes)) out.push(file);
  for (const file of b.keys()) if (!a.has(file)) out.push(file);
  return out.sort();
}

const line = (run: Run) => run.out.split('\n').filter((l) => l.startsWith('taldau build:')).join('\n');

describe('taldau build: its command line', () => {
  it('refuses a content directory that is not there, with the usage, instead of building an empty site', async () => {
    const run = await taldauBuild(['--content', path.join(ROOT, '.cache/no-such-content')], { TALDAU_OUT_DIR: path.join(ROOT, '.cache/e2e/never-built') });
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/content directory not found: .*no-such-content[\s\S]*Usage: taldau build/);
  });
});

/** A copy of the fixture content built once, in a temporary directory inside the project (see harness.ts). */
function fixtureSite(extraEnv: Record<string, string> = {}) {
  const site = {
    tmp: '',
    content: '',
    env: {} as Record<string, string>,
    decision: () => path.join(site.content, 'decisions/2-1001-2023.ru.md'),
    /** The site built from nothing from the current content, in its own directory and cache. */
    async fromNothing(name: string): Promise<string> {
      const outDir = path.join(site.tmp, name);
      const run = await taldauBuild(['--full'], { ...site.env, TALDAU_OUT_DIR: outDir, TALDAU_CACHE_DIR: path.join(site.tmp, `${name}-cache`) });
      expect(run.code, run.out.slice(-3000)).toBe(0);
      return outDir;
    },
  };
  beforeAll(async () => {
    await mkdir(path.join(ROOT, '.cache/e2e'), { recursive: true });
    site.tmp = await mkdtemp(path.join(ROOT, '.cache/e2e/taldau-build-'));
    site.content = path.join(site.tmp, 'content');
    await cp(FIXTURE_CONTENT, site.content, { recursive: true });
    site.env = { ...extraEnv, TALDAU_CONTENT: site.content, TALDAU_OUT_DIR: path.join(site.tmp, 'dist'), TALDAU_CACHE_DIR: path.join(site.tmp, 'cache') };
    const first = await taldauBuild([], site.env);
    expect(first.code, first.out.slice(-3000)).toBe(0);
    expect(line(first)).toMatch(/building the whole site .*\(no complete earlier build\)[\s\S]*whole site built/);
  }, 300_000);
  afterAll(async () => {
    if (site.tmp) await rm(site.tmp, { recursive: true, force: true });
  });
  return site;
}

const CORRECTION = '\nСуд также учёл пояснения свидетеля Жаркынбекова о разделе имущества.\n';

describe('taldau build: updating the last build in place', () => {
  const site = fixtureSite();
  const decision = () => site.decision();
  const fromNothing = (name: string) => site.fromNothing(name);
  let env: Record<string, string>;
  beforeAll(() => {
    env = site.env;
  });

  it('updates nothing but the index when nothing changed', async () => {
    const run = await taldauBuild([], env);
    expect(run.code, run.out.slice(-3000)).toBe(0);
    expect(line(run)).toMatch(/updating .* in place: 0 of \d+ documents changed[\s\S]*updated in [\d.]+ s: 0 pages of 0 changed documents/);
  }, 120_000);

  it('rewrites only the pages of a corrected decision, and the result is the site built from nothing', async () => {
    await appendFile(decision(), CORRECTION);
    const run = await taldauBuild([], env);
    expect(run.code, run.out.slice(-3000)).toBe(0);
    // One decision, three interface languages. (Its similar decisions did not move in this corpus; if they
    // did, their pages would be rewritten too and the comparison below would still hold.)
    expect(line(run)).toMatch(/updated in [\d.]+ s: 3 pages of 1 changed documents rewritten; pagefind index/);

    const updated = await tree(env.TALDAU_OUT_DIR!);
    const page = updated.get('decisions/2-1001-2023/index.html')?.toString() ?? '';
    expect(page).toContain('пояснения свидетеля');
    expect(differences(updated, await tree(await fromNothing('from-nothing-1')))).toEqual([]);

    // The new words are found by the updated index, through Pagefind's own client.
    const served = await servePagefind(path.join(env.TALDAU_OUT_DIR!, 'pagefind'));
    try {
      const pagefind = await served.load('ru');
      const hits = await pagefind.search('пояснения свидетеля');
      const urls = await Promise.all(hits.results.map(async (r) => (await r.data()).url));
      expect(urls).toContain('/decisions/2-1001-2023/');
      await pagefind.destroy();
    } finally {
      await served.close();
    }
  }, 300_000);

  it('builds the whole site when a change reaches the listing pages, and says why', async () => {
    // A new title shows on category, court and search pages, which Astro renders: not an update.
    const text = await readFile(decision(), 'utf8');
    await writeFile(decision(), text.replace('---\ncase_number:', '---\ntitle: Расторжение брака по иску супруги\ncase_number:'));
    const run = await taldauBuild([], env);
    expect(run.code, run.out.slice(-3000)).toBe(0);
    expect(line(run)).toMatch(/building the whole site .*\(documents were added, removed or changed in what lists and registry pages show\)/);
    // The next build with no change is an update again: the whole build recorded its state.
    expect(line(await taldauBuild([], env))).toMatch(/0 of \d+ documents changed/);
  }, 300_000);

  it('builds the whole site when its output or record was damaged', async () => {
    await rm(path.join(env.TALDAU_OUT_DIR!, 'pagefind/pagefind-entry.json'));
    const run = await taldauBuild([], env);
    expect(line(run)).toMatch(/building the whole site .*pagefind.* is not the index the last build wrote/);
    const states = await readdir(path.join(env.TALDAU_CACHE_DIR!, 'site'));
    await writeFile(path.join(env.TALDAU_CACHE_DIR!, 'site', states[0]!, 'state.json'), '{"format":');
    const again = await taldauBuild([], env);
    expect(again.code).toBe(0);
    expect(line(again)).toMatch(/building the whole site .*state\.json is not valid JSON/);
  }, 300_000);
});

describe('taldau build with the compact index (large sites)', () => {
  const site = fixtureSite({ TALDAU_STATIC_INDEX: 'compact' });

  it('patches the compact index in place, and the result is the site built from nothing', async () => {
    // A word for a word: the corpus's average length (whole terms, FORMAT.md) stays, so the index can be patched.
    const text = await readFile(site.decision(), 'utf8');
    expect(text).toContain('Истица просила');
    await writeFile(site.decision(), text.replace('Истица просила', 'Заявительница просила'));
    const run = await taldauBuild([], site.env);
    expect(run.code, run.out.slice(-3000)).toBe(0);
    expect(line(run)).toMatch(/updated in [\d.]+ s: 3 pages of 1 changed documents rewritten; compact index patched \(1 records\)/);

    const updated = await tree(site.env.TALDAU_OUT_DIR!);
    const built = await tree(await site.fromNothing('from-nothing'));
    // Only the time the index was written may differ.
    expect(differences(updated, built)).toEqual(['compact/manifest.json']);
    const manifest = (files: Map<string, Buffer>) => ({ ...JSON.parse(files.get('compact/manifest.json')!.toString()), built: null });
    expect(manifest(updated)).toEqual(manifest(built));
    // The corrected text is what the decision's hit shows and its excerpt is cut from.
    const fragments = [...updated].filter(([file]) => file.startsWith('compact/fragments/')).map(([, bytes]) => gunzipSync(bytes).toString());
    expect(fragments.filter((f) => f.includes('Заявительница просила'))).toHaveLength(1);
  }, 300_000);
});
