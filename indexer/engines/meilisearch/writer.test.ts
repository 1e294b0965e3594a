import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { EngineAuthError, EngineUnreachableError, IndexWriteError } from '../server/errors/index.ts';
import { DIVORCE, RESOLUTION, SAMPLE_DOCUMENTS, THEFT_KK } from '../server/fixtures/documents.ts';
import { runWriter } from '../server/fixtures/run-writer.ts';
import { createMeiliClient } from './client.ts';
import { FakeMeilisearch } from './fake-server.ts';
import { meiliSettings } from './settings.ts';
import { MeiliWriter } from './writer.ts';

// The official client calls the global fetch; the fake answers it with recorded Meilisearch payloads.
let fake: FakeMeilisearch;
beforeEach(() => {
  fake = new FakeMeilisearch();
  vi.stubGlobal('fetch', fake.fetch);
});
afterEach(() => vi.unstubAllGlobals());

const URL = 'http://meili.test:7700';
const noSleep = async () => {};

async function run(docs: KbDocument[], options: Partial<ConstructorParameters<typeof MeiliWriter>[2]> = {}) {
  const lines: string[] = [];
  const writer = new MeiliWriter(createMeiliClient({ url: URL, key: 'admin-key' }), URL, {
    indexName: 'taldau',
    sleep: noSleep,
    log: (l) => lines.push(l),
    ...options,
  });
  return runWriter(writer, docs, lines);
}

const liveKeys = () => [...(fake.indexes.get('taldau')?.keys() ?? [])].sort();

describe('MeiliWriter: full rebuild', () => {
  it('builds a fresh index with the derived settings, counts it, swaps it in and drops the old one', async () => {
    const { stats, writer } = await run(SAMPLE_DOCUMENTS, { batchSize: 2 });
    const build = writer.targetIndex;
    expect(build).toMatch(/^taldau_\d{17}$/);
    expect(fake.exchange.filter((r) => !r.startsWith('GET /tasks/'))).toEqual([
      'GET /health',
      'POST /indexes',
      `PATCH /indexes/${build}/settings`,
      `POST /indexes/${build}/documents`,
      `POST /indexes/${build}/documents`,
      `GET /indexes/${build}/stats`,
      'GET /indexes/taldau',
      'POST /indexes',
      'POST /swap-indexes',
      `DELETE /indexes/${build}`,
    ]);
    expect(fake.requests[1]?.body).toEqual({ uid: build, primaryKey: 'key' });
    expect(fake.settings.get(build)).toEqual(meiliSettings());
    expect(fake.requests.find((r) => r.path === '/swap-indexes')?.body).toEqual([{ indexes: ['taldau', build] }]);
    const batches = fake.requests.filter((r) => r.path.startsWith(`/indexes/${build}/documents`));
    expect(batches.map((b) => (b.body as unknown[]).length)).toEqual([2, 1]);
    expect(batches[0]?.path).toContain('primaryKey=key');
    expect(fake.requests.every((r) => r.authorization === 'Bearer admin-key')).toBe(true);
    expect(liveKeys()).toEqual(['decision__civ-divorce-almaty-2023', 'decision__crim-urlyq-2022', 'resolution__2000-04-28-n5']);
    expect([...fake.indexes.keys()]).toEqual(['taldau']);
    expect(stats).toMatchObject({ total: 3, sent: 3, failed: 0, index: 'taldau' });
    expect(stats.bytes).toBeGreaterThan(100);
  });

  it('replaces the live index of an earlier run', async () => {
    await run([DIVORCE, RESOLUTION]);
    await run([THEFT_KK]);
    expect(liveKeys()).toEqual(['decision__crim-urlyq-2022']);
    expect(fake.indexes.size).toBe(1);
  });

  it('leaves the live index untouched when the swap fails midway, and drops the half-built one', async () => {
    await run([DIVORCE]);
    fake.failTaskType = 'indexSwap';
    const error = await run(SAMPLE_DOCUMENTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexWriteError);
    expect((error as IndexWriteError).step).toBe('swap');
    expect((error as Error).message).toMatch(/live index was not changed/);
    expect(liveKeys()).toEqual(['decision__civ-divorce-almaty-2023']);
    expect([...fake.indexes.keys()]).toEqual(['taldau']);
  });

  it('isolates a refused document by halving its batch, reports it, and does not swap', async () => {
    await run([RESOLUTION]);
    fake.rejectDocument = (doc) => doc.key === 'decision__crim-urlyq-2022';
    const error = (await run(SAMPLE_DOCUMENTS, { batchSize: 10 }).catch((e: unknown) => e)) as IndexWriteError;
    expect(error).toBeInstanceOf(IndexWriteError);
    expect(error.step).toBe('write');
    expect(error.failed).toEqual([{ id: THEFT_KK.id, reason: expect.stringContaining('invalid_document_id') }]);
    expect(error.message).toContain(THEFT_KK.id);
    expect(liveKeys()).toEqual(['resolution__2000-04-28-n5']);
    expect(fake.indexes.size).toBe(1);
  });

  it('goes live despite refusals when they are within maxFailures, and says so in the stats', async () => {
    fake.rejectDocument = (doc) => doc.key === 'resolution__2000-04-28-n5';
    const { stats } = await run(SAMPLE_DOCUMENTS, { maxFailures: 1 });
    expect(stats).toMatchObject({ total: 3, sent: 2, failed: 1 });
    expect(liveKeys()).toEqual(['decision__civ-divorce-almaty-2023', 'decision__crim-urlyq-2022']);
  });

  it('retries a busy server with backoff and reports the retries', async () => {
    fake.unavailableFor = 2;
    const { lines } = await run([DIVORCE]);
    expect(lines.filter((l) => l.includes('retry'))).toHaveLength(2);
    expect(liveKeys()).toEqual(['decision__civ-divorce-almaty-2023']);
  });

  it('says clearly when the server is down or the key is wrong', async () => {
    fake.unavailableFor = 100;
    const down = await run([DIVORCE]).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(EngineUnreachableError);
    fake.unavailableFor = 0;
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const refused = await run([DIVORCE]).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/cannot reach the server at http:\/\/meili\.test:7700/);
    vi.stubGlobal('fetch', fake.fetch);
    fake.wrongKey = true;
    const auth = await run([DIVORCE]).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(EngineAuthError);
    expect((auth as Error).message).toMatch(/invalid_api_key/);
  });
});

