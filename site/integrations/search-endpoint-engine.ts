import { createServerSearch, type SearchEngine } from '../../indexer/engines/server-search.ts';

// Read from process.env at run time, not import.meta.env: Vite would inline the latter into the
// bundle, and the engine's address and key must stay out of every built file. One engine (one
// client, one connection pool) serves all the endpoints.
let engine: Promise<SearchEngine | null> | undefined;
export const getEngine = (): Promise<SearchEngine | null> => (engine ??= createServerSearch(process.env));
