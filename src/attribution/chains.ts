import type { CueType } from '../doc/types.js';
import type { AttrContext } from './context.js';
import type { Draft } from './frames.js';
import { POSSESSIVE_PRONOUNS } from '../doc/pronouns.js';

/**
 * Nested reports and chains (`via`). An attribution whose cue lies inside another
 * attribution's content is reported through it: `MEE reported that officials said …`,
 * `officials said …, according to MEE`. The inner one gets `via` = the outer one.
 *
 * Which nested reports are kept: PolNeAR, like most attribution corpora, annotates only
 * the outermost report, and an inner attitude or a speaker quoting themselves (`“I
 * think …”`, `he said he hopes …`) adds nothing an analyst needs. A nested report is
 * kept when it is a chain worth following: the outer report relays (`according to X`,
 * `X reported / revealed / published`) and the inner one is a speech act (not a belief or
 * intention), outside quotation marks, with a source of its own that is named or
 * described (not a pronoun, which mostly points back to the outer speaker).
 */

const SPEECH: ReadonlySet<CueType> = new Set(['assert', 'claim', 'report', 'confirm', 'admit', 'deny', 'accuse', 'warn', 'promise', 'demand', 'question']);

export interface Nesting {
  /** The drafts kept, in the order given. */
  kept: Draft[];
  /** Per kept draft: index (into `kept`) of the report it reaches us through, or null. */
  via: (number | null)[];
}

export function resolveNesting(ctx: AttrContext, drafts: readonly Draft[], keepAll = false): Nesting {
  const outer = drafts.map((d, i) => (d.relayedBy ? drafts.indexOf(d.relayedBy) : innermostHolder(drafts, i)));
  const keep = drafts.map((d, i) => keepAll || outer[i] === null || !!d.relayedBy || keepNested(ctx, d, drafts[outer[i]!]!));
  // a nested report the cue model is surer of than of the outermost report holding it wins
  // the conflict: the holder is dropped and the reports it held are kept (the model often
  // accepts a verb with a clause after it, `Patriot chose to file where experts say …`,
  // whose clause holds the real report)
  if (!keepAll) {
    const dropped = new Set<number>();
    for (const [i, d] of drafts.entries()) {
      const o = outer[i] ?? null;
      // an impression (`X appears to …`) that holds a report yields to it: the report is what was annotated
      if (!keep[i] && o !== null && drafts[o]!.sieve === 'raising') {
        dropped.add(o);
        continue;
      }
      if (keep[i] || o === null || d.score === undefined || (outer[o] ?? null) !== null) continue;
      const holder = drafts[o]!;
      // (not a report in the holder's condition: `They have stated that they will stop if
      // the prime minister demands that …` tells what they said, and the demand is a condition)
      if (holder.score !== undefined && d.score > holder.score && !inCondition(ctx, d, holder)) dropped.add(o);
    }
    for (const o of dropped) keep[o] = false;
    for (const [i] of drafts.entries()) {
      const o = outer[i] ?? null;
      if (o !== null && dropped.has(o)) keep[i] = true;
    }
  }
  const newIndex = new Map<number, number>();
  const kept: Draft[] = [];
  for (const [i, d] of drafts.entries()) {
    if (!keep[i]) continue;
    newIndex.set(i, kept.length);
    kept.push(d);
  }
  const via = drafts
    .map((_, i) => i)
    .filter((i) => keep[i])
    .map((i) => {
      // the nearest kept report that holds this one
      let o = outer[i]!;
      const seen = new Set<number>();
      while (o !== null && !keep[o] && !seen.has(o)) {
        seen.add(o);
        o = outer[o]!;
      }
      return o === null ? null : newIndex.get(o) ?? null;
    });
  return { kept, via };
}

/**
 * Conjunctions that open a condition proper (frames.ts has a wider list, with concession
 * and time, for reduced clauses: `though wounded`, `until approved`).
 */
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'provided', 'once', 'whether']);

/** Whether `inner` stands in a conditional clause of `holder`'s content ("… if X demands that …"). */
function inCondition(ctx: AttrContext, inner: Draft, holder: Draft): boolean {
  const start = inner.source ? Math.min(inner.source[0], inner.cue.first) : inner.cue.first;
  for (let k = start - 1; k >= holder.content[0] && k >= start - 4; k--) {
    if (CONDITIONS.has(ctx.tokens[k]!.norm)) return true;
  }
  return false;
}

