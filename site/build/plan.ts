import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { timed } from '../../indexer/cache/timings.ts';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { SiteKb } from '../lib/kb.ts';
import { STATIC_INDEX_PATH, staticIndexFor, type StaticIndex } from '../lib/static-index.ts';
import { serverSearchConfigured } from '../integrations/search-endpoint.ts';
import { buildSettings, codeDigest, siteDigests, type SiteDigests } from './digests.ts';
import { readShells, readState, stateDirFor, writeState, type PageShells, type SiteBuildState } from './state.ts';

/**
 * Whether the last build's output can be brought up to date in place, or the site must be built whole.
 *
 * An update is possible when the output is the one the last complete build wrote (its state, site/build/state.ts,
 * names this output directory and its index is untouched), with the same code and settings, and nothing
 * the pages Astro renders show has changed (the listing digest: no document added, removed, re-dated,
 * re-filed, retitled, and no registry changed). Then only document pages can differ, and the update
 * writes exactly those whose page digest changed — a decision's text was corrected, or its similar
 * decisions moved — plus the search index and the category model.
 */
export type BuildPlan =
  | { kind: 'full'; reason: string; inputs?: BuildInputs }
  | { kind: 'update'; inputs: BuildInputs; state: SiteBuildState; stateDir: string; shells: PageShells; changed: KbDocument[] };

/** What the state of this build will record: see SiteBuildState. */
export interface BuildInputs {
  code: string;
  settings: string;
  digests: SiteDigests;
  staticIndex: StaticIndex;
}

export interface PlanOptions {
  root: string;
  outDir: string;
  contentDir: string;
  env?: NodeJS.ProcessEnv;
}

// The inputs of one knowledge base, worked out once per process: when the plan decides on a whole build, the
// record that build writes at its end (integrations/build-state.ts) needs the same ones — 2 s of digests
// at 50,000 decisions. That integration runs in Astro's separately bundled module graph, hence globalThis
// (as site/lib/kb.ts keeps the knowledge base).
const INPUTS = Symbol.for('taldau.site.build-inputs');
const memo = globalThis as unknown as { [INPUTS]?: WeakMap<SiteKb, Promise<BuildInputs>> };

/** What the record of a build of `kb` holds (site/build/state.ts); one process builds from one content directory and settings. */
export function buildInputs(kb: SiteKb, root: string, contentDir: string, env: NodeJS.ProcessEnv = process.env): Promise<BuildInputs> {
  const known = (memo[INPUTS] ??= new WeakMap());
  let inputs = known.get(kb);
  if (!inputs) {
    inputs = (async () => ({
      code: await timed('site: code digest', () => codeDigest(root)),
      settings: buildSettings(contentDir, env),
      digests: timed('site: page and listing digests', () => siteDigests(kb)),
      staticIndex: staticIndexFor(kb.documents.length, env),
    }))();
    known.set(kb, inputs);
  }
  return inputs;
}

export async function planBuild(kb: SiteKb, { root, outDir, contentDir, env = process.env }: PlanOptions): Promise<BuildPlan> {
  outDir = path.resolve(outDir);
  if (serverSearchConfigured(env)) return { kind: 'full', reason: 'a site with server search (TALDAU_SEARCH_ENGINE) is always built whole' };
  const stateDir = stateDirFor(root, outDir, env);
  if (!stateDir) return { kind: 'full', reason: 'the build caches are off (TALDAU_NO_CACHE)' };
  const state = await readState(stateDir);
  if ('missing' in state) return { kind: 'full', reason: state.missing };
  const inputs = await buildInputs(kb, root, contentDir, env);
  const full = (reason: string): BuildPlan => ({ kind: 'full', reason, inputs });
  if (state.outDir !== outDir) return full(`the last build wrote ${state.outDir}, not ${outDir}`);
  if (state.code !== inputs.code) return full('the code changed since the last build');
  if (state.settings !== inputs.settings) return full('the content directory or TALDAU_STATIC_INDEX changed since the last build');
  if (state.staticIndex !== inputs.staticIndex) return full(`the site now needs the ${inputs.staticIndex} index, not ${state.staticIndex}`);
  if (state.listing !== inputs.digests.listing) return full('documents were added, removed or changed in what lists and registry pages show');
  const index = await indexFingerprint(outDir, state.staticIndex);
  if (index !== state.index) return full(`${path.join(outDir, STATIC_INDEX_PATH[state.staticIndex])} is not the index the last build wrote`);
  const shells = await readShells(stateDir);
  if (!shells) return full(`the page shells of the last build are missing from ${stateDir}`);
  const changed = kb.documents.filter((doc) => state.pages[doc.id] !== inputs.digests.pages.get(doc.id));
  return { kind: 'update', inputs, state, stateDir, shells, changed };
}

/** Records that `outDir` now holds what `inputs` describe (site/build/state.ts): the last step of a build. */
export async function recordBuild(stateDir: string, outDir: string, inputs: BuildInputs): Promise<void> {
  await writeState(stateDir, {
    outDir,
    code: inputs.code,
    settings: inputs.settings,
    listing: inputs.digests.listing,
    staticIndex: inputs.staticIndex,
    index: await indexFingerprint(outDir, inputs.staticIndex),
    pages: Object.fromEntries(inputs.digests.pages),
  });
}

/** A fingerprint of the static index in `outDir` (its manifest or entry file changes with every write); '' when absent. */
export async function indexFingerprint(outDir: string, kind: StaticIndex): Promise<string> {
  const file = kind === 'compact' ? 'manifest.json' : 'pagefind-entry.json';
  const bytes = await readFile(path.join(outDir, STATIC_INDEX_PATH[kind], file)).catch(() => null);
  return bytes ? createHash('sha256').update(bytes).digest('hex').slice(0, 32) : '';
}
