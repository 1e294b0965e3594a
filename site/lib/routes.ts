import { UI_LANGS, type UiLang } from '../../schemas/common.ts';
import type { SiteKb } from './kb.ts';
import { SHELL_SITE_PATH } from './pages/shell.ts';

/** Every page of the site, in every interface language; one catch-all route renders them. */
export type Route =
  | { type: 'home' }
  | { type: 'search' }
  | { type: 'categories' }
  | { type: 'category'; code: string }
  | { type: 'courts' }
  | { type: 'court'; id: string }
  | { type: 'norms' }
  | { type: 'norm-code'; code: string }
  | { type: 'norm-article'; code: string; article: string }
  | { type: 'document'; id: string }
  /** The page shell documents are written into by the build (site/lib/pages/shell.ts). */
  | { type: 'document-shell' };

/** Site path (no language prefix, trailing slash) of a route. */
export function routePath(r: Route, kb: Pick<SiteKb, 'byId'>): string {
  switch (r.type) {
    case 'home':
      return '/';
    case 'search':
    case 'categories':
    case 'courts':
    case 'norms':
      return `/${r.type}/`;
    case 'category':
      return `/categories/${r.code}/`;
    case 'court':
      return `/courts/${r.id}/`;
    case 'norm-code':
      return `/norms/${r.code}/`;
    case 'norm-article':
      return `/norms/${r.code}/${r.article}/`;
    case 'document':
      return kb.byId.get(r.id)?.url ?? `/${r.id}/`;
    case 'document-shell':
      return SHELL_SITE_PATH;
  }
}

/**
 * How document pages are made: `astro` renders each one (the dev server), `shell` renders one shell per
 * interface language that the build fills for every document (site/integrations/document-pages.ts).
 */
export type DocumentPages = 'astro' | 'shell';

// Set by the integration that fills the shells when a build starts (it runs in the same process but in a
// separately bundled module graph, hence globalThis): shells are rendered exactly when someone fills them.
const SHELLS = Symbol.for('taldau.site.document-shells');
const flags = globalThis as unknown as { [SHELLS]?: boolean };
export const fillDocumentShells = (): void => void (flags[SHELLS] = true);
export const documentPagesMode = (): DocumentPages => (flags[SHELLS] ? 'shell' : 'astro');

export function allRoutes(kb: SiteKb, documentPages: DocumentPages = 'astro'): Route[] {
  const routes: Route[] = [{ type: 'home' }, { type: 'search' }, { type: 'categories' }, { type: 'courts' }, { type: 'norms' }];
  for (const code of kb.registries.categories.keys()) routes.push({ type: 'category', code });
  for (const id of kb.registries.courts.keys()) routes.push({ type: 'court', id });
  for (const code of kb.registries.codes.keys()) routes.push({ type: 'norm-code', code });
  // Article pages only for articles some document applies: the rest would be empty shells.
  for (const normId of kb.byNorm.keys()) {
    const [code, article] = normId.split(':');
    if (code && article && kb.registries.codes.has(code)) routes.push({ type: 'norm-article', code, article });
  }
  if (documentPages === 'shell') routes.push({ type: 'document-shell' });
  else for (const d of kb.documents) routes.push({ type: 'document', id: d.id });
  return routes;
}

/** Astro `getStaticPaths` entries: `path` is the rest parameter (undefined = `/`). */
export function staticPaths(
  kb: SiteKb,
  documentPages: DocumentPages = 'astro',
): { params: { path: string | undefined }; props: { lang: UiLang; route: Route } }[] {
  const out = [];
  for (const route of allRoutes(kb, documentPages)) {
    const sitePath = routePath(route, kb);
    for (const lang of UI_LANGS) {
      const full = `${lang === 'ru' ? '' : `/${lang}`}${sitePath}`.replace(/^\/+|\/+$/g, '');
      out.push({ params: { path: full === '' ? undefined : full }, props: { lang, route } });
    }
  }
  return out;
}
