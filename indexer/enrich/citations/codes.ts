import type { NormCode } from '../../../schemas/norms.ts';

/**
 * How texts name the ten codes: abbreviations (УК, ҚК-нің …), full names in any grammatical case
 * («Уголовного кодекса Республики Казахстан», «Қазақстан Республикасы Қылмыстық кодексінің»), plus
 * whatever the registry adds as `short` and `aliases`, plus abbreviations a text defines itself
 * («(далее – Кодекс)»). The built-in table keeps extraction working before or without the registry;
 * resolution to a target still needs the code in the registry.
 */
export interface CodeName {
  /** Registry id (`uk`) or null for a code outside the registry. */
  id: string | null;
  /** Short Russian name reported in citations (УК, ГК …). */
  short: string;
}

interface BuiltIn {
  id: string;
  short: string;
  kkShort: string;
  ru: string[];
  kk: string[];
}

const K = String.raw`кодекс\p{L}*`;
const KK_K = String.raw`кодекс\p{L}*`;
/** «… туралы» Қазақстан Республикасының Кодексі: the state may stand between the title and the word code. */
const KK_STATE = String.raw`(?:Қазақстан\s+Республикасы(?:ның)?\s+)?`;
const BUILT_IN: BuiltIn[] = [
  { id: 'upk', short: 'УПК', kkShort: 'ҚПК', ru: [String.raw`уголовно-процессуальн\p{L}*\s+${K}`], kk: [String.raw`қылмыстық[\s-]+процестік\s+${KK_K}`, String.raw`қылмыстық\s+іс\s+жүргізу\s+${KK_K}`] },
  { id: 'uk', short: 'УК', kkShort: 'ҚК', ru: [String.raw`уголовн\p{L}*\s+${K}`], kk: [String.raw`қылмыстық\s+${KK_K}`] },
  { id: 'gpk', short: 'ГПК', kkShort: 'АПК', ru: [String.raw`гражданск\p{L}*\s+процессуальн\p{L}*\s+${K}`], kk: [String.raw`азаматтық\s+процестік\s+${KK_K}`, String.raw`азаматтық\s+іс\s+жүргізу\s+${KK_K}`] },
  { id: 'gk', short: 'ГК', kkShort: 'АК', ru: [String.raw`гражданск\p{L}*\s+${K}`], kk: [String.raw`азаматтық\s+${KK_K}`] },
  {
    id: 'koap', short: 'КоАП', kkShort: 'ӘҚБтК',
    ru: [String.raw`${K}\s+(?:Республики\s+Казахстан\s+)?об\s+административных\s+правонарушениях`],
    kk: [String.raw`әкімшілік\s+құқық\s+бұзушылық\p{L}*\s+туралы\s+${KK_STATE}${KK_K}`],
  },
  {
    id: 'appk', short: 'АППК', kkShort: 'ӘРПК',
    ru: [String.raw`административн\p{L}*\s+процедурно-процессуальн\p{L}*\s+${K}`],
    kk: [String.raw`әкімшілік\s+рәсімдік-процестік\s+${KK_K}`],
  },
  {
    id: 'kobs', short: 'КоБС', kkShort: 'НОК',
    ru: [String.raw`${K}\s+(?:Республики\s+Казахстан\s+)?[«"]?о\s+браке\s+(?:\(супружестве\)\s+)?и\s+семье[»"]?`],
    kk: [String.raw`[«"]?неке\s+(?:\(ерлі-зайыптылық\)\s+)?және\s+отбасы\s+туралы[»"]?\s+${KK_STATE}${KK_K}`],
  },
  { id: 'tk', short: 'ТК', kkShort: 'ЕК', ru: [String.raw`трудов\p{L}*\s+${K}`], kk: [String.raw`еңбек\s+${KK_K}`] },
  { id: 'zk', short: 'ЗК', kkShort: 'ЖК', ru: [String.raw`земельн\p{L}*\s+${K}`], kk: [String.raw`жер\s+${KK_K}`] },
  {
    id: 'nk', short: 'НК', kkShort: 'СК',
    ru: [String.raw`налогов\p{L}*\s+${K}`, String.raw`${K}\s+(?:Республики\s+Казахстан\s+)?[«"]?о\s+налогах\s+и\s+других\s+обязательных\s+платежах\s+в\s+бюджет[»"]?(?:\s+\(Налоговый\s+кодекс\))?`],
    kk: [String.raw`салық\s+${KK_K}`, String.raw`[«"]?салық\s+және\s+бюджетке\s+төленетін\s+басқа\s+да\s+міндетті\s+төлемдер\s+туралы[»"]?\s+${KK_STATE}${KK_K}`],
  },
];

