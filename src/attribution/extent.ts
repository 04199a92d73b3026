import type { AttrContext } from './context.js';
import { cueTypeFor, type Cue } from './cues.js';
import type { Draft } from './frames.js';

/**
 * Cue-span conventions applied to an accepted verb cue (docs/attribution.md, "Cue"), as
 * PolNeAR's annotators draw cues consistently (counts over its train split in the doc):
 *   - the verb group: auxiliaries, negation, adverbs and a floating quantifier or `since`
 *     after an auxiliary (`have both argued`, `has since said`);
 *   - an aspectual or conative verb with the act it governs (`tried to make`, `continued to insist`);
 *   - a preposition that opens the content right after the verb (`warned of`, `voted against`).
 * They run after the cue model's decision, so they shape the span, not which cue is chosen.
 */

/** Words that stand between an auxiliary and its verb without leaving the verb group. */
const VERB_GROUP_INNER = new Set(['all', 'both', 'each', 'since']);
/** Prepositions and conjunctions that open a clause, not a prepositional complement. */
const CLAUSE_OPENERS = new Set(['whether', 'if', 'that', 'because', 'since', 'although', 'though', 'while', 'unless', 'until', 'after', 'before', 'once', 'when', 'than']);

export function applyCueConventions(ctx: AttrContext, d: Draft): void {
  if (d.cue.kind !== 'verb') return;
  const { tokens, lexicon } = ctx;
  let cue: Cue = d.cue;
  const sentence = ctx.sentenceOf[cue.head]!;
  const contentAfter = d.content[0] > cue.last;

  // `have both argued`, `has since said`: an auxiliary before the word keeps it in the verb group
  let first = cue.first;
  while (first >= 2 && VERB_GROUP_INNER.has(tokens[first - 1]!.norm) && tokens[first - 2]!.pos === 'AUX' && ctx.sentenceOf[first - 2] === sentence) {
    first -= 2;
    while (first - 1 >= 0 && tokens[first - 1]!.pos === 'AUX' && ctx.sentenceOf[first - 1] === sentence) first--;
  }
  if (first !== cue.first && !(d.source && d.source[1] >= first)) cue = { ...cue, first };

  // `tried to make the case`, `continued to insist that`: the act is the cue's head when it is a cue verb
  const to = tokens[cue.last + 1];
  const act = tokens[cue.last + 2];
  if (contentAfter && cue.last === cue.head && lexicon.catenatives.has(cue.lemma) && to && act && to.norm === 'to' && to.pos === 'PART' && act.pos === 'VERB' && ctx.sentenceOf[cue.last + 2] === sentence && d.content[0] === cue.last + 1) {
    let last = cue.last + 2;
    const actTypes = lexicon.verbs.get(act.lemma);
    const particles = lexicon.particles.get(act.lemma);
    const next = tokens[last + 1];
    if (next && particles?.has(next.norm) && ctx.sentenceOf[last + 1] === sentence) last++;
    if (last < d.content[1]) {
      cue = actTypes ? { ...cue, head: cue.last + 2, last, lemma: act.lemma, types: actTypes } : { ...cue, last };
      d.content = [last + 1, d.content[1]];
      if (actTypes) d.cueType = cueTypeFor(ctx, cue, last + 1);
    }
  }

  // `warned of C`, `spoke about C`, `voted against C`: the preposition belongs to the verb
  if (contentAfter && d.content[0] === cue.last + 1 && d.content[0] < d.content[1]) {
    const p = tokens[d.content[0]]!;
    if (p.pos === 'ADP' && !CLAUSE_OPENERS.has(p.norm) && ctx.mark[d.content[0]] === 0) {
      cue = { ...cue, last: d.content[0] };
      d.content = [d.content[0] + 1, d.content[1]];
    }
  }
  d.cue = cue;
}
