/**
 * Publication dates as the publisher wrote them, reduced to YYYY-MM-DD. The calendar date is
 * taken in the writer's own time zone ("2021-03-08T23:30:00-05:00" stays 2021-03-08), never
 * converted to UTC or the reader's zone. Ambiguous numeric forms (03/08/2021) are not guessed.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key.slice(0, key.startsWith('sept') ? 4 : 3)] ?? 0;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function format(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD for a date written in a common machine or English form, else null. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m: RegExpExecArray | null;
  // ISO 8601 and friends: 2021-03-08, 2021-03-08T10:00:00Z, 2021/03/08, 2021.03.08
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(s))) return format(+m[1]!, +m[2]!, +m[3]!);
  // Compact ISO: 20210308 or 20210308T101500Z
  if ((m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s))) return format(+m[1]!, +m[2]!, +m[3]!);
  // RFC 822 / day-first English: "Mon, 08 Mar 2021 10:00:00 +0100", "8 March 2021"
  if ((m = new RegExp(`^(?:[a-z]{3,9},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4}|\\d{2})\\b`, 'i').exec(s))) {
    return format(fullYear(m[3]!), monthNumber(m[2]!), +m[1]!);
  }
  // Month-first English: "March 8, 2021", "Mon, Mar 8 2021"
  if ((m = new RegExp(`^(?:[a-z]{3,9},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(s))) {
    return format(+m[3]!, monthNumber(m[1]!), +m[2]!);
  }
  return null;
}
