import { beforeEach, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { FACET_KEYS } from '../../../schemas/facets.ts';
import { EngineAuthError, IndexWriteError, ServerEngineError } from '../server/errors/index.ts';
import { DIVORCE, RESOLUTION, SAMPLE_DOCUMENTS, THEFT_KK } from '../server/fixtures/documents.ts';
import { runWriter } from '../server/fixtures/run-writer.ts';
import { createElasticClient } from './client.ts';
import { FakeCluster } from './fake-cluster.ts';
import { ElasticWriter, type ElasticWriterOptions } from './writer.ts';

let cluster: FakeCluster;
beforeEach(() => {
  cluster = new FakeCluster();
});

const URL = 'http://es.test:9200';

async function run(docs: KbDocument[], options: Partial<ElasticWriterOptions> = {}) {
  const lines: string[] = [];
  const client = createElasticClient({ url: URL, apiKey: 'secret' }, { Connection: cluster.Connection, maxRetries: 0 });
  const writer = new ElasticWriter(client, URL, {
    indexName: 'taldau',
    sleep: async () => {},
    bulkWaitMs: 1,
    log: (l) => lines.push(l),
    ...options,
  });
  return runWriter(writer, docs, lines);
}

describe('ElasticWriter: full rebuild', () => {
  it('creates an index with the explicit mapping, bulk-loads, counts and moves the alias atomically', async () => {
    const { stats, writer } = await run(SAMPLE_DOCUMENTS);
    const index = writer.targetIndex;
    expect(cluster.exchange).toEqual([
      'GET /',
      'GET /_alias/taldau',
      'HEAD /taldau',
      `PUT /${index}`,
      'POST /_bulk',
      `PUT /${index}/_settings`,
      `GET /${index}/_refresh`,
      `GET /${index}/_count`,
      'GET /_alias/taldau',
      'POST /_aliases',
    ]);
    const created = cluster.calls[3]?.body;
    expect(created.mappings.dynamic).toBe('strict');
    for (const facet of FACET_KEYS) expect(created.mappings.properties[facet]).toBeDefined();
    expect(created.mappings.properties.category).toEqual({ type: 'keyword' });
    expect(created.mappings.properties.year).toEqual({ type: 'integer' });
    expect(created.mappings.properties.date.type).toBe('date');
    expect(created.mappings.properties.norm).toEqual({ type: 'keyword' });
    expect(created.mappings.properties.body_ru.analyzer).toBe('taldau_russian');
    expect(created.mappings.properties.body_kk.analyzer).toBe('taldau_kazakh');
    expect(created.settings.analysis.filter.russian_stemmer).toEqual({ type: 'stemmer', language: 'russian' });
    expect(created.settings).toMatchObject({ number_of_replicas: 0, refresh_interval: '-1' });
    expect(cluster.calls[5]?.body).toEqual({ number_of_replicas: 1, refresh_interval: '1s' });

    const bulk = cluster.calls[4]?.body as Record<string, any>[];
    expect(bulk).toHaveLength(6);
    expect(bulk[0]).toEqual({ index: { _index: index, _id: 'decision__civ-divorce-almaty-2023' } });
    expect(bulk[1]).toMatchObject({ docId: DIVORCE.id, category: ['G', 'G.02', 'G.02.01'], year: 2023, hash: 'a1' });
    expect(cluster.calls.at(-1)?.body).toEqual({ actions: [{ add: { index, alias: 'taldau' } }] });
    expect(cluster.docsOf('taldau')).toHaveLength(3);
    expect(stats).toMatchObject({ total: 3, sent: 3, failed: 0, index: 'taldau' });
  });

  it('on the next run removes the alias from the old index in the same call and then deletes it', async () => {
    const first = (await run([DIVORCE])).writer.targetIndex;
    cluster.calls.length = 0;
    const second = (await run([RESOLUTION, THEFT_KK])).writer.targetIndex;
    expect(cluster.calls.find((c) => c.path === '/_aliases')?.body).toEqual({
      actions: [{ remove: { index: first, alias: 'taldau' } }, { add: { index: second, alias: 'taldau' } }],
    });
    expect(cluster.exchange.at(-1)).toBe(`DELETE /${first}`);
    expect([...cluster.indices.keys()]).toEqual([second]);
    expect(cluster.docsOf('taldau')).toEqual(['decision__crim-urlyq-2022', 'resolution__2000-04-28-n5']);
  });

  it('reports refused documents through onDrop and leaves the alias where it was', async () => {
    const live = (await run([RESOLUTION])).writer.targetIndex;
    cluster.calls.length = 0;
    cluster.refuseDocument = (doc) => doc.key === 'decision__crim-urlyq-2022';
    const error = (await run(SAMPLE_DOCUMENTS).catch((e: unknown) => e)) as IndexWriteError;
    expect(error).toBeInstanceOf(IndexWriteError);
    expect(error.step).toBe('write');
    expect(error.failed).toEqual([{ id: THEFT_KK.id, reason: expect.stringMatching(/^strict_dynamic_mapping_exception: .*\(status 400\)$/) }]);
    expect(error.message).toMatch(/live index was not changed/);
    expect(cluster.exchange).not.toContain('POST /_aliases');
    expect([...(cluster.aliases.get('taldau') ?? [])]).toEqual([live]);
    expect([...cluster.indices.keys()]).toEqual([live]);
  });

  it('a failure when moving the alias leaves it on the old index and deletes the new one', async () => {
    const live = (await run([RESOLUTION])).writer.targetIndex;
    cluster.failAliases = true;
    const error = (await run(SAMPLE_DOCUMENTS).catch((e: unknown) => e)) as IndexWriteError;
    expect(error).toBeInstanceOf(IndexWriteError);
    expect(error.step).toBe('swap');
    expect(cluster.docsOf('taldau')).toEqual(['resolution__2000-04-28-n5']);
    expect([...cluster.indices.keys()]).toEqual([live]);
  });

  it('a node failing midway through the load leaves the alias untouched and deletes the partial index', async () => {
    const live = (await run([RESOLUTION])).writer.targetIndex;
    cluster.failBulkAfter = 1;
    const error = (await run(SAMPLE_DOCUMENTS, { flushBytes: 1, concurrency: 1 }).catch((e: unknown) => e)) as IndexWriteError;
    expect(error).toBeInstanceOf(IndexWriteError);
    expect(error.step).toBe('write');
    expect(error.message).toMatch(/node_not_connected_exception.*live index was not changed/);
    expect(cluster.exchange.filter((c) => c === 'POST /_bulk').length).toBeGreaterThanOrEqual(2);
    expect([...(cluster.aliases.get('taldau') ?? [])]).toEqual([live]);
    expect([...cluster.indices.keys()]).toEqual([live]);
    expect(cluster.docsOf('taldau')).toEqual(['resolution__2000-04-28-n5']);
  });

  it('retries documents the cluster rejected with 429 and loses none', async () => {
    cluster.rejectItems = 2;
    const { stats, lines } = await run(SAMPLE_DOCUMENTS);
    expect(cluster.exchange.filter((c) => c === 'POST /_bulk')).toHaveLength(2);
    expect(cluster.calls.filter((c) => c.path === '/_bulk')[1]?.body).toHaveLength(4);
    expect(stats).toMatchObject({ sent: 3, failed: 0 });
    expect(lines.join('\n')).toMatch(/3 documents written, 0 refused, 4 bulk lines retried/);
  });

  it('refuses to shadow a concrete index that has the alias name', async () => {
    cluster.indices.set('taldau', new Map());
    const error = await run([DIVORCE]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerEngineError);
    expect((error as Error).message).toMatch(/"taldau" is an index, not an alias/);
  });

  it('says the credentials were refused', async () => {
    cluster.wrongKey = true;
    const error = await run([DIVORCE]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineAuthError);
    expect((error as Error).message).toMatch(/security_exception/);
  });

  it('says the server cannot be reached', async () => {
    const client = createElasticClient({ url: 'http://127.0.0.1:1' }, { maxRetries: 0, requestTimeoutMs: 2000 });
    const writer = new ElasticWriter(client, 'http://127.0.0.1:1', { indexName: 'taldau', sleep: async () => {} });
    const error = await writer.prepare().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/cannot reach the server at http:\/\/127\.0\.0\.1:1/);
  });
});

describe('ElasticWriter: --changed', () => {
  it('bulk-indexes only changed documents and deletes removed ones in the live index, without moving the alias', async () => {
    const live = (await run(SAMPLE_DOCUMENTS)).writer.targetIndex;
    cluster.calls.length = 0;
    const edited = { ...RESOLUTION, hash: 'b2-new' };
    const { stats } = await run([DIVORCE, edited], { changed: true });
    const bulks = cluster.calls.filter((c) => c.path === '/_bulk').map((c) => c.body);
    expect(bulks).toEqual([
      [{ index: { _index: live, _id: 'resolution__2000-04-28-n5' } }, expect.objectContaining({ hash: 'b2-new' })],
      [{ delete: { _index: live, _id: 'decision__crim-urlyq-2022' } }],
    ]);
    expect(cluster.exchange).not.toContain('POST /_aliases');
    expect(stats).toMatchObject({ total: 2, sent: 1, unchanged: 1, deleted: 1 });
    expect(cluster.docsOf('taldau')).toEqual(['decision__civ-divorce-almaty-2023', 'resolution__2000-04-28-n5']);
  });
});
