import { readFileSync } from 'node:fs';
import { Client, type ClientOptions } from '@elastic/elasticsearch';
import type { ElasticConnection } from '../server/config.ts';

/**
 * The official client for one connection. `Connection` is injectable so tests can hand in the
 * transport of `@elastic/elasticsearch-mock`.
 */
export function createElasticClient(
  connection: Pick<ElasticConnection, 'url' | 'apiKey' | 'username' | 'password' | 'caCertPath'>,
  options: { Connection?: ClientOptions['Connection']; requestTimeoutMs?: number; maxRetries?: number } = {},
): Client {
  const auth = connection.apiKey
    ? { apiKey: connection.apiKey }
    : connection.username && connection.password
      ? { username: connection.username, password: connection.password }
      : undefined;
  return new Client({
    node: connection.url,
    ...(auth ? { auth } : {}),
    ...(connection.caCertPath ? { tls: { ca: readFileSync(connection.caCertPath) } } : {}),
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    ...(options.Connection ? { Connection: options.Connection } : {}),
  });
}
