/**
 * Quotations: pairs of double quotation marks, curly (“…”) or straight ("…"), found once
 * per document in one pass over the text.
 *
 * A quotation never crosses a line break, with one exception that news style defines:
 * a paragraph that opens a quote without closing it continues the quote when the next
 * paragraph opens with a quotation mark again. Such paragraphs form one quotation run
 * (`run`), the unit a speaker says. Single quotes (‘…’) are left alone: in running text
 * they are mostly apostrophes or quotes inside quotes.
 */

export interface Quote {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark, or the end of the line when the quote is left open. */
  end: number;
  /** False when the line ended before a closing mark. */
  closed: boolean;
  /** Index of the first quote of this quote's run (itself when it starts a run). */
  run: number;
}

const OPEN_CURLY = '“';
const CLOSE_CURLY = '”';
const STRAIGHT = '"';
const DOUBLE_APOSTROPHE = "''";
/** Other opening marks seen in news text: low-9 (German style) and guillemets. */
const OTHER_OPEN = new Set(['„', '«']);
const OTHER_CLOSE = new Set(['»']);

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    scanLine(text, lineStart, lineEnd, quotes);
    lineStart = lineEnd + 1;
  }
  linkRuns(text, quotes);
  return quotes;
}

/** Pairs the marks of one line; an opening mark left open runs to the line end. */
function scanLine(text: string, from: number, to: number, out: Quote[]): void {
  let open = -1;
  let openedWith = '';
  let depth = 0;
  for (let i = from; i < to; i++) {
    let ch = text[i]!;
    // two apostrophes stand for a straight double quote in some house styles (`''Yes,'' she said`)
    if (ch === "'" && text[i + 1] === "'") {
      ch = DOUBLE_APOSTROPHE;
      if (open !== -1 && openedWith === DOUBLE_APOSTROPHE) {
        out.push({ start: open, end: i + 2, closed: true, run: out.length });
        open = -1;
        i++;
        continue;
      }
      if (open === -1) {
        open = i;
        openedWith = ch;
        i++;
        continue;
      }
      i++;
      continue;
    }
    if (open === -1) {
      if (ch === OPEN_CURLY || ch === STRAIGHT || OTHER_OPEN.has(ch) || (ch === CLOSE_CURLY && opensHere(text, i, from))) {
        open = i;
        openedWith = ch;
        depth = 0;
      }
      continue;
    }
    if (openedWith === DOUBLE_APOSTROPHE) continue;
    if (openedWith === STRAIGHT) {
      if (ch === STRAIGHT) {
        out.push({ start: open, end: i + 1, closed: true, run: out.length });
        open = -1;
      }
    } else if (ch === OPEN_CURLY || OTHER_OPEN.has(ch)) {
      depth++;
    } else if (ch === CLOSE_CURLY || OTHER_CLOSE.has(ch) || (ch === STRAIGHT && openedWith === '„')) {
      if (depth > 0) depth--;
      else {
        out.push({ start: open, end: i + 1, closed: true, run: out.length });
        open = -1;
      }
    }
  }
  if (open !== -1) {
    let end = to;
    while (end > open + 1 && /\s/.test(text[end - 1]!)) end--;
    out.push({ start: open, end, closed: false, run: out.length });
  }
}

/** A closing curly mark used as an opening one (a typesetting slip): at a line start or after a space, before a letter. */
function opensHere(text: string, i: number, lineStart: number): boolean {
  const before = i === lineStart ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  return /\s/.test(before) && /[\p{L}\p{N}]/u.test(after);
}

/** An open quote followed by a paragraph that opens with a quotation mark continues there. */
function linkRuns(text: string, quotes: Quote[]): void {
  for (let q = 0; q + 1 < quotes.length; q++) {
    const here = quotes[q]!;
    if (here.closed) continue;
    const next = quotes[q + 1]!;
    const between = text.slice(here.end, next.start);
    if (/^\s*$/.test(between) && between.includes('\n')) next.run = here.run;
  }
}

/** Whether the quote's words are a sentence or more rather than a phrase (scare quotes, titles). */
export function isSentential(text: string, quote: Quote): boolean {
  const inner = text.slice(quote.start + 1, quote.closed ? quote.end - 1 : quote.end);
  const words = inner.match(/[\p{L}\p{N}’']+/gu)?.length ?? 0;
  return words >= 4 || /[.!?,]\s*$/.test(inner);
}