const RU_SUFFIX = String.raw`(?:\s+(?:Республики\s+Казахстан|РК))?`;
const KK_PREFIX = String.raw`(?:(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+)?`;
const KK_GENITIVE = String.raw`(?:\s?-\s?(?:нің|ның|тің|тың|дің|дың|не|на|те|та|де|да|ге|ға|ке|қа))?`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CodeMatcher {
  /** Longest code name starting exactly at `at`, with its end; null when none starts there. */
  matchAt(text: string, at: number): { name: CodeName; end: number } | null;
  /** Every code name in the text (Kazakh texts name the code before the article). */
  findAll(text: string): { name: CodeName; start: number; end: number }[];
  /** A copy that also knows `alias` (an abbreviation the text defines) as naming `name`. */
  withAlias(alias: string, name: CodeName): CodeMatcher;
}

interface Pattern {
  re: RegExp;
  name: CodeName;
}

function patternsFor(codes: NormCode[], lang: 'ru' | 'kk'): Pattern[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const nameOf = (id: string, fallback: string): CodeName => ({ id: byId.has(id) ? id : null, short: byId.get(id)?.short.ru ?? fallback });
  const patterns: Pattern[] = [];
  const add = (source: string, flags: string, name: CodeName) => patterns.push({ re: new RegExp(source, `${flags}uy`), name });
  for (const b of BUILT_IN) {
    const name = nameOf(b.id, b.short);
    const full = lang === 'ru' ? b.ru.map((s) => `${s}${RU_SUFFIX}`) : b.kk.map((s) => `${KK_PREFIX}${s}`);
    for (const s of full) add(s, 'i', name);
    // Abbreviations are case-sensitive: «ТК» is the Labour Code, «тк» is not.
    if (lang === 'ru') add(`${escape(b.short)}${RU_SUFFIX}(?![\\p{L}])`, '', name);
    else add(`${KK_PREFIX}${escape(b.kkShort)}(?![\\p{L}])${KK_GENITIVE}`, '', name);
  }
  for (const c of codes) {
    const name: CodeName = { id: c.id, short: c.short.ru };
    const shortForm = lang === 'ru' ? c.short.ru : c.short.kk;
    add(lang === 'ru' ? `${escape(shortForm)}${RU_SUFFIX}(?![\\p{L}])` : `${KK_PREFIX}${escape(shortForm)}(?![\\p{L}])${KK_GENITIVE}`, '', name);
    for (const alias of c.aliases[lang]) {
      if (alias.trim().length < 2) continue;
      const flags = alias === alias.toUpperCase() ? '' : 'i';
      add(`${escape(alias.trim()).replace(/\s+/g, '\\s+')}${lang === 'ru' ? RU_SUFFIX : KK_GENITIVE}(?![\\p{L}])`, flags, name);
    }
  }
  // A code outside the list is still a norm, reported unresolved under the name the text gives it.
  return patterns;
}

/**
 * Where a code name can begin, found cheaply so the patterns run only there: every full name holds
 * the word «кодекс» (and begins at most ~130 characters before it), every abbreviation is a short
 * word with two capitals (УК, КоАП, ҚР ҚК-нің), and the text's own aliases are literal strings.
 */
