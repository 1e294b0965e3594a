import type { Command, CommandIo } from '../cli.ts';
import { extractCitations, type CitationRegistry, type FoundCitation } from '../enrich/citations/index.ts';
import { codePointOffsets } from '../enrich/offsets.ts';
import { citationRegistry } from '../enrich/registry.ts';
import { loadKnowledgeBase } from '../knowledge-base.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { contentDir, DEFAULT_CONTENT } from './content-dir.ts';

const usage = `Usage: taldau cite [--json] [--lang ru|kk] [--content DIR] < text

Finds references in the text on standard input: articles of codes («ч. 2 ст. 188 УК», «ҚК-нің
188-бабы»), normative resolutions of the Supreme Court and case numbers, and resolves each against
the knowledge base in DIR (default: content): a norm to <code>:<article> (uk:188), a resolution to
its slug (2015-11-27-n7), a case number to the decision's slug. Unresolved references are listed
with no target.

  --json          print a JSON array of { type, text, start, end, target, … } (offsets in characters)
  --lang ru|kk    language of the text (default: read as both)
  --content DIR   the knowledge base to resolve against (default: content; without it, nothing resolves)`;

/** Registries from the knowledge base; a missing default content directory means "resolve nothing". */
export async function loadRegistry(arg: string | undefined, io: CommandIo): Promise<CitationRegistry> {
  if (arg === undefined) {
    const fallback = await contentDir(DEFAULT_CONTENT).catch(() => null);
    if (!fallback) {
      io.stderr(`taldau cite: no ${DEFAULT_CONTENT}/ directory here; references are listed unresolved`);
      return { codes: [], resolutions: new Set(), decisionsByCase: new Map() };
    }
  }
  const { dir } = await contentDir(arg);
  const kb = await loadKnowledgeBase({ contentDir: dir, enrich: false });
  return citationRegistry([...kb.registries.codes.values()], kb.documents);
}

/**
 * Without --lang, read the text both ways: a Russian act quotes no Kazakh forms and vice versa, so
 * the two readings do not collide, and a short Kazakh quote («ҚК-нің 188-бабы») is not mistaken for Russian.
 */
function extractBoth(text: string, registry: CitationRegistry): FoundCitation[] {
  const seen = new Set<string>();
  const all: FoundCitation[] = [];
  for (const c of [...extractCitations(text, 'ru', registry), ...extractCitations(text, 'kk', registry)]) {
    const key = `${c.type}|${c.start}|${c.end}|${c.article ?? ''}|${c.paragraph ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(c);
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function citationJson(c: FoundCitation, offset: (utf16: number) => number = (i) => i) {
  const base = { type: c.type, text: c.text, start: offset(c.start), end: offset(c.end), target: c.target };
  if (c.type === 'norm') return { ...base, code: c.code, article: c.article, part: c.part ?? null, paragraph: c.paragraph ?? null };
  if (c.type === 'resolution') return { ...base, date: c.date, number: c.number };
  return base;
}

function describe(c: FoundCitation, offset: (utf16: number) => number): string {
  const what =
    c.type === 'norm'
      ? `${c.code} ст. ${c.article}${c.part ? ` ч. ${c.part}` : ''}${c.paragraph ? ` п. ${c.paragraph}` : ''}`
      : c.type === 'resolution'
        ? `НП ВС от ${c.date} № ${c.number}`
        : `дело № ${c.text}`;
  return `${c.type}\t${what}\t${c.target ?? '(unresolved)'}\t${offset(c.start)}-${offset(c.end)}\t${c.text}`;
}

export const command: Command = {
  summary: 'find references to norms, resolutions and cases in text on stdin',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      content: { type: 'string' },
    });
    if (values.lang !== undefined && values.lang !== 'ru' && values.lang !== 'kk') throw new UsageError(`--lang must be ru or kk, not "${values.lang}"`);
    const text = await io.readStdin();
    const registry = await loadRegistry(values.content, io);
    const citations = values.lang ? extractCitations(text, values.lang as 'ru' | 'kk', registry) : extractBoth(text, registry);
    const offset = codePointOffsets(text);
    if (values.json) io.stdout(JSON.stringify(citations.map((c) => citationJson(c, offset)), null, 2));
    else if (citations.length) io.stdout(citations.map((c) => describe(c, offset)).join('\n'));
    else io.stderr('no references found');
    return 0;
  },
};
