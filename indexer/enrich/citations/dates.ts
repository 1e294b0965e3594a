/** Dates as acts write them: «27 ноября 2015 года», «27.11.2015», «2015 жылғы 27 қарашадағы». */
const MONTHS_RU = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

export const MONTH_RU = String.raw`(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)`;
export const MONTH_KK = String.raw`(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\p{L}*`;

export function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const kk = MONTHS_KK.findIndex((m) => w.startsWith(m));
  if (kk >= 0) return kk + 1;
  if (w.startsWith('май') || w === 'мая') return 5;
  const ru = MONTHS_RU.findIndex((m, i) => i !== 4 && w.startsWith(m));
  return ru >= 0 ? ru + 1 : null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
