import taskSucceeded from './fixtures/task-succeeded.json' with { type: 'json' };
import taskFailedDocument from './fixtures/task-failed-document.json' with { type: 'json' };
import indexNotFound from './fixtures/error-index-not-found.json' with { type: 'json' };

/**
 * A stand-in for a Meilisearch server behind `fetch`, for tests only: it keeps indexes and
 * documents in memory, answers with the payloads Meilisearch sends (enqueued tasks, task objects,
 * stats, documents, errors — see fixtures/), and records every request so tests can check them.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

interface Doc {
  key: string;
  hash?: string;
  [field: string]: unknown;
}

export class FakeMeilisearch {
  readonly requests: RecordedRequest[] = [];
  readonly indexes = new Map<string, Map<string, Doc>>();
  readonly settings = new Map<string, unknown>();
  #tasks = new Map<number, Record<string, unknown>>();
  #nextTask = 1;
  /** Refuse any addDocuments batch that contains a document for which this returns true. */
  rejectDocument: (doc: Doc) => boolean = () => false;
  /** Answer the first N requests with 503 (a restarting server). */
  unavailableFor = 0;
  /** Make a task type fail (e.g. `indexSwap`), to test failures midway. */
  failTaskType: string | null = null;
  /** Answer every request with 403 invalid_api_key. */
  wrongKey = false;

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' && init.body.length ? JSON.parse(init.body) : undefined;
    const headers = new Headers(init?.headers);
    this.requests.push({ method, path: url.pathname + url.search, body, authorization: headers.get('authorization') });
    if (this.unavailableFor > 0) {
      this.unavailableFor--;
      return new Response('', { status: 503, statusText: 'Service Unavailable' });
    }
    if (this.wrongKey && url.pathname !== '/health') {
      return json(403, { message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: 'https://docs.meilisearch.com/errors#invalid_api_key' });
    }
    return this.#route(method, url, body);
  };

  /** Only the method and path of each request, in order: the exchange at a glance. */
  get exchange(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
  }

  #enqueue(indexUid: string | null, type: string, run: () => Record<string, unknown> | void): Response {
    const uid = this.#nextTask++;
    let error: unknown = null;
    let status = 'succeeded';
    let details: Record<string, unknown> = {};
    if (this.failTaskType === type) {
      status = 'failed';
      error = { message: `simulated failure of ${type}`, code: 'internal', type: 'internal', link: 'https://docs.meilisearch.com/errors#internal' };
    } else {
      try {
        details = run() ?? {};
      } catch (failure) {
        status = 'failed';
        error = failure;
      }
    }
    this.#tasks.set(uid, { ...taskSucceeded, uid, batchUid: uid, indexUid, type, status, error, details });
    return json(202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: '2026-11-28T17:00:00.000000Z' });
  }

  #route(method: string, url: URL, body: any): Response {
    const parts = url.pathname.split('/').filter(Boolean);
    const [root, uid, sub, subsub] = parts;
    if (method === 'GET' && root === 'health') return json(200, { status: 'available' });
    if (method === 'GET' && root === 'tasks' && uid) {
      const task = this.#tasks.get(Number(uid));
      return task ? json(200, task) : json(404, { message: `Task \`${uid}\` not found.`, code: 'task_not_found', type: 'invalid_request', link: '' });
    }
    if (method === 'POST' && root === 'indexes' && !uid) {
      return this.#enqueue(body.uid, 'indexCreation', () => {
        if (this.indexes.has(body.uid)) throw { message: `Index \`${body.uid}\` already exists.`, code: 'index_already_exists', type: 'invalid_request', link: '' };
        this.indexes.set(body.uid, new Map());
        return { primaryKey: body.primaryKey };
      });
    }
    if (method === 'POST' && root === 'swap-indexes') {
      return this.#enqueue(null, 'indexSwap', () => {
        for (const { indexes } of body as { indexes: [string, string] }[]) {
          const [a, b] = indexes.map((name) => this.indexes.get(name));
          if (!a || !b) throw { ...indexNotFound, message: `Indexes ${indexes.join(', ')} not found.` };
          this.indexes.set(indexes[0], b);
          this.indexes.set(indexes[1], a);
        }
        return { swaps: body };
      });
    }
    if (root !== 'indexes' || !uid) return json(404, { message: 'not found', code: 'not_found', type: 'invalid_request', link: '' });
    const index = this.indexes.get(uid);
    if (method === 'DELETE' && !sub) {
      return this.#enqueue(uid, 'indexDeletion', () => {
        if (!this.indexes.delete(uid)) throw { ...indexNotFound, message: `Index \`${uid}\` not found.` };
        return { deletedDocuments: index?.size ?? 0 };
      });
    }
    if (!index) return json(404, { ...indexNotFound, message: `Index \`${uid}\` not found.` });
    if (method === 'GET' && !sub) return json(200, { uid, primaryKey: 'key', createdAt: '2026-11-28T17:00:00Z', updatedAt: '2026-11-28T17:00:00Z' });
    if (method === 'PATCH' && sub === 'settings') {
      return this.#enqueue(uid, 'settingsUpdate', () => {
        this.settings.set(uid, body);
      });
    }
    if (method === 'GET' && sub === 'stats') {
      return json(200, { numberOfDocuments: index.size, rawDocumentDbSize: 0, avgDocumentSize: 0, isIndexing: false, numberOfEmbeddings: 0, numberOfEmbeddedDocuments: 0, fieldDistribution: {} });
    }
    if (method === 'POST' && sub === 'documents' && !subsub) {
      const docs = body as Doc[];
      return this.#enqueue(uid, 'documentAdditionOrUpdate', () => {
        const bad = docs.find(this.rejectDocument);
        if (bad) throw { ...taskFailedDocument.error };
        for (const doc of docs) index.set(doc.key, doc);
        return { receivedDocuments: docs.length, indexedDocuments: docs.length };
      });
    }
    if (method === 'GET' && sub === 'documents') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const fields = url.searchParams.get('fields')?.split(',');
      const all = [...index.values()].map((d) => (fields ? Object.fromEntries(fields.map((f) => [f, d[f]])) : d));
      return json(200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length });
    }
    if (method === 'POST' && sub === 'documents' && subsub === 'delete-batch') {
      return this.#enqueue(uid, 'documentDeletion', () => {
        for (const key of body as string[]) index.delete(key);
        return { providedIds: (body as string[]).length, deletedDocuments: (body as string[]).length };
      });
    }
    return json(404, { message: `no fake for ${method} ${url.pathname}`, code: 'not_found', type: 'invalid_request', link: '' });
  }
}

const json = (status: number, payload: unknown) =>
  new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
