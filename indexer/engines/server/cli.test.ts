import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, type CommandIo } from '../../cli.ts';
import { FakeMeilisearch } from '../meilisearch/fake-server.ts';

/**
 * `taldau index --engine meilisearch` over the real sample content, against the fake server: the
 * whole pipeline (load → validate → normalise → enrich → write) reaches the engine.
 */
let fake: FakeMeilisearch;
beforeEach(() => {
  fake = new FakeMeilisearch();
  vi.stubGlobal('fetch', fake.fetch);
});
afterEach(() => vi.unstubAllGlobals());

/** ИИН (personal identification numbers) as written in the sample decisions. */
async function personalNumbers(): Promise<string[]> {
  const dir = 'content/decisions';
  const texts = await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), 'utf8')));
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/(?:ИИН|ЖСН)\s*:?\s*(\d{12})/g)].map((m) => m[1]!)))];
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '' };
  return { out, err, io: value };
}

describe('taldau index --engine meilisearch (sample content, fake server)', () => {
  it('indexes every document, depersonalised, and a second --changed run sends nothing', async () => {
    const first = io();
    const code = await main(['index', '--engine', 'meilisearch', '--url', 'http://meili.test:7700', '--key', 'k', '--skip-invalid'], first.io);
    expect(first.err.join('\n')).not.toMatch(/cannot reach|failed:/);
    expect(code).toBe(0);
    const live = fake.indexes.get('taldau');
    expect(live?.size).toBeGreaterThan(10);
    expect(first.out.join('\n')).toMatch(new RegExp(`meilisearch: indexed ${live?.size} of ${live?.size} documents`));

    // Personal data of parties never reaches the index: every ИИН written in the content is masked in what was sent.
    const sent = fake.requests.filter((r) => r.path.includes('/documents')).map((r) => JSON.stringify(r.body)).join('\n');
    const iins = await personalNumbers();
    expect(iins.length).toBeGreaterThan(0);
    for (const iin of iins) expect(sent).not.toContain(iin);
    // Kazakh mobile numbers (+7 7xx). A Russian one (+7 913 …) in civ-inheritance-kostanay-2019 still
    // passes the masking stage at the time of writing: reported to the redaction work, not hidden here.
    expect(sent).not.toMatch(/\+7 7\d{2} \d{3} \d{2} \d{2}/);

    fake.requests.length = 0;
    const second = io();
    expect(await main(['index', '--engine', 'meilisearch', '--url', 'http://meili.test:7700', '--changed', '--skip-invalid'], second.io)).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/indexes/taldau/documents'))).toHaveLength(0);
    expect(second.err.join('\n')).toMatch(new RegExp(`0 sent, ${live?.size} unchanged, 0 deleted`));
  }, 120_000);
});
