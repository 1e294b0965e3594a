import { ByteReader } from '../../../../indexer/engines/compact/codec.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  facetFile,
  fragmentFile,
  manifestFile,
  shardOf,
  termShardFile,
  withAncestors,
  type CompactFragment,
  type CompactManifest,
} from '../../../../indexer/engines/compact/format.ts';

/** One term's postings: record ids ascending and their impacts (FORMAT.md). */
export interface Postings {
  records: Uint32Array;
  impacts: Uint8Array;
}

/** A facet column: the values of record r are `ids[offsets[r] … offsets[r+1])`, indexes into `values`. */
export interface FacetColumn {
  values: string[];
  offsets: Uint32Array;
  ids: Uint32Array;
}

/** The compact index as the search sees it: each file fetched once, when first needed. */
export interface CompactIndex {
  manifest: CompactManifest;
  /** The shard holding `term` or the terms starting with it, decoded (terms → postings). */
  shard(term: string): Promise<Map<string, Postings>>;
  /** Every shard whose terms may start with `prefix` (a word being typed). */
  shardsWithPrefix(prefix: string): Promise<Map<string, Postings>[]>;
  column(key: string): Promise<FacetColumn>;
  fragment(record: number): Promise<CompactFragment>;
}

type Fetch = (url: string) => Promise<Response>;

/** Opens the index at `basePath` (its manifest is the only file loaded here). */
export async function openCompactIndex(basePath: string, fetchImpl: Fetch = (u) => fetch(u)): Promise<CompactIndex> {
  const url = (file: string) => `${basePath}${file}`;
  const manifest = (await (await ok(fetchImpl, url(manifestFile))).json()) as CompactManifest;
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new Error(`${url(manifestFile)}: not a ${FORMAT} index of version ${FORMAT_VERSION} (found ${manifest.format} ${manifest.version})`);
  }
  const once = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
    let p = cache.get(key);
    if (!p) {
      p = load();
      // A failed fetch may be retried by the next search.
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return p;
  };
  const shards = new Map<number, Promise<Map<string, Postings>>>();
  const columns = new Map<string, Promise<FacetColumn>>();
  const fragments = new Map<number, Promise<CompactFragment>>();
  const loadShard = (i: number) =>
    once(shards, i, async () => decodeShard(await binary(fetchImpl, url(termShardFile(i))), url(termShardFile(i))));

  return {
    manifest,
    shard: (term) => loadShard(shardOf(manifest.shards, term)),
    shardsWithPrefix: (prefix) => {
      const first = shardOf(manifest.shards, prefix);
      let last = first;
      while (last + 1 < manifest.shards.length && manifest.shards[last + 1]!.startsWith(prefix)) last++;
      return Promise.all(Array.from({ length: last - first + 1 }, (_, k) => loadShard(first + k)));
    },
    column: (key) => {
      if (!manifest.facets[key]) return Promise.resolve({ values: [], offsets: new Uint32Array(manifest.docs + 1), ids: new Uint32Array(0) });
      const hierarchical = manifest.facets[key].hierarchical === true;
      return once(columns, key, async () => decodeColumn(await binary(fetchImpl, url(facetFile(key))), url(facetFile(key)), manifest.docs, hierarchical));
    },
    fragment: (record) =>
      once(fragments, record, async () => JSON.parse(new TextDecoder().decode(await binary(fetchImpl, url(fragmentFile(record))))) as CompactFragment),
  };
}

export function decodeShard(bytes: Uint8Array, source: string): Map<string, Postings> {
  const r = new ByteReader(bytes, source);
  const out = new Map<string, Postings>();
  for (let n = r.varint(); n > 0; n--) {
    const term = r.string();
    const df = r.varint();
    const records = new Uint32Array(df);
    let id = 0;
    for (let i = 0; i < df; i++) records[i] = id += r.varint();
    out.set(term, { records, impacts: r.take(df).slice() });
  }
  return out;
}

/**
 * A column file → per-record value ids. A hierarchical column stores each record's deepest codes; their
 * ancestors are added here (and to `values`), so filters and counts treat a parent as holding its children.
 */
export function decodeColumn(bytes: Uint8Array, source: string, docs: number, hierarchical = false): FacetColumn {
  const r = new ByteReader(bytes, source);
  const values = Array.from({ length: r.varint() }, () => r.string());
  const n = r.varint();
  if (n !== docs) throw new Error(`${source}: ${n} records, the manifest says ${docs}`);
  // Stored value id → the ids of it and its ancestors (computed once per value, not per record).
  let expand: ((id: number) => number[]) | undefined;
  if (hierarchical) {
    const idOf = new Map(values.map((v, i) => [v, i]));
    const memo = new Map<number, number[]>();
    expand = (id) => {
      let out = memo.get(id);
      if (!out) {
        out = withAncestors(values[id] ?? '').map((code) => {
          let a = idOf.get(code);
          if (a === undefined) idOf.set(code, (a = values.push(code) - 1));
          return a;
        });
        memo.set(id, out);
      }
      return out;
    };
  }
  const offsets = new Uint32Array(n + 1);
  const ids: number[] = [];
  for (let record = 0; record < n; record++) {
    if (expand) {
      const own = new Set<number>();
      for (let k = r.varint(); k > 0; k--) for (const id of expand(r.varint())) own.add(id);
      ids.push(...own);
    } else for (let k = r.varint(); k > 0; k--) ids.push(r.varint());
    offsets[record + 1] = ids.length;
  }
  return { values, offsets, ids: Uint32Array.from(ids) };
}

async function ok(fetchImpl: Fetch, url: string): Promise<Response> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** A file's bytes, gunzipped unless the host already did (no gzip magic number). */
async function binary(fetchImpl: Fetch, url: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await (await ok(fetchImpl, url)).arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
