import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../schemas/kb-document.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge-base.ts';
import { writeCompactIndex } from '../engines/compact/index.ts';
import type { CompactFragment } from '../engines/compact/format.ts';

/**
 * Personal data of private persons in the real decisions of `content/` never reaches a page or an
 * index unmasked. The ground truth (fixtures/privacy/parties.json) was written by reading each
 * decision, not by running the masker: the parties', victims', witnesses' and relatives' surnames and
 * given names, and their numbers, e-mails and handles. Every one of them must be gone from the masked
 * title and body of its decision, in any case form; the judge of the frontmatter must still be there.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(ROOT, 'content');
const DECISIONS = join(CONTENT, 'decisions');

interface Truth {
  names: string[];
  other?: string[];
  /** Phrases naming someone in office who shares a stem with a private person; they may stay. */
  except?: string[];
}
const TRUTH: Record<string, Truth> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(new URL('./fixtures/privacy/parties.json', import.meta.url), 'utf8')) as Record<string, Truth | string>).filter(
    (e): e is [string, Truth] => !e[0].startsWith('_'),
  ),
);

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A name in any case form: the word without its final vowel, then up to eight letters («Сапаров» →
 * «Сапарову», «Сапаровтың»; «Айгүл» → «Айгүлге»). Short names (Ли, Ким, Пак) only as a capitalised
 * word with a case ending, since «ли» is also a particle.
 */
function namePattern(name: string): RegExp {
  if (name.length <= 3) {
    const endings = '(?:а|у|ом|е|ым|ой|ге|ке|ден|нің|ның|ді|ні|мен|ға|ға|дің|дың)?';
    return new RegExp(`(?<![\\p{L}])(?:${escape(name)}|${escape(name.toUpperCase())})${endings}(?![\\p{L}])`, 'u');
  }
  const stem = fold(name).replace(/(?:ий|ей|ь|[аяеиоуыюі])$/u, '');
  return new RegExp(`(?<![\\p{L}])${escape(stem)}\\p{L}{0,8}(?![\\p{L}])`, 'u');
}

const digitsOnly = (s: string) => s.replace(/[\s()\u00a0-]/g, '');

/** Ground-truth items still present in a masked text, with some context. */
function leaksIn(text: string, truth: Truth): string[] {
  let visible = text;
  for (const phrase of truth.except ?? []) visible = visible.split(phrase).join(' ');
  const folded = fold(visible);
  const found: string[] = [];
  for (const name of truth.names) {
    const re = namePattern(name);
    const m = re.exec(name.length <= 3 ? visible : folded);
    if (m) found.push(`${name}: «…${visible.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).replace(/\s+/g, ' ')}…»`);
  }
  const compact = digitsOnly(visible);
  for (const item of truth.other ?? []) {
    const needle = /\d{5}/.test(item) ? digitsOnly(item).replace(/^\+/, '') : fold(item);
    if ((/\d{5}/.test(item) ? compact : folded).includes(needle)) found.push(item);
  }
  return found;
}

/** The language of a decision file from its name: `<slug>.<lang>.md`. */
const langOf = (file: string) => (file.endsWith('.kk.md') ? 'kk' : 'ru');

