import { vi } from 'vitest';

export interface StubbedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: any;
}

/**
 * For tests: the global `fetch` the Meilisearch client calls, answered by `answer` (from the request
 * body, e.g. a recorded payload) and recorded. Undo with `vi.unstubAllGlobals()`.
 */
export function stubMeiliFetch(answer: (body: any) => unknown): StubbedRequest[] {
  const requests: StubbedRequest[] = [];
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ method: init?.method ?? 'GET', path: new URL(String(input)).pathname, authorization: new Headers(init?.headers).get('authorization'), body });
    return new Response(JSON.stringify(answer(body)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return requests;
}
