import type { KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { normaliseCaseNumber, type CitationRegistry } from './citations/index.ts';

/** What citations resolve against, from the codes and the documents of a knowledge base. */
export function citationRegistry(codes: NormCode[], documents: KbDocument[]): CitationRegistry {
  return {
    codes,
    resolutions: new Set(documents.filter((d) => d.kind === 'resolution').map((d) => d.slug)),
    decisionsByCase: new Map(
      documents.filter((d) => d.kind === 'decision' && d.caseNumber).map((d) => [normaliseCaseNumber(d.caseNumber!), d.slug]),
    ),
  };
}