describe('privacy of the real decisions in content/', () => {
  let kb: KnowledgeBase;
  const byFile = new Map<string, KbDocument>();

  beforeAll(async () => {
    kb = await loadKnowledgeBase({ contentDir: CONTENT });
    for (const doc of kb.documents) if (doc.kind === 'decision') for (const f of doc.files) byFile.set(basename(f), doc);
  });

  const files = readdirSync(DECISIONS).filter((f) => f.endsWith('.md')).sort();

  it('has a hand-written ground truth for every decision, each item present in the raw text', () => {
    expect(Object.keys(TRUTH).sort()).toEqual(files);
    const absent: string[] = [];
    for (const file of files) {
      const raw = readFileSync(join(DECISIONS, file), 'utf8');
      const truth = TRUTH[file]!;
      for (const name of truth.names) if (!namePattern(name).test(name.length <= 3 ? raw : fold(raw))) absent.push(`${file}: ${name}`);
      for (const item of truth.other ?? []) if (!raw.includes(item)) absent.push(`${file}: ${item}`);
    }
    expect(absent).toEqual([]);
  });

  it('keeps every decision (none left out for a leak the masker could not close)', () => {
    const missing = files.filter((f) => !byFile.has(f));
    expect(missing).toEqual([]);
  });

  it('masks every private name, number, e-mail and handle in the title, body and keywords of its decision', () => {
    const leaks: string[] = [];
    for (const file of files) {
      const doc = byFile.get(file);
      if (!doc) continue;
      const lang = langOf(file);
      const text = `${doc.title[lang] ?? ''}\n\n${doc.body[lang] ?? ''}\n\n${doc.keywords.join(', ')}`;
      for (const leak of leaksIn(text, TRUTH[file]!)) leaks.push(`${file} ${leak}`);
    }
    if (leaks.length) console.info(`privacy leaks (${leaks.length}):\n${leaks.join('\n')}`);
    expect(leaks).toEqual([]);
  });

  it('the compact index carries the masked text only: no ground-truth item in any fragment of a decision', async () => {
    const out = await mkdtemp(join(tmpdir(), 'taldau-privacy-compact-'));
    try {
      await writeCompactIndex(kb.documents, out);
      const leaks: string[] = [];
      let checked = 0;
      for (const name of await readdir(join(out, 'fragments'))) {
        const fragment = JSON.parse(gunzipSync(await readFile(join(out, 'fragments', name))).toString()) as CompactFragment;
        const doc = kb.documents.find((d) => d.id === fragment.id);
        if (doc?.kind !== 'decision') continue;
        for (const file of doc.files.map((f) => basename(f))) {
          const truth = TRUTH[file];
          const text = fragment.text[langOf(file)];
          if (truth && text) checked++;
          if (truth && text) for (const leak of leaksIn(`${fragment.title[langOf(file)] ?? ''}\n${text}`, truth)) leaks.push(`${file} ${leak}`);
        }
      }
      expect(checked).toBe(files.length);
      expect(leaks).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("keeps the judge's name (people in office are not masked)", () => {
    const lost: string[] = [];
    for (const file of files) {
      const doc = byFile.get(file);
      const judge = doc?.judge;
      if (!doc || !judge) continue;
      const surname = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?/u.exec(judge)![0];
      // The frontmatter spells the judge once for both languages («Жунусова»; the Kazakh text has «Жүнісова»).
      if (!namePattern(surname).test(fold(readFileSync(join(DECISIONS, file), 'utf8')))) continue;
      const body = doc.body[langOf(file)] ?? '';
      if (!namePattern(surname).test(fold(body))) lost.push(`${file}: ${judge}`);
    }
    expect(lost).toEqual([]);
  });

  it('has no private surname, ИИН or phone of a decision in the practice summaries', () => {
    const surnames = [...new Set(Object.values(TRUTH).flatMap((t) => t.names.filter((n) => /(?:ов|ев|ин|ова|ева|ина|ұлы|қызы|ко|ук)$/u.test(n))))];
    const numbers = [...new Set(Object.values(TRUTH).flatMap((t) => (t.other ?? []).filter((o) => /\d{5}/.test(o))))];
    const found: string[] = [];
    for (const doc of kb.documents) {
      if (doc.kind !== 'summary') continue;
      for (const text of Object.values(doc.body)) {
        const folded = fold(text ?? '');
        const compact = digitsOnly(text ?? '');
        for (const s of surnames) if (namePattern(s).test(folded)) found.push(`${doc.id}: ${s}`);
        for (const n of numbers) if (compact.includes(digitsOnly(n).replace(/^\+/, ''))) found.push(`${doc.id}: ${n}`);
      }
    }
    expect(found).toEqual([]);
  });
});
