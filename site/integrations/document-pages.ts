import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { UI_LANGS, type UiLang } from '../../schemas/common.ts';
import { getKb, type SiteKb } from '../lib/kb.ts';
import { localize } from '../lib/i18n-paths.ts';
import { fillDocumentShells } from '../lib/routes.ts';
import { docTitle } from '../lib/labels.ts';
import { documentMainHtml } from '../lib/pages/document-main.ts';
import { parseShell, SHELL_SITE_PATH } from '../lib/pages/shell.ts';
import { stateDirFor, writeShells, type PageShells } from '../build/state.ts';

/** Page files written at once: enough for one page's write to overlap the next page's rendering. */
const WRITES_IN_FLIGHT = 16;

const pageFile = (outDir: string, sitePath: string) => path.join(outDir, ...sitePath.split('/').filter(Boolean), 'index.html');

/** The page shell of each interface language, as Astro rendered it into `outDir` (site/lib/pages/shell.ts). */
export async function readShellsFrom(outDir: string): Promise<PageShells> {
  const shells: PageShells = new Map();
  for (const lang of UI_LANGS) {
    const file = pageFile(outDir, localize(lang, SHELL_SITE_PATH));
    shells.set(lang, { file, html: await readFile(file, 'utf8') });
  }
  return shells;
}

/**
 * The shells are templates, not pages: nothing links to them and they must not be served. Each lives in
 * `<lang prefix>/_taldau-shell/document/`; the whole `_taldau-shell/` goes.
 */
export async function removeShellsFrom(outDir: string): Promise<void> {
  for (const lang of UI_LANGS) {
    const shellDir = path.dirname(pageFile(outDir, localize(lang, SHELL_SITE_PATH)));
    await rm(path.dirname(shellDir), { recursive: true, force: true });
  }
}

/**
 * Writes the page of each of `documents` (default: all) in every interface language, filled into the page
 * shells Astro rendered (site/lib/pages/shell.ts). A large site is almost all document pages — three
 * per act — and Astro's per-page pipeline took ~7 ms each, so at 50,000 decisions the pages alone took
 * ~17 minutes (issue #5); filling a shell is a string join. The content is documentMainHtml(), the
 * same function the dev server renders a document page with, so both paths give the same page. A rebuild
 * (site/build/update.ts) writes only the documents whose pages changed, into the shells of the last build.
 */
export async function writeDocumentPages(
  kb: SiteKb,
  outDir: string,
  shells: PageShells,
  log: (line: string) => void,
  documents: readonly KbDocument[] = kb.documents,
): Promise<{ pages: number; seconds: number }> {
  const started = Date.now();
  const fill = new Map<UiLang, ReturnType<typeof parseShell>>();
  for (const [lang, { file, html }] of shells) fill.set(lang, parseShell(html, file));
  const total = documents.length * UI_LANGS.length;
  const every = Math.max(1, Math.ceil(total / 10));
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  for (const doc of documents) {
    for (const lang of UI_LANGS) {
      const sitePath = localize(lang, doc.url);
      let page: string;
      try {
        page = fill.get(lang)!({ sitePath: doc.url, title: docTitle(doc, lang), main: documentMainHtml(kb, lang, doc).value });
      } catch (error) {
        throw new Error(`${doc.files.join(", ") || doc.id}: its ${lang} page could not be rendered: ${(error as Error).message}`, { cause: error });
      }
      const file = pageFile(outDir, sitePath);
      const write = mkdir(path.dirname(file), { recursive: true })
        .then(() => writeFile(file, page))
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      if (++written % every === 0 && written < total) log(`document pages: ${written}/${total}`);
    }
  }
  await Promise.all(inFlight);
  return { pages: written, seconds: (Date.now() - started) / 1000 };
}

export function taldauDocumentPages(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'taldau-document-pages',
    hooks: {
      'astro:build:start': () => fillDocumentShells(),
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const shells = await readShellsFrom(outDir);
        const { pages, seconds } = await writeDocumentPages(await getKb(), outDir, shells, (line) => logger.info(line));
        logger.info(`document pages: ${pages} written into the page shells in ${seconds.toFixed(1)} s`);
        // Kept for the next build, which writes only the pages that changed (site/build/update.ts).
        const stateDir = stateDirFor(root, outDir);
        if (stateDir) await writeShells(stateDir, shells);
        await removeShellsFrom(outDir);
      },
    },
  };
}
