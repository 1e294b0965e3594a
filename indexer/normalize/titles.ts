import type { DocLang } from '../../schemas/common.ts';
import type { ActType } from '../../schemas/documents.ts';

const ACT_NAMES: Record<DocLang, Record<ActType, string>> = {
  ru: { decision: 'Решение', verdict: 'Приговор', ruling: 'Постановление', order: 'Определение' },
  kk: { decision: 'шешім', verdict: 'үкім', ruling: 'қаулы', order: 'ұйғарым' },
};

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('ru') + s.slice(1);

/**
 * A title for a decision that has none, from its act type, case number and category, in the language of
 * the text: «Решение по делу № 2-1234/2023: расторжение брака», «№ 2-1234/2023 іс бойынша шешім: неке бұзу».
 */
export function composeDecisionTitle(lang: DocLang, actType: ActType, caseNumber: string, categoryName?: string): string {
  const head =
    lang === 'ru'
      ? `${ACT_NAMES.ru[actType]} по делу № ${caseNumber}`
      : `№ ${caseNumber} іс бойынша ${ACT_NAMES.kk[actType]}`;
  return categoryName ? `${head}: ${lowerFirst(categoryName)}` : head;
}
