import { makeSpan } from '../doc/doc.js';
import type { Attribution, Doc } from '../doc/types.js';
import { isAnonymityRequest, isAnonymous } from './anonymity.js';
import { isMediumOfVerb, isNonReport } from './nonreport.js';
import { relayCitations, resolveNesting } from './chains.js';
import { headOf, mainPhrase, npEndAfter } from './chunk.js';
import { buildContext, CLOSE_MARK, OPEN_MARK, type AttrContext } from './context.js';
import { linkSources } from './coref.js';
import { withContentDenial } from './denial.js';
import { findCueCandidates, type Cue } from './cues.js';
import { applyCueConventions } from './extent.js';
import { shippedCueModel, type CueModel } from './model.js';
import { FrameFinder, reportAppositiveAt, type Draft } from './frames.js';
import { continueQuotes, dashCredits, speakerLabels } from './layout.js';

/**
 * The attribution extractor: ordered sieves over one document (docs/attribution.md).
 *   1. layout   speaker labels (`PENCE:`), headline speakers, dash credits (`“…” ― Ann Lee`)
 *   2. cues     every cue candidate in text order, framed by frames.ts (verb, noun, adverbial)
 *   3. quotes   quoted sentences that continue an attributed quote
 * Each token has at most one role (cue or source) in at most one attribution; a cue that
 * falls inside another attribution's content is a nested report, linked by `via`.
 */

const CUE = 1;
const SOURCE = 2;

export interface ExtractOptions {
  /** The cue model; defaults to the shipped one. `null` runs the rules alone. */
  model?: CueModel | null;
  /** Sieves to leave out (by the names docs/attribution.md lists), to measure what each adds. */
  disabledSieves?: ReadonlySet<string>;
  /** Filled with each attribution's id → the sieve that found it. */
  sieveOf?: Map<string, string>;
}

/** A cue candidate with the frame the rules give it, or null when it has no content. */
export function frameCandidate(frames: FrameFinder, cue: Cue): Draft | null {
  return cue.kind === 'verb' ? frames.verbFrame(cue) : cue.kind === 'noun' ? frames.nounFrame(cue) : frames.adverbialFrame(cue);
}

