/**
 * Dates as people write them in Russian and Kazakh documents, to ISO `YYYY-MM-DD`.
 * Pure: the caller passes "today" so that future dates can be refused deterministically.
 */
export type DateResult = { ok: true; iso: string; year: number } | { ok: false; message: string };

const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** Russian genitive month names («мая», «марта») and their nominatives, by stem. */
function ruMonth(word: string): number | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (/^ма[йя]$/.test(w)) return 5;
  const i = RU_MONTHS.findIndex((stem, idx) => idx !== 4 && w.startsWith(stem) && w.length - stem.length <= 2);
  return i >= 0 ? i + 1 : undefined;
}

/** Kazakh month names, also with case endings («мамырдағы», «мамырда»). */
function kkMonth(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = KK_MONTHS.findIndex((name) => w.startsWith(name) && w.length - name.length <= 5);
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function todayIso(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}

function check(year: number, month: number, day: number, written: string, today: string): DateResult {
  if (month < 1 || month > 12) return { ok: false, message: `"${written}" has no month ${month}` };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCFullYear() !== year) {
    return { ok: false, message: `"${written}" is not a real date (no day ${day} in ${pad(month)}.${year})` };
  }
  if (year < 1900) return { ok: false, message: `"${written}" is before 1900` };
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (iso > today) return { ok: false, message: `"${written}" is in the future (today is ${today})` };
  return { ok: true, iso, year };
}

/** Parse a written date; YAML may already have made a Date of an unquoted `2023-05-14`. */
export function parseWrittenDate(value: unknown, today: string = todayIso()): DateResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: 'not a valid date' };
    return check(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString().slice(0, 10), today);
  }
  if (typeof value !== 'string') return { ok: false, message: `expected a date, got ${typeof value}` };
  const written = value.trim();
  const text = written.replace(/[«»"]/g, '').replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return check(+m[1]!, +m[2]!, +m[3]!, written, today);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: ?(?:г\.?|года?))?$/.exec(text);
  if (m) return check(+m[3]!, +m[2]!, +m[1]!, written, today);
  // 14 мая 2023 года / 14 мая 2023 г.
  m = /^(\d{1,2}) ([\p{L}]+) (\d{4})(?: ?(?:г\.?|года?))?$/u.exec(text);
  if (m) {
    const month = ruMonth(m[2]!);
    if (month) return check(+m[3]!, month, +m[1]!, written, today);
    return { ok: false, message: `"${written}": unknown month "${m[2]}"` };
  }
  // 2023 жылғы 14 мамыр / 2023 ж. 14 мамырдағы
  m = /^(\d{4}) ?(?:жылғы|жыл|ж\.?) (\d{1,2}) ([\p{L}]+)$/u.exec(text);
  if (m) {
    const month = kkMonth(m[3]!);
    if (month) return check(+m[1]!, month, +m[2]!, written, today);
    return { ok: false, message: `"${written}": unknown month "${m[3]}"` };
  }
  return {
    ok: false,
    message: `"${written}" is not a date; write it as 2023-05-14, 14.05.2023, «14 мая 2023 года» or «2023 жылғы 14 мамыр»`,
  };
}
