/**
 * Terms for similarity and category suggestion, dependency-free so the browser can run it too:
 * lower-cased words of three letters or more, cut to a fixed prefix — a crude stemmer that puts the
 * case forms of Russian and Kazakh words («расторжении», «расторжения»; «некені», «некеге») together.
 */
const PREFIX = 6;

const STOP = new Set([
  'или', 'что', 'это', 'как', 'так', 'для', 'его', 'она', 'они', 'был', 'была', 'было', 'были', 'при', 'под', 'над',
  'без', 'также', 'кото', 'котор', 'которы', 'указан', 'данног', 'данный', 'суд', 'суда', 'суду', 'судом', 'году',
  'года', 'год', 'дела', 'дело', 'делу', 'статьи', 'статья', 'части', 'пункта', 'между', 'после', 'того', 'этого',
  'және', 'мен', 'бен', 'пен', 'осы', 'бойынша', 'туралы', 'сот', 'соты', 'сотқа', 'жылғы', 'бабы', 'бабының',
  'бөлігі', 'оның', 'деп', 'үшін', 'бұл', 'сол', 'ретінде', 'арқылы', 'бар', 'жоқ', 'the', 'and', 'for', 'with',
]);

export function terms(text: string): string[] {
  const out: string[] = [];
  // ь/ъ go: «уволил» and «увольнение» then share their prefix.
  for (const m of text.toLowerCase().replace(/ё/g, 'е').replace(/[ьъ]/g, '').matchAll(/[\p{L}]{3,}/gu)) {
    const word = m[0];
    if (STOP.has(word)) continue;
    const stem = word.slice(0, PREFIX);
    if (STOP.has(stem)) continue;
    out.push(stem);
  }
  return out;
}

/** Term counts of a text. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
