import { givenNameOf } from './given-names.ts';
import { isPatronymic } from './name-forms.ts';
import { adjacent, canBeSurname, SURNAME_SHAPE, surnameAlone, type Token } from './name-shapes.ts';

/**
 * Firms that are one person: an individual entrepreneur (ИП, ЖК — жеке кәсіпкер) or a peasant farm
 * (КХ, ФХ, ШҚ — шаруа қожалығы) is named after its owner more often than not («ИП «Бекова»»,
 * «КХ «Асан»», «ИП Иванов А.А.», «Бекова» ЖК). That name is personal data; the name of a company
 * (ТОО, АО, ЖШС) is not, and stays.
 *
 * Unquoted words after the mark are the owner's name whatever their shape («ИП Сейткали»). A quoted
 * name counts only when it reads as a person's: initials, a patronymic, a surname shape or a known
 * given name («ИП «Бекова»», «КХ «Асан»»), not a trade name («ИП «Береке»», «КХ «Ак Бидай»»).
 */
// «ЖК» before a name is a residential complex in Russian (ЖК «Нурсая») and the Land Code in Kazakh
// («ЖК 23-бабы»); as an entrepreneur it stands after the name, the Kazakh way («Бекова» ЖК).
const SHORT_MARK = String.raw`(?:ИП|КХ|ФХ|ШҚ|ШК)`;
const SHORT_MARK_AFTER = String.raw`(?:ИП|ЖК|КХ|ФХ|ШҚ|ШК)`;
const LONG_MARK = String.raw`(?:индивидуальн\p{L}*[ \u00a0]+предпринимател\p{L}*|жеке[ \u00a0]+кәсіпкер\p{L}*|крестьянск\p{L}*[ \u00a0]+(?:\(фермерск\p{L}*\)[ \u00a0]+)?хозяйств\p{L}*|фермерск\p{L}*[ \u00a0]+хозяйств\p{L}*|шаруа[ \u00a0]+(?:\(фермер\)[ \u00a0]+)?қожалығ\p{L}*)`;
// The short marks are capitals only («ип» is no mark); the long forms are matched in any case.
const MARKS_BEFORE = [new RegExp(String.raw`(?<![\p{L}])${SHORT_MARK}[ \u00a0]*(?<quote>«?)$`, 'u'), new RegExp(String.raw`(?<![\p{L}])${LONG_MARK}[ \u00a0]*(?<quote>«?)$`, 'iu')];
const MARKS_AFTER = [new RegExp(String.raw`^»[ \u00a0]*${SHORT_MARK_AFTER}(?![\p{L}])`, 'u'), new RegExp(String.raw`^»[ \u00a0]*${LONG_MARK}(?![\p{L}])`, 'iu')];

/** Whether a text has any mark of a one-person firm at all: most have none, and then no token is looked at. */
export const mentionsOnePersonFirm = (text: string) => /ИП|КХ|ФХ|ШҚ|ШК|ЖК|предпринимател|хозяйств|кәсіпкер|қожалығ/iu.test(text);

/** Reads as a person's name: initials, a patronymic, a surname's shape or a known given name. */
function personLike(words: Token[]): boolean {
  return words.some((w) => w.kind === 'initials' || isPatronymic(w.text) || surnameAlone(w.text) || SURNAME_SHAPE.test(w.text) || !!givenNameOf(w.text));
}

/**
 * When token `i` opens the owner's name in a one-person firm's name, the index of the name's last
 * token; otherwise -1. Up to three tokens (surname, given name or initials, patronymic).
 */
export function entrepreneurNameEnd(text: string, tokens: Token[], i: number): number {
  const first = tokens[i];
  if (!first || !canBeSurname(first)) return -1;
  let last = i;
  while (last < i + 2 && adjacent(text, tokens[last], tokens[last + 1]) && (tokens[last + 1]!.kind === 'initials' || canBeSurname(tokens[last + 1]) || isPatronymic(tokens[last + 1]!.text))) last++;
  const preceding = text.slice(Math.max(0, first.start - 60), first.start);
  const before = MARKS_BEFORE.map((re) => re.exec(preceding)).find((m) => m !== null);
  const quotedFrom = text[first.start - 1] === '«';
  if (before && !before.groups!.quote) return last; // ИП Иванов А.А.
  if (!quotedFrom) return -1;
  // «…» must hold the name alone: the quote closes right after one of the tokens.
  for (let end = i; end <= last; end++) {
    if (text[tokens[end]!.end] !== '»') continue;
    const words = tokens.slice(i, end + 1);
    const following = text.slice(tokens[end]!.end, tokens[end]!.end + 60);
    const marked = !!before || MARKS_AFTER.some((re) => re.test(following));
    return marked && personLike(words) ? end : -1;
  }
  return -1;
}
