/**
 * A document in two languages shows both texts without JavaScript; with it, one at a time behind tabs.
 * The text shown first is the one the URL asks for (`#kk`, as Pagefind links the second language, or an
 * anchor inside it such as `#kk-p3`), else the interface language when the document has it, else the first.
 */
export function setupLanguageTabs(): void {
  const tabs = document.querySelector<HTMLElement>('[data-lang-tabs]');
  if (!tabs) return;
  const buttons = [...tabs.querySelectorAll<HTMLButtonElement>('[data-tab]')];
  const langs = buttons.map((b) => b.dataset.tab!);
  const panels = langs.map((l) => document.getElementById(l)!);
  document.documentElement.classList.add('js');
  tabs.hidden = false;

  const show = (lang: string, focus = false) => {
    buttons.forEach((b, i) => {
      const on = langs[i] === lang;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on) panels[i]!.removeAttribute('data-inactive');
      else panels[i]!.setAttribute('data-inactive', '');
      if (on && focus) b.focus();
    });
  };
  const fromHash = () => {
    const h = decodeURIComponent(location.hash.slice(1));
    return langs.find((l) => h === l || h.startsWith(`${l}-`));
  };
  show(fromHash() ?? (langs.includes(tabs.dataset.uiLang ?? '') ? tabs.dataset.uiLang! : langs[0]!));
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();

  buttons.forEach((b, i) => {
    b.addEventListener('click', () => {
      show(langs[i]!);
      history.replaceState(history.state, '', i === 0 ? location.pathname + location.search : `#${langs[i]}`);
      dispatchEvent(new Event('taldau:urlchange'));
    });
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = (i + (e.key === 'ArrowRight' ? 1 : langs.length - 1)) % langs.length;
      show(langs[next]!, true);
    });
  });
  addEventListener('hashchange', () => {
    const l = fromHash();
    if (l) show(l);
  });
}
