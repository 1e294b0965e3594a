import type { SearchEngine } from './server/search-engine.ts';
import { isServerEngine, resolveConnection, type ServerEngineName } from './server/config.ts';

export type { SearchEngine } from './server/search-engine.ts';

type Env = Record<string, string | undefined>;

/** Which server engine the search endpoint uses (`TALDAU_SEARCH_ENGINE`), or null for static Pagefind. */
export function configuredServerEngine(env: Env): ServerEngineName | null {
  const name = env.TALDAU_SEARCH_ENGINE?.trim();
  if (!name || name === 'pagefind') return null;
  if (!isServerEngine(name)) throw new Error(`TALDAU_SEARCH_ENGINE="${name}" is not a search server; use meilisearch or elasticsearch`);
  return name;
}

/**
 * The server-side search entry: reads the engine and its connection from the environment at run
 * time (never at build time, so no key is ever baked into a bundle) and loads only that engine's
 * client. Meilisearch gets the search-only key (`MEILISEARCH_SEARCH_KEY`).
 */
export async function createServerSearch(env: Env = process.env): Promise<SearchEngine | null> {
  const engine = configuredServerEngine(env);
  if (!engine) return null;
  const connection = resolveConnection(engine, env, {}, 'search');
  if (connection.engine === 'meilisearch') {
    const { createMeiliSearch } = await import('./meilisearch/search.ts');
    return createMeiliSearch(connection);
  }
  const { createElasticSearch } = await import('./elasticsearch/search.ts');
  return createElasticSearch(connection);
}
