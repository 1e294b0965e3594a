import { UsageError } from '../../commands/args.ts';

export const SERVER_ENGINES = ['meilisearch', 'elasticsearch'] as const;
export type ServerEngineName = (typeof SERVER_ENGINES)[number];

export const isServerEngine = (name: string | undefined): name is ServerEngineName =>
  (SERVER_ENGINES as readonly string[]).includes(name ?? '');

export interface MeiliConnection {
  engine: 'meilisearch';
  url: string;
  key?: string;
  indexName: string;
}

export interface ElasticConnection {
  engine: 'elasticsearch';
  url: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** PEM file of the CA that signed the cluster's certificate (Elasticsearch 8 makes its own by default). */
  caCertPath?: string;
  indexName: string;
}

export type ServerConnection = MeiliConnection | ElasticConnection;

export interface ConnectionFlags {
  url?: string;
  key?: string;
  indexName?: string;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_INDEX_NAME = 'taldau';

/**
 * Where and how to reach a search server, from flags first, then the environment. `purpose`
 * matters for Meilisearch: the search endpoint reads `MEILISEARCH_SEARCH_KEY`, a key that can only
 * search, and only falls back to `MEILISEARCH_KEY` for a local server without keys.
 */
export function resolveConnection(
  engine: ServerEngineName,
  env: Env,
  flags: ConnectionFlags = {},
  purpose: 'write' | 'search' = 'write',
): ServerConnection {
  const indexName = flags.indexName ?? env.TALDAU_INDEX_NAME ?? DEFAULT_INDEX_NAME;
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(indexName)) {
    throw new UsageError(`index name "${indexName}" must be lower-case latin letters, digits, "_" or "-"`);
  }
  if (engine === 'meilisearch') {
    const url = flags.url ?? env.MEILISEARCH_URL;
    if (!url) throw new UsageError('Meilisearch needs its address: --url or MEILISEARCH_URL (e.g. http://127.0.0.1:7700)');
    const key = flags.key ?? (purpose === 'search' ? (env.MEILISEARCH_SEARCH_KEY ?? env.MEILISEARCH_KEY) : env.MEILISEARCH_KEY);
    return { engine, url, indexName, ...(key ? { key } : {}) };
  }
  const url = flags.url ?? env.ELASTICSEARCH_URL;
  if (!url) throw new UsageError('Elasticsearch needs its address: --url or ELASTICSEARCH_URL (e.g. https://127.0.0.1:9200)');
  const apiKey = flags.key ?? env.ELASTICSEARCH_API_KEY;
  const username = env.ELASTICSEARCH_USERNAME;
  const password = env.ELASTICSEARCH_PASSWORD;
  if (!apiKey && username && !password) throw new UsageError('ELASTICSEARCH_USERNAME is set but ELASTICSEARCH_PASSWORD is not');
  const caCertPath = env.ELASTICSEARCH_CA_CERT;
  return {
    engine,
    url,
    indexName,
    ...(apiKey ? { apiKey } : username && password ? { username, password } : {}),
    ...(caCertPath ? { caCertPath } : {}),
  };
}
