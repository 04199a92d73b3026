import { WEEKDAYS_AND_MONTHS } from '../doc/calendar.js';
import type { AttrContext } from './context.js';
import { cueTypeFor, type Cue } from './cues.js';
import type { Draft } from './frames.js';

/**
 * Cue-span conventions applied to an accepted verb cue (docs/attribution.md, "Cue"), as
 * PolNeAR's annotators draw cues consistently (counts over its train split in the doc):
 *   - the verb group: auxiliaries, negation, adverbs and a floating quantifier or `since`
 *     after an auxiliary (`have both argued`, `has since said`);
 *   - an aspectual or conative verb with the act it governs (`tried to make`, `continued to insist`);
 *   - a preposition that opens the content right after the verb (`warned of`, `voted against`),
 *     but not one that opens an adjunct: the agent or means (`by`), a medium, place or time
 *     (`in a statement`, `on Friday`, `during the debate`), a quantity (`at least`);
 *   - the object of a verb with an object preposition stays out of the cue (`accused` the
 *     mayor of lying: the object and the preposition open the content).
 * They run after the cue model's decision, so they shape the span, not which cue is chosen.
 */

/** Words that stand between an auxiliary and its verb without leaving the verb group. */
const VERB_GROUP_INNER = new Set(['all', 'both', 'each', 'since']);
/** Prepositions and conjunctions that open a clause, not a prepositional complement. */
const CLAUSE_OPENERS = new Set(['whether', 'if', 'that', 'because', 'since', 'although', 'though', 'while', 'unless', 'until', 'after', 'before', 'once', 'when', 'than']);
/**
 * Prepositions that open an adjunct of the verb, not its complement: the agent or means
 * (`was rejected by`, `said by telephone`), medium, place or time (`said in a statement`,
 * `argued in interviews`, `during the debate`), concession, range (PolNeAR train: a cue
 * ends before `by` 28 times out of 39, before `in` 17 of 28).
 */
const ADJUNCT_PREPOSITIONS = new Set(['by', 'in', 'during', 'despite', 'between', 'within', 'inside', 'amid', 'throughout', 'among']);
/** Whether the preposition at i opens the verb's complement (`warned of`), not an adjunct (`said on Friday`, `reported at least`). */
function opensComplement(ctx: AttrContext, i: number): boolean {
  const p = ctx.tokens[i]!;
  if (p.pos !== 'ADP' || CLAUSE_OPENERS.has(p.norm) || ADJUNCT_PREPOSITIONS.has(p.norm) || ctx.mark[i] !== 0) return false;
  const next = ctx.tokens[i + 1]?.norm ?? '';
  if (p.norm === 'at' && (next === 'least' || next === 'most')) return false;
  // `on` + a weekday or month is a date adjunct (`announced on Monday`), not the complement's preposition
  if (p.norm === 'on' && WEEKDAYS_AND_MONTHS.has(next)) return false;
  return true;
}

/**
 * `released a statement saying C`, `issued a statement Wednesday that C`, `posted a message
 * on Twitter reading C`: a verb of publishing whose object is a statement noun and whose
 * report follows in a participle or a `that` clause is one cue, from the verb to the
 * participle (PolNeAR train: 25 of the 36 such phrases). Returns the cue's last token, or -1.
 */
