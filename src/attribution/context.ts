import { partitionPoint } from '../doc/doc.js';
import type { Doc, EntityType, Sentence, Token } from '../doc/types.js';
import { attributionLexicon, type AttributionLexicon } from './lexicon.js';
import { findQuotes, type Quote } from './quotes.js';

/**
 * What every attribution module reads about one document, computed once: the tokens,
 * the quotations and, per token, the quotation it lies in and whether it starts a line.
 * Everything else is looked up locally (within a sentence or a few tokens), so the
 * attribution stage stays linear in the document length.
 */
export interface AttrContext {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lexicon: AttributionLexicon;
  quotes: Quote[];
  /** Per token: index into `quotes` of the quotation that holds it (marks included), else -1. */
  quoteOf: Int32Array;
  /** Per token: 1 when it is an opening quotation mark, 2 a closing one, 0 otherwise. */
  mark: Uint8Array;
  /** Per token: whether a line break precedes it (or it is the first token). */
  lineStart: Uint8Array;
  /** Per token: index into `clauses`, the sentences this module works in (see mergeSentences). */
  sentenceOf: Int32Array;
  /** Sentences as token ranges [first, last] inclusive. */
  clauses: [number, number][];
  /** Per token: the type of the entity mention that holds it (from the entities stage), else null. */
  entityType: (EntityType | null)[];
}

export const OPEN_MARK = 1;
export const CLOSE_MARK = 2;

export function buildContext(doc: Doc): AttrContext {
  const { text, tokens } = doc;
  const quotes = findQuotes(text);
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  const mark = new Uint8Array(tokens.length);
  const lineStart = new Uint8Array(tokens.length);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    const quote = quotes[q];
    if (quote && t.start >= quote.start && t.end <= quote.end) {
      quoteOf[i] = q;
      if (t.start === quote.start) mark[i] = OPEN_MARK;
      else if (quote.closed && t.end === quote.end) mark[i] = CLOSE_MARK;
    }
    if (i === 0) lineStart[i] = 1;
    else for (let c = tokens[i - 1]!.end; c < t.start; c++) if (text.charCodeAt(c) === 10) lineStart[i] = 1;
  }
  const { sentenceOf, clauses } = mergeSentences(doc, lineStart);
  const entityType = new Array<EntityType | null>(tokens.length).fill(null);
  for (const e of doc.entities ?? []) {
    for (const m of e.mentions) for (let k = tokenAtOrAfter(tokens, m.start); k < tokens.length && tokens[k]!.start < m.end; k++) entityType[k] = e.type;
  }
  return { text, tokens, sentences: doc.sentences, lexicon: attributionLexicon(), quotes, quoteOf, mark, lineStart, sentenceOf, clauses, entityType };
}

/**
 * The document's sentences, re-joined where a split cannot be a sentence end: the next
 * part opens in lower case or with a comma (`Rep. Ann Lee (D-Ore.) | said that …`),
 * on the same line, or the split falls inside a parenthesis or after an initial
 * (`Rep. Bo Lee (D-N. | J.) said`).
 */
function mergeSentences(doc: Doc, lineStart: Uint8Array): { sentenceOf: Int32Array; clauses: [number, number][] } {
  const sentenceOf = new Int32Array(doc.tokens.length);
  const clauses: [number, number][] = [];
  for (const s of doc.sentences) {
    if (s.lastToken <= s.firstToken) continue;
    const first = doc.tokens[s.firstToken]!;
    const previous = clauses[clauses.length - 1];
    if (previous && !lineStart[s.firstToken] && (/^[a-z,;:)]/.test(first.text) || splitInsideName(doc.tokens, previous))) previous[1] = s.lastToken - 1;
    else clauses.push([s.firstToken, s.lastToken - 1]);
  }
  for (const [i, [a, b]] of clauses.entries()) for (let k = a; k <= b; k++) sentenceOf[k] = i;
  return { sentenceOf, clauses };
}

/** Index of the first token whose end lies after `offset`. */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  return partitionPoint(tokens, (t) => t.end <= offset);
}

/** Token indices of a quotation: [first, last] inclusive. */
export function quoteTokens(ctx: AttrContext, quote: Quote): [number, number] {
  const first = tokenAtOrAfter(ctx.tokens, quote.start);
  let last = tokenAtOrAfter(ctx.tokens, quote.end) - 1;
  if (last < first) last = first;
  return [first, last];
}

/** Whether a sentence ends inside an open parenthesis or right after a one-letter initial. */
function splitInsideName(tokens: readonly Token[], [first, last]: [number, number]): boolean {
  let depth = 0;
  for (let k = first; k <= last; k++) {
    if (tokens[k]!.text === '(') depth++;
    else if (tokens[k]!.text === ')') depth--;
  }
  if (depth > 0) return true;
  const end = tokens[last]!;
  const before = tokens[last - 1];
  return end.text === '.' && !!before && last - 1 >= first && /^[A-Z]$/.test(before.text);
}
