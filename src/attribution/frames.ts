import { WEEKDAYS_AND_MONTHS } from '../doc/calendar.js';
import type { CueType, Token } from '../doc/types.js';
import { isCommaLike, isPossessive, npEndAfter, npStartBefore } from './chunk.js';
import { CLOSE_MARK, OPEN_MARK, type AttrContext, quoteTokens } from './context.js';
import { cueTypeFor, type Cue } from './cues.js';

/**
 * Frames: given a cue, where its source and content are. Three orders cover news
 * reporting (docs/attribution.md):
 *   content after   `X said (that) C`, `X told reporters C`, `X said: “C”`, `according to X, C`
 *   content before  `C, X said`, `“C,” said X`, `C, according to X`
 *   both sides      `“C1,” X said, “C2”`, `C1, according to X, C2`
 * A cue without a content is no attribution. Token ranges are inclusive.
 */

/** Subordinators that open a reduced clause of condition or time: `if confirmed`, `once approved`. */
const CONDITION_OPENERS: ReadonlySet<string> = new Set(['if', 'unless', 'once', 'until', 'though', 'although', 'whether']);

/** Every rule that frames a report (docs/attribution.md), as `scripts/attribution-sieves.ts` lists them. */
export const SIEVES = [
  'transcript-speaker', 'headline-speaker', 'dash-credit', 'inverted-after-content', 'subject-after-content',
  'parenthetical', 'as-clause', 'colon-paragraph', 'subject-verb-content', 'verb-content', 'passive-impersonal',
  'passive-raising', 'passive-agent', 'raising', 'according-to', 'adverb', 'noun-complement', 'quote-continuation', 'citation',
] as const;
export type Sieve = (typeof SIEVES)[number];

export interface Draft {
  cue: Cue;
  cueType: CueType;
  /** Source, token range; null when the text names none. */
  source: [number, number] | null;
  /** Content, token range (the covering range when it has two parts). */
  content: [number, number];
  /** Which rule found it (docs/attribution.md lists them). */
  sieve: Sieve;
  /** The source is the subject of a clause the cue depends on (`…, adding that`): filled later. */
  sharedSource?: boolean;
  /** The content is a split quote around the cue (`“C1,” X said, “C2”`): `content` covers both parts. */
  split?: boolean;
  /** Found by a rule precise enough to need no model decision. */
  trusted?: boolean;
  /** The report this one reaches us through, when the text says so (`X, citing Y, said …`). */
  relayedBy?: Draft;
  /** The cue model's score, when a model decided (nesting conflicts compare it). */
  score?: number;
}

const FINAL = new Set(['.', '!', '?', '…']);
const WH = new Set(['whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who', 'which', 'whom']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'tomorrow', 'earlier', 'later', 'recently', 'last', 'this', 'next', 'week', 'month', 'year', 'morning',
  'afternoon', 'evening', 'night', 'weekend', 'ago', 'again', 'repeatedly', 'also', 'privately', 'publicly',
  'previously', 'often', 'frequently', 'once', 'twice', 'already', 'still', 'now', 'then', 'too', 'late', 'early',
]);
const ADJUNCT_PREP = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'via', 'through', 'with', 'over', 'from', 'by', 'to', 'inside', 'outside', 'following', 'since', 'earlier', 'last', 'this', 'of']);
/** Cue types whose `as` clause attributes the clause it hangs on (`As X reported, C`). */
const AS_CLAUSE_TYPES: ReadonlySet<CueType> = new Set(['assert', 'report', 'claim', 'confirm', 'admit']);
/** Parts of speech that can open the subject of a clause. */
const HOST_SUBJECT_POS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);
const LEADING_CONJ = new Set(['but', 'and', 'so', 'yet', 'or']);
const OBJECT_PRONOUN = new Set(['me', 'him', 'her', 'us', 'them', 'you', 'it']);
const FLOATING = new Set(['all', 'both', 'each', 'too', 'themselves', 'himself', 'herself', 'itself']);
const RELATIVE_OPENERS = new Set(['who', 'whose', 'which', 'whom', 'where']);
/** Prepositions that also open clauses (`after the president ordered …`): a subject may follow them. */
/** Conjunctions opening an adverbial clause of time, reason or concession after a cue (`…, X said as he left`). */
const ADVERBIAL_SUBORDINATORS = new Set(['as', 'when', 'while', 'because', 'although', 'though', 'whereas', 'before', 'after', 'once']);
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'as', 'while', 'because', 'if', 'though', 'although', 'once', 'when', 'whereas', 'unless', 'than', 'like']);

/**
 * Whether a comma-set segment is a noun phrase with its modifiers: `a historian who
 * attended the session`, `senior associate for education organizing at the institute`.
 * A verb inside must belong to a relative clause or be a participle after a noun.
 */
function isAppositive(tokens: readonly Token[], from: number, to: number, reportVerbs: ReadonlyMap<string, unknown>): boolean {
  const first = tokens[from]!;
  if (!/^(DET|ADJ|NOUN|PROPN|NUM)$/.test(first.pos) && !isPossessive(first)) return false;
  let relative = false;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    // ("a militia that/SCONJ Washington designates …": after a noun, "that" opens its clause, whatever its tag)
    if (opensRelative(t) || (t.norm === 'that' && k > from && tokens[k - 1]!.pos === 'NOUN')) relative = true;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !relative) {
      // a participle after a noun (`a report released last year`), not a finite verb with its object (`the minister defended the budget`)
      const prev = tokens[k - 1]!;
      const next = tokens[k + 1];
      // (or glued by a hyphen: `a self-described democratic socialist`)
      const glued = /^[-‐‑]$/.test(prev.text) && prev.end === t.start;
      const participle = /(ing|ed|en)$/.test(t.norm) && k > from && (/^(NOUN|PROPN)$/.test(prev.pos) || glued);
      // (an -ing participle keeps its object in a phrase that opens like an appositive,
      // `a man visiting Nice`, `one of the states suing the EPA`, unless it is a cue of its
      // own, `a delegate supporting Y`, whose frame the phrase then is)
      const keepsObject = t.norm.endsWith('ing') && !reportVerbs.has(t.lemma) && (first.pos === 'DET' || first.pos === 'PROPN' || first.norm === 'one');
      if (!participle || (next && k + 1 <= to && /^(DET|PRON|PROPN)$/.test(next.pos) && !keepsObject)) return false;
      // a past form with a bare noun after it is a finite verb with its object (`the group claimed responsibility`),
      // unless the noun says when (`released Monday`, `published this week`) or the participle modifies a compound (`Trump's fired campaign manager`)
      if (/(ed|en)$/.test(t.norm) && !glued && next && k + 1 <= to && next.pos === 'NOUN' && !TIME_WORDS.has(next.norm) && tokens[k + 2]?.pos !== 'NOUN' && !/['’]s$/.test(prev.norm)) return false;
    }
    if (t.text === ';' || t.text === ':') return false;
  }
  return true;
}

/** Whether the token opens a relative clause: who, which, whom, whose, where, or "that" tagged a pronoun. */
function opensRelative(t: Token): boolean {
  return RELATIVE_OPENERS.has(t.norm) || (t.norm === 'that' && t.pos === 'PRON');
}

/** Whether a verb stands among tokens [from, to]. */
function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return true;
  return false;
}

/** Whether the words of a segment before its noun phrase only introduce it (`But`, `And then`). */
function onlyIntroductory(tokens: readonly Token[], from: number, np: number): boolean {
  for (let k = from; k < np; k++) if (!/^(CCONJ|ADV|SCONJ|PUNCT)$/.test(tokens[k]!.pos)) return false;
  return true;
}

export class FrameFinder {
  constructor(private readonly ctx: AttrContext) {}

