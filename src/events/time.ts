import * as chrono from 'chrono-node';

/**
 * Time expressions in a sentence, normalised against the publication date.
 *
 * chrono-node finds the expressions; the value is chosen here, by what the words
 * name, at the precision they name it (ISO 8601): a day `2021-03-03`, a week
 * `2021-W09` ("last week"), a month `2021-01` ("in January"), a year `2020`. A bare
 * weekday or month is the latest one on or before the publication date when the
 * event lies in the past, the next one when it lies ahead. Without a publication
 * date only absolute dates ("March 3, 2021") get a value: never today's date.
 */

export interface TimeExpression {
  /** Character offsets into the document text. */
  start: number;
  end: number;
  /** Normalised value for an event in the past or in the future. */
  value(direction: 'past' | 'future'): string | null;
}

const DAY_MS = 86_400_000;
/** chrono needs some reference to find expressions; values from it are used only with a real anchor. */
const NO_ANCHOR = new Date(Date.UTC(2000, 0, 1, 12));
/**
 * An expression that names its year ("March 3, 2021", "3/4/2020", "May 2019") is dated
 * without a publication date; any other ("Tuesday", "March 3", "last year", "two days
 * ago") is read against one, so without an anchor it gets no value.
 */
const STATES_ITS_YEAR = /\b(?:1[89]|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;
const QUALIFIER = /\b(early|late|mid|earlier|later|in|on|since|from|during)[\s-]+$/i;
const NOT_A_TIME = /^(may|march|sun|sat|wed)$/i;
const DURATION_LEAD = /\b(within|for|in the next|in the coming|over the next|over the coming|inside|no later than|by|until|till|before)\s+$/i;
const BARE_YEAR = /\b(?:in|since|during|of)\s+((?:19|20)\d\d)\b/g;

export function parsePublished(published: string | null | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO 8601 week of a date: 2021-03-01 -> 2021-W09. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function month(d: Date): string {
  return d.toISOString().slice(0, 7);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/**
 * chrono over the windows around the words that can start a time expression, not the
 * whole sentence: it costs in proportion to the text it reads. Indexes are into `slice`.
 */
/** A chrono result placed in the sentence: its index and text there, and what chrono read. */
interface Found {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
}

function parseAround(slice: string, instant: Date): Found[] {
  const windows: [number, number][] = [];
  const re = new RegExp(MAY_HOLD_TIME.source, 'gi');
  for (const m of slice.matchAll(re)) {
    const a = Math.max(0, m.index! - 30);
    const b = Math.min(slice.length, m.index! + m[0].length + 30);
    const lastWindow = windows[windows.length - 1];
    if (lastWindow && a <= lastWindow[1]) lastWindow[1] = Math.max(lastWindow[1], b);
    else windows.push([a, b]);
  }
  const out: Found[] = [];
  for (const [a, b] of windows) {
    // Start and end the window at word boundaries so no word is cut in two.
    const start = a === 0 ? 0 : slice.lastIndexOf(' ', a) + 1;
    let end = slice.indexOf(' ', b);
    if (end === -1) end = slice.length;
    for (const r of chrono.parse(slice.slice(start, end), { instant, timezone: 'UTC' } as chrono.ParsingReference)) {
      const index = r.index + start;
      if (!out.some((o) => o.index === index)) out.push({ index, text: r.text, start: r.start });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

/** Finds the time expressions of text[from, to). */
/** Words without which a sentence holds no time expression: chrono is not asked. */
const MAY_HOLD_TIME = new RegExp([
  '\\b(january|february|march|april|june|july|august|september|october|november|december)\\b',
  '\\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.',
  '\\bmay\\s+\\d', '\\b(in|since|early|late|mid|until|by)[\\s-]+may\\b',
  '\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b',
  '\\b(today|tonight|yesterday|tomorrow|ago|overnight|weekend)\\b',
  '\\b(last|this|next|past|previous|coming|earlier|later)\\s+(week|month|year|decade|morning|afternoon|evening|night)',
  '\\b(in|since|during|of|by|until|from)\\s+(19|20)\\d\\d\\b', '\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}',
].join('|'), 'i');

export function findTimes(text: string, from: number, to: number, published: string | null): TimeExpression[] {
  const anchor = parsePublished(published);
  const slice = text.slice(from, to);
  if (!MAY_HOLD_TIME.test(slice)) return [];
  const results = parseAround(slice, anchor ?? NO_ANCHOR);
  const out: TimeExpression[] = [];
  for (const r of results) {
    const words = r.text.trim();
    if (NOT_A_TIME.test(words)) continue;
    const before = slice.slice(0, r.index);
    // Durations and deadlines ("within 30 days", "by Friday") are the deadline finder's.
    if (DURATION_LEAD.test(before) || /^(within|for|in the next)\b/i.test(words)) continue;
    const known = r.start as unknown as { knownValues: Record<string, number>; impliedValues: Record<string, number> };
    const kv = known.knownValues;
    if (!('day' in kv) && !('weekday' in kv) && !('month' in kv) && !('year' in kv) && !/\b(week|month|year)\b/i.test(words)) continue;
    let start = from + r.index;
    const qualifier = QUALIFIER.exec(before);
    if (qualifier && /^(early|late|mid|earlier|later)$/i.test(qualifier[1]!)) start = from + r.index - qualifier[0].length;
    const end = from + r.index + r.text.replace(/[\s,;:.]+$/, '').length;
    const relative = !anchor && !STATES_ITS_YEAR.test(words);
    out.push({ start, end, value: (direction) => (relative ? null : normalise(words, r, kv, anchor, direction)) });
  }
  // chrono leaves bare years alone ("in 2019").
  for (const m of slice.matchAll(BARE_YEAR)) {
    const start = from + m.index! + m[0].length - m[1]!.length;
    if (out.some((t) => t.start <= start && start < t.end)) continue;
    const year = m[1]!;
    out.push({ start, end: start + 4, value: () => year });
  }
  return out.sort((a, b) => a.start - b.start);
}

function normalise(
  words: string,
  r: Found,
  kv: Record<string, number>,
  anchor: Date | null,
  direction: 'past' | 'future',
): string | null {
  const lower = words.toLowerCase();
  const absoluteYear = 'year' in kv;
  if (!anchor) {
    if (!absoluteYear) return null;
    if ('day' in kv && 'month' in kv) return isoDate(r.start.date());
    if ('month' in kv) return month(r.start.date());
    return String(kv.year);
  }
  const relative = /\b(last|this|next|past|previous|coming)\s+(week|month|year)\b/.exec(lower);
  if (relative) {
    const shift = relative[1] === 'this' ? 0 : relative[1] === 'next' || relative[1] === 'coming' ? 1 : -1;
    if (relative[2] === 'week') return isoWeek(addDays(anchor, 7 * shift));
    if (relative[2] === 'month') {
      const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + shift, 1, 12));
      return month(d);
    }
    return String(anchor.getUTCFullYear() + shift);
  }
  if (/\b(this|earlier this|later this)\s+month\b/.test(lower)) return month(anchor);
  // A weekday alone: the one on or before the anchor for past events, on or after for future ones.
  if ('weekday' in kv && !('day' in kv)) {
    const explicit = /\b(last|next|this)\b/.exec(lower);
    if (explicit && explicit[1] !== 'this') return isoDate(r.start.date());
    const target = kv.weekday!;
    const dow = anchor.getUTCDay();
    const back = (dow - target + 7) % 7;
    const forward = (target - dow + 7) % 7;
    return isoDate(direction === 'future' ? addDays(anchor, forward) : addDays(anchor, -back));
  }
  if ('day' in kv && 'month' in kv) {
    if (absoluteYear) return isoDate(r.start.date());
    const y = anchor.getUTCFullYear();
    let d = new Date(Date.UTC(y, kv.month! - 1, kv.day!, 12));
    if (direction === 'past' && d.getTime() > anchor.getTime() + DAY_MS) d = new Date(Date.UTC(y - 1, kv.month! - 1, kv.day!, 12));
    if (direction === 'future' && d.getTime() < anchor.getTime() - DAY_MS) d = new Date(Date.UTC(y + 1, kv.month! - 1, kv.day!, 12));
    return isoDate(d);
  }
  if ('month' in kv) {
    if (absoluteYear) return `${kv.year}-${String(kv.month).padStart(2, '0')}`;
    const y = anchor.getUTCFullYear();
    const m = kv.month! - 1;
    let year = y;
    if (direction === 'past' && m > anchor.getUTCMonth()) year = y - 1;
    if (direction === 'future' && m < anchor.getUTCMonth()) year = y + 1;
    return `${year}-${String(m + 1).padStart(2, '0')}`;
  }
  if (absoluteYear && !('day' in kv)) return String(kv.year);
  // Relative days (yesterday, two days ago, today) come out of chrono as full dates.
  return isoDate(r.start.date());
}