function publishedSaying(ctx: AttrContext, verb: number, content: [number, number]): number {
  const { tokens, lexicon } = ctx;
  if (!lexicon.publishingVerbs.has(tokens[verb]!.lemma) || content[0] !== verb + 1) return -1;
  // the object: a determiner or possessive, modifiers, a statement noun
  let k = verb + 1;
  // (the text may end right after the determiner: "unveiled a")
  if (k + 1 > content[1] || !/^(DET|PRON)$/.test(tokens[k]!.pos)) return -1;
  k++;
  while (k < content[1] && k < verb + 6 && !lexicon.nouns.has(tokens[k]!.lemma) && /^(ADJ|NOUN|PROPN|NUM|PUNCT)$/.test(tokens[k]!.pos) && tokens[k]!.text !== ',') k++;
  if (tokens[k]!.pos !== 'NOUN' || !lexicon.nouns.has(tokens[k]!.lemma)) return -1;
  // adjuncts (`on Twitter`, `Wednesday evening,`) up to the participle or `that` + verb
  for (let j = k + 1; j < content[1] && j <= k + 8; j++) {
    const t = tokens[j]!;
    if (ctx.quoteOf[j] !== -1 || t.text === '.' || t.text === ';') return -1;
    if (t.norm.endsWith('ing') && t.pos === 'VERB' && lexicon.verbs.has(t.lemma)) return tokens[j + 1]?.text === ':' && j + 1 < content[1] ? j + 1 : j;
    if (t.norm === 'that' && (tokens[j + 1]?.pos === 'VERB' || tokens[j + 1]?.pos === 'ADV')) {
      const v = tokens[j + 1]!.pos === 'VERB' ? j + 1 : j + 2;
      return tokens[v]?.pos === 'VERB' && lexicon.verbs.has(tokens[v]!.lemma) && v < content[1] ? v : -1;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'CCONJ') return -1;
  }
  return -1;
}

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

  // `has to explain`, `was to report`, `has yet to address`: a semi-modal joins the act's cue (14 / 0 in train)
  const marker = tokens[cue.first];
  if (marker && marker.norm === 'to' && marker.pos === 'PART' && cue.first >= 1) {
    let k = cue.first - 1;
    if (tokens[k]!.norm === 'yet' && k >= 1 && tokens[k - 1]!.lemma === 'have') k--;
    const semiModal = tokens[k]!.pos === 'AUX' && (tokens[k]!.lemma === 'have' || tokens[k]!.lemma === 'be');
    if (semiModal && ctx.sentenceOf[k] === sentence) {
      while (k - 1 >= 0 && ctx.sentenceOf[k - 1] === sentence && (tokens[k - 1]!.pos === 'AUX' || tokens[k - 1]!.pos === 'ADV' || tokens[k - 1]!.norm === 'not')) k--;
      if (!(d.source && d.source[1] >= k) && !(d.content[0] <= k && k < cue.first)) cue = { ...cue, first: k };
    }
  }

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

  // `released a statement saying C`, `posted a message on Twitter reading: C`: one cue
  const told = contentAfter && cue.last === cue.head ? publishedSaying(ctx, cue.head, d.content) : -1;
  if (told !== -1) {
    // the participle says what kind of report it is (`issued a statement condemning` accuses)
    const said = tokens[told]!.text === ':' ? told - 1 : told;
    const types = lexicon.verbs.get(tokens[said]!.lemma);
    cue = types ? { ...cue, head: said, last: told, lemma: tokens[said]!.lemma, types } : { ...cue, last: told };
    d.content = [told + 1, d.content[1]];
    if (types) d.cueType = cueTypeFor(ctx, cue, told + 1);
    d.cue = cue;
    return;
  }

  // `accused the mayor of lying`: the verb alone is the cue, its object opens the content
  // (PolNeAR train: the object is in the content 58 times out of 62, the cue is the verb group 60 times)
  if (contentAfter && d.content[0] === cue.last + 1 && cue.last > cue.head + 1 && lexicon.objectParticles.get(cue.lemma)?.has(tokens[cue.last]!.norm)) {
    d.content = [cue.head + 1, d.content[1]];
    cue = { ...cue, last: cue.head };
  }
  // `warned of C`, `spoke about C`, `voted against C`: the preposition belongs to the verb
  else if (contentAfter && d.content[0] === cue.last + 1 && d.content[0] < d.content[1] && opensComplement(ctx, d.content[0])) {
    cue = { ...cue, last: d.content[0] };
    d.content = [d.content[0] + 1, d.content[1]];
  }
  d.cue = cue;
}
