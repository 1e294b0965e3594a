/** Ordinal words that number parts of articles («части второй», «екінші бөлігі») and article lists. */
const ORDINALS_RU: [RegExp, number][] = [
  [/^перв/u, 1], [/^втор/u, 2], [/^трет/u, 3], [/^четв[её]рт/u, 4], [/^пят/u, 5], [/^шест/u, 6],
  [/^седьм/u, 7], [/^восьм/u, 8], [/^девят/u, 9], [/^десят/u, 10], [/^одиннадцат/u, 11], [/^двенадцат/u, 12],
];
const ORDINALS_KK: [RegExp, number][] = [
  [/^бірінші/u, 1], [/^екінші/u, 2], [/^үшінші/u, 3], [/^төртінші/u, 4], [/^бесінші/u, 5], [/^алтыншы/u, 6],
  [/^жетінші/u, 7], [/^сегізінші/u, 8], [/^тоғызыншы/u, 9], [/^оныншы/u, 10],
];

export const ORDINAL_RU = String.raw`(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат)\p{L}*`;
export const ORDINAL_KK = String.raw`(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы)`;

/** «2», «второй», «екінші», «2)», «а» → the number or letter as a string. */
export function subdivision(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const value = raw.replace(/[«»"()\s]/g, '').toLowerCase();
  if (/^\d+$/.test(value) || /^\p{L}$/u.test(value)) return value;
  for (const [re, n] of [...ORDINALS_RU, ...ORDINALS_KK]) if (re.test(value)) return String(n);
  return value || undefined;
}

export const ARTICLE_NUMBER = String.raw`\d+(?:-\d+)?`;

/**
 * Articles in a list as written: «9, 917, 951», «188 и 190», «223–226» (a range: each article in it),
 * «1072-1» (an article numbered with a hyphen). A hyphen between two numbers is a range when the
 * second is larger («223-226»), else the number of an inserted article («65-1»).
 */
export function expandArticles(list: string): string[] {
  const articles: string[] = [];
  const push = (a: string) => {
    if (!articles.includes(a)) articles.push(a);
  };
  for (const item of list.split(/\s*,\s*|\s+(?:и|или|және|мен|немесе|по)\s+/u)) {
    const dash = /^(\d+)\s*[–—]\s*(\d+)$/u.exec(item) ?? /^(\d+)\s*-\s*(\d+)$/u.exec(item);
    if (dash) {
      const [from, to] = [Number(dash[1]), Number(dash[2])];
      const isRange = /[–—]/u.test(item) || to > from;
      if (isRange && to > from && to - from <= 50) {
        for (let n = from; n <= to; n++) push(String(n));
        continue;
      }
      if (!isRange) {
        push(`${from}-${to}`);
        continue;
      }
    }
    const single = /^\d+(?:-\d+)?$/.exec(item.trim());
    if (single) push(single[0]);
  }
  return articles;
}
