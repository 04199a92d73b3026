import * as chrono from 'chrono-node';
import { isoDate, parsePublished } from './time.js';

/**
 * Deadlines and durations: "a 12-month window" -> P12M, "within 30 days" -> P30D,
 * "48 hours" -> PT48H, "by the end of the year" -> 2021-12-31, "by Friday" -> the next
 * Friday. Durations need no anchor; dates do (null without a publication date).
 */

export interface DeadlineExpression {
  start: number;
  end: number;
  value: string | null;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, thirty: 30, forty: 40,
  'forty-five': 45, fifty: 50, sixty: 60, ninety: 90, hundred: 100,
};
const NUMBER = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|hundred)';
const UNIT = '(hour|day|week|month|year|decade)s?';
/** "a 12-month window", "a 30-day deadline", "a six-month grace period", "a 72-hour ultimatum". */
const NOUN_FRAME = new RegExp(
  `\\b(?:an?|the|its|their|one)?\\s*${NUMBER}[\\s-]+${UNIT}[\\s-]+(window|deadline|period|grace period|time ?frame|timeline|timetable|ultimatum|ceasefire|truce|moratorium|pause|freeze|suspension|extension|countdown|respite)\\b`,
  'gi',
);
/** "within 30 days", "in the next two weeks", "no later than six months", "gave them 48 hours to". */
const PREP_FRAME = new RegExp(
  `\\b(within|in the next|in the coming|over the next|over the coming|no later than|inside of|inside|for)\\s+(?:the\\s+next\\s+)?${NUMBER}\\s+${UNIT}\\b`,
  'gi',
);
const GIVEN_FRAME = new RegExp(`(?<=\\b(?:gave|give|gives|giving|given|granted|grant|allowed|allow)\\s+(?:\\S+\\s+){0,3}?)${NUMBER}\\s+${UNIT}(?=\\s+to\\b)`, 'gi');
const END_OF = /\b(?:by|before|until|till|no later than)\s+the\s+end\s+of\s+(?:the|this|next|(\w+))\s*(year|month|week|\w+)?/gi;
const DATE_START = /^(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|next|tomorrow|tonight|mid|early|late|this|the (end|start|beginning|middle) of)/i;
const BY_DATE = /\b(by|before|until|till|no later than|deadline of)\s+/gi;

function count(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

export function isoDuration(n: number, unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (u === 'hour') return `PT${n}H`;
  if (u === 'day') return `P${n}D`;
  if (u === 'week') return `P${n}W`;
  if (u === 'month') return `P${n}M`;
  if (u === 'decade') return `P${n * 10}Y`;
  return `P${n}Y`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function lastDayOf(year: number, monthIndex: number): string {
  return isoDate(new Date(Date.UTC(year, monthIndex + 1, 0, 12)));
}

const UNIT_WORD = /\b(hour|day|week|month|year|decade)s?\b/i;
const BY_DATE_QUICK = /\b(by|before|until|till|than|of)\s+(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|next|tomorrow|tonight|mid|early|late|this|the (end|start|beginning|middle) of)/i;

/** Without one of these words a sentence holds no deadline or duration. */
const MAY_HOLD_DEADLINE = /\b(hours?|days?|weeks?|months?|years?|decades?|by|before|until|till|deadline|later than)\b/i;

export function findDeadlines(text: string, from: number, to: number, published: string | null): DeadlineExpression[] {
  const anchor = parsePublished(published);
  const slice = text.slice(from, to);
  if (!MAY_HOLD_DEADLINE.test(slice)) return [];
  const out: DeadlineExpression[] = [];
  const add = (start: number, end: number, value: string | null) => {
    if (out.some((d) => d.start < from + end && from + start < d.end)) return;
    out.push({ start: from + start, end: from + end, value });
  };
  // Each family of expressions is looked for only when its key words are there.
  const units = UNIT_WORD.test(slice);
  for (const re of units ? [NOUN_FRAME, PREP_FRAME, GIVEN_FRAME] : []) {
    re.lastIndex = 0;
    for (const m of slice.matchAll(re)) {
      const numberWord = re === PREP_FRAME ? m[2]! : m[1]!;
      const unit = re === PREP_FRAME ? m[3]! : m[2]!;
      const n = count(numberWord);
      if (n === null) continue;
      // A leading determiner is part of the phrase, surrounding white space is not.
      const lead = m[0].length - m[0].trimStart().length;
      add(m.index! + lead, m.index! + m[0].length, isoDuration(n, unit));
    }
  }
  for (const m of /\bend of\b/i.test(slice) ? slice.matchAll(END_OF) : []) {
    const monthName = (m[1] ?? '').toLowerCase();
    const unit = (m[2] ?? '').toLowerCase();
    let value: string | null = null;
    if (anchor) {
      const y = anchor.getUTCFullYear();
      const next = /\bnext\b/i.test(m[0]) ? 1 : 0;
      if (MONTHS.includes(monthName)) {
        const mi = MONTHS.indexOf(monthName);
        value = lastDayOf(mi < anchor.getUTCMonth() ? y + 1 : y, mi);
      } else if (MONTHS.includes(unit)) {
        const mi = MONTHS.indexOf(unit);
        value = lastDayOf(mi < anchor.getUTCMonth() ? y + 1 : y, mi);
      } else if (unit === 'year') value = `${y + next}-12-31`;
      else if (unit === 'month') value = lastDayOf(y, anchor.getUTCMonth() + next);
      else if (unit === 'week') {
        const dow = anchor.getUTCDay() || 7;
        value = isoDate(new Date(anchor.getTime() + ((7 - dow) + 7 * next) * 86_400_000));
      }
    }
    const end = m[1] || MONTHS.includes(unit) || ['year', 'month', 'week'].includes(unit) ? m[0].length : m[0].trimEnd().length;
    add(m.index!, m.index! + end, value);
  }
  // "by Friday", "before March 15", "until June": a date the event must happen by.
  for (const m of BY_DATE_QUICK.test(slice) ? slice.matchAll(BY_DATE) : []) {
    const rest = slice.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
    // Only words that can start a date are worth asking chrono about ("by the government" is not).
    if (!DATE_START.test(rest)) continue;
    const parsed = chrono.parse(rest, { instant: anchor ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 'UTC' } as chrono.ParsingReference, { forwardDate: true });
    const first = parsed[0];
    if (!first || first.index !== 0) continue;
    const kv = (first.start as unknown as { knownValues: Record<string, number> }).knownValues;
    let value: string | null = null;
    if (anchor || 'year' in kv) value = 'day' in kv || 'weekday' in kv ? isoDate(first.start.date()) : 'month' in kv ? lastDayOf(first.start.date().getUTCFullYear(), first.start.date().getUTCMonth()) : null;
    add(m.index!, m.index! + m[0].length + first.text.length, value);
  }
  return out.sort((a, b) => a.start - b.start);
}