  private get tokens(): Token[] {
    return this.ctx.tokens;
  }

  private sentenceRange(i: number): [number, number] {
    return this.ctx.clauses[this.ctx.sentenceOf[i]!]!;
  }

  /**
   * The cue's sentence, narrowed to its clause when semicolons outside quotations join
   * independent clauses (`Strike kills 12, officials say; army says it hit militants`).
   */
  private clauseRange(cue: Cue): [number, number] {
    const { tokens, ctx } = this;
    let [first, last] = this.sentenceRange(cue.head);
    for (let k = cue.last + 1; k <= last; k++) {
      if (tokens[k]!.text === ';' && ctx.quoteOf[k] === -1) {
        last = k - 1;
        break;
      }
    }
    // `X, which the government calls a terrorist group, said …`: a relative clause set off by
    // commas ends at its closing comma, where the main clause's verb resumes
    if (this.inCommaRelative(cue, first)) {
      for (let k = cue.last + 1; k < last; k++) {
        if (ctx.quoteOf[k] === -1 && isCommaLike(tokens[k]) && /^(VERB|AUX)$/.test(tokens[k + 1]!.pos)) {
          last = k - 1;
          break;
        }
      }
    }
    for (let k = cue.first - 1; k >= first; k--) {
      if (tokens[k]!.text === ';' && ctx.quoteOf[k] === -1) {
        first = k + 1;
        break;
      }
    }
    return [first, last];
  }

  /** Whether the cue's clause is a relative clause opened after a comma (`, which the government calls`, `, who said`). */
  private inCommaRelative(cue: Cue, first: number): boolean {
    const { tokens } = this;
    let r = cue.first - 1;
    // (over an adverbial phrase too: `X, who in the past has voiced …,`)
    while (r > first && r >= cue.first - 8 && !RELATIVE_OPENERS.has(tokens[r]!.norm) && /^(DET|ADJ|NOUN|PROPN|PRON|ADV|AUX|PART|NUM|ADP)$/.test(tokens[r]!.pos)) r--;
    return r > first && RELATIVE_OPENERS.has(tokens[r]!.norm) && isCommaLike(tokens[r - 1]);
  }

  /** Last token of a sentence's content: before the final punctuation, unless a quote closes after it. */
  private contentEnd(from: number, last: number): number {
    const { tokens, ctx } = this;
    let end = last;
    if (ctx.mark[end] === CLOSE_MARK) return end;
    while (end > from && (FINAL.has(tokens[end]!.text) || tokens[end]!.pos === 'PUNCT' && tokens[end]!.text !== ')' && ctx.mark[end] !== CLOSE_MARK)) end--;
    return end;
  }

  /**
   * Whether a clause without "that" opens at token k: a subject and its verb (`told
   * reporters the drone had been launched`), not a second object (`told Americans the truth`).
   */
  private opensBareClause(k: number, last: number): boolean {
    const { tokens } = this;
    if (tokens[k]!.pos === 'PRON') return true;
    if (!/^(PROPN|DET)$/.test(tokens[k]!.pos)) return false;
    let end = npEndAfter(tokens, k, last);
    if (end === -1) return false;
    while (end + 1 < last && tokens[end + 1]!.pos === 'ADV') end++;
    return end + 1 <= last && /^(VERB|AUX)$/.test(tokens[end + 1]!.pos);
  }

  /** Whether token i ends the sentence, or only final punctuation follows it up to `last`. */
  private atEnd(i: number, last: number): boolean {
    for (let k = i; k <= last; k++) {
      const t = this.tokens[k]!;
      if (!(FINAL.has(t.text) || (t.pos === 'PUNCT' && t.text !== ',' && t.text !== ':' && this.ctx.mark[k] !== OPEN_MARK))) return false;
    }
    return true;
  }

  /**
   * Skips what may stand between a cue and its content: time words, adverbs and
   * prepositional adjuncts (`said on Tuesday in a statement that`). Returns the index
   * of the first token after them.
   */
  private skipAdjuncts(i: number, last: number): number {
    const { tokens } = this;
    for (let guard = 0; guard < 8 && i <= last; guard++) {
      const t = tokens[i]!;
      if (TIME_WORDS.has(t.norm) || (t.pos === 'ADV' && !WH.has(t.norm) && t.norm !== 'that')) {
        i++;
        continue;
      }
      if (t.pos === 'PROPN' && TIME_WORDS.has(t.norm)) {
        i++;
        continue;
      }
      if (ADJUNCT_PREP.has(t.norm) && t.pos === 'ADP') {
        const end = npEndAfter(tokens, i + 1, last);
        if (end === -1) break;
        const after = tokens[end + 1];
        if (!after || end + 1 > last || after.norm === 'that' || after.text === ',' || after.text === ':' || this.ctx.mark[end + 1] === OPEN_MARK || FINAL.has(after.text) || ADJUNCT_PREP.has(after.norm) || TIME_WORDS.has(after.norm)) {
          i = end + 1;
          continue;
        }
      }
      break;
    }
    return i;
  }

