import type { KbDocument } from '../../schemas/kb-document.ts';
import type { SiteKb } from './kb.ts';

/** A reference as the page shows it: a norm (linked when it has a page), a document, or plain text. */
export type CitationLink =
  | { kind: 'norm'; target: string; href?: string }
  | { kind: 'document'; target: string; doc: KbDocument }
  | { kind: 'unresolved'; text: string };

/**
 * A document reference → the document. Enrichment gives ids (`resolution/2015-11-27-n7`) or, in
 * citations, bare slugs; a bare slug is tried as a resolution, then a decision, then a summary.
 */
export function resolveDocRef(ref: string, kb: Pick<SiteKb, 'byId'>, hint?: 'resolution' | 'case'): KbDocument | undefined {
  if (ref.includes('/')) return kb.byId.get(ref);
  const kinds = hint === 'case' ? ['decision', 'resolution', 'summary'] : ['resolution', 'decision', 'summary'];
  for (const k of kinds) {
    const d = kb.byId.get(`${k}/${ref}`);
    if (d) return d;
  }
  return undefined;
}

/** The document's citations, one entry per target (first occurrence order), unresolved ones by text. */
export function citationLinks(doc: KbDocument, kb: Pick<SiteKb, 'byId' | 'byNorm'>): CitationLink[] {
  const out: CitationLink[] = [];
  const seen = new Set<string>();
  for (const c of doc.citations ?? []) {
    const key = c.target ?? `text:${c.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (c.type === 'norm' && c.target) {
      const [code, article] = c.target.split(':');
      // Article pages exist for articles some document applies (this one included, once enriched).
      const href = article && kb.byNorm.has(c.target) ? `/norms/${code}/${article}/` : code ? `/norms/${code}/` : undefined;
      out.push({ kind: 'norm', target: c.target, ...(href ? { href } : {}) });
      continue;
    }
    const target = c.target ? resolveDocRef(c.target, kb, c.type === 'case' ? 'case' : 'resolution') : undefined;
    if (target && target.id !== doc.id) out.push({ kind: 'document', target: target.id, doc: target });
    else if (!target) out.push({ kind: 'unresolved', text: c.text });
  }
  return out;
}
