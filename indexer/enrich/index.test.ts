import { beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../schemas/kb-document.ts';
import type { NormCode } from '../../schemas/norms.ts';
import { enrichDocuments } from './index.ts';
import { checkDigit } from './redact/iin.ts';

const withCheck = (first11: string) => first11 + checkDigit(first11);

function doc(id: string, body: string, extra: Partial<KbDocument> = {}): KbDocument {
  const [kind, slug] = id.split('/') as [KbDocument['kind'], string];
  return {
    id, kind, slug, url: `/${kind}s/${slug}/`, languages: ['ru'], title: { ru: slug }, body: { ru: body },
    date: '2023-05-14', year: 2023, proceeding: 'civil', categories: ['G.02.01'], categoryTrail: ['G', 'G.02', 'G.02.01'],
    keywords: [], citations: [], norms: [], citedBy: [], similar: [], files: [`${kind}s/${slug}.ru.md`], hash: 'x', ...extra,
  };
}

const KOBS: NormCode = {
  id: 'kobs', short: { ru: 'КоБС', kk: 'НОК' }, title: { ru: 'Кодекс о браке', kk: 'Неке кодексі', en: 'Marriage Code' },
  aliases: { ru: [], kk: [] }, complete: true,
  articles: ['20', '139'].map((number) => ({ number, title: { ru: number } })),
};

describe('enrichDocuments: masking', () => {
  it('masks decisions (title and body alike) and leaves the judge', async () => {
    const iin = withCheck('85021430012');
    const d = doc('decision/2-1-2023', `Судья Сейткали А.Б., истица Каримова А.Б., ИИН ${iin}, тел. 8 701 123 45 67.`, {
      title: { ru: 'По иску Каримовой А.Б.' }, judge: 'Сейткали А.Б.',
    });
    const { documents, problems } = await enrichDocuments([d], { codes: [] });
    expect(documents[0]!.body.ru).toBe('Судья Сейткали А.Б., истица [А.], ИИН [ИИН], тел. [телефон].');
    expect(documents[0]!.title.ru).toBe('По иску [А.]');
    expect(problems).toEqual([]);
  });

  it('leaves resolutions and summaries unmasked', async () => {
    const text = 'истец Иванов, тел. 8 701 123 45 67';
    const { documents } = await enrichDocuments([doc('resolution/2015-11-27-n7', text)], { codes: [] });
    expect(documents[0]!.body.ru).toBe(text);
  });

  it('refuses a decision whose body still holds an ИИН after masking, naming its first file and the body', async () => {
    const iin = withCheck('85021430012');
    const clean = doc('decision/2-2-2023', 'Истец Иванов.');
    const { documents, problems } = await enrichDocuments([doc('decision/2-1-2023', `номер${iin}x`), clean], { codes: [] });
    expect(problems).toEqual([expect.objectContaining({ file: 'decisions/2-1-2023.ru.md', field: 'body' })]);
    expect(problems[0]!.message).toMatch(/ИИН.*left out/);
    expect(documents.map((d) => d.id)).toEqual(['decision/2-2-2023']);
  });
});

describe('enrichDocuments: citations and links', () => {
  const resolution = doc('resolution/2000-04-28-n5', 'О расторжении брака.');
  const first = doc('decision/2-1-2023', 'По пункту 1 статьи 20 КоБС и ст. 999 КоБС, см. нормативное постановление Верховного Суда РК от 28 апреля 2000 года № 5.', {
    caseNumber: '2-1/2023',
  });
  const appeal = doc('decision/2a-5-2023', 'Решение по делу № 2-1/2023 оставить без изменения; статья 139 КоБС.', {
    caseNumber: '2а-5/2023', instance: 'appeal', reviews: '2-1-2023',
  });
  const summary = doc('summary/divorce-2022', 'Обобщение.', { resolutions: ['2000-04-28-n5'] });
  let byId = new Map<string, KbDocument>();
  beforeAll(async () => {
    const { documents } = await enrichDocuments([resolution, first, appeal, summary], { codes: [KOBS] });
    byId = new Map(documents.map((d) => [d.id, d]));
  });

  it('records citations with language and resolved targets, keeping unresolved ones', async () => {
    const cites = byId.get('decision/2-1-2023')!.citations;
    expect(cites.map((c) => [c.type, c.target, c.language])).toEqual([
      ['norm', 'kobs:20', 'ru'],
      ['norm', null, 'ru'],
      ['resolution', '2000-04-28-n5', 'ru'],
    ]);
  });

  it('fills the applied norms from resolved norm citations only', async () => {
    expect(byId.get('decision/2-1-2023')!.norms).toEqual(['kobs:20']);
    expect(byId.get('decision/2a-5-2023')!.norms).toEqual(['kobs:139']);
  });

  it('fills citedBy from citations, reviews and the resolutions of summaries', async () => {
    expect(byId.get('resolution/2000-04-28-n5')!.citedBy).toEqual(['decision/2-1-2023', 'summary/divorce-2022']);
    expect(byId.get('decision/2-1-2023')!.citedBy).toEqual(['decision/2a-5-2023']);
    expect(byId.get('decision/2a-5-2023')!.citedBy).toEqual([]);
  });

  it('lists similar decisions, never the decision itself', async () => {
    expect(byId.get('decision/2-1-2023')!.similar).toEqual(['decision/2a-5-2023']);
    expect(byId.get('resolution/2000-04-28-n5')!.similar).toEqual([]);
  });
});

describe('enrichDocuments: on worker threads', () => {
  it('gives exactly what the calling thread gives: masks, refusals, citations, links', async () => {
    const iin = withCheck('85021430012');
    const docs = [
      doc('resolution/2000-04-28-n5', 'Разъяснить, что статья 20 КоБС применяется.'),
      ...Array.from({ length: 12 }, (_, i) =>
        doc(`decision/2-${i}-2023`, `Истица Каримова А.Б., ИИН ${iin}, тел. 8 701 123 45 ${10 + i}, просит расторгнуть брак по статье 139 КоБС; нормативное постановление от 28 апреля 2000 года № 5. Дело № 2-${(i + 1) % 12}/2023.`, {
          title: { ru: `По иску Каримовой А.Б. № ${i}` }, judge: 'Сейткали А.Б.', caseNumber: `2-${i}/2023`,
        }),
      ),
      doc('decision/2-99-2023', `номер${iin}x`),
    ];
    const threads = await enrichDocuments(docs, { codes: [KOBS], workers: 2 });
    expect(threads).toEqual(await enrichDocuments(docs, { codes: [KOBS], workers: 0 }));
    expect(threads.problems).toHaveLength(1);
    expect(threads.documents[1]!.body.ru).toContain('Истица [А.], ИИН [ИИН]');
    expect(threads.documents[1]!.norms).toEqual(['kobs:139']);
  });
});

describe('enrichDocuments: odd input never crashes', () => {
  it('copes with empty bodies, missing languages, no categories and long noise', async () => {
    const noise = Array.from({ length: 20_000 }, (_, i) => 'А1 .,«»()-№/+7@KZ'[i % 17]).join('');
    const docs = [
      doc('decision/empty', ''),
      doc('decision/no-body', 'x', { body: {}, languages: ['ru', 'kk'] }),
      doc('decision/no-category', 'Истец Иванов.', { categories: [], categoryTrail: [] }),
      doc('decision/noise', noise, { caseNumber: '' }),
      doc('summary/s', 'ст. 188 УК', { resolutions: ['no-such-resolution'] }),
    ];
    const { documents, problems } = await enrichDocuments(docs, { codes: [] });
    expect(documents).toHaveLength(5);
    expect(problems).toEqual([]);
    expect(documents.find((d) => d.id === 'decision/no-category')!.similar).toEqual([]);
  });
});