export function extractAttributions(doc: Doc, options: ExtractOptions = {}): Attribution[] {
  if (doc.tokens.length === 0) return [];
  const model = options.model === undefined ? shippedCueModel() : options.model;
  const ctx = buildContext(doc);
  const frames = new FrameFinder(ctx);
  const role = new Uint8Array(ctx.tokens.length);
  const drafts: Draft[] = [];

  // the draft each cue token belongs to, to let a subject hold a whole report (`X, who endorsed Y, said …`)
  const cueOwner = new Int32Array(ctx.tokens.length).fill(-1);
  const accept = (d: Draft): boolean => {
    for (let k = d.cue.first; k <= d.cue.last; k++) if (role[k]) return false;
    if (d.source) for (let k = d.source[0]; k <= d.source[1]; k++) if (role[k] === CUE && !withinSource(ctx, drafts[cueOwner[k]!], d.source)) return false;
    if (!d.split && d.content[0] <= d.cue.first && d.cue.last <= d.content[1]) return false;
    for (let k = d.cue.first; k <= d.cue.last; k++) {
      role[k] = CUE;
      cueOwner[k] = drafts.length;
    }
    if (d.source) for (let k = d.source[0]; k <= d.source[1]; k++) role[k] ||= SOURCE;
    drafts.push(d);
    return true;
  };

  const off = options.disabledSieves;
  for (const d of speakerLabels(ctx)) if (!off?.has(d.sieve)) accept(d);
  for (const d of dashCredits(ctx, frames)) if (!off?.has(d.sieve)) accept(d);
  const proposals: Draft[] = [];
  for (const cue of findCueCandidates(ctx)) {
    if (role[cue.head]) continue;
    // `said in a statement that C`: the statement is the verb's medium, one report
    if (isMediumOfVerb(ctx, cue)) continue;
    const d = frameCandidate(frames, cue);
    if (!d || off?.has(d.sieve)) continue;
    // `rebels attacked an army checkpoint`: force, not speech
    if (d.cueType === 'accuse' && d.cue.kind === 'verb' && physicalObject(ctx, d)) continue;
    // `who asked not to be named`: part of the source's description, no report
    if (d.content[0] > d.cue.last && isAnonymityRequest(ctx, d.content)) continue;
    // `did not respond to a request for comment`, `calls seeking comment`: nothing is reported
    if (isNonReport(ctx, d)) continue;
    if (model && !d.trusted) {
      d.score = model.score(ctx, cue, d);
      if (d.score <= model.threshold) continue;
    }
    applyCueConventions(ctx, d);
    proposals.push(d);
  }
  stopAtTails(ctx, proposals);
  for (const d of proposals) accept(d);
  drafts.sort((a, b) => a.cue.first - b.cue.first);
  fillSharedSources(ctx, drafts);
  const claimed = new Uint8Array(ctx.tokens.length);
  for (const d of drafts) for (let k = d.content[0]; k <= d.content[1]; k++) claimed[k] = 1;
  for (let k = 0; k < role.length; k++) if (role[k]) claimed[k] = 1;
  if (!off?.has('quote-continuation')) continueQuotes(ctx, drafts, claimed);
  if (!off?.has('citation')) relayCitations(ctx, drafts);
  for (const d of drafts) if (d.source) d.source = withoutTrailingComma(ctx, d.source);
  const { attributions, sieves } = toAttributions(ctx, doc, drafts, off?.has('nesting') ?? false);
  if (options.sieveOf) for (const [i, a] of attributions.entries()) options.sieveOf.set(a.id, sieves[i]!);
  return attributions;
}

const MOTION_INTO = new Set(['into', 'onto']);

/**
 * Whether an accusation verb's object is a place, building, vehicle or military unit
 * (`attacked an army checkpoint`, `hit a fuel depot`, `targeted the convoy`): the verb
 * reports a use of force. Its object is the content's first noun phrase, right after the cue.
 * So does the verb with "into" (`slammed into the village`).
 */
function physicalObject(ctx: AttrContext, d: Draft): boolean {
  const { tokens } = ctx;
  // `shells slammed into the village`: a verb of motion into something is an impact
  if (MOTION_INTO.has(tokens[d.cue.last]!.norm) || MOTION_INTO.has(tokens[d.cue.last + 1]?.norm ?? '')) return true;
  const start = d.content[0];
  if (start !== d.cue.last + 1 || ctx.quoteOf[start] !== -1) return false;
  const end = npEndAfter(tokens, start, d.content[1]);
  if (end === -1) return false;
  const head = headOf(tokens, mainPhrase(tokens, [start, end]));
  if (head === -1 || tokens[head]!.pos !== 'NOUN') return false;
  const { physicalTargets } = ctx.lexicon;
  return physicalTargets.has(tokens[head]!.lemma) || physicalTargets.has(tokens[head]!.norm);
}

/** Whether a relative clause's report lies wholly inside a source (`Ann Lee, who endorsed the mayor,`): both may stand. */
function withinSource(ctx: AttrContext, inner: Draft | undefined, source: [number, number]): boolean {
  // (so may a report without a source of its own: `Sanders, a self-described socialist, said`)
  if (!inner || !(inRelativeClause(ctx, inner) || inner.source === null)) return false;
  const first = inner.source ? Math.min(inner.source[0], inner.cue.first, inner.content[0]) : Math.min(inner.cue.first, inner.content[0]);
  return first >= source[0] && inner.content[1] <= source[1] && inner.cue.last <= source[1];
}

/** `X, even after Y said Z, has refused …`: a comma and a finite verb resume the main clause. */
function resumesMainClause(ctx: AttrContext, comma: number): boolean {
  const t = ctx.tokens[comma + 1];
  if (!t || !isCommaLikeToken(ctx.tokens[comma]!)) return false;
  return t.pos === 'AUX' && !/^(being|been)$/.test(t.norm);
}

