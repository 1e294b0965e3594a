import type { CodeMatcher } from './codes.ts';

/**
 * Abbreviations a text defines for itself: «Гражданского кодекса Республики Казахстан (далее – ГК)»,
 * «… (далее - Кодекс)», «… (бұдан әрі – АК)». From the definition on, the abbreviation names the code
 * the preceding words named. Returns the definitions in text order with the position they apply from.
 */
export interface Definition {
  alias: string;
  /** Offset after which the alias is in force (the end of the parenthesis). */
  from: number;
  codeId: string | null;
  short: string;
}

const DEFINITION = /\(\s*(?:далее(?:\s+по\s+тексту)?|бұдан\s+әрі)\s*[-–—:]?\s*[«"]?([^()«»"]{1,40}?)[»"]?\s*\)/giu;

/** What may stand between the code's name and the parenthesis: its date and number of adoption. */
const TRAILER = /^(?:\s+от\s+[^()]{1,40}?(?:года|г\.))?(?:\s*№\s*[\d-]+(?:-\p{L}+)?)?\s*$/u;

export function findDefinitions(text: string, codes: CodeMatcher): Definition[] {
  const definitions: Definition[] = [];
  for (const m of text.matchAll(DEFINITION)) {
    const alias = m[1]!.trim();
    // The code named right before the parenthesis (its name ends where the parenthesis begins, give or take spaces).
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const named = codes.findAll(before).filter((c) => TRAILER.test(before.slice(c.end)));
    const last = named[named.length - 1];
    if (!last || alias.length < 2) continue;
    definitions.push({ alias, from: m.index + m[0].length, codeId: last.name.id, short: last.name.short });
  }
  return definitions;
}
