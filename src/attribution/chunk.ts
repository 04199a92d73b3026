import type { Token } from '../doc/types.js';
import { POSSESSIVE_PRONOUNS } from '../doc/pronouns.js';

/**
 * A light noun-phrase chunker over UD part-of-speech tags, enough to find the extent of
 * a source: `Pentagon press secretary John Kirby`, `the head of the group`,
 * `Rep. Ann Lee (D-Ore.), the committee's chair,`. No parser: it walks tokens from
 * the phrase's known edge and stops at the first token that cannot be inside a noun
 * phrase. Indices are token indices, ranges inclusive.
 */

const NOMINAL_HEAD = new Set(['NOUN', 'PROPN', 'NUM', 'PRON', 'X']);
const INSIDE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'X']);
/** Pronouns that can be the subject of a reporting verb on their own. */
export const SUBJECT_PRONOUN = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'this', 'someone', 'somebody', 'everyone',
  'everybody', 'nobody', 'none', 'many', 'some', 'others', 'few', 'several', 'most', 'all', 'both', 'one', 'each',
  'anyone', 'these', 'those',
]);
/** Prepositions that may join two parts of one name or description (`Secretary of State`, `spokesman for the group`). */
const JOINER = new Set(['of', 'for', 'at', 'and', '&', 'from', 'on', 'in', 'with']);
const NAME_PUNCT = new Set(['-', '–', '(', ')', '/', '.', '’s', "'s", '’', "'"]);

/**
 * The tag a noun phrase needs: a capitalised word inside a sentence that the tagger
 * took for a verb, adverb or interjection is a name (`“…,” Lynch said`, `Rep. Ann Cherry`).
 */