/** `X, who told reporters that A, said B`: the cue's subject is a relative pronoun. */
function inRelativeClause(ctx: AttrContext, d: Draft): boolean {
  if (!d.source) return false;
  const tokens = ctx.tokens;
  if (d.source[0] === d.source[1] && /^(who|which)$/.test(tokens[d.source[0]]!.norm)) return true;
  // an object relative: `X, which the government calls a terrorist group, said …`
  const before = tokens[d.source[0] - 1];
  return !!before && /^(which|whom|who)$/.test(before.norm) && tokens[d.source[0] - 2]?.text === ',';
}

function isCommaLikeToken(t: { text: string }): boolean {
  return t.text === ',';
}

/**
 * A content that runs on after the cue ends where another attribution's tail begins:
 * `X told police that A, the source added` / `X said A, adding that B` /
 * `X said A, according to Z` — the content stops before the comma.
 */
function stopAtTails(ctx: AttrContext, drafts: Draft[]): void {
  const { tokens } = ctx;
  for (const [ai, a] of drafts.entries()) {
    // a raising verb's content opens with its subject, before the cue: its clause is what follows the cue
    const raised = a.sieve === 'raising' && a.content[0] < a.cue.first;
    const [c0, c1] = raised ? [a.cue.last + 1, a.content[1]] : a.content;
    if (c0 <= a.cue.last || (a.split && !raised)) continue;
    // inside a comma-set clause, the content ends where the main clause resumes
    if (ctx.quoteOf[c0] === -1) {
      for (let k = c0 + 1; k < c1; k++) {
        if (ctx.quoteOf[k] !== -1) continue;
        if ((resumesMainClause(ctx, k) || (inRelativeClause(ctx, a) && ctx.tokens[k]!.text === ',' && ctx.tokens[k + 1]!.pos === 'VERB')) && (a.cue.kind === 'noun' || hasCommaBefore(ctx, a.cue.first))) {
          a.content = [a.content[0], k - 1];
          break;
        }
      }
    }
    // `…, a charge the ministry denies` / `…, which the army denied`: a remark on the report itself ends it
    for (let k = c0 + 1; k < c1; k++) {
      if (ctx.quoteOf[k] === -1 && reportAppositiveAt(ctx, k, c1)) {
        let end = k - 1;
        while (end > c0 && tokens[end]!.pos === 'PUNCT' && ctx.mark[end] !== 2) end--;
        a.content = [a.content[0], end];
        break;
      }
    }
    // drafts are in text order: only those after a, up to the end of its content
    for (let bi = ai + 1; bi < drafts.length && drafts[bi]!.cue.first <= c1; bi++) {
      const b = drafts[bi]!;
      if (b.cue.first <= c0) continue;
      // a report inside b's subject (`Ann Lee, who criticized the plan, now says …`) ends with the subject
      if (b.source && inRelativeClause(ctx, a) && b.source[0] < a.source![0] && b.source[1] >= c0 && b.source[1] < b.cue.first) {
        let end = b.source[1];
        while (end > c0 && tokens[end]!.pos === 'PUNCT' && ctx.mark[end] !== 2) end--;
        a.content = [a.content[0], end];
        break;
      }
      // b's clause is set off by a comma, a dash, a semicolon or a conjunction
      const left = b.source && b.source[0] < b.cue.first ? b.source[0] : b.cue.first;
      let edge = left - 1;
      const conjunction = edge > c0 && (tokens[edge]!.pos === 'CCONJ' || tokens[edge]!.pos === 'SCONJ' || tokens[edge]!.norm === 'while');
      if (conjunction) edge--;
      // `X said she and her peers referred to …`: the conjunction joins the subject of b, which opens a's content
      if (conjunction && b.source && b.source[0] === edge + 2 && tokens[edge + 1]!.pos === 'CCONJ' && coordinatedSubjectStart(ctx, edge, c0) !== -1) {
        b.source = [coordinatedSubjectStart(ctx, edge, c0), b.source[1]];
        continue;
      }
      let end: number;
      if (edge > c0 && /^[,;:—–]$/.test(tokens[edge]!.text)) end = edge - 1;
      // (`… as "an Iranian proxy," while X called …`, `hailed it as "fantastic," telling …`: the comma before the closing mark)
      else if (edge > c0 && ctx.mark[edge] === CLOSE_MARK && tokens[edge - 1]!.text === ',') end = edge;
      else if (conjunction && tokens[edge + 1]!.pos === 'CCONJ') end = edge;
      else if (b.cue.kind === 'adverbial' && b.cue.first > c0) end = b.cue.first - 1;
      else continue;
      {
        while (end > c0 && tokens[end]!.pos === 'PUNCT' && ctx.mark[end] !== 2) end--;
        a.content = [a.content[0], end];
        break;
      }
    }
  }
}

