import type { NormCode } from '../../../schemas/norms.ts';
import { findDefinitions } from './abbreviations.ts';
import { codeMatcher, type CodeMatcher, type CodeName } from './codes.ts';
import { ARTICLE_NUMBER as N, expandArticles, ORDINAL_KK, ORDINAL_RU, subdivision } from './numbers.ts';
import type { FoundCitation } from './types.ts';

/**
 * References to articles of codes.
 * Russian names the subdivisions, then the article(s), then the code:
 * «подпункт 2) части первой статьи 35 УПК», «ч. 2 ст. 188 Уголовного кодекса Республики Казахстан»,
 * «статьями 9, 917, 951 ГК РК», «ст. 177 ч. 2 п. «б» УК».
 * Kazakh names the code first: «ҚК-нің 188-бабы», «АК-нің 1042-бабының 1-тармағы»,
 * «ҚПК-нің 35-бабы бірінші бөлігінің 2) тармақшасы».
 */
const SEP = String.raw`(?:\s*[,–—-]\s*|\s+(?:и|или|по)\s+)`;
const ARTICLES_RU = new RegExp(
  String.raw`(?<![\p{L}])(?:стать(?:я|и|ю|ей|ёй|е|ям|ями|ях)|статей|ст\.\s?ст\.|ст\.)\s*(${N}(?:${SEP}${N})*)(?![\p{N}])`,
  'giu',
);
const SUB = String.raw`(?:\d+\)?|[«"]?[а-яa-z][»"]?\)?)`;
/** «п. 3), 4)», «пп. 1, 2»: several paragraphs of one article. */
const SUBS = String.raw`${SUB}(?:\s*(?:,|и)\s*${SUB})*`;
const BACK_RU = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:подпункт\p{L}*|подп\.|пп\.|п\.\s?п\.)\s*(${SUBS})\s*)?(?:(?:пункт\p{L}*|п\.)\s*(${SUBS})\s*)?(?:(?:част\p{L}*|ч\.)\s*(\d+|${ORDINAL_RU})\s*)?$`,
  'iu',
);
const FORWARD_PART_RU = new RegExp(String.raw`\s*,?\s*(?:ч\.|част\p{L}*)\s*(\d+|${ORDINAL_RU})`, 'iuy');
const FORWARD_PARAGRAPH_RU = new RegExp(String.raw`\s*,?\s*(?:п\.|пункт\p{L}*)\s*(${SUB})`, 'iuy');

const ARTICLES_KK = new RegExp(
  // «… Кодексінің (бұдан әрі – Кодекс) 20-бабының»: the definition may stand between the code and the article.
  String.raw`(?:\s*\((?:бұдан\s+әрі|далее)[^()]{0,60}\))?[\s-]*(${N}(?:\s*[,–—]\s*${N}|\s+(?:және|мен|немесе)\s+${N})*)\s?-?\s?(?:бап|бабы|баб|баптар)\p{L}*`,
  'iuy',
);
/** A further article of the same code in a Kazakh chain: «, 55-бабында», «мен 55-бабының», «және 143-бабының». */
const NEXT_ARTICLES_KK = new RegExp(
  String.raw`[\s,]*(?:(?:және|мен|пен|бен)\s+)?(${N}(?:\s*[,–—]\s*${N}|\s+(?:және|мен|немесе)\s+${N})*)\s?-?\s?(?:бап|бабы|баб|баптар)\p{L}*`,
  'iuy',
);
const PART_KK = new RegExp(String.raw`\s*,?\s*(\d+|${ORDINAL_KK})\s*-?\s*бөлі(?:г|к)\p{L}*`, 'iuy');
const PARAGRAPH_KK = new RegExp(String.raw`\s*,?\s*(\d+)\s*-?\s*тармағ\p{L}*`, 'iuy');
const SUBPARAGRAPH_KK = new RegExp(String.raw`\s*,?\s*(\d+\))\s*тармақша\p{L}*`, 'iuy');

function target(codes: Map<string, NormCode>, name: CodeName, article: string): string | null {
  const code = name.id ? codes.get(name.id) : undefined;
  if (!code) return null;
  // A complete table settles whether the article exists; an incomplete one cannot rule it out.
  const listed = code.articles.some((a) => a.number === article);
  return listed || !code.complete ? `${code.id}:${article}` : null;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Matchers in force at each offset: the text's own «(далее – …)» definitions apply from where they stand. */
function matchersByPosition(text: string, base: CodeMatcher): (at: number) => CodeMatcher {
  const definitions = findDefinitions(text, base);
  const matchers = [base];
  for (const d of definitions) matchers.push(matchers[matchers.length - 1]!.withAlias(d.alias, { id: d.codeId, short: d.short }));
  return (at) => matchers[definitions.filter((d) => d.from <= at).length]!;
}

export function findNormCitations(text: string, lang: 'ru' | 'kk', codes: NormCode[]): FoundCitation[] {
  const registry = new Map(codes.map((c) => [c.id, c]));
  const base = codeMatcher(codes, lang);
  const matcherAt = matchersByPosition(text, base);
  const found: FoundCitation[] = [];
  // Subdivisions belong to the first article of a list («ч. 2 ст. 188, 190»); several paragraphs
  // («п. 3), 4) ч. 2 ст. 190») give one citation each.
  const emit = (start: number, end: number, name: CodeName, articles: string[], part?: string, paragraphs: (string | undefined)[] = [undefined]) => {
    articles.forEach((article, i) => {
      for (const paragraph of i === 0 ? paragraphs : [undefined]) {
        found.push({
          type: 'norm', text: text.slice(start, end), start, end, target: target(registry, name, article),
          code: name.short, article, ...(i === 0 && part ? { part } : {}), ...(paragraph ? { paragraph } : {}),
        });
      }
    });
  };
  const list = (raw: string | undefined): (string | undefined)[] =>
    raw ? raw.split(/\s*(?:,|(?<![\p{L}])и(?![\p{L}]))\s*/u).map((x) => subdivision(x)).filter(Boolean) : [undefined];

  // Russian order: [subdivisions] article(s) [subdivisions] code. Kazakh texts quote Russian forms too.
  interface Pending {
    start: number;
    /** End of the article and its subdivisions, before the code. */
    at: number;
    articles: string[];
    part?: string;
    paragraphs: (string | undefined)[];
    code: { name: CodeName; end: number } | null;
  }
  const pending: Pending[] = [];
  for (const m of text.matchAll(ARTICLES_RU)) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const back = BACK_RU.exec(before);
    let at = m.index + m[0].length;
    let part = subdivision(back?.[3]);
    let paragraphs = list(back?.[2] ?? back?.[1]);
    const forwardPart = sticky(FORWARD_PART_RU, text, at);
    if (forwardPart) [part, at] = [part ?? subdivision(forwardPart[1]), at + forwardPart[0].length];
    const forwardParagraph = sticky(FORWARD_PARAGRAPH_RU, text, at);
    if (forwardParagraph) [paragraphs, at] = [paragraphs[0] ? paragraphs : [subdivision(forwardParagraph[1])], at + forwardParagraph[0].length];
    const gap = /^\s*/.exec(text.slice(at))![0].length;
    const code = matcherAt(at).matchAt(text, at + gap);
    const start = back && back[0].trim() ? m.index - before.length + back.index : m.index;
    pending.push({ start, at, articles: expandArticles(m[1]!), part, paragraphs, code });
  }
  // «части первой статьи 424 и статьёй 426 ГПК», «пункт 4 статьи 9, статья 350 ГК»: a code named once
  // serves the whole chain of articles before it.
  for (let i = pending.length - 2; i >= 0; i--) {
    const [item, next] = [pending[i]!, pending[i + 1]!];
    if (!item.code && next.code && /^[\s,;]*(?:(?:и|а\s+также)\s+)?$/u.test(text.slice(item.at, next.start))) {
      item.code = { name: next.code.name, end: item.at };
    }
  }
  for (const p of pending) if (p.code) emit(p.start, p.code.end, p.code.name, p.articles, p.part, p.paragraphs);

  if (lang === 'kk') {
    // Kazakh order: code, article(s), subdivisions. Aliases defined anywhere in the text are known here.
    for (const code of matcherAt(text.length).findAll(text)) {
      // «АПК-нің 54-бабының үшінші бөлігінде, 55-бабында, 148-бабының …», «ҚК-нің 52-бабы мен 55-бабының 4-бөлігінің»:
      // one code, a chain of articles, each with its own subdivisions.
      let from = code.start;
      let at = code.end;
      for (let link = 0; link < 20; link++) {
        const articles = sticky(link === 0 ? ARTICLES_KK : NEXT_ARTICLES_KK, text, at);
        if (!articles) break;
        at += articles[0].length;
        let part: string | undefined;
        let paragraph: string | undefined;
        let subparagraph: string | undefined;
        for (let progress = true; progress; ) {
          progress = false;
          const p = !part && sticky(PART_KK, text, at);
          if (p) [part, at, progress] = [subdivision(p[1]), at + p[0].length, true];
          const s = !subparagraph && sticky(SUBPARAGRAPH_KK, text, at);
          if (s) [subparagraph, at, progress] = [subdivision(s[1]), at + s[0].length, true];
          const q = !paragraph && sticky(PARAGRAPH_KK, text, at);
          if (q) [paragraph, at, progress] = [subdivision(q[1]), at + q[0].length, true];
        }
        if (link > 0) from += /^[\s,]*(?:(?:және|мен|пен|бен)\s+)?/u.exec(text.slice(from))![0].length;
        emit(from, at, code.name, expandArticles(articles[1]!), part, [paragraph ?? subparagraph]);
        from = at;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
