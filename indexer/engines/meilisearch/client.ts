import { Meilisearch } from 'meilisearch';
import type { MeiliConnection } from '../server/config.ts';

/**
 * The official client for one connection. Requests time out instead of hanging on a dead server;
 * task waits allow for a long indexing run (a million documents take a while).
 */
export function createMeiliClient(connection: Pick<MeiliConnection, 'url' | 'key'>, options: { requestTimeoutMs?: number; taskTimeoutMs?: number } = {}) {
  return new Meilisearch({
    host: connection.url,
    ...(connection.key ? { apiKey: connection.key } : {}),
    timeout: options.requestTimeoutMs ?? 30_000,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 30 * 60_000, interval: 100 },
    clientAgents: ['taldau'],
  });
}
