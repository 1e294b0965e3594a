import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { Progress } from './progress.ts';
import { fakeIo } from './test/fake-io.ts';
import { BROKEN_DIR, VALID_DIR } from './test/paths.ts';

const run = async (...argv: string[]) => {
  const f = fakeIo();
  const code = await main(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
};

describe('taldau validate', () => {
  it('exits 0 on clean content with a summary', async () => {
    const r = await run('validate', '--content', VALID_DIR); // with the enrich stage, as users run it
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^5 documents \(3 decisions, 1 resolutions, 1 summaries\); 10 categories \(5 leaves\), 5 courts, 2 regions, 5 articles; 0 problems$/);
  });

  it('exits 1 and prints every problem as path:line: field: message', async () => {
    const r = await run('validate', '--content', BROKEN_DIR, '--no-enrich');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`${path.join(BROKEN_DIR, 'decisions/bad-date.ru.md')}:9: date: "31.02.2023" is not a real date (no day 31 in 02.2023)`);
    expect(lines).toContain(`${path.join(BROKEN_DIR, 'decisions/unknown-field.ru.md')}:2: case_numer: unknown field "case_numer"; suggestion: case_number`);
    expect(lines.filter((l) => l.startsWith(BROKEN_DIR))).toHaveLength(13);
    expect(lines.at(-1)).toMatch(/^4 documents .* 13 problems$/);
  });

  it('prints the JSON report', async () => {
    const r = await run('validate', '--content', BROKEN_DIR, '--json', '--no-enrich');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['documents', 'counts', 'problems']);
    expect(report.documents).toBe(4);
    expect(Object.keys(report.counts).sort()).toEqual(['categories', 'courts', 'decisions', 'leafCategories', 'norms', 'regions', 'resolutions', 'summaries']);
    expect(report.problems).toContainEqual({ file: 'decisions/unknown-category.ru.md', line: 7, field: 'category', message: 'unknown category "Растожение брака"', suggestion: 'G.02.01 (Расторжение брака)' });
    expect(report.problems).toContainEqual({ file: 'decisions/scan.ru.md', message: 'not a text file (binary data: contains NUL bytes)' });
  });
});

describe('usage errors exit 2 with the usage', () => {
  it.each([
    [['validate', '--bogus'], /Unknown option '--bogus'[\s\S]*Usage: taldau validate/],
    [['validate', '--content', '/nonexistent/taldau'], /content directory not found: \/nonexistent\/taldau/],
    [['index', '--engine', 'solr'], /unknown engine "solr"; known engines: pagefind/],
    [['index', '--out'], /--out/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('prints help without a command', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Usage: taldau <command>/);
  });
});

describe('taldau index', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'taldau-cli-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('refuses invalid content and lists the problems', async () => {
    const out = path.join(tmp, 'refused');
    const r = await run('index', '--content', BROKEN_DIR, '--out', out, '--no-enrich');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to index content with 13 problem\(s\)/);
    expect(r.stderr).toContain('bad-date.ru.md:9: date:');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('with --skip-invalid indexes the rest and says what was left out', async () => {
    const out = path.join(tmp, 'partial');
    const r = await run('index', '--content', BROKEN_DIR, '--out', out, '--skip-invalid', '--no-enrich');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/left out: .*decision\/bad-date/);
    expect(r.stdout).toMatch(/^pagefind: indexed 4 of 4 documents into .*partial/);
    const entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.ru.page_count).toBe(4);
  });

  it('shows its steps and the records added as it goes (plain lines off a terminal)', async () => {
    const f = fakeIo();
    let text = '';
    const progress = new Progress({ write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, false, 0);
    const code = await main(['index', '--content', VALID_DIR, '--out', path.join(tmp, 'progress'), '--no-enrich'], { ...f.io, progress });
    expect(code).toBe(0);
    const steps = text.split('\n').filter((l) => l.startsWith('▶')).map((l) => l.split(' (')[0]);
    expect(steps).toEqual([
      expect.stringMatching(/^▶ reading, checking and enriching /),
      '▶ pagefind: adding records',
      expect.stringMatching(/^▶ pagefind: writing the index of \d+ documents$/),
    ]);
    const total = Number(/writing the index of (\d+)/.exec(text)![1]);
    expect(text).toContain(`pagefind: adding records: ${total}/${total} documents`);
    expect(text).toMatch(/\d+ documents ready in [\d.]+ s/);
    // Each pipeline stage leaves a line as it ends (timings off): the long ones no longer pass in silence.
    expect(text).toMatch(/\n {2}load\+validate\+normalise files: [\d.]+ s\n/);
    expect(text).toMatch(/\n {2}merge documents: [\d.]+ s\n/);
  });
});
