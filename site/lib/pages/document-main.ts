import type { DocLang, UiLang } from '../../../schemas/common.ts';
import type { KbDocument } from '../../../schemas/kb-document.ts';
import { t } from '../../i18n/index.ts';
import { citationLinks, resolveDocRef } from '../citations.ts';
import { attr, html, raw, type Html, type HtmlValue } from '../html.ts';
import { localize } from '../i18n-paths.ts';
import type { SiteKb } from '../kb.ts';
import { categoryName, courtName, docTitle, formatDate, normLabel, regionName } from '../labels.ts';
import { renderMarkdownMemo } from '../markdown.ts';
import { docListHtml } from './doc-list.ts';

/**
 * The content of a document's page (everything inside `<main>`): breadcrumbs, metadata, the text in each
 * of its languages, what it cites, the norms it applies, what cites it and similar acts.
 *
 * A string template rather than an Astro component because a large site is mostly these pages (every act
 * in three interface languages: 150,000 pages at 50,000 decisions) and Astro's per-page pipeline cost
 * ~7 ms each; document-pages.ts writes them into a page shell Astro rendered once (issue #5).
 */
export function documentMainHtml(kb: SiteKb, lang: UiLang, doc: KbDocument): Html {
  const reg = kb.registries;
  const title = docTitle(doc, lang);
  const texts = doc.languages
    .filter((l) => doc.body[l] !== undefined)
    .map((l, i) => ({ lang: l, html: renderMarkdownMemo(doc.body[l]!, { anchorPrefix: i === 0 ? '' : `${l}-` }), title: doc.title[l] }));
  const bilingual = texts.length > 1;
  const repeal = doc.statusActs?.find((s) => s.relation === 'repealed');
  const amendments = doc.statusActs?.filter((s) => s.relation === 'amended') ?? [];
  const cites = citationLinks(doc, kb);
  const norms = [...new Set(doc.norms)];
  const docs = (ids: string[]) => ids.map((i) => resolveDocRef(i, kb)).filter((d): d is KbDocument => d !== undefined);
  const citedBy = docs(doc.citedBy);
  const similar = docs(doc.similar);
  const summaryResolutions = docs((doc.resolutions ?? []).map((s) => `resolution/${s}`));
  const reviewed = doc.reviews ? resolveDocRef(`decision/${doc.reviews}`, kb) : undefined;
  const trails = doc.categories.map((c) => [...(reg.categories.get(c)?.ancestors ?? []), c]);
  const docLangName = (l: DocLang) => t(lang, `docLang.name.${l}`);
  const categoryHref = (c: string) => localize(lang, `/categories/${c}/`);
  const row = (label: string, value: HtmlValue) => html`<dt>${label}</dt><dd>${value}</dd>`;

  const breadcrumbs = html`<nav class="breadcrumbs" aria-label="${t(lang, 'category.path')}">${trails.map(
    (trail) =>
      html`<ol><li><a href="${localize(lang, '/categories/')}">${t(lang, 'nav.categories')}</a></li>${trail.map(
        (c) => html`<li><a href="${categoryHref(c)}">${categoryName(reg, c, lang)}</a></li>`,
      )}</ol>`,
  )}</nav>`;

  const head = html`<header class="doc-head"><p class="hint">${t(lang, `kind.${doc.kind}`)}</p><h1>${title}</h1>${
    doc.status === 'repealed' &&
    html`<div class="alert" role="note" data-repealed><strong>${t(lang, 'doc.repealed')}</strong>${
      repeal && html`<span>${t(lang, 'doc.repealedBy', { act: repeal.act })}${repeal.date && ` (${formatDate(repeal.date, lang)})`}</span>`
    }</div>`
  }</header>`;

  const meta = html`<section aria-labelledby="meta-h"><h2 id="meta-h" class="visually-hidden">${t(lang, 'doc.meta')}</h2><dl class="meta-table">${[
    row(t(lang, 'doc.date'), html`<time datetime="${doc.date}">${formatDate(doc.date, lang)}</time>`),
    doc.caseNumber && row(t(lang, 'doc.caseNumber'), doc.caseNumber),
    doc.number && row(t(lang, 'doc.number'), `№ ${doc.number}`),
    doc.court &&
      row(
        t(lang, 'doc.court'),
        html`<a href="${localize(lang, `/courts/${doc.court}/`)}">${courtName(reg, doc.court, lang)}</a>${doc.region && `, ${regionName(reg, doc.region, lang)}`}`,
      ),
    doc.instance && row(t(lang, 'facet.instance'), t(lang, `instance.${doc.instance}`)),
    doc.actType && row(t(lang, 'facet.actType'), t(lang, `actType.${doc.actType}`)),
    doc.outcome && row(t(lang, 'facet.outcome'), t(lang, `outcome.${doc.outcome}`)),
    doc.judge && row(t(lang, 'doc.judge'), doc.judge),
    doc.status &&
      row(t(lang, 'doc.status'), html`<span class="${doc.status === 'repealed' ? 'badge repealed' : 'badge'}">${t(lang, `status.${doc.status}`)}</span>`),
    amendments.map((a) => row(t(lang, 'status.amended'), t(lang, 'doc.amendedBy', { act: a.act }))),
    doc.versionDate && row(t(lang, 'doc.versionDate'), formatDate(doc.versionDate, lang)),
    doc.period && row(t(lang, 'doc.period'), `${formatDate(doc.period.from, lang)} – ${formatDate(doc.period.to, lang)}`),
    reviewed && row(t(lang, 'doc.reviews'), html`<a href="${localize(lang, reviewed.url)}">${docTitle(reviewed, lang)}</a>`),
    row(
      t(lang, 'category.path'),
      doc.categories.map((c, i) => html`${i > 0 && '; '}<a href="${categoryHref(c)}">${c} ${categoryName(reg, c, lang)}</a>`),
    ),
    row(t(lang, 'doc.languages'), doc.languages.map(docLangName).join(', ')),
  ]}</dl></section>`;

  const text = html`<section aria-labelledby="text-h"><h2 id="text-h">${t(lang, 'doc.text')}</h2>${
    bilingual &&
    html`<div class="lang-tabs" role="tablist" aria-label="${t(lang, 'doc.languages')}" hidden data-lang-tabs data-ui-lang="${lang}">${texts.map(
      (x) => html`<button type="button" role="tab" aria-controls="${x.lang}" data-tab="${x.lang}" aria-selected="false">${docLangName(x.lang)}</button>`,
    )}</div>`
  }${texts.map(
    (x, i) =>
      html`<div class="text-version" id="${x.lang}" lang="${x.lang}"${attr('role', bilingual && 'tabpanel')}${attr('tabindex', bilingual && -1)}>${
        bilingual && html`<h3>${docLangName(x.lang)}${i > 0 && x.title && x.title !== title ? `: ${x.title}` : ''}</h3>`
      }<div class="doc-text">${raw(x.html)}</div></div>`,
  )}</section>`;

  const citesSection =
    (cites.length > 0 || summaryResolutions.length > 0) &&
    html`<section class="related" aria-labelledby="cites-h"><h2 id="cites-h">${t(lang, 'doc.cites')}</h2>${
      summaryResolutions.length > 0 && docListHtml(kb, lang, summaryResolutions)
    }${
      cites.length > 0 &&
      html`<ul>${cites.map(
        (c) =>
          html`<li>${
            c.kind === 'norm'
              ? c.href
                ? html`<a href="${localize(lang, c.href)}">${normLabel(reg, c.target, lang)}</a>`
                : normLabel(reg, c.target, lang)
              : c.kind === 'document'
                ? html`<a href="${localize(lang, c.doc.url)}">${docTitle(c.doc, lang)}</a>`
                : html`<span>${c.text} <span class="hint">(${t(lang, 'doc.unresolved')})</span></span>`
          }</li>`,
      )}</ul>`
    }</section>`;

  const normsSection =
    norms.length > 0 &&
    html`<section class="related" aria-labelledby="norms-h"><h2 id="norms-h">${t(lang, 'doc.norms')}</h2><ul class="doc-meta">${norms.map((n) => {
      const [code, article] = n.split(':');
      return html`<li><a href="${localize(lang, article ? `/norms/${code}/${article}/` : `/norms/${code}/`)}">${normLabel(reg, n, lang)}</a></li>`;
    })}</ul></section>`;

  const related = (id: string, heading: string, list: KbDocument[], showKind = false) =>
    list.length > 0 &&
    html`<section class="related" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${docListHtml(kb, lang, list, showKind)}</section>`;

  return html`${breadcrumbs}<article class="doc" data-kind="${doc.kind}">${head}${meta}${text}${citesSection}${normsSection}${related(
    'citedby-h',
    t(lang, 'doc.citedBy'),
    citedBy,
    true,
  )}${related('similar-h', t(lang, 'doc.similar'), similar)}</article>`;
}
