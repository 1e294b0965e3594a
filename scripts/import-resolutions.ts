/**
 * Writes `content/resolutions/<slug>.{ru,kk}.md` from the reference corpus of normative resolutions
 * (`corpus/resolutions/<folder>/{rus.md,kaz.md,meta.yaml}`, see PROVENANCE.md there). The conversion is
 * in indexer/import/resolutions.ts; what the corpus does not say — which classifier categories a
 * resolution belongs to — is the table below, keyed by the official document id (`act_code`).
 *
 *   npx tsx scripts/import-resolutions.ts [corpus/resolutions dir] [content dir]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildResolution, parseRequisite, resolutionSlug, type CorpusMeta } from '../indexer/import/resolutions.ts';

/** act_code → classifier codes (content/classifier/*.yaml). */
const CATEGORIES: Record<string, string | string[]> = {
  '725': 'G.10', // защита чести, достоинства и деловой репутации
  '6100': 'G.02.01', // расторжение брака
  '16659': 'U.06', // хищения: кража, присвоение, мошенничество, грабеж, разбой
  '24712': 'M.02', // административный надзор за освобождёнными из мест лишения свободы
  '25858': ['G.09.02', 'G.12.02'], // вред жизни и здоровью при ликвидации работодателя вследствие банкротства
  '29020': 'U.06.194', // вымогательство
  '33405': 'U.01', // необходимая оборона: убийство и вред здоровью при превышении её пределов
  '34270': 'G.05', // земельное законодательство
  '34269': ['G.03', 'G.01'], // право собственности на жилище
  '47169': 'M.01', // исполнение судебных актов по гражданским делам
  '53952': 'M.03', // судебная защита прав в уголовном судопроизводстве (санкционирование, жалобы)
  '71422': 'P.01', // налоговые споры
  '94640': 'M.02', // условно-досрочное освобождение, замена наказания
  '96630': 'G.09.04', // моральный вред
  '101037': ['G.02.14', 'G.02.15'], // усыновление (удочерение)
  '107971': 'G.15', // экологический вред
  '108312': 'G.08.02', // банковский заём
};

function main(): void {
  const corpusDir = process.argv[2] ?? '/work/shared/corpus/resolutions';
  const outDir = join(process.argv[3] ?? join(import.meta.dirname, '..', 'content'), 'resolutions');
  mkdirSync(outDir, { recursive: true });

  const folders = readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(corpusDir, d.name, 'meta.yaml')))
    .map((d) => join(corpusDir, d.name));
  const metas = folders.map((dir) => ({ dir, meta: parse(readFileSync(join(dir, 'meta.yaml'), 'utf8')) as CorpusMeta }));

  // Slugs of every resolution being imported, so amending acts that are among them get linked.
  const knownSlugs = new Set<string>();
  for (const { meta } of metas) {
    const own = parseRequisite(meta.requisite);
    if (own) knownSlugs.add(resolutionSlug(own));
  }

  let failed = 0;
  for (const { dir, meta } of metas) {
    const code = String(meta.act_code ?? '');
    const category = CATEGORIES[code];
    if (!category) {
      console.error(`${dir}: act_code ${code} has no category in CATEGORIES; skipped`);
      failed++;
      continue;
    }
    try {
      const files = buildResolution(
        meta,
        {
          ru: readFileSync(join(dir, 'rus.md'), 'utf8'),
          ...(existsSync(join(dir, 'kaz.md')) ? { kk: readFileSync(join(dir, 'kaz.md'), 'utf8') } : {}),
        },
        { category, knownSlugs },
      );
      writeFileSync(join(outDir, `${files.slug}.ru.md`), files.ru);
      writeFileSync(join(outDir, `${files.slug}.kk.md`), files.kk);
      if (!existsSync(join(dir, 'kaz.md'))) console.warn(`${dir}: no kaz.md; the Kazakh file holds the title and a pointer to the official text`);
      console.log(`${files.slug}  ${files.status}`);
    } catch (error) {
      console.error(`${dir}: ${(error as Error).message}`);
      failed++;
    }
  }
  console.log(`${metas.length - failed} of ${metas.length} resolutions written to ${outDir}`);
  if (failed) process.exitCode = 1;
}

main();