  /**
   * Source before token `end` (inclusive): a noun phrase, possibly with comma-set
   * appositives and relative clauses (`Jane Roe, 54, a spokeswoman for the ministry,
   * who …, said`); participial phrases are skipped (`Trump, speaking in Ohio, said` → Trump).
   */
  /** Whether tokens [from, to] are a date or time of day (`Wednesday`, `the evening`, `March 4`). */
  private isDate(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) {
      const t = this.tokens[k]!;
      if (!(TIME_WORDS.has(t.norm) || WEEKDAYS_AND_MONTHS.has(t.norm) || t.pos === 'NUM' || t.norm === 'the')) return false;
    }
    return true;
  }

  /** Whether tokens [from, to] say when: `Hours later`, `Two days ago`, `Earlier this week`. */
  private isTimePhrase(from: number, to: number): boolean {
    const last = this.tokens[to]!.norm;
    if (last === 'later' || last === 'earlier' || last === 'ago') return true;
    return this.isDate(from, to);
  }

  subjectBefore(end: number, floor: number): [number, number] | null {
    return this.subjectChain(end, floor)?.span ?? null;
  }

  private subjectChain(end: number, floor: number): { span: [number, number]; segments: number } | null {
    const { tokens, ctx } = this;
    if (end < floor) return null;
    // a floating quantifier after the subject: `the three senators all said`
    if (FLOATING.has(tokens[end]!.norm) && end - 1 >= floor) {
      const inner = this.subjectChain(end - 1, floor);
      if (inner) return { span: [inner.span[0], end], segments: inner.segments };
    }
    if (!isCommaLike(tokens[end])) {
      let e = end;
      // a time phrase between subject and verb is no subject (`Wells Fargo this month announced`),
      // also where the chunk runs the two together (`The army last week said`)
      if (TIME_WORDS.has(tokens[e]!.norm)) {
        let t = e;
        while (t - 1 >= floor && TIME_WORDS.has(tokens[t - 1]!.norm)) t--;
        if (t < e && /^(last|this|next|past|earlier|late|early)$/.test(tokens[t]!.norm) && t - 1 >= floor && /^(NOUN|PROPN)$/.test(tokens[t - 1]!.pos)) {
          e = t - 1;
          end = e;
        }
      }
      const start = npStartBefore(tokens, e, floor);
      if (start !== -1 && TIME_WORDS.has(tokens[e]!.norm) && start - 1 >= floor) {
        e = start - 1;
        const real = e >= floor ? npStartBefore(tokens, e, floor) : -1;
        if (real !== -1) return { span: [real, e], segments: 1 };
      }
      if (start === -1) return null;
      // `Karsk's foreign ministry on Wednesday accused`: nor is a dated prepositional phrase
      const prep = tokens[start - 1];
      if (prep && start - 2 >= floor && (prep.norm === 'on' || prep.norm === 'in' || prep.norm === 'during') && this.isDate(start, e)) {
        const real = npStartBefore(tokens, start - 2, floor);
        if (real !== -1) return { span: [real, start - 2], segments: 1 };
      }
      // the object of a preposition or verb is no subject: look for the relative clause it
      // ends (`the group of militias who have made this ultimatum to the government`)
      const before = tokens[start - 1];
      if (before && start - 1 >= floor && ((before.pos === 'ADP' && !SUBORDINATORS.has(before.norm)) || before.pos === 'VERB' || before.pos === 'AUX')) {
        for (let r = start - 2; r >= floor && r > start - 16; r--) {
          const t = tokens[r]!;
          if (isCommaLike(t) || ctx.mark[r] !== 0) break;
          if (opensRelative(t)) {
            // `X, who in the past has voiced …`: the relative pronoun before the phrase is the subject
            if (r === start - 2 && before.pos === 'ADP' && t.norm !== 'whose') return { span: [r, r], segments: 1 };
            const head = npStartBefore(tokens, r - 1, floor);
            return head === -1 ? null : { span: [head, end], segments: 1 };
          }
        }
        // a reduced relative: `a report released last year found`
        if (before.pos === 'VERB' && /(ed|en|ing)$/.test(before.norm) && start - 2 >= floor) {
          const head = npStartBefore(tokens, start - 2, floor);
          if (head !== -1) return { span: [head, end], segments: 1 };
        }
        // a post-modifier: `sources familiar with the matter`, `officials briefed on the talks`
        if (before.pos === 'ADP') {
          let k = start - 2;
          if (k >= floor && (tokens[k]!.pos === 'ADJ' || (tokens[k]!.pos === 'VERB' && /(ed|en|ing)$/.test(tokens[k]!.norm)))) k--;
          const head = k >= floor ? npStartBefore(tokens, k, floor) : -1;
          if (head !== -1 && !(tokens[head - 1] && head - 1 >= floor && tokens[head - 1]!.pos === 'ADP')) return { span: [head, end], segments: 1 };
        }
        // an opening phrase without its comma: `In an interview Trump declared`, `After the
        // meeting of the council Ana Lee said`: the name after its common noun is the subject
        if (before.pos === 'ADP' && onlyIntroductory(tokens, floor, start - 1)) {
          let name = end;
          while (name - 1 > start && tokens[name - 1]!.pos === 'PROPN') name--;
          if (tokens[end]!.pos === 'PROPN' && name > start && tokens[name - 1]!.pos === 'NOUN') return { span: [name, end], segments: 1 };
        }
        return null;
      }
      return { span: [start, end], segments: 1 };
    }
    // comma-set segments, right to left
    let segEnd = end - 1;
    let spanEnd = end;
    let head = -1;
    let segments = 0;
    for (let guard = 0; guard < 5 && segEnd >= floor; guard++) {
      let k = segEnd;
      while (k >= floor && !isCommaLike(tokens[k]) && ctx.mark[k] !== CLOSE_MARK) k--;
      const segStart = k + 1;
      if (segStart > segEnd) break;
      const first = tokens[segStart]!;
      // `Hours later, a local faction, the Sword of Truth, said`: a time phrase opening the
      // sentence is no part of the source
      if (segments > 0 && this.isTimePhrase(segStart, segEnd)) break;
      let np = npStartBefore(tokens, segEnd, segStart);
      // `two officers who took part, speaking on condition of anonymity, said`: a noun phrase
      // with its relative clause
      if (np !== -1 && !onlyIntroductory(tokens, segStart, np)) np = this.headOfRelative(segStart, segEnd) ?? np;
      const isNp = (np !== -1 && onlyIntroductory(tokens, segStart, np)) || isAppositive(tokens, segStart, segEnd, ctx.lexicon.verbs);
      const relative = RELATIVE_OPENERS.has(first.norm);
      // a participial phrase, an adverbial clause or a prepositional aside between subject and verb
      // (`Trump, speaking in Ohio,`, `X, even after Y,`, `The ministry, in a statement,`)
      const participial = (first.pos === 'VERB' && /(ing|ed|en)$/.test(first.norm)) || first.pos === 'SCONJ' || (first.pos === 'ADV' && /^(SCONJ|ADP)$/.test(tokens[segStart + 1]?.pos ?? '')) ||
        (first.pos === 'ADP' && !SUBORDINATORS.has(first.norm) && !hasVerb(tokens, segStart, segEnd));
      const age = segStart === segEnd && first.pos === 'NUM';
      if (isNp) {
        head = np !== -1 && onlyIntroductory(tokens, segStart, np) ? np : segStart;
        segments++;
      } else if (relative || age) {
        segments++;
      } else if (participial && segments === 0) {
        // skip it, and end the source before it
        spanEnd = k - 1;
      } else break;
      if (k < floor || !isCommaLike(tokens[k])) break;
      // a comma right after a closing quote ends the chain (`“C,” Jane Roe, 54, said`)
      if (ctx.mark[k - 1] === CLOSE_MARK) break;
      segEnd = k - 1;
    }
    if (head === -1) return null;
    return { span: [head, spanEnd], segments };
  }

  /** The start of the noun phrase a relative clause in [from, to] follows, when only introductory words come before it. */
  private headOfRelative(from: number, to: number): number | null {
    const { tokens } = this;
    for (let r = from + 1; r <= to; r++) {
      if (!opensRelative(tokens[r]!)) continue;
      const head = npStartBefore(tokens, r - 1, from);
      return head !== -1 && onlyIntroductory(tokens, from, head) ? head : null;
    }
    return null;
  }

  /** Source after token `start`: a noun phrase, with an appositive when one follows before the clause ends. */
  subjectAfter(start: number, last: number): [number, number] | null {
    const { tokens } = this;
    const end = npEndAfter(tokens, start, last);
    if (end === -1) return null;
    if (isCommaLike(tokens[end + 1]) && end + 2 <= last) {
      const appEnd = npEndAfter(tokens, end + 2, last);
      if (appEnd !== -1 && tokens[end + 2]!.pos !== 'PRON' && (appEnd === last || this.atEnd(appEnd + 1, last) || isCommaLike(tokens[appEnd + 1]))) {
        return [start, isCommaLike(tokens[appEnd + 1]) && !this.atEnd(appEnd + 2, last) ? appEnd + 1 : appEnd];
      }
    }
    return [start, end];
  }

  /** The quote run that ends at (or just after) token i: token range from the run's first quote to this quote's end. */
  private quoteRunEndingAt(i: number): [number, number] | null {
    const { ctx } = this;
    let q = ctx.quoteOf[i]!;
    if (q === -1 && i > 0) q = ctx.quoteOf[i - 1]!;
    if (q === -1) return null;
    const quote = ctx.quotes[q]!;
    const runStart = ctx.quotes[quote.run]!;
    const [first] = quoteTokens(ctx, runStart);
    const [, last] = quoteTokens(ctx, quote);
    return [first, last];
  }

  /** The quote run that starts at token i: from it to the end of its last quote. */
  quoteRunStartingAt(i: number): [number, number] | null {
    const { ctx } = this;
    const q = ctx.quoteOf[i]!;
    if (q === -1) return null;
    let lastQuote = q;
    while (lastQuote + 1 < ctx.quotes.length && ctx.quotes[lastQuote + 1]!.run === ctx.quotes[q]!.run) lastQuote++;
    const [first] = quoteTokens(ctx, ctx.quotes[q]!);
    const [, last] = quoteTokens(ctx, ctx.quotes[lastQuote]!);
    return [first, last];
  }

  /** Content that starts at token j and runs to the end of its clause (or of its quotation). */
  private contentFrom(j: number, last: number): [number, number] | null {
    const { ctx, tokens } = this;
    if (j > last) return null;
    if (ctx.mark[j] === OPEN_MARK) {
      const run = this.quoteRunStartingAt(j);
      // a quotation that fills the rest of the sentence, or runs on over several sentences
      if (run && (run[1] >= last || this.atEnd(run[1] + 1, last) || ctx.sentenceOf[run[1]] !== ctx.sentenceOf[j])) return run;
    }
    const end = this.contentEnd(j, last);
    if (end < j) return null;
    return [j, end];
  }

  /** A verb cue's frame. */
  verbFrame(cue: Cue): Draft | null {
    const { tokens, ctx } = this;
    const [first, last] = this.clauseRange(cue);
    const before = cue.first - 1;
    const after = cue.last + 1;
    const lemma = cue.lemma;
    if (ctx.lexicon.raising.has(lemma)) return this.raisingFrame(cue);
    // `if confirmed as the work of …`, `unless approved`: a participle clause of condition
    // tells of no act of saying
    if (cue.first === cue.head && CONDITION_OPENERS.has(tokens[before]?.norm ?? '') && /(ed|en)$/.test(tokens[cue.head]!.norm)) return null;
    // `a self-described democratic socialist`: the person calls himself what the noun phrase
    // after the compound says; that phrase is all the content
    if (before >= first + 1 && /^[-‐‑]$/.test(tokens[before]!.text) && tokens[before - 1]!.norm === 'self' && tokens[before]!.start === tokens[before - 1]!.end) {
      // (wink-nlp may tag the whole phrase adjectives: `democratic/ADJ socialist/ADJ`)
      let end = after - 1;
      while (end + 1 <= last && /^(ADJ|NOUN|PROPN|NUM)$/.test(tokens[end + 1]!.pos)) end++;
      return end < after ? null : this.draft(cue, null, [after, end], 'verb-content');
    }

    // `“C,” said X` / `C, said X`: the verb right after a comma or a closing quote, subject after it
    const afterComma = before >= first && (isCommaLike(tokens[before]) || ctx.mark[before] === CLOSE_MARK);
    const quoteBeforeSentence = before === first - 1 && before >= 0 && ctx.mark[before] === CLOSE_MARK && !ctx.lineStart[first] && this.quoteFillsSentence(before);
    const quoteHere = (afterComma && this.closesQuote(before)) || quoteBeforeSentence;
    const quoteOpenClause = quoteHere && this.quoteLeavesClauseOpen(before) && this.quoteStartsClause(before, first);
    // a participle or infinitive is no inverted verb (`…, speaking of the plan` has its subject before)
    const finite = !/ing$/.test(tokens[cue.head]!.norm) && tokens[cue.head - 1]?.norm !== 'to';
    // nor is a verb with an auxiliary or modal (`…, would mark a sharp escalation`): inversion is `said X`
    let plain = true;
    for (let k = cue.first; k < cue.head; k++) if (tokens[k]!.pos === 'AUX') plain = false;
    // `X, a spokesman for Y, said`: a subject with appositives, not an inverted verb
    const chain = afterComma && isCommaLike(tokens[before]) ? this.subjectChain(before, first) : null;
    if ((afterComma || quoteBeforeSentence) && after <= last && finite && plain && !(chain && chain.segments >= 2)) {
      const src = this.subjectAfter(after, last);
      if (src) {
        const k = this.skipAdjuncts(src[1] + 1, last);
        // after a quote that leaves its sentence open, nothing but the quote is the content (`“C,” said X of the plan`)
        if (quoteOpenClause || k > last || this.atEnd(k, last) || isCommaLike(tokens[k]) || tokens[k]!.text === ':' || tokens[k]!.text === '(' || tokens[k]!.norm === 'who') {
          const content = this.contentBefore(before, first, k, last);
          if (content) return this.draft(cue, src, content.range, 'inverted-after-content', false, content.split);
        }
      }
    }

    // subject before the verb
    const subject = this.subjectBefore(before, first);
    const subjectOpen = subject ? subject[0] - 1 : before;
    let j = after;
    if (lexiconHas(ctx, 'addressee', lemma) && j <= last && tokens[j]!.norm !== 'that' && ctx.mark[j] !== OPEN_MARK && !WH.has(tokens[j]!.norm)) {
      // `told reporters`, `assured allies`, `told me`: the addressee is neither source nor content
      const addresseeEnd = OBJECT_PRONOUN.has(tokens[j]!.norm) ? j : npEndAfter(tokens, j, last);
      if (addresseeEnd !== -1 && !lexiconHas(ctx, 'naming', lemma)) {
        const nextTok = tokens[addresseeEnd + 1];
        // only when the content (or the end) follows the addressee, perhaps after adjuncts (`told reporters on Tuesday that`)
        const k = this.skipAdjuncts(addresseeEnd + 1, last);
        const opener = tokens[k];
        if (nextTok && addresseeEnd + 1 <= last && (k > last || this.atEnd(k, last) || (opener && (opener.norm === 'that' || (opener.norm === 'to' && tokens[k + 1]?.pos === 'VERB') || ADVERBIAL_SUBORDINATORS.has(opener.norm) || isCommaLike(opener) || opener.text === ':' || ctx.mark[k] === OPEN_MARK || WH.has(opener.norm) || (k === addresseeEnd + 1 && this.opensBareClause(k, last)))))) {
          j = addresseeEnd + 1;
        }
      }
    }
    const afterAddressee = j;
    j = this.skipAdjuncts(j, last);
    // `said, however, that C`, `said — on Twitter, as it happens — that C`
    const resumed = this.thatAfterParenthetical(j, last);
    if (resumed !== -1) j = resumed;

    const contentFollows = j <= last && !this.atEnd(j, last) && !(isCommaLike(tokens[j]) && ctx.mark[j + 1] !== OPEN_MARK);
    const quoteFollows = j <= last && (ctx.mark[j] === OPEN_MARK || (isCommaLike(tokens[j]) && ctx.mark[j + 1] === OPEN_MARK));
    // `that` or a colon opens a content only right after the cue (or its addressee): after
    // adjuncts, `that` is more likely a relative pronoun (`told reporters after the meeting that was held …`)
    const opensContent = j <= last && ((tokens[j]!.norm === 'that' && (j === afterAddressee || j === resumed)) || tokens[j]!.text === ':' || tokens[cue.last]!.text === ':');
    // `C, X told aides as he worked on the speech`, `C, X said when asked`: an adverbial clause
    // after the cue says when or why; the report is the clause before
    // (only when what stands before is a clause: `In another case, a man was charged after …`
    // is no report; nor is the clause before a relative `who told …`; `speak` takes no clause)
    const adverbialClause =
      j <= last && this.opensAdverbialClause(j, last) && this.hasFiniteVerb(first, subjectOpen - 1) && !(subject && RELATIVE_OPENERS.has(tokens[subject[0]]!.norm)) && lemma !== 'speak' && lemma !== 'talk';
    // what stands before the subject: a comma, a closing quote in this sentence, or one that ended the last sentence
    const boundaryBefore = subjectOpen >= first && (isCommaLike(tokens[subjectOpen]) || ctx.mark[subjectOpen] === CLOSE_MARK);
    const quoteBefore = subjectOpen === first - 1 && subjectOpen >= 0 && ctx.mark[subjectOpen] === CLOSE_MARK && !ctx.lineStart[first] && this.quoteFillsSentence(subjectOpen);
    const quoteOpen = (boundaryBefore || quoteBefore) && this.closesQuote(subjectOpen) && this.quoteLeavesClauseOpen(subjectOpen) && this.quoteStartsClause(subjectOpen, first);
    // `C, X said.` / `“C,” X said Tuesday of the plan.` / `“C1,” X said, “C2”`
    if (subject && (boundaryBefore || quoteBefore) && !opensContent && (!contentFollows || quoteOpen || adverbialClause)) {
      if (!quoteFollows || quoteOpen) {
        const content = this.contentBefore(subjectOpen, first, j, last);
        if (content) {
          // `The museum, Mr. Lee said, celebrated …`: a parenthetical cue inside its host clause attributes all of it
          const rest = content.split || ctx.mark[content.range[1]] === CLOSE_MARK ? -1 : this.hostClauseEnd(j, last);
          if (rest !== -1) return this.draft(cue, subject, [content.range[0], rest], 'parenthetical', false, true);
          return this.draft(cue, subject, content.range, 'subject-after-content', false, content.split);
        }
      }
    }
    // `As X reported, C` / `C, as X said.`: the clause the `as` clause hangs on is the content
    // (a statement or a finding, not `as he spoke` / `as the rules require`, which say when or how)
    if (subject && subjectOpen >= first && tokens[subjectOpen]!.norm === 'as' && !opensContent && AS_CLAUSE_TYPES.has(cue.types[0]!) && lemma !== 'speak' && lemma !== 'talk' && !this.isPassive(cue)) {
      const asFirst = subjectOpen === first || (subjectOpen - 1 >= first && (isCommaLike(tokens[subjectOpen - 1]) || (subjectOpen - 1 === first && tokens[first]!.pos === 'CCONJ')));
      if (asFirst && subjectOpen - 1 >= first && isCommaLike(tokens[subjectOpen - 1]) && (j > last || this.atEnd(j, last))) {
        // after its clause: `C, as X said.`
        let s0 = first;
        while (s0 < subjectOpen - 1 && LEADING_CONJ.has(tokens[s0]!.norm)) s0++;
        if (subjectOpen - 2 >= s0) return this.draft(cue, subject, [s0, subjectOpen - 2], 'as-clause');
      } else if (asFirst && j <= last && isCommaLike(tokens[j])) {
        // before it: `As X reported, C`
        const end = this.hostClauseEnd(j, last);
        if (end !== -1) return this.draft(cue, subject, [j + 1, end], 'as-clause');
      }
    }
    if (!contentFollows) {
      // `Mr. Lee said, the talks have failed`: the clause after the comma is the content
      const rest = subject && subjectOpen < first ? this.hostClauseEnd(j, last) : -1;
      if (rest !== -1) return this.draft(cue, subject, [j + 1, rest], 'parenthetical');
      // `C, adding:` at the end of a paragraph, or `X said:` before a quoted paragraph
      if (tokens[cue.last]!.text === ':' || tokens[j]?.text === ':') {
        const next = this.nextParagraphQuote(cue.last);
        if (next) return this.draft(cue, subject, next, 'colon-paragraph');
      }
      return null;
    }

    // content after the cue; inside a quotation it ends with the quotation (`“I think A,” she said`)
    let start = j;
    if (tokens[start]!.text === ':' || (isCommaLike(tokens[start]) && ctx.mark[start + 1] === OPEN_MARK)) start++;
    let limit = last;
    const q = ctx.quoteOf[cue.head]!;
    if (q !== -1 && ctx.quotes[q]!.closed) {
      const close = quoteTokens(ctx, ctx.quotes[q]!)[1];
      if (close <= last) limit = close - 1;
      while (limit > start && tokens[limit]!.pos === 'PUNCT') limit--;
    }
    const content = this.contentFrom(start, limit);
    if (!content) return null;
    // `…, adding that`, `… and said that`: the subject is the clause's, found later
    // (after a comma, also one inside a closing quotation mark: `hailed it as "fantastic," telling …`)
    const shared = !subject && before >= first && (isCommaLike(tokens[before]) || tokens[before]!.pos === 'CCONJ' || (ctx.mark[before] === CLOSE_MARK && isCommaLike(tokens[before - 1])));
    // `X, citing an official, said …`: a participial phrase set off by commas ends at its comma
    if (before >= first && isCommaLike(tokens[before]) && /ing$/.test(tokens[cue.head]!.norm)) {
      for (let k = content[0] + 1; k < content[1]; k++) {
        if (ctx.quoteOf[k] !== -1) continue;
        if (isCommaLike(tokens[k]) && /^(VERB|AUX)$/.test(tokens[k + 1]!.pos)) {
          content[1] = k - 1;
          break;
        }
      }
    }
    if (subject && this.isPassive(cue)) {
      const word = tokens[subject[0]]!.norm;
      // `It was reported that …`: the expletive subject names no source
      if (subject[0] === subject[1] && (word === 'it' || word === 'there')) return this.draft(cue, null, content, 'passive-impersonal');
      // `The plan was rejected by the council (for …)`: the agent is the source, the subject what
      // the report is about, with the rest of the clause (PolNeAR train: the agent is the gold
      // source of 77 of the 93 passive cues with a by-phrase)
      if (tokens[content[0]]!.norm === 'by' && content[0] < content[1]) {
        const agentEnd = npEndAfter(tokens, content[0] + 1, content[1]);
        if (agentEnd !== -1 && tokens[content[0] + 1]!.pos !== 'VERB') {
          const rest = agentEnd + 1 <= content[1] && !this.atEnd(agentEnd + 1, content[1]);
          const d = this.draft(cue, [content[0] + 1, agentEnd], rest ? [subject[0], content[1]] : subject, 'passive-agent', false, rest);
          // the complement after the agent selects the type (`was asked by X whether …` questions)
          if (rest) d.cueType = cueTypeFor(ctx, cue, agentEnd + 1);
          return d;
        }
      }
      // `The general is said to favor …`: the subject belongs to the content, the source is unnamed
      if (tokens[content[0]]!.norm === 'to' && (cue.lemma === 'say' || cue.lemma === 'report' || cue.lemma === 'believe' || cue.lemma === 'think' || cue.lemma === 'rumor' || cue.lemma === 'expect' || cue.lemma === 'know' || cue.lemma === 'understand' || cue.lemma === 'consider' || cue.lemma === 'allege')) {
        return this.draft(cue, null, [subject[0], content[1]], 'passive-raising', false, true);
      }
    }
    return this.draft(cue, subject, content, subject ? 'subject-verb-content' : 'verb-content', shared);
  }

  /**
   * An evidential raising verb (`seem`, `appear`): `The plan appears to have failed`, `The
   * aides seemed unsure`, `It seems that C`. PolNeAR attributes the impression to no named
   * source; its content is the raised subject with the complement (one span here, covering
   * the cue: `split`). The complement must be a to-infinitive, a predicate adjective or
   * participle, or `like` / `as if` / `that` — not `appeared on television`. A cue verb in
   * the infinitive (`seemed to confirm`) is the report itself, framed as its own candidate.
   */
  private raisingFrame(cue: Cue): Draft | null {
    const { tokens, ctx } = this;
    // an impression inside a quotation is the quoted speaker's, attributed once with the quote
    if (ctx.quoteOf[cue.head] !== -1) return null;
    const [first, sentenceLast] = this.sentenceRange(cue.head);
    // the impression's clause ends at a colon or semicolon (what follows is another statement)
    if (cue.last >= sentenceLast) return null;
    let last = cue.last + 1;
    while (last < sentenceLast && tokens[last + 1]!.text !== ':' && tokens[last + 1]!.text !== ';') last++;
    let j = cue.last + 1;
    while (j <= last && tokens[j]!.pos === 'ADV' && !WH.has(tokens[j]!.norm)) j++;
    if (j > last) return null;
    const next = tokens[j]!;
    const verbAfter = tokens[j + 1];
    let complement = false;
    let clause = false;
    if (next.norm === 'to' && next.pos === 'PART' && verbAfter && j + 1 <= last && (verbAfter.pos === 'VERB' || verbAfter.pos === 'AUX')) {
      if (ctx.lexicon.verbs.has(verbAfter.lemma) && verbAfter.pos === 'VERB' && !ctx.lexicon.raising.has(verbAfter.lemma)) return null;
      complement = true;
    } else if (next.pos === 'ADJ' || (next.pos === 'VERB' && /(ed|en)$/.test(next.norm))) complement = true;
    else if (next.norm === 'like' || next.norm === 'that' || (next.norm === 'as' && tokens[j + 1]?.norm === 'if')) clause = true;
    if (!complement && !clause) return null;
    const subject = this.subjectBefore(cue.first - 1, first);
    if (!subject) return null;
    const end = this.contentEnd(j, last);
    if (end <= j) return null;
    // `it seems that C`: the expletive joins the cue, the clause is the content
    if (subject[0] === subject[1] && tokens[subject[0]]!.norm === 'it') {
      if (!clause) return null;
      const d = this.draft({ ...cue, first: subject[0] }, null, [j, end], 'raising');
      d.trusted = true;
      return d;
    }
    if (!complement) return null;
    const d = this.draft(cue, null, [subject[0], end], 'raising', false, true);
    d.trusted = true;
    return d;
  }

  /**
   * Whether token j opens an adverbial clause of time, reason or concession; `as` only with a
   * subject and its verb (`as he left`), not as a preposition (`known as`, `as a signal`).
   */
  private opensAdverbialClause(j: number, last: number): boolean {
    const { tokens } = this;
    const t = tokens[j]!;
    if (!ADVERBIAL_SUBORDINATORS.has(t.norm) || !/^(SCONJ|ADP|ADV)$/.test(t.pos)) return false;
    if (t.norm !== 'as') return true;
    const subjectEnd = npEndAfter(tokens, j + 1, last);
    const verb = tokens[subjectEnd + 1];
    if (subjectEnd === -1 || subjectEnd + 1 > last || !verb) return false;
    // after a subject pronoun an -ed word is the verb, whatever the tagger says (`as he labored`)
    return verb.pos === 'VERB' || verb.pos === 'AUX' || (tokens[subjectEnd]!.pos === 'PRON' && verb.norm.endsWith('ed'));
  }

  /** Whether tokens [from, to] hold a finite verb or an auxiliary: a clause, not a phrase. */
  private hasFiniteVerb(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) {
      const t = this.tokens[k]!;
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.norm.endsWith('ing'))) return true;
    }
    return false;
  }

  /**
   * `said, however, that C`, `said, among other things, that C`, `said on CNN, where he is a
   * contributor, that C`: a parenthetical set off by commas, dashes or brackets between the
   * cue and its `that` clause. Returns the index of `that`, or -1.
   */
  private thatAfterParenthetical(j: number, last: number): number {
    const { tokens, ctx } = this;
    const open = tokens[j];
    if (!open || j > last || !(isCommaLike(open) || open.text === '(')) return -1;
    let clauseOpened = false;
    for (let k = j + 1; k < last && k <= j + 16; k++) {
      const t = tokens[k]!;
      if (ctx.mark[k] !== 0 || FINAL.has(t.text) || t.text === ';' || t.text === ':' || t.norm === 'that') return -1;
      // a verb makes it a clause of its own (`The editorial, sources said, nailed the narrative — that …`),
      // unless a relative or adverbial clause holds it (`on CNN, where he is a contributor,`)
      if ((t.pos === 'VERB' || t.pos === 'AUX') && !clauseOpened) return -1;
      if (RELATIVE_OPENERS.has(t.norm) || SUBORDINATORS.has(t.norm)) clauseOpened = true;
      const that = tokens[k + 1]!;
      if (k > j + 1 && (isCommaLike(t) || t.text === ')') && that.norm === 'that' && tokens[k + 2] && k + 2 <= last && tokens[k + 2]!.pos !== 'PUNCT') return k + 1;
    }
    return -1;
  }

  /**
   * The end of a host clause that resumes after the comma at `comma` (a parenthetical cue:
   * `A, X said, B` / `X said, B`), or -1: the comma must be followed by a finite verb
   * (`…, celebrated`) or by a subject with a verb after it (`…, he decided`), not by a
   * participle (`…, adding that`), a conjunction or a quotation.
   */
  private hostClauseEnd(comma: number, last: number): number {
    const { tokens, ctx } = this;
    if (!isCommaLike(tokens[comma]) || comma + 1 > last || ctx.mark[comma + 1] !== 0) return -1;
    const t = tokens[comma + 1]!;
    let clause = false;
    if ((t.pos === 'VERB' && !t.norm.endsWith('ing')) || (t.pos === 'AUX' && t.norm !== 'being')) clause = true;
    else if (HOST_SUBJECT_POS.has(t.pos)) {
      for (let k = comma + 2; k <= last && !clause; k++) {
        const u = tokens[k]!;
        if (isCommaLike(u) || ctx.mark[k] !== 0) break;
        if (u.pos === 'AUX' || (u.pos === 'VERB' && !u.norm.endsWith('ing'))) clause = true;
      }
    }
    if (!clause) return -1;
    const end = this.contentEnd(comma + 1, last);
    return end > comma + 1 ? end : -1;
  }

  /** A passive cue: a form of `be` (or `get`) before a past participle (`was reported`, `is said`). */
  private isPassive(cue: Cue): boolean {
    const { tokens } = this;
    const head = tokens[cue.head]!;
    if (!/(ed|en|id|ld|wn|ght)$/.test(head.norm) || head.norm === head.lemma) return false;
    for (let k = cue.head - 1; k >= cue.first; k--) {
      const t = tokens[k]!;
      if (t.lemma === 'be' || t.lemma === 'get') return true;
      if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
    }
    return false;
  }

  /**
   * Whether the quotation that closes at token i (or before a comma at i) opens its
   * clause: it starts the sentence, or continues a quotation from an earlier one —
   * not a title or phrase quoted inside the sentence (`On “Fox News Sunday,” Pence said …`).
   */
  private quoteStartsClause(i: number, first: number): boolean {
    const { ctx, tokens } = this;
    const close = ctx.mark[i] === CLOSE_MARK ? i : i - 1;
    const run = this.quoteRunEndingAt(close);
    if (!run) return false;
    if (run[0] <= first) return true;
    for (let k = first; k < run[0]; k++) if (tokens[k]!.pos !== 'PUNCT' && tokens[k]!.pos !== 'CCONJ') return false;
    return true;
  }

  /**
   * Whether the quotation that closes at token i (or just before a comma at i) leaves its
   * sentence open — it ends in a comma, question or exclamation mark or a dash — so the
   * words after it attribute it (`“C,” she said`), rather than starting a new statement.
   */
  private quoteLeavesClauseOpen(i: number): boolean {
    const { tokens, ctx } = this;
    let close = ctx.mark[i] === CLOSE_MARK ? i : i - 1;
    if (isCommaLike(tokens[close + 1]) || isCommaLike(tokens[i])) return true;
    // a doubled-apostrophe mark is two tokens
    while (close - 1 >= 0 && tokens[close - 1]!.text === "'" && ctx.quoteOf[close - 1] === ctx.quoteOf[close]) close--;
    const inside = tokens[close - 1];
    return !!inside && (inside.text === ',' || inside.text === '?' || inside.text === '!' || inside.text === '—' || inside.text === '–' || inside.text === '-' || inside.text === '...' || inside.text === '…');
  }

  /**
   * Whether the quotation closing at token i (which ends the sentence before a cue's) is
   * that whole sentence — `“We will stay.” The minister said it twice.` may attribute it;
   * a word quoted inside a sentence (`… among “apostates.” The claim could not be
   * verified.`) belongs to that sentence's own report.
   */
  private quoteFillsSentence(i: number): boolean {
    return this.quoteStartsClause(i, this.sentenceRange(i)[0]);
  }

  /** Whether token i is a closing quote mark, or a comma right after one. */
  private closesQuote(i: number): boolean {
    return this.ctx.mark[i] === CLOSE_MARK || (isCommaLike(this.tokens[i]) && this.ctx.mark[i - 1] === CLOSE_MARK);
  }

  /** Content before a postposed cue whose clause begins after token `boundary`; a split quote after it joins in. */
  private contentBefore(boundary: number, first: number, afterCue: number, last: number): { range: [number, number]; split: boolean } | null {
    const { ctx, tokens } = this;
    let range: [number, number] | null = null;
    const closing = ctx.mark[boundary] === CLOSE_MARK ? boundary : isCommaLike(tokens[boundary]) && ctx.mark[boundary - 1] === CLOSE_MARK ? boundary - 1 : -1;
    if (closing !== -1) range = this.quoteRunEndingAt(closing);
    if (!range) {
      if (boundary < first) return null;
      let s = first;
      if (ctx.quoteOf[s] !== -1 && ctx.mark[s] !== OPEN_MARK) {
        // the sentence continues a quotation opened before it
        const run = this.quoteRunEndingAt(s);
        if (run) s = run[0];
      }
      while (s < boundary && LEADING_CONJ.has(tokens[s]!.norm) && s + 1 < boundary) s++;
      const end = boundary - 1;
      if (end < s) return null;
      range = [s, end];
    }
    // `“C1,” X said, “C2”`: the second part of a split quote
    if (closing !== -1 && afterCue <= last && isCommaLike(tokens[afterCue]) && ctx.mark[afterCue + 1] === OPEN_MARK) {
      const second = this.quoteRunStartingAt(afterCue + 1);
      if (second) return { range: [range[0], second[1]], split: true };
    }
    return { range, split: false };
  }

  /** The quotation that opens the next paragraph, for a cue that ends its paragraph with a colon. */
  private nextParagraphQuote(colon: number): [number, number] | null {
    const { ctx } = this;
    const next = colon + 1;
    if (next >= this.tokens.length || !ctx.lineStart[next]) return null;
    if (ctx.mark[next] === OPEN_MARK) return this.quoteRunStartingAt(next);
    // an unquoted block: the next paragraph
    const s = ctx.clauses[ctx.sentenceOf[next]!]!;
    return [next, this.contentEnd(next, s[1])];
  }

  /** `according to X, C` / `C, according to X` / `C1, according to X, C2`. */
  adverbialFrame(cue: Cue): Draft | null {
    const { tokens, ctx } = this;
    const [first, last] = this.sentenceRange(cue.head);
    if (cue.lemma !== 'according to' && cue.lemma !== 'as reported by' && cue.lemma !== 'in the words of') {
      // `reportedly`, `allegedly`: the clause is reported, no source named
      const content: [number, number] = [first, this.contentEnd(first, last)];
      return content[1] > content[0] ? this.draft(cue, null, content, 'adverb') : null;
    }
    // the source runs to the next comma or the end of the sentence
    let srcEnd = cue.last + 1;
    while (srcEnd + 1 <= last && !isCommaLike(tokens[srcEnd + 1]) && !FINAL.has(tokens[srcEnd + 1]!.text) && tokens[srcEnd + 1]!.text !== ';' && tokens[srcEnd + 1]!.text !== ':' && tokens[srcEnd + 1]!.text !== '(' && ctx.mark[srcEnd + 1] !== OPEN_MARK) srcEnd++;
    if (srcEnd > last || cue.last + 1 > last) return null;
    const source: [number, number] = [cue.last + 1, this.contentEnd(cue.last + 1, srcEnd)];
    // `according to exit polls (a sizable margin, …)`: a parenthesis after the source is a remark, neither source nor content
    let after = srcEnd + 1;
    if (tokens[after]?.text === '(') {
      while (after <= last && tokens[after]!.text !== ')') after++;
      after++;
    }
    let s = first;
    while (s < cue.first && (LEADING_CONJ.has(tokens[s]!.norm) || tokens[s]!.pos === 'PUNCT' && ctx.mark[s] !== OPEN_MARK)) s++;
    const beforeEnd = cue.first - 1 - (isCommaLike(tokens[cue.first - 1]) ? 1 : 0);
    const hasBefore = beforeEnd >= s;
    let afterStart = after + (isCommaLike(tokens[after]) ? 1 : 0);
    // `According to VNA, which cited a source, C`, `C, according to VNA, which cited a transcript`:
    // a relative clause tells of the source; the content is what follows its comma, if anything
    if (afterStart <= last && RELATIVE_OPENERS.has(tokens[afterStart]!.norm)) {
      let k = afterStart + 1;
      while (k <= last && !isCommaLike(tokens[k])) k++;
      afterStart = k + 1;
    }
    const hasAfter = afterStart <= last && !this.atEnd(afterStart, last);
    if (!hasBefore && !hasAfter) return null;
    const contentStart = hasBefore ? s : afterStart;
    const contentEnd = hasAfter ? this.contentEnd(afterStart, last) : beforeEnd;
    // `C1, according to X, C2`: the content's two parts hold the cue between them
    return this.draft(cue, source, [contentStart, contentEnd], 'according-to', false, hasBefore && hasAfter);
  }

  /** `X's claim that C`, `a Times report that C`, `the insistence on blaming C`, `his decision to C`. */
  nounFrame(cue: Cue): Draft | null {
    const { tokens } = this;
    const [first, last] = this.sentenceRange(cue.head);
    const next = tokens[cue.head + 1];
    if (!next || cue.head + 1 > last) return null;
    let contentStart = -1;
    // `a charge that the army denies`: a relative clause about the report, not its content
    if (next.norm === 'that' && tokens[cue.head + 2] && /^(PRON|PROPN|DET|NOUN|ADJ|NUM)$/.test(tokens[cue.head + 2]!.pos) && !reportingRelative(this.ctx, cue.head + 2, last)) contentStart = cue.head + 1;
    else if ((next.norm === 'on' || next.norm === 'about' || next.norm === 'of' || next.norm === 'for') && /^(VERB|NOUN)$/.test(tokens[cue.head + 2]?.pos ?? '') && /ing$/.test(tokens[cue.head + 2]!.norm)) {
      const gerund = tokens[cue.head + 2]!;
      const verbTypes = this.ctx.lexicon.verbs.get(gerund.lemma);
      if (verbTypes && cue.head + 3 <= last) {
        // `his insistence on blaming X`: the gerund is the speech act, its complement the content
        cue = { ...cue, last: cue.head + 2, types: verbTypes };
        contentStart = cue.head + 3;
      } else {
        // `hopes of coming back`: the preposition joins the cue
        cue = { ...cue, last: cue.head + 1 };
        contentStart = cue.head + 2;
      }
    } else if (next.norm === 'to' && tokens[cue.head + 2]?.pos === 'VERB' && cue.types.some((t) => t === 'intend' || t === 'promise' || t === 'demand' || t === 'warn')) contentStart = cue.head + 1;
    if (contentStart === -1) return null;
    // source: the possessor (`Kirby's insistence`), or a name modifying the noun (`a Times report`)
    let source: [number, number] | null = null;
    let k = cue.head - 1;
    while (k >= first && tokens[k]!.pos === 'ADJ') k--;
    if (k >= first && isPossessive(tokens[k]!)) {
      if (tokens[k]!.pos === 'PRON') source = [k, k];
      else {
        const s = npStartBefore(tokens, k - 1, first);
        if (s !== -1) source = [s, k - 1];
      }
    } else if (k >= first && tokens[k]!.pos === 'PROPN') {
      const s = npStartBefore(tokens, k, first);
      if (s !== -1) source = [s, k];
    } else {
      // a predicate: `the administration is so intent on restarting …`, `he was adamant that …`
      let b = cue.head - 1;
      while (b >= first && (tokens[b]!.pos === 'ADV' || tokens[b]!.pos === 'DET' && tokens[b]!.norm !== 'the')) b--;
      if (b >= first && tokens[b]!.lemma === 'be' && tokens[b]!.pos === 'AUX') source = this.subjectBefore(b - 1, first);
    }
    let content = this.contentFrom(contentStart, last);
    if (!content) return null;
    // `Kirby's insistence on blaming X was telling`, `Israel's plans to annex the valley drew
    // protests`: a gerund or infinitive content of a noun that is the clause's subject ends
    // where the clause's own verb begins
    if (tokens[contentStart]!.norm !== 'that' && source && this.opensClause(source[0], first)) {
      for (let j = contentStart + 1; j <= content[1]; j++) {
        const t = tokens[j]!;
        const prev = tokens[j - 1]!;
        const participle = prev.norm === 'to' || prev.text === '-' || prev.text === '‐' || t.norm.endsWith('ing');
        if (t.pos === 'AUX' || t.pos === 'VERB' && t.norm !== t.lemma && !participle) {
          // (back past a relative pronoun and comma that open the clause of that verb: `…, which is`)
          let end = j - 1;
          if (end > contentStart && /^(which|who|that)$/.test(tokens[end]!.norm)) end--;
          while (end > contentStart && isCommaLike(tokens[end])) end--;
          if (end >= contentStart) content = [content[0], end];
          break;
        }
      }
    }
    // `the ministry's statement that the border would reopen surprised traders`: a "that"
    // clause of the subject ends before the main clause's verb
    if (tokens[contentStart]!.norm === 'that' && source && this.opensClause(source[0], first)) {
      const end = this.thatClauseEnd(contentStart, content[1]);
      if (end !== -1) content = [content[0], end];
    }
    const d = this.draft(cue, source, content, 'noun-complement');
    // a statement noun with its speaker and its content spelled out is an attribution however rare
    // (`Kirby's insistence on blaming …`, `the ministry's claim that …`)
    if (source && tokens[source[0]]!.pos !== 'PRON') d.trusted = true;
    return d;
  }

  /**
   * The last token of a "that" clause opening at `that` when a second finite verb follows
   * its own verb group with nothing to join them (no conjunction, relative word or comma):
   * that verb is the main clause's. -1 when there is none, or when the clause's verb is a
   * cue of its own (`that rebels said troops fired`: the next verb is its report's).
   */
  private thatClauseEnd(that: number, last: number): number {
    const { tokens, ctx } = this;
    // (not a participle glued by a hyphen: `Shia-backed`)
    const finite = (t: Token, prev: Token) => t.pos === 'AUX' || (t.pos === 'VERB' && t.norm !== t.lemma && !t.norm.endsWith('ing') && prev.norm !== 'to' && !/^[-‐‑]$/.test(prev.text));
    let g = that + 1;
    while (g <= last && !finite(tokens[g]!, tokens[g - 1]!)) g++;
    // the verb group: auxiliaries, adverbs and particles up to its one main verb
    while (g + 1 <= last && tokens[g]!.pos !== 'VERB' && (tokens[g + 1]!.pos === 'VERB' || tokens[g + 1]!.pos === 'AUX' || tokens[g + 1]!.pos === 'ADV' || tokens[g + 1]!.pos === 'PART')) g++;
    if (g > last || ctx.lexicon.verbs.has(tokens[g]!.lemma)) return -1;
    for (let k = g + 1; k <= last; k++) {
      const t = tokens[k]!;
      if (t.pos === 'CCONJ' || t.pos === 'SCONJ' || RELATIVE_OPENERS.has(t.norm) || t.norm === 'that' || isCommaLike(t) || t.text === ';' || ctx.quoteOf[k] !== -1) return -1;
      if (finite(t, tokens[k - 1]!)) return k - 1;
    }
    return -1;
  }

  /** Does token k open its clause: the sentence's first word, or the first after a leading conjunction or comma? */
  private opensClause(k: number, first: number): boolean {
    const { tokens } = this;
    let s = first;
    while (s < k && (LEADING_CONJ.has(tokens[s]!.norm) || tokens[s]!.pos === 'PUNCT' || tokens[s]!.pos === 'DET')) s++;
    return s === k || (k > first && (isCommaLike(tokens[k - 1]) || tokens[k - 1]!.pos === 'DET' && (k - 1 === first || isCommaLike(tokens[k - 2]))));
  }

  private draft(cue: Cue, source: [number, number] | null, content: [number, number], sieve: Sieve, sharedSource = false, split = false): Draft {
    return { cue, cueType: cueTypeFor(this.ctx, cue, content[0] > cue.last ? content[0] : null), source, content, sieve, sharedSource, split };
  }
}