/** The draft whose content holds draft i's cue, the smallest one; null when none (or only mutually). */
function innermostHolder(drafts: readonly Draft[], i: number): number | null {
  const d = drafts[i]!;
  let best: number | null = null;
  let bestSize = Infinity;
  // (an index loop and no destructuring: this runs for every pair of drafts, and the
  // entries() pairs and array destructuring allocated on each step)
  for (let j = 0; j < drafts.length; j++) {
    if (j === i) continue;
    const o = drafts[j]!;
    const c0 = o.content[0];
    const c1 = o.content[1];
    if (d.cue.first < c0 || d.cue.last > c1) continue;
    // two reports that hold each other: the one with the larger content is the outer one
    const mutual = o.cue.first >= d.content[0] && o.cue.last <= d.content[1];
    if (mutual && d.content[1] - d.content[0] >= c1 - c0) continue;
    if (c1 - c0 < bestSize) {
      best = j;
      bestSize = c1 - c0;
    }
  }
  return best;
}

function keepNested(ctx: AttrContext, d: Draft, outer: Draft): boolean {
  // the outer report relays: `according to X`, `X reported / revealed / published`
  if (outer.cue.kind !== 'adverbial' && outer.cueType !== 'report') return false;
  if (d.cue.kind !== 'verb' || !SPEECH.has(d.cueType) || !d.source) return false;
  if (ctx.quoteOf[d.cue.head] !== -1) return false;
  const tokens = ctx.tokens;
  for (let k = d.source[0]; k <= d.source[1]; k++) if (tokens[k]!.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(tokens[k]!.norm)) return false;
  return true;
}

const CITING = new Set(['cite', 'quote']);

/**
 * `X, citing an unnamed official, said C` / `X said C, citing sources in the ministry` /
 * `C, according to X, which cited a security source`: the cited person is where C comes
 * from, and X relays it. The citation becomes the
 * origin's attribution (source: the person cited, content: C) reached through X's.
 * A citation of a document or a reason (`citing low growth`) stays as it is.
 */
export function relayCitations(ctx: AttrContext, drafts: Draft[]): void {
  const { tokens, lexicon } = ctx;
  for (const d of drafts) {
    // `X, citing Y` or, after the source of a report, `X, which cited Y`
    const relative = d.source !== null && d.source[0] === d.source[1] && /^(which|who)$/.test(tokens[d.source[0]]!.norm) && tokens[d.source[0] - 1]?.text === ',';
    if (d.cue.kind !== 'verb' || !CITING.has(d.cue.lemma) || !(tokens[d.cue.head]!.norm.endsWith('ing') || relative)) continue;
    const [c0, c1] = d.content;
    if (c1 - c0 > 12) continue;
    let head = -1;
    let verb = false;
    // the cited phrase ends at a comma (`which cited a source, C`)
    let end = c1;
    for (let k = c0; k <= c1; k++) {
      const t = tokens[k]!;
      if (t.text === ',') {
        end = k - 1;
        break;
      }
      if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
      if (t.pos === 'ADP') break;
      if (t.pos === 'NOUN' || t.pos === 'PROPN') head = k;
    }
    if (verb || head === -1) continue;
    const h = tokens[head]!;
    const person = lexicon.personNouns.has(h.norm) || lexicon.titleNouns.has(h.norm) || (h.pos === 'PROPN' && !lexicon.groupNouns.has(h.norm));
    if (!person) continue;
    const sentence = ctx.sentenceOf[d.cue.head];
    const sameSource = (m: Draft) => !!m.source && !!d.source && (relative ? m.source[1] + 2 === d.source[0] : m.source[0] === d.source[0]);
    const main = drafts.find((m) => m !== d && !m.relayedBy && ctx.sentenceOf[m.cue.head] === sentence && sameSource(m) && (m.content[1] < d.cue.first || m.content[0] > d.cue.last));
    if (!main) continue;
    d.source = [c0, end];
    d.content = main.content;
    d.relayedBy = main;
    d.sieve = 'citation';
  }
}
