import { describe, expect, it } from 'vitest';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { enrichDocuments } from './index.ts';
import { checkDigit } from './redact/iin.ts';

const withCheck = (first11: string) => first11 + checkDigit(first11);

function decision(body: string, extra: Partial<KbDocument> = {}): KbDocument {
  return {
    id: 'decision/2-1-2023', kind: 'decision', slug: '2-1-2023', url: '/decisions/2-1-2023/', languages: ['ru'],
    title: { ru: 'Решение' }, body: { ru: body }, date: '2023-05-14', year: 2023, proceeding: 'civil',
    categories: ['G.02'], categoryTrail: ['G', 'G.02'], keywords: [], citations: [], norms: [], citedBy: [],
    similar: [], files: ['decisions/2-1-2023.ru.md'], hash: 'x', judge: 'Сейткали А.Б.', ...extra,
  };
}

describe('enrichDocuments: masking', () => {
  it('masks ИИН and phones in decisions and reports no problem', () => {
    const iin = withCheck('85021430012');
    const { documents, problems } = enrichDocuments([decision(`ИИН ${iin}, тел. 8 701 123 45 67.`)], { codes: [] });
    expect(documents[0]!.body.ru).toBe('ИИН [ИИН], тел. [телефон].');
    expect(problems).toEqual([]);
  });

  it('leaves resolutions unmasked', () => {
    const text = 'тел. 8 701 123 45 67';
    const doc = decision(text, { kind: 'resolution', id: 'resolution/x' });
    expect(enrichDocuments([doc], { codes: [] }).documents[0]!.body.ru).toBe(text);
  });

  it('reports a decision whose body still holds an ИИН the masker cannot see', () => {
    const iin = withCheck('85021430012');
    // glued to letters, so the masker's word-boundary pattern does not take it; the leak check does
    const { problems } = enrichDocuments([decision(`номер${iin}x`)], { codes: [] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'decisions/2-1-2023.ru.md', field: 'body' });
  });
});