const APPOSITIVE_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that']);
/** Cue types of the verbs that take a report itself as their object (`which the ministry denied`, `a point X conceded`). */
const REPORT_OBJECT_TYPES: ReadonlySet<CueType> = new Set(['deny', 'confirm', 'admit']);

/**
 * Whether the comma at k opens a remark on the report whose content it is in, rather than
 * more of that content: `which`, or a statement noun (`a charge`, `an allegation that`),
 * then a relative clause whose verb denies, confirms or admits it (`…, a charge the
 * defence ministry denies`, `…, which the army has rejected`).
 */
export function reportAppositiveAt(ctx: AttrContext, k: number, end: number): boolean {
  const { tokens, lexicon } = ctx;
  if (!isCommaLike(tokens[k])) return false;
  let j = k + 1;
  if (tokens[j]?.norm !== 'which') {
    if (APPOSITIVE_DETERMINERS.has(tokens[j]?.norm ?? '')) j++;
    const noun = tokens[j];
    if (!noun || noun.pos !== 'NOUN' || !(lexicon.nouns.has(noun.lemma) || lexicon.nouns.has(noun.norm))) return false;
    if (tokens[j + 1]?.norm === 'that') j++;
  }
  return reportingRelative(ctx, j + 1, end);
}

/**
 * Whether a relative clause about a report starts at token j: its subject, then an active
 * verb of denial, confirmation or admission with no object of its own — the report is
 * its object (`the defence ministry denies`, `the army has rejected on Monday`). `a claim
 * that the army denied aid to …` is a content clause; so is `a claim that he was denied`.
 */
