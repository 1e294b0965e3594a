import type { KbDocument } from '../../../schemas/kb-document.ts';
import type { EngineContext, EngineEntry, IndexStats, IndexWriter } from '../types.ts';
import { UsageError } from '../../commands/args.ts';
import { resolveConnection, type ServerEngineName } from './config.ts';
import type { ServerIndexWriter } from './writer-types.ts';

/** Options every server engine adds to `taldau index`. */
const SERVER_OPTIONS = {
  url: { type: 'string' },
  key: { type: 'string' },
  'index-name': { type: 'string' },
  changed: { type: 'boolean', default: false },
  'batch-size': { type: 'string' },
  'max-failures': { type: 'string' },
} as const;

const serverUsage = (engine: ServerEngineName, urlVar: string, keyVars: string) => `  --url URL          the server (default: $${urlVar})
  --key KEY          ${engine === 'meilisearch' ? 'an admin key' : 'an API key'} (default: ${keyVars}); prefer the variable: a flag shows in the process list
  --index-name NAME  the live ${engine === 'meilisearch' ? 'index' : 'alias'} (default: $TALDAU_INDEX_NAME or taldau)
  --changed          send only documents whose content hash changed, delete removed ones
  --batch-size N     documents per request
  --max-failures N   refused documents tolerated before the rebuild is abandoned (default 0)`;

const positive = (name: string, value: unknown): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${String(value)}"`);
  return n;
};

/** The server writers behind the project's IndexWriter interface (their richer stats folded in). */
class ServerWriterAdapter implements IndexWriter {
  constructor(
    private readonly inner: ServerIndexWriter,
    private readonly engine: ServerEngineName,
    private readonly log: (line: string) => void,
  ) {}
  prepare(): Promise<void> {
    return this.inner.prepare();
  }
  write(docs: AsyncIterable<KbDocument> | Iterable<KbDocument>) {
    return this.inner.write(docs);
  }
  async finalize(): Promise<IndexStats> {
    const s = await this.inner.finalize();
    this.log(`${this.engine}: ${s.sent} sent, ${s.unchanged} unchanged, ${s.deleted} deleted; "${s.index}" is live`);
    return {
      total: s.total,
      failed: s.failed,
      seconds: s.seconds,
      bytes: s.bytes,
      failures: s.failures,
    };
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

function common(engine: ServerEngineName, context: EngineContext) {
  const v = context.values;
  const connection = resolveConnection(engine, context.env, {
    ...(typeof v.url === 'string' ? { url: v.url } : {}),
    ...(typeof v.key === 'string' ? { key: v.key } : {}),
    ...(typeof v['index-name'] === 'string' ? { indexName: v['index-name'] } : {}),
  });
  const batchSize = positive('batch-size', v['batch-size']);
  const maxFailures = positive('max-failures', v['max-failures']);
  const options = {
    indexName: connection.indexName,
    changed: v.changed === true,
    log: context.log,
    ...(batchSize ? { batchSize } : {}),
    ...(maxFailures !== undefined ? { maxFailures } : {}),
  };
  return { connection, options };
}

export const MEILISEARCH_ENTRY: EngineEntry = {
  summary: 'a Meilisearch server (one machine): $MEILISEARCH_URL, $MEILISEARCH_KEY',
  options: SERVER_OPTIONS,
  usage: serverUsage('meilisearch', 'MEILISEARCH_URL', '$MEILISEARCH_KEY'),
  create: async (context) => {
    const { connection, options } = common('meilisearch', context);
    if (connection.engine !== 'meilisearch') throw new Error('unreachable');
    const [{ createMeiliClient }, { MeiliWriter }] = await Promise.all([import('../meilisearch/client.ts'), import('../meilisearch/writer.ts')]);
    return new ServerWriterAdapter(new MeiliWriter(createMeiliClient(connection), connection.url, options), 'meilisearch', context.log);
  },
};

export const ELASTICSEARCH_ENTRY: EngineEntry = {
  summary: 'an Elasticsearch cluster: $ELASTICSEARCH_URL, $ELASTICSEARCH_API_KEY or user/password',
  options: { ...SERVER_OPTIONS, shards: { type: 'string' }, replicas: { type: 'string' } },
  usage: `${serverUsage('elasticsearch', 'ELASTICSEARCH_URL', '$ELASTICSEARCH_API_KEY, or $ELASTICSEARCH_USERNAME and $ELASTICSEARCH_PASSWORD')}
  --shards N         primary shards of a new index (default 1; see docs/server-engines.md)
  --replicas N       replicas once live (default 1)`,
  create: async (context) => {
    const { connection, options } = common('elasticsearch', context);
    if (connection.engine !== 'elasticsearch') throw new Error('unreachable');
    const shards = positive('shards', context.values.shards);
    const replicas = positive('replicas', context.values.replicas);
    const [{ createElasticClient }, { ElasticWriter }] = await Promise.all([import('../elasticsearch/client.ts'), import('../elasticsearch/writer.ts')]);
    const writer = new ElasticWriter(createElasticClient(connection), connection.url, {
      ...options,
      ...(shards ? { shards } : {}),
      ...(replicas !== undefined ? { replicas } : {}),
    });
    return new ServerWriterAdapter(writer, 'elasticsearch', context.log);
  },
};
