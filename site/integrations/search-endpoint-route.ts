import type { APIRoute } from 'astro';
import { getEngine } from './search-endpoint-engine.ts';
import { handleSearch } from './search-endpoint-handler.ts';

// Rendered on request by the Node adapter; never part of the static build.
export const prerender = false;

export const POST: APIRoute = ({ request }) => handleSearch(request, getEngine);
export const ALL: APIRoute = ({ request }) => handleSearch(request, getEngine);
