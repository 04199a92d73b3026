import { makeSpan, trimSpan } from '../doc/doc.js';
import type { Attribution, Doc, Modality, Span, Token } from '../doc/types.js';
import type { ModalityLexicon } from './lexicon.js';
import { type Clauses, lemmaOf } from './syntax.js';
import { POSSESSIVE_PRONOUNS } from '../doc/pronouns.js';

/**
 * The modality of an event mention, from the words around it (docs/events.md):
 *
 *   conditional  in a clause governed by "if / unless / provided that …" (the condition span is kept)
 *   negated      "not", "never", "no attacks", "without" in the trigger's auxiliary chain or phrase
 *   denied       under a denial: an attribution whose cue is a denial, "denied (carrying out)",
 *                "nothing to do with", "no role in"
 *   hypothetical could / might / may / would / should, "possible", or inside the condition itself
 *   intended     will / shall / going to, or promised, planned, threatened
 *   claimed      under a claim: an attribution whose cue is a claim, "claimed responsibility for"
 *   reported     inside any other attribution's content (its id goes in `attribution`)
 *   asserted     the article says it in its own voice
 *
 * The first that applies wins, in that order.
 */

export interface ModalityResult {
  modality: Modality;
  attribution: string | null;
  condition: Span | null;
  /** The event lies ahead (will, shall, going to; would in reported speech). */
  future: boolean;
  /** The condition is a negative one ("unless …"): doing it is the alternative offered. */
  unless: boolean;
  /** "will not", "never": negation in the auxiliary chain, whatever else applies. */
  negatedChain: boolean;
}

interface ConditionClause {
  /** Token range of the condition clause [first, last). */
  first: number;
  last: number;
  /** Token range the condition governs (the main clause). */
  scopeFirst: number;
  scopeLast: number;
}

const OPENERS = new Set(['but', 'and', 'then', 'so', 'yet', 'or', ':', ';', '“', '"', '—']);
/** Words that open a clause of their own: a trailing condition governs only the clause it closes. */
const CLAUSE_OPENERS = new Set(['while', 'although', 'though', 'because', 'whereas', 'since', 'after', 'before', 'when']);

/** Start of the clause that ends at token i: after the last ":", ";", dash, or clause-opening conjunction. */
function clauseStart(tokens: Token[], i: number, first: number): number {
  for (let k = i - 1; k >= first; k--) {
    const t = tokens[k]!;
    if (t.text === ':' || t.text === ';' || t.text === '—') return k + 1;
    if (CLAUSE_OPENERS.has(t.norm) && (t.pos === 'SCONJ' || t.pos === 'ADP')) {
      // The clause this opener starts ends at its comma; what follows the comma is the main clause.
      for (let j = k + 1; j < i; j++) if (tokens[j]!.text === ',') return j + 1;
      return k;
    }
  }
  return first;
}

/** End of a main clause starting at i: the next ";", ":" or dash, or the sentence end. */
function clauseEnd(tokens: Token[], i: number, last: number): number {
  for (let k = i; k < last; k++) if (tokens[k]!.text === ';' || tokens[k]!.text === ':' || tokens[k]!.text === '—') return k;
  return last;
}

const REPORT_VERBS = new Set(['say', 'tell', 'add', 'state', 'report', 'write', 'confirm', 'note', 'explain']);

/** Is there a verb of saying from k to the sentence end (the report a condition sits in)? */
function reportFollows(tokens: Token[], k: number, last: number): boolean {
  for (let j = k; j < last; j++) if (tokens[j]!.pos === 'VERB' && REPORT_VERBS.has(lemmaOf(tokens[j]!))) return true;
  return false;
}

/** Start of the clause holding i: after the nearest comma, "that", or clause punctuation before it. */
function ownClauseStart(tokens: Token[], i: number, first: number): number {
  for (let k = i - 1; k >= first; k--) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ':' || t.text === ';' || t.text === '—' || t.norm === 'that') return k + 1;
  }
  return first;
}