describe('MeiliWriter: --changed', () => {
  it('sends only documents whose hash changed and deletes the removed ones, in the live index', async () => {
    await run(SAMPLE_DOCUMENTS);
    fake.requests.length = 0;
    const edited = { ...DIVORCE, hash: 'a1-edited', title: { ...DIVORCE.title, ru: 'Новое название' } };
    const { stats } = await run([edited, RESOLUTION], { changed: true });
    const sent = fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/indexes/taldau/documents?'));
    expect(sent.map((r) => (r.body as { key: string }[]).map((d) => d.key))).toEqual([['decision__civ-divorce-almaty-2023']]);
    const deleted = fake.requests.find((r) => r.path === '/indexes/taldau/documents/delete-batch');
    expect(deleted?.body).toEqual(['decision__crim-urlyq-2022']);
    expect(fake.exchange).not.toContain('POST /swap-indexes');
    expect(stats).toMatchObject({ total: 2, sent: 1, unchanged: 1, deleted: 1 });
    expect(fake.indexes.get('taldau')?.get('decision__civ-divorce-almaty-2023')?.title_ru).toBe('Новое название');
    expect(liveKeys()).toEqual(['decision__civ-divorce-almaty-2023', 'resolution__2000-04-28-n5']);
  });

  it('builds in full when there is no live index yet', async () => {
    const { stats, lines } = await run([DIVORCE], { changed: true });
    expect(lines.join('\n')).toMatch(/builds it in full/);
    expect(stats.sent).toBe(1);
    expect(liveKeys()).toEqual(['decision__civ-divorce-almaty-2023']);
  });
});