export function npPos(tokens: readonly Token[], i: number): string {
  const t = tokens[i]!;
  if ((t.pos === 'VERB' || t.pos === 'ADV' || t.pos === 'INTJ' || t.pos === 'AUX') && /^[A-Z][a-z]/.test(t.text)) {
    const prev = tokens[i - 1];
    if (prev && !/^[.!?:;“"‘(\[]$/.test(prev.text) && !/^[“"]$/.test(prev.text)) return 'PROPN';
    if (prev && /^[“"”]$/.test(prev.text) && tokens[i + 1]?.pos === 'VERB') return 'PROPN';
  }
  return t.pos;
}

export function isPossessive(t: Token): boolean {
  return t.norm === "'s" || t.norm === '’s' || (t.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(t.norm));
}

function insideNp(t: Token): boolean {
  return INSIDE.has(t.pos) || isPossessive(t) || NAME_PUNCT.has(t.text);
}

/** Quantifiers that head a partitive phrase over a pronoun ("some of them"). */
const PARTITIVE_QUANTIFIERS = new Set(['one', 'some', 'many', 'most', 'all', 'each', 'both', 'several', 'few', 'none', 'either', 'neither', 'any']);

/**
 * Start of the noun phrase that ends at token `end`, not before `floor`; -1 when the
 * token at `end` cannot end one. A lone subject pronoun is a phrase of its own, and so is a
 * partitive over a pronoun ("one of them").
 */
export function npStartBefore(tokens: readonly Token[], end: number, floor: number): number {
  const last = tokens[end];
  if (!last || end < floor) return -1;
  if (last.pos === 'PRON') {
    if (SUBJECT_PRONOUN.has(last.norm)) return end;
    // a partitive: `one of them`, `two of us`, `some of those`
    const quantifier = tokens[end - 2];
    return end - 2 >= floor && tokens[end - 1]!.norm === 'of' && quantifier && (quantifier.pos === 'NUM' || PARTITIVE_QUANTIFIERS.has(quantifier.norm)) ? end - 2 : -1;
  }
  // a capitalised adjective ends a name; `attorney general`, `secretary general` end a title
  // and `the general`, `the accused`: an adjective used as a noun after a determiner
  const postpositive = last.pos === 'ADJ' && (/^[A-Z]/.test(last.text) || (end - 1 >= floor && /^(NOUN|PROPN|DET)$/.test(tokens[end - 1]!.pos)));
  if (!NOMINAL_HEAD.has(npPos(tokens, end)) && last.text !== ')' && !postpositive) return -1;
  let i = end;
  if (last.text === ')') {
    // `Rep. Ann Lee (D-Ore.)`: skip the parenthesis to the name before it
    const open = matchingOpen(tokens, end, floor);
    if (open <= floor) return -1;
    const before = npStartBefore(tokens, open - 1, floor);
    return before;
  }
  while (i - 1 >= floor) {
    const t = tokens[i - 1]!;
    if (t.text === ')') {
      const open = matchingOpen(tokens, i - 1, floor);
      if (open <= floor) break;
      i = open;
      continue;
    }
    if (t.pos === 'DET') {
      // a determiner opens the phrase, unless it follows a joiner inside a longer one (`head of the group`)
      const before = tokens[i - 2];
      if (before && i - 2 >= floor && (before.norm === 'of' || before.norm === 'for') && tokens[i - 3] && NOMINAL_HEAD.has(tokens[i - 3]!.pos)) {
        i -= 2;
        continue;
      }
      i--;
      break;
    }
    if (JOINER.has(t.norm) && t.pos !== 'VERB') {
      // `Secretary of State John Kerry`, `Sanders and Clinton`: only between nominal words
      const before = tokens[i - 2];
      if (before && i - 2 >= floor && (NOMINAL_HEAD.has(before.pos) || before.pos === 'ADJ') && before.pos !== 'PRON' && t.norm !== 'in' && t.norm !== 'on' && t.norm !== 'with' && t.norm !== 'from') {
        i--;
        continue;
      }
      break;
    }
    if (t.pos === 'PRON' && !isPossessive(t)) break;
    if (!insideNp(t) && npPos(tokens, i - 1) !== 'PROPN') break;
    i--;
  }
  // a phrase does not start with a joiner, punctuation or a possessive clitic
  while (i < end && (JOINER.has(tokens[i]!.norm) || (NAME_PUNCT.has(tokens[i]!.text) && tokens[i]!.text !== '(') || tokens[i]!.pos === 'PART')) i++;
  return i;
}

function matchingOpen(tokens: readonly Token[], close: number, floor: number): number {
  for (let k = close - 1; k >= floor && k > close - 12; k--) if (tokens[k]!.text === '(') return k;
  return -1;
}

/**
 * End of the noun phrase that starts at token `start`, not after `ceiling`; -1 when no
 * phrase starts there. Includes post-modifying prepositional phrases that keep naming
 * (`a spokesman for the ministry`, `the head of the council`).
 */
export function npEndAfter(tokens: readonly Token[], start: number, ceiling: number): number {
  const first = tokens[start];
  if (!first || start > ceiling) return -1;
  if (first.pos === 'PRON' && !isPossessive(first)) return SUBJECT_PRONOUN.has(first.norm) ? start : -1;
  const firstPos = npPos(tokens, start);
  if ((!insideNp(first) && firstPos !== 'PROPN') || (NAME_PUNCT.has(first.text) && first.text !== '(')) return -1;
  let i = start;
  let sawHead = NOMINAL_HEAD.has(firstPos);
  while (i + 1 <= ceiling) {
    const t = tokens[i + 1]!;
    if (JOINER.has(t.norm) && t.pos !== 'VERB') {
      const after = tokens[i + 2];
      if (sawHead && after && i + 2 <= ceiling && (insideNp(after) && !NAME_PUNCT.has(after.text)) && t.norm !== 'with' && t.norm !== 'on') {
        i++;
        continue;
      }
      break;
    }
    // (a determiner ends the phrase, save after a predeterminer: `all the`, `half the`)
    if (t.pos === 'DET' && (i > start || NOMINAL_HEAD.has(firstPos))) break;
    if (t.pos === 'PRON' && !isPossessive(t)) break;
    const pos = npPos(tokens, i + 1);
    if (!insideNp(t) && pos !== 'PROPN') break;
    if (t.text === '.' ) break;
    if (NOMINAL_HEAD.has(pos)) sawHead = true;
    i++;
  }
  if (!sawHead) return -1;
  // close an opened parenthesis or drop a dangling one
  return trimEnd(tokens, start, i);
}

function trimEnd(tokens: readonly Token[], start: number, end: number): number {
  let depth = 0;
  let lastOpen = -1;
  for (let k = start; k <= end; k++) {
    if (tokens[k]!.text === '(') {
      depth++;
      lastOpen = k;
    } else if (tokens[k]!.text === ')') depth--;
  }
  if (depth > 0 && lastOpen > start) end = lastOpen - 1;
  while (end > start && (JOINER.has(tokens[end]!.norm) || tokens[end]!.text === '(' || tokens[end]!.text === '-' || tokens[end]!.pos === 'DET')) end--;
  return end;
}

/** Whether a token is a comma or dash that sets off an appositive. */
export function isCommaLike(t: Token | undefined): boolean {
  return !!t && (t.text === ',' || t.text === '—' || t.text === '–');
}

const STOP_MAIN = new Set(['of', 'for', 'with', 'from', 'at', 'in', 'on', 'who', 'which', 'that', 'familiar', 'close', 'involved', ',', '(', '—', '–']);

/** A source without its post-modifiers: `sources` of `sources familiar with the matter`. */
export function mainPhrase(tokens: readonly Token[], source: [number, number]): [number, number] {
  let end = source[0];
  while (end + 1 <= source[1] && !STOP_MAIN.has(tokens[end + 1]!.norm)) end++;
  return [source[0], end];
}

/** The head word of a phrase: its last noun, name, number or (non-possessive) pronoun; -1 when none. */
export function headOf(tokens: readonly Token[], range: [number, number]): number {
  for (let k = range[1]; k >= range[0]; k--) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(t.norm))) return k;
  }
  return -1;
}
