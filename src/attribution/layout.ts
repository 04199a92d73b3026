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

/** `NAME: words` at the start of a line: a transcript speaker, or a headline's speaker. */
export function speakerLabels(ctx: AttrContext): Draft[] {
  const { tokens } = ctx;
  const out: Draft[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!ctx.lineStart[i]) continue;
    let start = i;
    if (ctx.mark[start] === OPEN_MARK) start++;
    // up to five name-like words, then a colon
    let k = start;
    while (k < tokens.length && k - start < 5 && isNameWord(tokens[k]!) && !ctx.lineStart[k + 1]) k++;
    if (k === start || tokens[k]?.text !== ':' || ctx.lineStart[k + 1] || k + 1 >= tokens.length) continue;
    const words = tokens.slice(start, k);
    const shouting = words.every((t) => !/[a-z]/.test(t.text));
    const headline = ctx.sentenceOf[i] === 0 && words.some((t) => t.pos === 'PROPN');
    if (!shouting && !headline) continue;
    if (words.length === 1 && /^(UPDATE|NOTE|EDITOR|CORRECTION|WATCH|READ|VIDEO|PHOTOS?|BREAKING|EXCLUSIVE|Q|A)$/i.test(words[0]!.text)) continue;
    // content: the rest of the line, its punctuation included (it is the speaker's, as in a quotation)
    let end = k + 1;
    while (end + 1 < tokens.length && !ctx.lineStart[end + 1]) end++;
    while (end > k + 1 && ctx.mark[end] === CLOSE_MARK && !hasOpenBefore(ctx, k + 1, end)) end--;
    out.push({ cue: punctCue('colon', k, ':'), cueType: 'assert', source: [start, k - 1], content: [k + 1, end], sieve: shouting ? 'transcript-speaker' : 'headline-speaker' });
  }
  return out;
}

function hasOpenBefore(ctx: AttrContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.mark[k] === OPEN_MARK) return true;
  return false;
}

function isNameWord(t: Token): boolean {
  return (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.text === '.' || t.norm === 'of') && /^[A-Z.]/.test(t.text) || /^(mr|mrs|ms|dr)\.?$/i.test(t.text);
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
