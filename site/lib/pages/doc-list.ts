import type { UiLang } from '../../../schemas/common.ts';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { t } from '../../i18n/index.ts';
import type { SiteKb } from '../kb.ts';
import { html, type Html } from '../html.ts';
import { localize } from '../i18n-paths.ts';
import { categoryName, courtName, docTitle, formatDate } from '../labels.ts';

/**
 * A list of documents with their date, number, court, outcome and first category: the one markup of every
 * list of acts (category, court and norm pages through DocList.astro, a document's related acts).
 * `showKind` for lists that mix kinds.
 */
export function docListHtml(kb: Pick<SiteKb, 'registries'>, lang: UiLang, docs: readonly KbDocument[], showKind = false): Html {
  const reg = kb.registries;
  return html`<ul class="doc-list">${docs.map(
    (d) =>
      html`<li><a class="doc-title" href="${localize(lang, d.url)}">${docTitle(d, lang)}</a>${
        d.status === 'repealed' && html`<span class="badge repealed">${t(lang, 'status.repealed')}</span>`
      }<ul class="doc-meta">${[
        showKind && html`<li>${t(lang, `kind.${d.kind}`)}</li>`,
        html`<li><time datetime="${d.date}">${formatDate(d.date, lang)}</time></li>`,
        d.caseNumber && html`<li>№ ${d.caseNumber}</li>`,
        d.court && html`<li>${courtName(reg, d.court, lang)}</li>`,
        d.outcome && html`<li>${t(lang, `outcome.${d.outcome}`)}</li>`,
        d.categories[0] && html`<li>${categoryName(reg, d.categories[0], lang)}</li>`,
      ]}</ul></li>`,
  )}</ul>`;
}
