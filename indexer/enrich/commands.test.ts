import { describe, expect, it } from 'vitest';
import { main } from '../cli.ts';
import { fakeIo } from '../test/fake-io.ts';
import { VALID_DIR } from '../test/paths.ts';
import { checkDigit } from './redact/iin.ts';

const run = async (stdin: string, ...argv: string[]) => {
  const f = fakeIo(stdin);
  const code = await main(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
};

describe('taldau cite', () => {
  const text = 'Согласно ч. 2 ст. 188 УК и статьям 15, 16 КоБС, см. нормативное постановление Верховного Суда РК от 28 июля 2000 года № 5 и дело № 2-1234/2023.';

  it('prints a JSON array resolved against --content', async () => {
    const r = await run(text, 'cite', '--json', '--content', VALID_DIR);
    expect(r.code).toBe(0);
    const cites = JSON.parse(r.stdout);
    expect(cites).toEqual([
      { type: 'norm', text: 'ч. 2 ст. 188 УК', start: 9, end: 24, target: 'uk:188', code: 'УК', article: '188', part: '2', paragraph: null },
      { type: 'norm', text: 'статьям 15, 16 КоБС', start: 27, end: 46, target: 'kobs:15', code: 'КоБС', article: '15', part: null, paragraph: null },
      { type: 'norm', text: 'статьям 15, 16 КоБС', start: 27, end: 46, target: 'kobs:16', code: 'КоБС', article: '16', part: null, paragraph: null },
      expect.objectContaining({ type: 'resolution', target: '2000-07-28-n5', date: '2000-07-28', number: '5' }),
      expect.objectContaining({ type: 'case', text: '2-1234/2023', target: '2-1234-2023' }),
    ]);
    for (const c of cites) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('prints one line per reference without --json, marking unresolved ones', async () => {
    const r = await run('ст. 999 КоБС; ст. 188 УК', 'cite', '--content', VALID_DIR);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual(['norm\tКоБС ст. 999\t(unresolved)\t0-12\tст. 999 КоБС', 'norm\tУК ст. 188\tuk:188\t14-24\tст. 188 УК']);
  });

  it('counts offsets in characters, also after an emoji', async () => {
    const text = '🙂 ст. 188 УК';
    expect(JSON.parse((await run(text, 'cite', '--json', '--content', VALID_DIR)).stdout)[0]).toMatchObject({ start: 2, end: 12 });
  });

  it('reads Kazakh text', async () => {
    const r = await run('ҚК-нің 188-бабының екінші бөлігі', 'cite', '--json', '--content', VALID_DIR);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ code: 'УК', article: '188', part: '2', target: 'uk:188' })]);
    const short = await run('ҚК-нің 188-бабы', 'cite', '--json', '--content', VALID_DIR);
    expect(JSON.parse(short.stdout)).toEqual([expect.objectContaining({ code: 'УК', article: '188', target: 'uk:188' })]);
  });

  it('refuses a bad --lang and a missing --content with exit 2', async () => {
    expect((await run('', 'cite', '--lang', 'en')).code).toBe(2);
    expect((await run('', 'cite', '--content', '/nonexistent/taldau')).code).toBe(2);
  });
});

describe('taldau redact', () => {
  const iin = `85021430012${checkDigit('85021430012')}`;
  const input = `Истец Иванов Иван Иванович, ИИН ${iin}, тел. +7 701 123 45 67, к ответчику Петровой А.А.; судья Сейткали А.Б.`;

  it('prints the masked text', async () => {
    const r = await run(input, 'redact', '--keep', 'Сейткали А.Б.');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Истец [А.], ИИН [ИИН], тел. [телефон], к ответчику [Б.]; судья Сейткали А.Б.');
  });

  it('prints { text, entities } with offsets into the input', async () => {
    const r = await run(input, 'redact', '--json');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['text', 'entities']);
    expect(out.entities.map((e: { type: string }) => e.type)).toEqual(['name', 'iin', 'phone', 'name']);
    expect(out.entities.map((e: { start: number; end: number }) => input.slice(e.start, e.end))).toEqual([
      'Иванов Иван Иванович', iin, '+7 701 123 45 67', 'Петровой А.А.',
    ]);
    expect(Object.keys(out.entities[0])).toEqual(['type', 'start', 'end']);
  });

  it('counts offsets in characters, also after an emoji', async () => {
    const text = '🙂 тел. 87011234567';
    const out = JSON.parse((await run(text, 'redact', '--json')).stdout);
    expect(out.entities).toEqual([{ type: 'phone', start: 7, end: 18 }]);
    expect([...text].slice(7, 18).join('')).toBe('87011234567');
  });

  it('passes text without personal data through unchanged', async () => {
    const text = 'Суд, руководствуясь ст. 188 УК, 14 мая 2023 года, взыскал 1 500 000 тенге с ТОО «Алма».';
    expect((await run(text, 'redact')).stdout).toBe(text);
  });
});