/**
 * The start of a noun phrase ending at `end` that opens a clause at or after `c0` (the
 * content's start, or right after its `that`): the first conjunct of a coordinated
 * subject (`she` in `said she and her peers …`); -1 when the phrase does not open the clause.
 */
function coordinatedSubjectStart(ctx: AttrContext, end: number, c0: number): number {
  const { tokens } = ctx;
  if (!/^(PRON|PROPN|NOUN)$/.test(tokens[end]!.pos)) return -1;
  let s = end;
  while (s > c0 && (/^(DET|ADJ|NOUN|PROPN|PRON|NUM)$/.test(tokens[s - 1]!.pos) || tokens[s - 1]!.norm === 'both') && tokens[s - 1]!.norm !== 'that') s--;
  return s === c0 || tokens[s - 1]!.norm === 'that' ? s : -1;
}

/** Whether the cue's clause is set off by a comma earlier in its sentence (`X, even after Y said …`). */
function hasCommaBefore(ctx: AttrContext, i: number): boolean {
  const first = ctx.clauses[ctx.sentenceOf[i]!]![0];
  for (let k = i - 1; k >= first; k--) if (ctx.tokens[k]!.text === ',') return true;
  return false;
}

/** `X said A, adding that B`: a participial cue shares the subject of the clause it hangs on. */
function fillSharedSources(ctx: AttrContext, drafts: Draft[]): void {
  const { tokens } = ctx;
  for (const [i, d] of drafts.entries()) {
    if (d.source || !d.sharedSource) continue;
    const sentence = ctx.sentenceOf[d.cue.head]!;
    const first = ctx.clauses[sentence]![0];
    // a participle after a report hangs on it: `Prices rose, the minister said, adding that …`
    // takes the source of the nearest report before it in the sentence …
    if (isCommaLikeToken(tokens[d.cue.first - 1]!) || ctx.mark[d.cue.first - 1] === CLOSE_MARK) {
      let host: Draft | undefined;
      for (let k = i - 1; k >= 0 && !host; k--) {
        const p = drafts[k]!;
        if (ctx.sentenceOf[p.cue.head] !== sentence) break;
        if (p.source && p.cue.last < d.cue.first) host = p;
      }
      if (host) {
        d.source = host.source;
        continue;
      }
    }
    // … and a coordinated verb, the subject of the sentence's main clause: an earlier attribution's source that opens it …
    const main = drafts.slice(0, i).find((p) => p.source && ctx.sentenceOf[p.cue.head] === sentence && p.source[0] < p.cue.first && (onlyLeading(ctx, first, p.source[0]) || introducedByPhrase(ctx, first, p.source[0])));
    if (main) {
      d.source = main.source;
      continue;
    }
    // … or the sentence's first noun phrase, when a verb follows it
    let k = first;
    while (k < d.cue.first && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.pos === 'PUNCT' || tokens[k]!.pos === 'ADV')) k++;
    const end = npEndAfter(tokens, k, d.cue.first - 1);
    // (an adverb may stand before that verb: `Donald Trump often takes credit …, and has promised`)
    let verb = end + 1;
    while (end !== -1 && verb < d.cue.first && tokens[verb]!.pos === 'ADV') verb++;
    if (end !== -1 && /^(VERB|AUX)$/.test(tokens[verb]?.pos ?? '')) d.source = [k, end];
  }
}

