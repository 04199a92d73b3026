/**
 * Quotations: pairs of double quotation marks, curly (“…”) or straight ("…"), found once
 * per document in one pass over the text.
 *
 * A quotation never crosses a line break, with one exception that news style defines:
 * a paragraph that opens a quote without closing it continues the quote when the next
 * paragraph opens with a quotation mark again. Such paragraphs form one quotation run
 * (`run`), the unit a speaker says. Single quotes (‘…’) are left alone in running text,
 * where they are mostly apostrophes or quotes inside quotes; only a line that opens with
 * a single-quoted sentence (a British headline) is taken as a quote.
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

/** Quotation marks, two apostrophes, and line breaks: the only characters the scanner stops at. */
const MARKS = /["“”„«»\n]|''/g;

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  // the state of the current line: the open quote, the mark that opened it, nesting depth
  let open = -1;
  let openedWith = '';
  let depth = 0;
  let innerStraight = false;
  let lineStart = 0;
  const endLine = (lineEnd: number) => {
    if (open !== -1) {
      let end = lineEnd;
      while (end > open + 1 && /\s/.test(text[end - 1]!)) end--;
      quotes.push({ start: open, end, closed: false, run: quotes.length });
    }
    open = -1;
    depth = 0;
  };
  const close = (i: number, width: number) => {
    quotes.push({ start: open, end: i + width, closed: true, run: quotes.length });
    open = -1;
  };
  const singleQuoted = (from: number) => {
    const q = singleQuotedOpening(text, from);
    if (q) quotes.push({ ...q, closed: true, run: quotes.length });
  };
  singleQuoted(0);
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (ch === '\n') {
      endLine(i);
      lineStart = i + 1;
      singleQuoted(lineStart);
      continue;
    }
    if (open === -1) {
      // two apostrophes stand for a straight double quote in some house styles (`''Yes,'' she said`)
      if (ch === OPEN_CURLY || ch === STRAIGHT || ch === DOUBLE_APOSTROPHE || OTHER_OPEN.has(ch) || (ch === CLOSE_CURLY && opensHere(text, i, lineStart))) {
        open = i;
        openedWith = ch;
        depth = 0;
        innerStraight = false;
      }
      continue;
    }
    if (openedWith === DOUBLE_APOSTROPHE) {
      if (ch === DOUBLE_APOSTROPHE) close(i, 2);
    } else if (openedWith === STRAIGHT) {
      // `"But we won,” he said`: a curly mark closing a straight one (a typesetting slip) closes it
      if (ch === STRAIGHT || (ch === CLOSE_CURLY && closesHere(text, i))) close(i, 1);
    } else if (ch === OPEN_CURLY || OTHER_OPEN.has(ch)) {
      depth++;
    } else if (ch === STRAIGHT && openedWith === OPEN_CURLY) {
      // `“He said "no" to them,”`: straight marks inside a curly quote pair up; `“The end," he said`: an unpaired one closes it
      if (innerStraight) innerStraight = false;
      else if (opensHere(text, i, lineStart)) innerStraight = true;
      else if (depth === 0 && closesHere(text, i)) close(i, 1);
    } else if (ch === CLOSE_CURLY || OTHER_CLOSE.has(ch) || (ch === STRAIGHT && openedWith === '„')) {
      if (depth > 0) depth--;
      else close(i, 1);
    }
  }
  endLine(text.length);
  linkRuns(text, quotes);
  return quotes;
}

/**
 * A line that opens with a single-quoted sentence: the headline style of British papers
 * ("‘We did not order the raid,’ says commander"). Only at a line start, closed by a mark
 * right after sentence punctuation and before a space, so apostrophes (soldiers', don't)
 * never pair up; a line with double marks inside is left to them.
 */
function singleQuotedOpening(text: string, lineStart: number): { start: number; end: number } | null {
  const m = SINGLE_QUOTED_OPENING.exec(text.slice(lineStart, lineStart + 400));
  if (!m) return null;
  const start = lineStart + m.index + m[1]!.length;
  return { start, end: lineStart + m.index + m[0].length };
}

const SINGLE_QUOTED_OPENING = /^([ \t]*)['‘][\p{L}\p{N}][^\n"“”'‘’]*(?:['’][\p{L}][^\n"“”'‘’]*)*[,.!?…]['’](?=[ \t])/u;

/** A closing curly mark used as an opening one (a typesetting slip): at a line start or after a space, before a letter. */
function opensHere(text: string, i: number, lineStart: number): boolean {
  const before = i === lineStart ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  return /\s/.test(before) && /[\p{L}\p{N}]/u.test(after);
}

/** A mark that ends a quotation: after a word or punctuation, before a space, punctuation or the end. */
function closesHere(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** An open quote followed by a paragraph that opens with a quotation mark continues there. */
function linkRuns(text: string, quotes: Quote[]): void {
  for (let q = 0; q + 1 < quotes.length; q++) {
    const here = quotes[q]!;
    if (here.closed) continue;
    const next = quotes[q + 1]!;
    const between = text.slice(here.end, next.start);
    // the same kind of mark reopens it (an excerpt in straight quotes is not continued by a curly quote)
    const sameMark = family(text, here.start) === family(text, next.start);
    if (sameMark && /^\s*$/.test(between) && between.includes('\n')) next.run = here.run;
  }
}

function family(text: string, at: number): string {
  const ch = text[at]!;
  return ch === STRAIGHT ? 'straight' : ch === "'" ? 'apostrophes' : 'typographic';
}

/** Whether the quote's words are a sentence or more rather than a phrase (scare quotes, titles). */
export function isSentential(text: string, quote: Quote): boolean {
  const inner = text.slice(quote.start + 1, quote.closed ? quote.end - 1 : quote.end);
  const words = inner.match(/[\p{L}\p{N}’']+/gu)?.length ?? 0;
  return words >= 4 || /[.!?,]\s*$/.test(inner);
}
