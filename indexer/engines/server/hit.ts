import type { DocLang, UiLang } from '../../../schemas/common.ts';
import type { SearchHit } from '../../../schemas/search.ts';
import { hasMark, markedToHtml, stripMarkers } from './excerpt.ts';

export type TextField = 'title_ru' | 'title_kk' | 'body_ru' | 'body_kk';

/** What either engine gives back for one hit, before it becomes the project's SearchHit. */
export interface EngineHit {
  /** Stored fields (a subset of ServerDocument; facet fields are arrays). */
  source: Record<string, unknown>;
  /** Highlighted or cropped text per field, matches wrapped in the sentinel markers. */
  highlights: Partial<Record<TextField, string>>;
}

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
};

const DOC_LANGS: readonly DocLang[] = ['ru', 'kk'];

/**
 * One rule for both engines: show the language that matched (preferring the interface language),
 * so the excerpt, the title and the `#kk` anchor of the URL all speak the same language.
 */
export function toSearchHit(hit: EngineHit, lang: UiLang): SearchHit {
  const s = hit.source;
  const primary = (text(s.primaryLanguage) as DocLang | undefined) ?? 'ru';
  const has = (l: DocLang) => Boolean(text(s[`title_${l}`]) ?? hit.highlights[`body_${l}`] ?? hit.highlights[`title_${l}`]);
  const available = DOC_LANGS.filter(has);
  const preferred: DocLang = lang !== 'en' && available.includes(lang) ? lang : primary;
  const order = [preferred, ...DOC_LANGS.filter((l) => l !== preferred)];
  const matched = order.find((l) => hasMark(hit.highlights[`body_${l}`] ?? '') || hasMark(hit.highlights[`title_${l}`] ?? ''));
  const shown = matched ?? preferred;

  const title = stripMarkers(hit.highlights[`title_${shown}`] ?? text(s[`title_${shown}`]) ?? text(s[`title_${primary}`]) ?? text(s.docId) ?? '');
  const excerpt = markedToHtml(hit.highlights[`body_${shown}`] ?? '');
  const url = text(s.url) ?? '/';

  const meta: Record<string, string> = {};
  const metaFields: [string, unknown][] = [
    ['court', s.court],
    ['region', s.region],
    ['category', s.categories],
    ['proceeding', s.proceeding],
    ['caseNumber', s.caseNumber],
    ['number', s.number],
    ['instance', s.instance],
    ['actType', s.actType],
    ['outcome', s.outcome],
    ['status', s.status],
  ];
  for (const [key, value] of metaFields) {
    const v = text(value);
    if (v !== undefined) meta[key] = v;
  }
  // As with Pagefind hits: the language is named only when it is not the document's primary one.
  if (shown !== primary) meta.docLang = shown;
  const date = text(s.date);
  return {
    id: text(s.docId) ?? '',
    url: shown === primary ? url : `${url}#${shown}`,
    kind: text(s.kind) ?? '',
    title,
    excerpt,
    ...(date ? { date } : {}),
    meta,
  };
}

/** `pages` from a total, capped by how deep an engine lets one page. */
export const pageCount = (total: number, pageSize: number): number => (total === 0 ? 0 : Math.ceil(total / pageSize));