export function reportingRelative(ctx: AttrContext, j: number, end: number): boolean {
  const { tokens, lexicon } = ctx;
  const subjectEnd = j <= end ? npEndAfter(tokens, j, end) : -1;
  if (subjectEnd === -1) return false;
  let v = subjectEnd + 1;
  while (v <= end && (tokens[v]!.pos === 'AUX' || tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'PART')) {
    if (tokens[v]!.lemma === 'be' || tokens[v]!.norm === 'to') return false;
    v++;
  }
  const verb = tokens[v];
  if (!verb || v > end || verb.pos !== 'VERB') return false;
  const verbTypes = lexicon.verbs.get(verb.lemma);
  if (!verbTypes || !verbTypes.some((t) => REPORT_OBJECT_TYPES.has(t))) return false;
  const after = tokens[v + 1];
  return !after || v + 1 > end || after.pos === 'PUNCT' || (after.pos === 'ADP' && after.norm !== 'by') || after.pos === 'ADV' || TIME_WORDS.has(after.norm);
}

function isVerbish(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP';
}

function lexiconHas(ctx: AttrContext, list: 'addressee' | 'naming', lemma: string): boolean {
  return list === 'addressee' ? ctx.lexicon.addressee.has(lemma) : ctx.lexicon.naming.has(lemma);
}
