import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FACET_FIELDS, HIT_FIELDS, type ServerDocument } from '../server/document.ts';

/**
 * A Meilisearch search route on a real port, for end-to-end tests of the site's endpoint only. It
 * answers `POST /indexes/{uid}/search` in Meilisearch's page-mode response format over the given
 * documents, with a naive matcher (every query word as a case-insensitive substring), the `IN` /
 * `NOT IN` / year filters our translator writes, facet distribution and `_formatted` crops.
 */
export async function serveFakeMeiliSearch(docs: ServerDocument[]) {
  const seen: { path: string; authorization: string | undefined; body: any }[] = [];
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
    if (req.method !== 'POST' || !/^\/indexes\/[^/]+\/search$/.test(req.url ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'not found', code: 'not_found', type: 'invalid_request', link: '' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(search(docs, body)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function passes(doc: ServerDocument, clause: string): boolean {
  const range = /^year ([<>]=) (\d+)$/.exec(clause);
  if (range) return range[1] === '>=' ? doc.year >= Number(range[2]) : doc.year <= Number(range[2]);
  const m = /^(\w+) (NOT IN|IN) \[(.*)\]$/.exec(clause);
  if (!m) return true;
  const values = [...m[3]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((v) => v[1]!.replace(/\\"/g, '"'));
  const field = (doc as unknown as Record<string, unknown>)[m[1]!];
  const have = (Array.isArray(field) ? field : [field]).map(String);
  const hit = values.some((v) => have.includes(v));
  return m[2] === 'IN' ? hit : !hit;
}

function mark(text: string, words: string[], pre: string, post: string): string {
  let out = text;
  for (const w of words) out = out.replace(new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), (x) => `${pre}${x}${post}`);
  return out;
}

function search(docs: ServerDocument[], body: any) {
  const words = String(body.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const text = (d: ServerDocument) => [d.title_ru, d.title_kk, d.body_ru, d.body_kk, d.caseNumber].join(' ').toLowerCase();
  let found = docs.filter((d) => words.every((w) => text(d).includes(w)) && (body.filter ?? []).every((c: string) => passes(d, c)));
  if (body.sort?.[0] === 'date:desc') found = found.sort((a, b) => b.date.localeCompare(a.date));
  if (body.sort?.[0] === 'date:asc') found = found.sort((a, b) => a.date.localeCompare(b.date));
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const f of FACET_FIELDS) {
    const counts: Record<string, number> = {};
    for (const d of found) for (const v of [(d as unknown as Record<string, unknown>)[f]].flat()) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    facetDistribution[f] = counts;
  }
  const per = body.hitsPerPage ?? 20;
  const page = body.page ?? 1;
  const pick = (d: ServerDocument) => Object.fromEntries(HIT_FIELDS.filter((f) => f in d).map((f) => [f, (d as unknown as Record<string, unknown>)[f]]));
  const crop = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const at = Math.max(0, Math.min(...words.map((w) => s.toLowerCase().indexOf(w)).filter((i) => i >= 0), s.length) - 80);
    return mark(`${at > 0 ? '…' : ''}${s.slice(at, at + 200)}`, words, body.highlightPreTag, body.highlightPostTag);
  };
  return {
    hits: found.slice((page - 1) * per, page * per).map((d) => ({
      ...pick(d),
      _formatted: { ...pick(d), title_ru: crop(d.title_ru), title_kk: crop(d.title_kk), body_ru: crop(d.body_ru), body_kk: crop(d.body_kk) },
    })),
    query: body.q ?? '',
    processingTimeMs: 0,
    hitsPerPage: per,
    page,
    // `hitsPerPage: 0` (statistics) asks for counts only.
    totalPages: per > 0 ? Math.ceil(found.length / per) : 0,
    totalHits: found.length,
    facetDistribution,
  };
}
