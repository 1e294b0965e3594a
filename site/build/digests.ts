import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { SiteKb } from '../lib/kb.ts';

/**
 * Fingerprints that tell a rebuild what the previous build's output still holds (site/build/plan.ts).
 *
 * - `codeDigest`: every source the build runs, so a change to any page, rule or dependency rebuilds all.
 * - `listingDigest`: everything the pages Astro renders (home, search, registries, categories, courts,
 *   norms) may read of the knowledge base — the registries and each document without its text and its
 *   links to single documents, which only its own page shows.
 * - `pageDigests`: per document, everything its own page shows: the document itself (its text through the
 *   content hash of its files), its links, and the listing fields of every document it links to.
 *
 * A document's page is a function of exactly these (site/lib/pages/document-main.ts reads the document,
 * the registries and the documents its references resolve to): the test in site/build/build.test.ts
 * checks that an updated site equals one built from nothing.
 */

/** What the site's build runs: any change to these rebuilds every page. Tests and fixtures are not read. */
const BUILD_SOURCES = ['site', 'indexer', 'schemas', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
const NOT_BUILD_INPUT = /(^|\/)(test|fixtures|node_modules)\/|\.test\.ts$|(^|\/)\./;

export async function codeDigest(root: string): Promise<string> {
  const files: string[] = [];
  for (const entry of BUILD_SOURCES) {
    const full = path.join(root, entry);
    const entries = await readdir(full, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOTDIR') return null; // a file: digested as it is
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    if (entries === null) files.push(entry);
    else for (const e of entries) if (e.isFile()) files.push(path.relative(root, path.join(e.parentPath, e.name)));
  }
  const hash = createHash('sha256');
  for (const file of files.filter((f) => !NOT_BUILD_INPUT.test(f)).sort()) hash.update(file).update('\0').update(await readFile(path.join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * The document without the fields only its own page shows: its text (`hash` stands for it), its
 * references and its links to other documents. (A copy without them, not a JSON replacer: a replacer
 * is called for every value of every document, 1.6 s at 50,000.)
 */
function listingFields(doc: KbDocument): Omit<KbDocument, 'body' | 'hash' | 'citations' | 'citedBy' | 'similar'> {
  const { body: _body, hash: _hash, citations: _citations, citedBy: _citedBy, similar: _similar, ...listed } = doc;
  return listed;
}

/** JSON with Maps and Sets as arrays of their entries (the registries are Maps). */
const stableJson = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

const sha = (...parts: string[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

export interface SiteDigests {
  listing: string;
  /** Document id → digest of its page's inputs. */
  pages: Map<string, string>;
}

export function siteDigests(kb: Pick<SiteKb, 'registries' | 'documents' | 'byId'>): SiteDigests {
  const registries = sha(stableJson(kb.registries));
  const listingOf = new Map<string, string>();
  const listing = createHash('sha256').update(registries).update('\0');
  for (const doc of kb.documents) {
    const own = sha(JSON.stringify(listingFields(doc)));
    listingOf.set(doc.id, own);
    listing.update(own);
  }
  const pages = new Map<string, string>();
  for (const doc of kb.documents) {
    const linked = [...linkedIds(doc)].sort().map((id) => `${id}=${listingOf.get(id) ?? '-'}`);
    pages.set(doc.id, sha(registries, listingOf.get(doc.id)!, doc.hash, JSON.stringify([doc.citations, doc.citedBy, doc.similar]), linked.join('\n')));
  }
  return { listing: listing.digest('hex').slice(0, 32), pages };
}

/**
 * Every document the page may name: what cites it, its similar decisions, the resolutions it summarises,
 * the decision it reviews, and every document a citation could resolve to (site/lib/citations.ts tries a
 * bare slug as a resolution, a decision and a summary).
 */
function linkedIds(doc: KbDocument): Set<string> {
  const ids = new Set<string>([...doc.citedBy, ...doc.similar]);
  for (const slug of doc.resolutions ?? []) ids.add(`resolution/${slug}`);
  if (doc.reviews) ids.add(`decision/${doc.reviews}`);
  for (const c of doc.citations) {
    if (!c.target || c.type === 'norm') continue;
    if (c.target.includes('/')) ids.add(c.target);
    else for (const kind of ['resolution', 'decision', 'summary']) ids.add(`${kind}/${c.target}`);
  }
  return ids;
}

/** The settings a build's output depends on besides code and content (astro.config.mjs, site/lib/static-index.ts). */
export function buildSettings(contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return sha(JSON.stringify({ content: path.resolve(contentDir), staticIndex: (env.TALDAU_STATIC_INDEX ?? '').trim() || 'auto' }));
}