function candidateStarts(text: string, aliases: string[]): number[] {
  const starts = new Set<number>();
  const wordStarts = (from: number, to: number) => {
    for (const w of text.slice(from, to).matchAll(/(?<![\p{L}\p{N}])[\p{L}«"]/gu)) starts.add(from + w.index);
  };
  for (const m of text.matchAll(/кодекс/giu)) wordStarts(Math.max(0, m.index - 130), m.index + 1);
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?=\p{L}{0,4}\p{Lu}\p{L}{0,4}\p{Lu})\p{L}{2,6}(?![\p{L}])/gu)) starts.add(m.index);
  for (const alias of aliases) for (let i = text.indexOf(alias); i >= 0; i = text.indexOf(alias, i + 1)) starts.add(i);
  return [...starts].sort((a, b) => a - b);
}

function makeMatcher(patterns: Pattern[], lang: 'ru' | 'kk', aliases: string[] = []): CodeMatcher {
  const other = lang === 'ru' ? /(?<![\p{L}])(?!(?:настоящ|данн|указанн|этого|того|нового|прежнего|действующ)\p{L}*\s)([\p{L}-]+(?:ого|его)\s+кодекс(?:а|у|ом|е)?)(?:\s+Республики\s+Казахстан)?(?![\p{L}])/iuy : /(?<![\p{L}])(?!(?:осы|аталған|жаңа|бұрынғы|қолданыстағы|Республикасы(?:ның)?)\s)((?:Қазақстан\s+Республикасы(?:ның)?\s+)?[\p{L}-]+\s+кодекс(?:і|інің|іне|інде|тің|ке|те))(?![\p{L}])/iuy;
  const matcher: CodeMatcher = {
    matchAt(text, at) {
      let best: { name: CodeName; end: number } | null = null;
      for (const p of patterns) {
        p.re.lastIndex = at;
        const m = p.re.exec(text);
        if (m && (!best || at + m[0].length > best.end)) best = { name: p.name, end: at + m[0].length };
      }
      if (!best) {
        other.lastIndex = at;
        const m = other.exec(text);
        if (m) best = { name: { id: null, short: m[1]!.replace(/\s+/g, ' ') }, end: at + m[0].length };
      }
      return best;
    },
    findAll(text) {
      const found: { name: CodeName; start: number; end: number }[] = [];
      let reached = 0;
      for (const at of candidateStarts(text, aliases)) {
        if (at < reached || (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!))) continue;
        const best = matcher.matchAt(text, at);
        if (!best) continue;
        found.push({ name: best.name, start: at, end: best.end });
        reached = best.end;
      }
      return found;
    },
    withAlias(alias, name) {
      // A word alias («Кодекс») declines («Кодекса», «Кодекстің»); an abbreviation («ГК») does not.
      const endings = alias === alias.toUpperCase() ? '' : '\\p{L}{0,4}';
      const source = `${escape(alias.trim()).replace(/\s+/g, '\\s+')}${endings}${lang === 'ru' ? RU_SUFFIX : KK_GENITIVE}(?![\\p{L}])`;
      return makeMatcher([...patterns, { re: new RegExp(source, 'uy'), name }], lang, [...aliases, alias.trim()]);
    },
  };
  return matcher;
}

/** Compiling the patterns costs more than matching a short act: keep one matcher per registry and language. */
const cache = new WeakMap<NormCode[], Partial<Record<'ru' | 'kk', CodeMatcher>>>();

export function codeMatcher(codes: NormCode[], lang: 'ru' | 'kk'): CodeMatcher {
  const entry = cache.get(codes) ?? {};
  cache.set(codes, entry);
  return (entry[lang] ??= makeMatcher(patternsFor(codes, lang), lang));
}

/** Short names of the built-in table, for labels when the registry lacks a code. */
export const BUILT_IN_SHORT: Record<string, { ru: string; kk: string }> = Object.fromEntries(
  BUILT_IN.map((b) => [b.id, { ru: b.short, kk: b.kkShort }]),
);
