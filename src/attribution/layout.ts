import type { Token } from '../doc/types.js';
import { CLOSE_MARK, OPEN_MARK, tokenAtOrAfter, type AttrContext } from './context.js';
import type { Cue } from './cues.js';
import type { Draft, FrameFinder } from './frames.js';

/**
 * Attributions that the page layout marks rather than a verb:
 *   speaker labels      `PENCE: Well, look, …` (transcripts), `Ann Lee: Voters Are Tired` (headlines)
 *   dash credits        `“…” ― Ann Lee` (quotes credited after a dash)
 *   quote continuations `“A,” she said. “B.”` — a quoted sentence right after an
 *                       attributed quote, with no cue of its own, is the same speaker going on.
 */

const DASHES = new Set(['―', '—', '–', '--', '-']);
const FINAL = new Set(['.', '!', '?']);

function punctCue(kind: 'colon' | 'dash', i: number, text: string): Cue {
  return { kind, head: i, first: i, last: i, lemma: text, types: [] };
}

/** Words of a layout label that are no speaker (`UPDATE:`, `WATCH:`, `Q:`). */
const NOT_SPEAKERS = /^(UPDATE|UPDATED|NOTE|EDITOR|CORRECTION|WATCH|READ|VIDEO|PHOTOS?|BREAKING|EXCLUSIVE|RELATED|SOURCE|SOURCES|CREDIT|BYLINE|EMAIL|Q|A)$/i;

interface Label {
  /** Source: the name words, token range inclusive. */
  start: number;
  /** The colon. */
  colon: number;
  line: number;
  /** Every word is upper case (`PENCE:`). */
  shouting: boolean;
  /** A person or organisation the entities stage found is named (`Lynch`, `WSJ editorial`). */
  speaker: boolean;
  /** Every word is tagged a name, noun or adjective (a headline kicker like `BOOM:` or `Wow:` is not). */
  nominal: boolean;
}

/**
 * Speaker labels, `NAME: words`: a name (capitalised words, with `of`, `and`, titles and a
 * parenthesis such as `(R-S.C.)`) and a colon, either at the start of a line or right after
 * a dash that ends a headline-like phrase (`Pollsters agree - Carl Bialik: “…”`). A label is
 * a speaker when it is a transcript's (upper case, `PENCE:`; or mixed case in a run of turns,
 * `Matthews: …` with another label on a line next to it), a headline's (`Ann Lee: Voters
 * Are Tired`, the document's first sentence), or introduces a quotation (`Clinton: "Our goal
 * is …"`). The tagger's parts of speech are unreliable in capitalised headlines (`Lynch/VERB:
 * No outside influence`), so the name is found by capitalisation.
 */
export function speakerLabels(ctx: AttrContext): Draft[] {
  const { tokens } = ctx;
  const labels: Label[] = [];
  let line = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (ctx.lineStart[i]) line++;
    const afterDash = !ctx.lineStart[i] && i >= 2 && DASHES.has(tokens[i - 1]!.text) && ctx.mark[i - 2] !== CLOSE_MARK && ctx.quoteOf[i] === -1;
    if (!ctx.lineStart[i] && !afterDash) continue;
    let start = i;
    if (ctx.mark[start] === OPEN_MARK) start++;
    const k = labelEnd(ctx, start);
    if (k === -1 || ctx.lineStart[k + 1] || k + 1 >= tokens.length) continue;
    // after a dash, only a label that opens a quotation (`- Carl Bialik: “…”`)
    if (afterDash && ctx.mark[k + 1] !== OPEN_MARK) continue;
    if (k - start === 1 && NOT_SPEAKERS.test(tokens[start]!.text)) continue;
    let shouting = true;
    let speaker = false;
    let nominal = tokens[start]!.norm !== 'the';
    for (let w = start; w < k; w++) {
      const t = tokens[w]!;
      if (/[a-z]/.test(t.text)) shouting = false;
      if (ctx.entityType[w] === 'PERSON' || ctx.entityType[w] === 'ORG') speaker = true;
      if (!/^(PROPN|NOUN|ADJ|PUNCT|CCONJ|ADP)$/.test(t.pos)) nominal = false;
    }
    labels.push({ start, colon: k, line, shouting, speaker, nominal });
  }
  const out: Draft[] = [];
  for (const [n, l] of labels.entries()) {
    const { start, colon: k } = l;
    // content: the rest of the line, its punctuation included (it is the speaker's, as in a quotation)
    let end = k + 1;
    while (end + 1 < tokens.length && !ctx.lineStart[end + 1]) end++;
    const shouting = l.shouting && l.nominal;
    // a headline names its speaker: an old rule (a name the tagger saw) or a person or organisation the entities stage found
    const headline = ctx.sentenceOf[start] === 0 && (l.speaker || (l.nominal && hasProperNoun(tokens, start, k)));
    const quoted = ctx.mark[k + 1] === OPEN_MARK && (l.speaker || l.nominal);
    // a transcript in mixed case: turns of named people on neighbouring lines, each a sentence or more
    const turn = l.speaker && end - k >= 6 && ((n > 0 && l.line - labels[n - 1]!.line <= 2) || (n + 1 < labels.length && labels[n + 1]!.line - l.line <= 2));
    if (!shouting && !headline && !quoted && !turn) continue;
    while (end > k + 1 && ctx.mark[end] === CLOSE_MARK && !hasOpenBefore(ctx, k + 1, end)) end--;
    out.push({ cue: punctCue('colon', k, ':'), cueType: 'assert', source: [start, k - 1], content: [k + 1, end], sieve: shouting ? 'transcript-speaker' : 'headline-speaker' });
  }
  return out;
}

