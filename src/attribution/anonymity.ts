import type { Token } from '../doc/types.js';
import { headOf, mainPhrase } from './chunk.js';
import type { AttrContext } from './context.js';
import { POSSESSIVE_PRONOUNS } from '../doc/pronouns.js';

/**
 * Whether a source is unnamed: `an official`, `sources familiar with the matter`,
 * `a senior diplomat who spoke on condition of anonymity`, `U.S. officials`. Named
 * people, organisations, outlets and documents are not; a unique role (`the president`)
 * identifies its holder; a pronoun or a definite description (`he`, `the official`)
 * is as anonymous as what it refers back to.
 */

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
/** Pronouns and quantifiers that stand for unnamed people when they have no antecedent. */
const INDEFINITE_PEOPLE = new Set(['someone', 'somebody', 'some', 'many', 'others', 'several', 'few', 'one', 'anyone']);

export type Anaphor = 'pronoun' | 'description' | null;

/** Whether the source phrase refers back to something earlier (a pronoun, or `the` + a role noun). */
export function anaphorKind(ctx: AttrContext, source: [number, number]): Anaphor {
  const tokens = ctx.tokens;
  const main = mainPhrase(tokens, source);
  if (main[0] === main[1] && tokens[main[0]]!.pos === 'PRON') return 'pronoun';
  const head = headOf(tokens, main);
  if (head === -1 || tokens[head]!.pos === 'PROPN') return null;
  // a name among the modifiers makes the description specific (`the Kerrow Energy union`)
  for (let k = main[0]; k < head; k++) if (tokens[k]!.pos === 'PROPN') return null;
  const first = tokens[main[0]]!;
  if (DEFINITE.has(first.norm) || POSSESSIVE_PRONOUNS.has(first.norm)) {
    const lemma = tokens[head]!.norm;
    if (ctx.lexicon.personNouns.has(lemma) || ctx.lexicon.groupNouns.has(lemma) || ctx.lexicon.titleNouns.has(lemma)) return 'description';
  }
  return null;
}

/**
 * `antecedent`: how anonymous the phrase's antecedent is, when it was resolved
 * (true/false), or null when it was not.
 */
export function isAnonymous(ctx: AttrContext, source: [number, number], antecedent: boolean | null): boolean {
  const tokens = ctx.tokens;
  const { lexicon } = ctx;
  for (let k = source[0]; k <= source[1]; k++) if (lexicon.anonymityMarkers.has(tokens[k]!.norm) && marksAnonymity(tokens, k)) return true;
  if (anonymityClauseAfter(ctx, source[1])) return true;
  // `one of them`, `two of us`: an unnamed member of a group
  if (tokens[source[1]]!.pos === 'PRON' && tokens[source[1] - 1]?.norm === 'of' && source[1] - 2 === source[0]) return true;
  const main = mainPhrase(tokens, source);
  if (main[0] === main[1] && tokens[main[0]]!.pos === 'PRON') {
    if (antecedent !== null) return antecedent;
    return INDEFINITE_PEOPLE.has(tokens[main[0]]!.norm);
  }
  const head = headOf(tokens, main);
  if (head === -1) return false;
  const h = tokens[head]!;
  if (h.pos === 'PROPN' && !lexicon.personNouns.has(h.norm)) return false;
  const determiner = tokens[main[0]]!;
  const definite = DEFINITE.has(determiner.norm) || POSSESSIVE_PRONOUNS.has(determiner.norm);
  if (lexicon.personNouns.has(h.norm) || lexicon.personNouns.has(h.lemma)) {
    if (definite) return antecedent ?? true;
    return true;
  }
  if (lexicon.titleNouns.has(h.norm) || lexicon.titleNouns.has(h.lemma)) {
    if (definite) return antecedent ?? false;
    // `a minister`, `two senators`: unnamed; `Minister Ali`: named (head is the name)
    return true;
  }
  return false;
}

/** `unnamed`, `anonymous` mark anonymity; `familiar` and `speaking` only in their set phrases. */
function marksAnonymity(tokens: readonly Token[], k: number): boolean {
  const w = tokens[k]!.norm;
  if (w === 'familiar') return tokens[k + 1]?.norm === 'with';
  if (w === 'speaking' || w === 'condition' || w === 'declined' || w === 'authorized' || w === 'authorised' || w === 'permitted' || w === 'allowed') return false;
  return true;
}

/** `…, who spoke on condition of anonymity`, `…, who asked not to be named`, `…, who was not authorized to speak`. */
function anonymityClauseAfter(ctx: AttrContext, end: number): boolean {
  const tokens = ctx.tokens;
  const sentence = ctx.sentenceOf[end]!;
  let seen = 0;
  for (let k = end + 1; k < tokens.length && ctx.sentenceOf[k] === sentence && seen < 14; k++, seen++) {
    const w = tokens[k]!.norm;
    if (w === 'anonymity' || w === 'anonymously') return true;
    if ((w === 'named' || w === 'identified') && (tokens[k - 1]?.norm === 'be' || tokens[k - 1]?.norm === 'being')) {
      for (let b = k - 1; b > k - 5 && b > end; b--) if (tokens[b]!.norm === 'not' || tokens[b]!.norm === 'declined' || tokens[b]!.norm === 'asked') return true;
    }
    if ((w === 'authorized' || w === 'authorised' || w === 'permitted' || w === 'allowed') && (tokens[k - 1]?.norm === 'not' || tokens[k - 2]?.norm === 'not')) return true;
  }
  return false;
}


/**
 * Whether a content is a source's request not to be named (`who asked not to be named`,
 * `who declined to be identified`, `who requested anonymity to speak freely`, `speaking
 * on condition of anonymity`): it opens with the request, which describes the source and
 * reports nothing. `described her remarks on condition of anonymity` reports the remarks.
 */
export function isAnonymityRequest(ctx: AttrContext, content: [number, number]): boolean {
  const tokens = ctx.tokens;
  let k = content[0];
  const at = (i: number) => (i <= content[1] ? tokens[i]!.norm : '');
  if (at(k) === 'on' || at(k) === 'for' || at(k) === 'under') k++;
  if (at(k) === 'the') k++;
  if (at(k) === 'condition' && at(k + 1) === 'of') k += 2;
  if (at(k) === 'anonymity' || at(k) === 'anonymously') return true;
  k = content[0];
  if (at(k) === 'not') k++;
  return at(k) === 'to' && (at(k + 1) === 'be' || at(k + 1) === 'being') && /^(named|identified|quoted)$/.test(at(k + 2));
}