/** End of the clause holding the tokens from i: the next comma or clause punctuation, or the sentence end. */
function ownClauseEnd(tokens: Token[], i: number, last: number): number {
  for (let k = i; k < last; k++) if (/^[,;:—]$/.test(tokens[k]!.text)) return k;
  return last;
}

const WHETHER_VERBS = new Set(['ask', 'see', 'know', 'wonder', 'decide', 'determine', 'check', 'unclear', 'clear', 'sure', 'question', 'doubt']);

function matchWords(tokens: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k];
    if (!t || t.norm !== words[k]) return false;
  }
  return true;
}

let starts: Set<string> | null = null;
function conditionStarts(mod: ModalityLexicon): Set<string> {
  starts ??= new Set(mod.conditions.map((w) => w[0]!));
  return starts;
}

/** Condition clauses of a sentence. */
/**
 * The first word sequence of `list` the tokens spell from i. (A loop, not
 * `list.find(w => …)`: this runs for every token, and a closure made per token costs.)
 */
function wordsAt(tokens: Token[], i: number, list: string[][]): string[] | undefined {
  for (const words of list) if (matchWords(tokens, i, words)) return words;
  return undefined;
}

export function conditionClauses(clauses: Clauses, sentence: number, mod: ModalityLexicon): ConditionClause[] {
  const doc = clauses.doc;
  const s = doc.sentences[sentence]!;
  const tokens = doc.tokens;
  const out: ConditionClause[] = [];
  const firstWords = conditionStarts(mod);
  for (let i = s.firstToken; i < s.lastToken; i++) {
    // "… warning that troops would otherwise launch an operation": "otherwise" stands for
    // a condition stated before (if the demand is not met); it governs its own clause.
    const anaphoric = wordsAt(tokens, i, mod.anaphoricConditions);
    if (anaphoric && !(anaphoric[0] === 'if' && tokens[i + anaphoric.length]?.pos !== 'PUNCT')) {
      const end = i + anaphoric.length;
      // "Otherwise, the army will attack": the clause after the comma.
      if (tokens[end]?.text === ',') out.push({ first: i, last: end, scopeFirst: end + 1, scopeLast: clauseEnd(tokens, end + 1, s.lastToken) });
      else out.push({ first: i, last: end, scopeFirst: ownClauseStart(tokens, i, s.firstToken), scopeLast: ownClauseEnd(tokens, end, s.lastToken) });
      i = end - 1;
      continue;
    }
    if (!firstWords.has(tokens[i]!.norm)) continue;
    const words = wordsAt(tokens, i, mod.conditions);
    if (!words) continue;
    const prev = tokens[i - 1];
    if (prev && (prev.norm === 'as' || prev.norm === 'even' && words[0] === 'though')) continue;
    if (words[0] === 'if' && prev && WHETHER_VERBS.has(lemmaOf(prev))) continue;
    if (words[0] === 'once' && tokens[i + 1] && tokens[i + 1]!.pos !== 'DET' && tokens[i + 1]!.pos !== 'PROPN' && tokens[i + 1]!.pos !== 'PRON') continue;
    // A condition that opens its clause runs to the comma before the main clause (the
    // one before "then" when there is one); a trailing condition runs to the sentence end.
    const opensClause = i === s.firstToken || OPENERS.has(tokens[i - 1]!.norm) || tokens[i - 1]!.text === ',';
    let close = -1;
    for (let k = i + words.length; k < s.lastToken; k++) {
      const t = tokens[k]!;
      if (t.text === ';' || t.text === ':' || t.text === '—') break;
      if (t.text === ',' && close === -1) close = k;
      if (t.text === ',' && tokens[k + 1]?.norm === 'then') {
        close = k;
        break;
      }
    }
    if (close !== -1 && opensClause) {
      // "…, if there ever was any, …": a short aside governs nothing.
      if (tokens[i - 1]?.text === ',' && close - i <= 6) continue;
      const scopeLast = clauseEnd(tokens, close + 1, s.lastToken);
      out.push({ first: i, last: close, scopeFirst: close + 1, scopeLast });
      continue;
    }
    // A trailing condition ends with the sentence, or where ", and"/", but" opens another
    // clause, or at the comma before the report that carries it (", one official told Wire").
    let end = s.lastToken;
    for (let k = i + words.length; k + 1 < s.lastToken; k++) {
      if (tokens[k]!.text === ',' && (tokens[k + 1]!.pos === 'CCONJ' || reportFollows(tokens, k + 1, s.lastToken))) {
        end = k;
        break;
      }
    }
    while (end > i + 1 && tokens[end - 1]!.pos === 'PUNCT') end--;
    // It governs its own clause, back to the "that" opening a reported clause: "told Sabri
    // in a meeting that its factions would stop if …" makes the stopping conditional, not the meeting.
    // So does a participial clause after a comma: "claimed the attack, vowing to strike again
    // unless …" makes the striking conditional, not the claimed attack.
    let scopeFirst = clauseStart(tokens, i, s.firstToken);
    for (let k = i - 1; k > scopeFirst; k--) {
      if (tokens[k]!.norm === 'that' && tokens[k]!.pos === 'SCONJ') {
        scopeFirst = k + 1;
        break;
      }
      if (tokens[k]!.pos === 'VERB' && tokens[k]!.norm.endsWith('ing') && tokens[k - 1]!.text === ',') {
        scopeFirst = k;
        break;
      }
    }
    out.push({ first: i, last: end, scopeFirst, scopeLast: i });
  }
  return out;
}

