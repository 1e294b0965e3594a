import type { APIRoute } from 'astro';
import { createServerSearch, type SearchEngine } from '../../indexer/engines/server-search.ts';
import { handleSearch } from './search-endpoint-handler.ts';

// Rendered on request by the Node adapter; never part of the static build.
export const prerender = false;

// Read from process.env at run time, not import.meta.env: Vite would inline the latter into the
// bundle, and the engine's address and key must stay out of every built file.
let engine: Promise<SearchEngine | null> | undefined;
const getEngine = () => (engine ??= createServerSearch(process.env));

export const POST: APIRoute = ({ request }) => handleSearch(request, getEngine);
export const ALL: APIRoute = ({ request }) => handleSearch(request, getEngine);
