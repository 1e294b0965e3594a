import type { Command } from '../cli.ts';
import { codePointOffsets } from '../enrich/offsets.ts';
import { redact } from '../enrich/redact/index.ts';
import { parseCommandArgs, UsageError } from './args.ts';

const usage = `Usage: taldau redact [--json] [--lang ru|kk] [--keep NAME]… < text

Masks personal data of private persons in the text on standard input, as the indexer does for every
decision: ИИН/БИН, phone numbers, e-mail, street addresses, IBANs, vehicle plates, and the names of
parties, victims and witnesses in any case form. A person becomes «[А.]», «[Б.]» … in order of first
mention, the same letter throughout; other data its bracketed kind («[ИИН]», «[адрес]» …). Names after
an office (судья, прокурор, секретарь, адвокат …) stay.

  --json          print { text, entities: [{ type, start, end }] } with offsets (in characters) into the input
  --lang ru|kk    language of the placeholders (default: detected from the text)
  --keep NAME     a name to leave as is, e.g. the judge «Сейткали А.Б.» (repeatable)`;

export const command: Command = {
  summary: 'mask personal data in text on stdin',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      keep: { type: 'string', multiple: true },
    });
    if (values.lang !== undefined && values.lang !== 'ru' && values.lang !== 'kk') throw new UsageError(`--lang must be ru or kk, not "${values.lang}"`);
    const input = await io.readStdin();
    const result = redact(input, { lang: values.lang as 'ru' | 'kk' | undefined, keep: values.keep ?? [] });
    if (values.json) {
      const offset = codePointOffsets(input);
      const entities = result.entities.map(({ type, start, end }) => ({ type, start: offset(start), end: offset(end) }));
      io.stdout(JSON.stringify({ text: result.text, entities }, null, 2));
    } else {
      // defaultIo adds a newline when the text lacks one; keep the text exactly otherwise.
      io.stdout(result.text);
    }
    return 0;
  },
};