/** The innermost attribution whose content holds the character offset. */
export function attributionAt(attributions: Attribution[], offset: number): Attribution | null {
  let best: Attribution | null = null;
  for (const a of attributions) {
    if (a.content.start <= offset && offset < a.content.end) {
      if (!best || a.content.end - a.content.start < best.content.end - best.content.start) best = a;
    }
  }
  return best;
}

export interface ModalityInput {
  /** Trigger token range. */
  first: number;
  last: number;
  kind: 'verb' | 'noun';
  /** The token whose auxiliary chain carries tense and negation (the outermost governor). */
  auxHead: number;
  /** Modality forced by a governing verb (deny, claim, accuse, intent). */
  hint: Modality | null;
}

export function modalityOf(doc: Doc, clauses: Clauses, m: ModalityInput, mod: ModalityLexicon, conditions: ConditionClause[]): ModalityResult {
  const tokens = doc.tokens;
  const text = doc.text;
  const attribution = attributionAt(doc.attributions, tokens[m.first]!.start);
  const chain = auxChain(tokens, m.auxHead, clauses.sentenceBounds(m.auxHead)[0]);
  // "would" is the future of reported speech ("they said they would boycott"), else hypothetical.
  const reportedWould = chain.some((t) => t.norm === 'would') && (attribution !== null || afterReportingVerb(clauses, m.auxHead, mod));
  const future = chain.some((t) => mod.future.has(t.norm)) || goingTo(tokens, m.auxHead) || reportedWould || m.hint === 'intended';
  let unless = false;
  const negatedChain = chain.some((t) => mod.negation.has(t.norm));
  const result = (modality: Modality, condition: Span | null = null): ModalityResult => ({ modality, attribution: attribution?.id ?? null, condition, future, unless, negatedChain });

  for (const c of conditions) {
    if (m.first >= c.first && m.first < c.last) return result('hypothetical');
  }
  for (const c of conditions) {
    if (m.first >= c.scopeFirst && m.first < c.scopeLast) {
      const span = trimSpan(text, tokens[c.first]!.start, tokens[c.last - 1]!.end, /[\s,;:.—]/);
      unless = tokens[c.first]!.norm === 'unless';
      return result('conditional', span);
    }
  }
  if (chain.some((t) => mod.negation.has(t.norm))) return result('negated');
  if (m.kind === 'noun') {
    const np = clauses.phraseAt(m.first);
    if (np && tokens[np.first]!.norm === 'no') return result('negated');
    if (np && tokens[np.first - 1]?.norm === 'without') return result('negated');
  }
  if (m.hint === 'denied' || denialBefore(tokens, m.first, clauses, mod) || attribution?.cueType === 'deny') return result('denied');
  if (!reportedWould && chain.some((t) => mod.hypothetical.has(t.norm) || mod.hypotheticalWords.has(t.norm))) return result('hypothetical');
  if (m.kind === 'noun') {
    const np = clauses.phraseAt(m.first);
    if (np) for (let k = np.first; k < m.first; k++) if (mod.hypotheticalWords.has(tokens[k]!.norm)) return result('hypothetical');
  }
  if (future) return result('intended');
  if (m.hint === 'claimed' || attribution?.cueType === 'claim') return result('claimed');
  if (attribution) return result('reported');
  return result('asserted');
}

