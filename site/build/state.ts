import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, cacheEnabledByDefault } from '../../indexer/cache/location.ts';
import { replaceFile } from '../../indexer/cache/store.ts';
import { UI_LANGS, type UiLang } from '../../schemas/common.ts';
import { STATIC_INDEXES, type StaticIndex } from '../lib/static-index.ts';

/**
 * What a finished build leaves for the next one (site/build/plan.ts): the fingerprints of its inputs
 * (site/build/digests.ts), which static index it wrote, and the page shells its document pages were
 * filled into. Kept under the build caches (`site/` of `$TALDAU_CACHE_DIR` or `.cache/`), one directory per
 * output directory, never in the output itself.
 *
 * A build removes the state before it touches the output and writes it only once the output is complete,
 * so an interrupted build is followed by a full one.
 */
export interface SiteBuildState {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** The output directory it describes (absolute). */
  outDir: string;
  /** Code and settings the output was built with (codeDigest, buildSettings). */
  code: string;
  settings: string;
  /** listingDigest of the knowledge base the output shows. */
  listing: string;
  staticIndex: StaticIndex;
  /** Fingerprint of the static index as written (indexFingerprint): an index changed by hand is rebuilt. */
  index: string;
  /** Document id → page digest. */
  pages: Record<string, string>;
}

const FORMAT = 'taldau-site-build';
const VERSION = 1;

/** The state directory of one output directory; undefined when the build caches are off (tests, TALDAU_NO_CACHE). */
export function stateDirFor(root: string, outDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!cacheEnabledByDefault(env)) return undefined;
  const key = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir(root, 'site', env), key);
}

const stateFile = (dir: string) => path.join(dir, 'state.json');
export const shellFile = (dir: string, lang: UiLang): string => path.join(dir, `shell.${lang}.html`);

/** The state of the last complete build, or why there is none usable. */
export async function readState(dir: string): Promise<SiteBuildState | { missing: string }> {
  let text: string;
  try {
    text = await readFile(stateFile(dir), 'utf8');
  } catch {
    return { missing: 'no complete earlier build' };
  }
  try {
    const state = JSON.parse(text) as SiteBuildState;
    const valid =
      state.format === FORMAT &&
      state.version === VERSION &&
      typeof state.outDir === 'string' &&
      typeof state.code === 'string' &&
      typeof state.settings === 'string' &&
      typeof state.listing === 'string' &&
      typeof state.index === 'string' &&
      (STATIC_INDEXES as readonly string[]).includes(state.staticIndex) &&
      state.pages !== null &&
      typeof state.pages === 'object';
    if (!valid) return { missing: `${stateFile(dir)} is of another format` };
    return state;
  } catch (error) {
    return { missing: `${stateFile(dir)} is not valid JSON (${(error as Error).message})` };
  }
}

/** Each interface language's page shell (site/lib/pages/shell.ts) and the file it was read from. */
export type PageShells = Map<UiLang, { file: string; html: string }>;

/** The shells the last build's document pages were filled into; undefined if any is missing. */
export async function readShells(dir: string): Promise<PageShells | undefined> {
  const shells: PageShells = new Map();
  for (const lang of UI_LANGS) {
    const file = shellFile(dir, lang);
    const html = await readFile(file, 'utf8').catch(() => undefined);
    if (html === undefined) return undefined;
    shells.set(lang, { file, html });
  }
  return shells;
}

/** Forget the last build: done before a build changes its output. */
export async function clearState(dir: string): Promise<void> {
  await rm(stateFile(dir), { force: true });
}

export async function writeState(dir: string, state: Omit<SiteBuildState, 'format' | 'version'>): Promise<void> {
  await replaceFile(stateFile(dir), JSON.stringify({ format: FORMAT, version: VERSION, ...state }));
}

export async function writeShells(dir: string, shells: PageShells): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [lang, { html }] of shells) await writeFile(shellFile(dir, lang), html);
}
