import type { APIRoute } from 'astro';
import { getEngine } from './search-endpoint-engine.ts';
import { handleSimilar } from './search-endpoint-insights.ts';

// Rendered on request by the Node adapter; never part of the static build.
export const prerender = false;

export const GET: APIRoute = ({ request }) => handleSimilar(request, getEngine);
export const ALL: APIRoute = ({ request }) => handleSimilar(request, getEngine);