/** Auxiliaries, adverbs and negation right before a verb ("will not", "could have been"). */
function auxChain(tokens: Token[], head: number, first: number): Token[] {
  const out: Token[] = [];
  for (let k = head - 1; k >= first && k >= head - 6; k--) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' && t.norm !== 'to' || t.norm === "n't" || t.norm === 'not' || t.norm === 'never') out.push(t);
    else break;
  }
  return out;
}

/** Is the verb in a clause reported by a speech verb before it ("said (that) they would …")? */
function afterReportingVerb(clauses: Clauses, head: number, mod: ModalityLexicon): boolean {
  const tokens = clauses.tokens;
  const [first] = clauses.sentenceBounds(head);
  for (let k = head - 1; k >= first && k >= head - 12; k--) {
    const t = tokens[k]!;
    if (t.pos === 'VERB') return mod.complementVerbs.has(lemmaOf(t)) || lemmaOf(t) === 'announce';
    if (t.text === ';' || t.text === ':') return false;
  }
  return false;
}

function goingTo(tokens: Token[], head: number): boolean {
  return tokens[head - 1]?.norm === 'to' && tokens[head - 2]?.norm === 'going';
}

/** "nothing to do with the attacks", "no role in", "denied any involvement in": a denial before the trigger in its clause. */
function denialBefore(tokens: Token[], first: number, clauses: Clauses, mod: ModalityLexicon): boolean {
  const [start] = clauses.sentenceBounds(first);
  // "denied that … and accused Israel of …": a finite verb coordinated with the denial is
  // said, not denied (a gerund stays under it: "denied planning and carrying out")
  const trigger = tokens[first]!;
  if (trigger.pos === 'VERB' && !/ing$/.test(trigger.norm) && tokens[first - 1]?.pos === 'CCONJ') return false;
  for (let k = first - 1; k >= start && k >= first - 12; k--) {
    const t = tokens[k]!;
    if (t.text === ';' || t.pos === 'SCONJ' && t.norm !== 'that') return false;
    for (const phrase of mod.denialPhrases) {
      const offset = k - phrase.length + 1;
      if (offset >= start && matchWords(tokens, offset, phrase)) return true;
    }
    // ("their disputed border", "the rejected plan": a participle before a noun describes it)
    if (t.pos === 'VERB' && mod.denialVerbs.has(lemmaOf(t)) && !premodifies(tokens, k)) {
      // "denied that it carried out the attack", "denied involvement in the attack", "denied the attack"
      return true;
    }
    if (t.pos === 'NOUN' && (lemmaOf(t) === 'denial')) return true;
    // Another finite verb in between ("denied the report but said its forces attacked") ends the search.
    if (t.pos === 'VERB' && !/ing$/.test(t.norm)) return false;
  }
  return false;
}

/** Whether the participle at k stands before a noun as its modifier ("their disputed border"). */
function premodifies(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return /ed$/.test(t.norm) && !!after && (after.pos === 'NOUN' || after.pos === 'PROPN') && !!before && (before.pos === 'DET' || before.pos === 'ADJ' || (before.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(before.norm)));
}

/** Span of a token range. */
export function tokenSpan(doc: Doc, first: number, last: number): Span {
  return makeSpan(doc.text, doc.tokens[first]!.start, doc.tokens[last - 1]!.end);
}
