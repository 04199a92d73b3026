import { makeSpan } from '../../doc/doc.js';
import type { Attribution, CueType, Doc, Token } from '../../doc/types.js';
import { loadJsonResource } from '../../resources.js';

/**
 * Stage `attributions` (first pass): quoted speech with a reporting verb next to the
 * quote, in either order: `"…," X said` / `"…," said X` / `X said: "…"`.
 */

interface CueLexicon {
  verbs: Record<string, CueType>;
  nouns: Record<string, CueType>;
}

interface Quote {
  /** Offsets of the quotation marks themselves. */
  open: number;
  close: number;
}

const OPENING = new Set(['"', '“']);
const CLOSING_FOR: Record<string, string> = { '"': '"', '“': '”' };

/** Pairs quotation marks; an opening quote with no closing one runs to the paragraph end. */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!OPENING.has(ch)) continue;
    const closing = CLOSING_FOR[ch]!;
    const paragraphEnd = nextParagraphBreak(text, i);
    const close = text.indexOf(closing, i + 1);
    if (close !== -1 && close < paragraphEnd) {
      quotes.push({ open: i, close });
      i = close;
    } else {
      quotes.push({ open: i, close: paragraphEnd });
      i = paragraphEnd;
    }
  }
  return quotes.filter((q) => q.close - q.open > 1);
}

function nextParagraphBreak(text: string, from: number): number {
  const m = /\n\s*\n/g;
  m.lastIndex = from;
  const found = m.exec(text);
  return found ? found.index : text.length;
}

export function attributionsStage(doc: Doc): void {
  const lexicon = loadJsonResource<CueLexicon>('lexicons/cues.json');
  const { text, tokens } = doc;
  const out: Attribution[] = [];
  for (const quote of findQuotes(text)) {
    const found = cueNear(tokens, quote, lexicon);
    if (!found) continue;
    const content = makeSpan(text, quote.open, Math.min(text.length, quote.close + 1));
    out.push({
      id: `a${out.length + 1}`,
      source: found.source ? makeSpan(text, found.source[0], found.source[1]) : null,
      sourceEntity: null,
      cue: makeSpan(text, found.cue.start, found.cue.end),
      cueType: found.cueType,
      content,
      direct: true,
      anonymous: false,
      via: null,
    });
  }
  doc.attributions = out;
}

const NP_TOKEN = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'PRON', 'NUM']);

/** The reporting verb within three tokens after or before the quote, and the noun phrase beside it. */
function cueNear(tokens: Token[], quote: Quote, lexicon: CueLexicon) {
  const after = tokens.findIndex((t) => t.start > quote.close);
  if (after !== -1) {
    for (let i = after; i < Math.min(tokens.length, after + 4); i++) {
      const t = tokens[i]!;
      const cueType = t.pos === 'VERB' ? lexicon.verbs[t.lemma] : undefined;
      if (!cueType) continue;
      // "…," said X  or  "…," X said
      const before = npBackward(tokens, i - 1, after);
      const source = before ?? npForward(tokens, i + 1);
      return { cue: t, cueType, source };
    }
  }
  let lastBefore = -1;
  for (let i = 0; i < tokens.length && tokens[i]!.end <= quote.open; i++) lastBefore = i;
  for (let i = lastBefore; i >= Math.max(0, lastBefore - 3); i--) {
    const t = tokens[i]!;
    const cueType = t.pos === 'VERB' ? lexicon.verbs[t.lemma] : undefined;
    if (!cueType) continue;
    return { cue: t, cueType, source: npBackward(tokens, i - 1, 0) };
  }
  return null;
}

function npBackward(tokens: Token[], from: number, floor: number): [number, number] | null {
  let i = from;
  while (i >= floor && NP_TOKEN.has(tokens[i]!.pos)) i--;
  if (i === from) return null;
  return [tokens[i + 1]!.start, tokens[from]!.end];
}

function npForward(tokens: Token[], from: number): [number, number] | null {
  let i = from;
  while (i < tokens.length && NP_TOKEN.has(tokens[i]!.pos)) i++;
  if (i === from) return null;
  return [tokens[from]!.start, tokens[i - 1]!.end];
}
