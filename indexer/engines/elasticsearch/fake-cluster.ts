import Mock from '@elastic/elasticsearch-mock';
import { errors } from '@elastic/elasticsearch';
import created from './fixtures/bulk-item-created.json' with { type: 'json' };
import refused from './fixtures/bulk-item-refused.json' with { type: 'json' };
import rejected from './fixtures/bulk-item-rejected.json' with { type: 'json' };
import info from './fixtures/info.json' with { type: 'json' };
import security from './fixtures/error-security.json' with { type: 'json' };

/**
 * An Elasticsearch cluster in memory behind `@elastic/elasticsearch-mock`, for tests only: indices,
 * aliases and documents, answering with the payloads Elasticsearch sends (fixtures/), and recording
 * every request so tests can check the exact calls.
 */
export interface RecordedCall {
  method: string;
  path: string;
  body: any;
}

type Doc = Record<string, unknown> & { key: string };

const notFound = (type: string, reason: string) =>
  new errors.ResponseError({
    body: { error: { root_cause: [{ type, reason }], type, reason }, status: 404 },
    statusCode: 404,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

export class FakeCluster {
  readonly mock = new Mock();
  readonly calls: RecordedCall[] = [];
  readonly indices = new Map<string, Map<string, Doc>>();
  readonly settings = new Map<string, unknown>();
  readonly aliases = new Map<string, Set<string>>();
  /** Refuse a document in bulk (400, strict mapping), as a bad document would be. */
  refuseDocument: (doc: Doc) => boolean = () => false;
  /** Answer the next N bulk items with 429 (a cluster under load). */
  rejectItems = 0;
  /** Fail `_aliases` with a 500, to test a failure at the very end. */
  failAliases = false;
  wrongKey = false;
  /** Answer bulk requests after the first N with a 500 (a node failing midway through a load). */
  failBulkAfter: number | null = null;
  #bulkCalls = 0;

  constructor() {
    const m = this.mock;
    const record = (fn: (p: any) => any) => (params: any) => {
      this.calls.push({ method: params.method, path: params.path, body: params.body });
      if (this.wrongKey) {
        return new errors.ResponseError({ body: security, statusCode: 401, headers: {}, warnings: null, meta: {} as never });
      }
      return fn(params);
    };
    m.add({ method: 'GET', path: '/' }, record(() => info));
    m.add({ method: 'GET', path: '/_alias/:name' }, record((p) => {
      const name = p.path.split('/').pop() as string;
      const targets = this.aliases.get(name);
      if (!targets?.size) return new errors.ResponseError({ body: { error: `alias [${name}] missing`, status: 404 }, statusCode: 404, headers: {}, warnings: null, meta: {} as never });
      return Object.fromEntries([...targets].map((index) => [index, { aliases: { [name]: {} } }]));
    }));
    m.add({ method: 'HEAD', path: '/:index' }, record((p) => {
      const name = p.path.slice(1);
      return this.indices.has(name) ? '' : new errors.ResponseError({ body: '', statusCode: 404, headers: {}, warnings: null, meta: {} as never });
    }));
    m.add({ method: 'PUT', path: '/:index' }, record((p) => {
      const name = p.path.slice(1);
      this.indices.set(name, new Map());
      this.settings.set(name, p.body);
      return { acknowledged: true, shards_acknowledged: true, index: name };
    }));
    m.add({ method: 'DELETE', path: '/:index' }, record((p) => {
      const name = p.path.slice(1);
      if (!this.indices.delete(name)) return notFound('index_not_found_exception', `no such index [${name}]`);
      return { acknowledged: true };
    }));
    m.add({ method: 'PUT', path: '/:index/_settings' }, record(() => ({ acknowledged: true })));
    m.add({ method: ['GET', 'POST'], path: '/:index/_refresh' }, record(() => ({ _shards: { total: 1, successful: 1, failed: 0 } })));
    m.add({ method: ['GET', 'POST'], path: '/:index/_count' }, record((p) => {
      const docs = this.#resolve(p.path.split('/')[1]);
      return { count: docs.length, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } };
    }));
    m.add({ method: 'POST', path: '/:index/_search' }, record((p) => {
      const docs = this.#resolve(p.path.split('/')[1]).sort((a, b) => a.key.localeCompare(b.key));
      const after = p.body?.search_after?.[0] as string | undefined;
      const page = docs.filter((d) => after === undefined || d.key > after).slice(0, p.body?.size ?? 10);
      return {
        took: 1,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: {
          total: { value: docs.length, relation: 'eq' },
          max_score: null,
          hits: page.map((d) => ({ _index: 'x', _id: d.key, _score: null, _source: { key: d.key, hash: d.hash }, sort: [d.key] })),
        },
      };
    }));
    m.add({ method: 'POST', path: '/_aliases' }, record((p) => {
      if (this.failAliases) {
        return new errors.ResponseError({ body: { error: { type: 'illegal_state_exception', reason: 'simulated failure' }, status: 500 }, statusCode: 500, headers: {}, warnings: null, meta: {} as never });
      }
      for (const action of p.body.actions) {
        if (action.remove) this.aliases.get(action.remove.alias)?.delete(action.remove.index);
        if (action.add) {
          const set = this.aliases.get(action.add.alias) ?? new Set<string>();
          set.add(action.add.index);
          this.aliases.set(action.add.alias, set);
        }
      }
      return { acknowledged: true, errors: false };
    }));
    m.add({ method: 'POST', path: '/_bulk' }, record((p) => {
      if (this.failBulkAfter !== null && ++this.#bulkCalls > this.failBulkAfter) {
        return new errors.ResponseError({ body: { error: { type: 'node_not_connected_exception', reason: 'simulated node failure' }, status: 500 }, statusCode: 500, headers: {}, warnings: null, meta: {} as never });
      }
      return this.#bulk(p.body as Record<string, any>[]);
    }));
  }

  /** The mock's transport, to hand to `createElasticClient`. */
  get Connection() {
    return this.mock.getConnection();
  }

  /** Method and path of each call, in order. */
  get exchange(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path}`);
  }

  docsOf(aliasOrIndex: string): string[] {
    return this.#resolve(aliasOrIndex)
      .map((d) => d.key)
      .sort();
  }

  #resolve(name: string | undefined): Doc[] {
    const index = this.aliases.get(name ?? '')?.values().next().value ?? name ?? '';
    return [...(this.indices.get(index)?.values() ?? [])];
  }

  #bulk(lines: Record<string, any>[]) {
    const items: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      const action = lines[i] as Record<string, { _index: string; _id: string }>;
      const [op, target] = Object.entries(action)[0] as [string, { _index: string; _id: string }];
      const index = this.indices.get(target._index);
      if (op === 'delete') {
        const found = index?.delete(target._id);
        items.push({ delete: { _index: target._index, _id: target._id, result: found ? 'deleted' : 'not_found', status: found ? 200 : 404 } });
        continue;
      }
      const doc = lines[++i] as Doc;
      if (this.rejectItems > 0) {
        this.rejectItems--;
        items.push({ index: { ...rejected.index, _index: target._index, _id: target._id } });
      } else if (this.refuseDocument(doc)) {
        items.push({ index: { ...refused.index, _index: target._index, _id: target._id } });
      } else {
        index?.set(target._id, doc);
        items.push({ index: { ...created.index, _index: target._index, _id: target._id } });
      }
    }
    const failed = items.some((item) => Object.values(item as object)[0].status >= 300);
    return { took: 3, errors: failed, items };
  }
}