/** Whether an introductory phrase without a verb, closed by a comma, stands between `from` and `to` (`In his speech, Graham urged`). */
function introducedByPhrase(ctx: AttrContext, from: number, to: number): boolean {
  if (to - 1 <= from || !isCommaLikeToken(ctx.tokens[to - 1]!)) return false;
  for (let k = from; k < to - 1; k++) if (/^(VERB|AUX)$/.test(ctx.tokens[k]!.pos) || ctx.quoteOf[k] !== -1) return false;
  return true;
}

/** Whether only conjunctions, adverbs and punctuation stand between `from` and `to`. */
function onlyLeading(ctx: AttrContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^(CCONJ|ADV|PUNCT|SCONJ)$/.test(ctx.tokens[k]!.pos)) return false;
  return true;
}

/** The attributions, ids in text order; `keepNested` keeps every nested report (to measure the nesting rule). */
function toAttributions(ctx: AttrContext, doc: Doc, drafts: Draft[], keepNested: boolean): { attributions: Attribution[]; sieves: string[] } {
  const { text, tokens } = ctx;
  const links = linkSources(ctx, drafts.map((d) => d.source), doc.entities);
  const anonymous: boolean[] = [];
  for (const [i, d] of drafts.entries()) {
    const antecedent = links[i]!.antecedent;
    // a person named in apposition is named (`a spokesman for the group, Ilan Dorsk`)
    anonymous.push(d.source && !links[i]!.named ? isAnonymous(ctx, d.source, antecedent === null ? null : anonymous[antecedent]!) : false);
  }
  const { kept, via } = resolveNesting(ctx, drafts, keepNested);
  const index = new Map(drafts.map((d, i) => [d, i]));
  const sieves = kept.map((d) => d.sieve);
  const attributions = kept.map((d, k) => {
    const i = index.get(d)!;
    const [c0, c1] = d.content;
    return {
      id: `a${k + 1}`,
      source: d.source ? makeSpan(text, tokens[d.source[0]]!.start, tokens[d.source[1]]!.end) : null,
      sourceEntity: links[i]!.entity,
      cue: makeSpan(text, tokens[d.cue.first]!.start, tokens[d.cue.last]!.end),
      cueType: withContentDenial(d.cueType, tokens, c0, c1),
      content: makeSpan(text, tokens[c0]!.start, tokens[c1]!.end),
      direct: isDirect(ctx, c0, c1),
      anonymous: anonymous[i]!,
      via: via[k] === null ? null : `a${via[k]! + 1}`,
    };
  });
  return { attributions, sieves };
}

/**
 * A source ends with its last word: the comma that closes an appositive or relative
 * clause before the verb (`Ana Costa, a spokeswoman for the ministry, said`) belongs to
 * the sentence, not to the source.
 */
function withoutTrailingComma(ctx: AttrContext, source: [number, number]): [number, number] {
  let end = source[1];
  while (end > source[0] && /^[,—–]$/.test(ctx.tokens[end]!.text)) end--;
  return end === source[1] ? source : [source[0], end];
}

/** Direct speech: the content opens with a quotation mark and ends at a closing one (or an open quote's line end). */
function isDirect(ctx: AttrContext, c0: number, c1: number): boolean {
  if (ctx.mark[c0] !== OPEN_MARK) return false;
  if (ctx.mark[c1] === CLOSE_MARK) return true;
  const q = ctx.quoteOf[c1]!;
  return q !== -1 && !ctx.quotes[q]!.closed;
}
