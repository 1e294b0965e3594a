import type { NormCode } from '../../schemas/norms.ts';
import { BUILT_IN_SHORT } from './citations/codes.ts';

/**
 * How the applied-norms facet shows a norm id: `uk:188` → «УК ст. 188» (ru), «ҚК 188-бап» (kk),
 * «Criminal Code, art. 188» (en: the code's English short name, else its English title); a whole code
 * (`uk`) → «УК», «ҚК», «Criminal Code». Unknown codes fall back to the built-in short names, then the id.
 */
export function normLabel(id: string, codes: NormCode[] | ReadonlyMap<string, NormCode>, lang: 'ru' | 'kk' | 'en'): string {
  const [codeId = '', article = ''] = id.split(':');
  const code = codes instanceof Map ? codes.get(codeId) : (codes as NormCode[]).find((c) => c.id === codeId);
  const short = code?.short ?? BUILT_IN_SHORT[codeId];
  const english = code ? (code.short.en ?? code.title.en) : short?.ru;
  if (!article) return lang === 'en' ? (english ?? id) : short ? short[lang === 'kk' ? 'kk' : 'ru'] : id;
  if (lang === 'kk') return `${short?.kk ?? codeId} ${article}-бап`;
  if (lang === 'en') return `${english ?? codeId}, art. ${article}`;
  return `${short?.ru ?? codeId} ст. ${article}`;
}