/** The colon after a speaker's name starting at `start` (up to seven words), else -1. */
function labelEnd(ctx: AttrContext, start: number): number {
  const { tokens } = ctx;
  let k = start;
  let words = 0;
  while (k < tokens.length && k - start < 9 && !(k > start && ctx.lineStart[k])) {
    const t = tokens[k]!;
    if (t.text === ':') return words > 0 && isNameEnd(tokens[k - 1]!) ? k : -1;
    if (t.text === '(') {
      // `Rep. Trey Gowdy (R-S.C.)`: a short parenthesis inside the name
      let c = k + 1;
      while (c < tokens.length && c - k < 6 && tokens[c]!.text !== ')' && !ctx.lineStart[c]) c++;
      if (tokens[c]?.text !== ')' || words === 0) return -1;
      k = c + 1;
      continue;
    }
    if (isNameWord(t) || (words > 0 && /^(of|and|&|\.)$/.test(t.norm))) {
      if (t.pos !== 'PUNCT') words++;
      k++;
      continue;
    }
    return -1;
  }
  return -1;
}

function hasProperNoun(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.pos === 'PROPN') return true;
  return false;
}

function isNameEnd(t: Token): boolean {
  return t.text === ')' || t.text === '.' || isNameWord(t);
}

function hasOpenBefore(ctx: AttrContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.mark[k] === OPEN_MARK) return true;
  return false;
}

/** A capitalised word (any part of speech: headlines confuse the tagger) or a title (`Mr.`, `Rep.`). */
function isNameWord(t: Token): boolean {
  return (t.pos !== 'PUNCT' && t.pos !== 'NUM' && /^[A-Z]/.test(t.text)) || /^(mr|mrs|ms|dr)\.?$/i.test(t.text);
}

/** `“…” ― Ann Lee`: a closed quote, a dash, and a short name that ends the line. */
export function dashCredits(ctx: AttrContext, frames: FrameFinder): Draft[] {
  const { tokens } = ctx;
  const out: Draft[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!DASHES.has(tokens[i]!.text) || ctx.mark[i - 1] !== CLOSE_MARK) continue;
    let end = i + 1;
    while (end + 1 < tokens.length && !ctx.lineStart[end + 1] && end - i < 8) end++;
    if (end + 1 < tokens.length && !ctx.lineStart[end + 1]) continue;
    while (end > i + 1 && FINAL.has(tokens[end]!.text)) end--;
    if (!tokens.slice(i + 1, end + 1).some((t) => t.pos === 'PROPN')) continue;
    const q = ctx.quoteOf[i - 1]!;
    const quote = ctx.quotes[q]!;
    const runFirst = ctx.quotes[quote.run]!;
    const run = frames.quoteRunStartingAt(tokenAtOrAfter(ctx.tokens, runFirst.start));
    if (!run) continue;
    out.push({ cue: punctCue('dash', i, tokens[i]!.text), cueType: 'assert', source: [i + 1, end], content: [run[0], i - 1], sieve: 'dash-credit' });
  }
  return out;
}

/**
 * Extends a direct quote's content over the quoted sentences that follow it in the same
 * paragraph and carry no cue of their own (`“A,” she said. “B.”`).
 */
export function continueQuotes(ctx: AttrContext, drafts: Draft[], claimed: Uint8Array): void {
  const { tokens, clauses } = ctx;
  for (const d of drafts) {
    if (!d.cue || ctx.quoteOf[d.content[0]] === -1) continue;
    let s = ctx.sentenceOf[Math.max(d.content[1], d.cue.last, d.source?.[1] ?? 0)]! + 1;
    while (s < clauses.length) {
      const [first, last] = clauses[s]!;
      if (ctx.lineStart[first] || ctx.mark[first] !== OPEN_MARK) break;
      let closeAt = -1;
      for (let k = first; k <= last; k++) if (ctx.mark[k] === CLOSE_MARK) closeAt = k;
      const quoteEnd = closeAt === -1 ? -1 : closeAt;
      if (quoteEnd === -1 || !onlyPunctuationAfter(tokens, quoteEnd + 1, last)) break;
      let free = true;
      for (let k = first; k <= last; k++) if (claimed[k]) free = false;
      if (!free) break;
      d.content = [d.content[0], quoteEnd];
      for (let k = first; k <= quoteEnd; k++) claimed[k] = 1;
      s++;
    }
  }
}

function onlyPunctuationAfter(tokens: readonly Token[], from: number, last: number): boolean {
  for (let k = from; k <= last; k++) if (tokens[k]!.pos !== 'PUNCT') return false;
  return true;
}
