import type { AttrContext } from './context.js';
import type { Cue } from './cues.js';
import type { Draft } from './frames.js';

/**
 * Reporting-like phrases that report nothing (`nonReports` in lexicons/cues.json):
 *   - a non-response: a response verb that is negated or failed (`The ministry did not
 *     respond to a request for comment`, `has not replied`, `has yet to respond`, `failed
 *     to answer`, `declined to comment`, `did not comment on the report`) tells that the
 *     source said nothing;
 *   - the reporter's request: a request verb or noun whose object is the bare noun `comment`
 *     (`calls and emails seeking comment`, `asked for comment`, `requests for comment`,
 *     `did not return calls seeking comment`).
 * PolNeAR's annotators mark many non-responses (20 of the 34 in train); an analyst reading
 * the attributions must not take them for statements, so they are left out.
 */
export function isNonReport(ctx: AttrContext, d: Draft): boolean {
  if (d.cue.kind !== 'verb' && d.cue.kind !== 'noun') return false;
  const { tokens, lexicon } = ctx;
  // the response verb may be the cue's head or govern it (`failed to respond to questions about`)
  let response = -1;
  for (let k = d.cue.first; k <= d.cue.last && response === -1; k++) if (tokens[k]!.pos === 'VERB' && lexicon.responseVerbs.has(tokens[k]!.lemma)) response = k;
  if (response !== -1) {
    // its verb group, back over auxiliaries, adverbs and a governing `failed to`
    const sentence = ctx.sentenceOf[response];
    for (let k = response - 1; k >= 0 && ctx.sentenceOf[k] === sentence; k--) {
      const t = tokens[k]!;
      if (t.norm === 'not' || t.norm === "n't" || t.norm === 'n’t' || t.norm === 'never' || lexicon.failureVerbs.has(t.lemma)) return true;
      // `has yet to respond`
      if (t.norm === 'yet' && tokens[k - 1]?.lemma === 'have') return true;
      if (!(t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && t.norm === 'to'))) break;
    }
    return false;
  }
  // `declined to comment`, `refused to answer questions`: the refusal is the cue, the
  // response verb opens its content.
  const opening = tokens[d.content[0]];
  if (lexicon.failureVerbs.has(d.cue.lemma) && opening?.norm === 'to' && lexicon.responseVerbs.has(tokens[d.content[0] + 1]?.lemma ?? '')) return true;
  if (d.content[0] > d.cue.last) {
    let k = d.content[0];
    // `calls and emails seeking comment`: past nouns coordinated with the cue noun
    while (k < d.content[1] && k < d.content[0] + 4 && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.pos === 'NOUN') && !lexicon.requestVerbs.has(tokens[k]!.lemma)) k++;
    // `calls seeking comment`: the content is itself the request
    if (lexicon.requestVerbs.has(tokens[k]!.lemma) && k < d.content[1]) k++;
    else if (!lexicon.requestVerbs.has(d.cue.lemma)) return false;
    if (tokens[k]!.norm === 'for' && k < d.content[1]) k++;
    return tokens[k]!.norm === 'comment' || tokens[k]!.norm === 'comments';
  }
  return false;
}

/** Prepositions that attach a medium to a verb of saying (`said in a statement`, `during an interview`). */
const MEDIUM_PREPOSITIONS = new Set(['in', 'during', 'through', 'via']);

/**
 * Whether a statement noun is the medium of a cue verb just before it (`said in a
 * statement that C`, `insisted in the same interview that C`, `said in a recent telephone
 * interview`): it belongs to the verb's report and is no report of its own. `In an
 * interview, he said …` (no verb before) and `his statement that C` are left alone.
 */
export function isMediumOfVerb(ctx: AttrContext, cue: Cue): boolean {
  if (cue.kind !== 'noun') return false;
  const { tokens, lexicon } = ctx;
  const sentence = ctx.sentenceOf[cue.head];
  let k = cue.head - 1;
  // the noun's modifiers: `a recent telephone`, `the CNN`, `the same`
  while (k >= 0 && ctx.sentenceOf[k] === sentence && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[k]!.pos)) k--;
  if (k < 1 || ctx.sentenceOf[k] !== sentence || !MEDIUM_PREPOSITIONS.has(tokens[k]!.norm)) return false;
  // the verb, maybe with an adverb or a weekday between (`said Tuesday in a statement`)
  let v = k - 1;
  while (v > 0 && ctx.sentenceOf[v] === sentence && (tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'PROPN') && k - v < 3) v--;
  const verb = tokens[v]!;
  return ctx.sentenceOf[v] === sentence && verb.pos === 'VERB' && (lexicon.verbs.has(verb.lemma) || verb.norm === 'said' || verb.norm === 'says');
}
