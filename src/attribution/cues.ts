import type { CueType, Token } from '../doc/types.js';
import { OPEN_MARK, type AttrContext } from './context.js';

/**
 * Cue candidates: the words that can report speech, thought or intention, found by
 * lexicon (lexicons/cues.json) and part of speech, with the extent of the cue phrase
 * (`has also said`, `called for`, `continued to call for`, `said:`). Whether a candidate
 * really introduces an attribution is decided by frames.ts (it needs a content) and,
 * when a model is shipped, by its score (model.ts).
 */

export type CueKind = 'verb' | 'noun' | 'adverbial' | 'colon' | 'dash';

export interface Cue {
  kind: CueKind;
  /** The token that carries the cue's meaning (the verb, noun, `according`). */
  head: number;
  /** Cue phrase, token range inclusive. */
  first: number;
  last: number;
  lemma: string;
  /** Lexicon cue types of the head, default first; empty for punctuation cues. */
  types: CueType[];
}

const ADVERB_STOP = new Set([
  'when', 'so', 'as', 'because', 'where', 'how', 'why', 'while', 'if', 'since', 'there', 'here',
  'however', 'thus', 'therefore', 'meanwhile', 'instead', 'also,', 'too',
]);
/** Verbs that pass their subject to a following to-infinitive cue (`continued to call for`, `is expected to announce`). */
const SAY_FORMS = new Set(['says', 'said', 'say', 'saying']);
/** Verbs followed by a bare infinitive (`helped craft`, `let them decide`): what follows them stays a verb. */
const BARE_INFINITIVE_TAKERS = new Set(['help', 'let', 'make', 'see', 'hear', 'watch', 'have', 'do', 'go', 'come', 'dare', 'need', 'bid', 'feel', 'notice']);
const DEGREE = new Set(['very', 'quite', 'so', 'too', 'really', 'extremely', 'most', 'more', 'less', 'least', 'rather', 'pretty', 'particularly', 'especially', 'deeply', 'highly', 'truly']);

function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || SAY_FORMS.has(t.norm);
}

/** All cue candidates of the document, in text order. */
export function findCueCandidates(ctx: AttrContext): Cue[] {
  const { tokens, lexicon } = ctx;
  const triggers = lexicon.triggers;
  const out: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // one set lookup rules out most words
    if (!triggers.has(t.lemma) && !triggers.has(t.norm)) continue;
    const adverbial = matchAdverbial(ctx, i);
    if (adverbial) {
      out.push(adverbial);
      i = adverbial.last;
      continue;
    }
    if (isVerbLike(t)) {
      // `spoke on condition of anonymity` is about the source, not a statement
      if (t.lemma === 'speak' && tokens[i + 1]?.norm === 'on' && tokens[i + 2]?.norm === 'condition') continue;
      // `is quite telling`, `very worrying`: an adjective, not a cue
      if (t.norm.endsWith('ing') && DEGREE.has(tokens[i - 1]?.norm ?? '')) continue;
      // `to assign blame for`: a noun the tagger took for a verb, right after a verb
      const prev = tokens[i - 1];
      if (prev && prev.pos === 'VERB' && !BARE_INFINITIVE_TAKERS.has(prev.lemma) && t.norm === t.lemma && lexicon.nouns.has(t.lemma) && ctx.sentenceOf[i - 1] === ctx.sentenceOf[i]) {
        out.push({ kind: 'noun', head: i, first: i, last: i, lemma: t.lemma, types: lexicon.nouns.get(t.lemma)! });
        continue;
      }
      const types = lexicon.verbs.get(t.lemma) ?? (SAY_FORMS.has(t.norm) ? lexicon.verbs.get('say') : undefined);
      if (types) out.push(verbCue(ctx, i, SAY_FORMS.has(t.norm) ? 'say' : t.lemma, types));
      continue;
    }
    if (t.pos === 'ADJ') {
      // `…, promising to campaign`, `by promising to cut taxes`: a participle the tagger took for an adjective
      const lemma = lexicon.participles.get(t.norm);
      if (lemma && isParticipleClause(ctx, i)) out.push(verbCue(ctx, i, lemma, lexicon.verbs.get(lemma)!));
      continue;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      // `…, warning that troops would attack`: an -ing participle the tagger took for a noun
      const participle = t.pos === 'NOUN' ? lexicon.participles.get(t.norm) : undefined;
      if (participle && tokens[i - 1]?.text === ',' && isParticipleClause(ctx, i)) {
        out.push(verbCue(ctx, i, participle, lexicon.verbs.get(participle)!));
        continue;
      }
      // a verb form tagged as a noun (`Trump claims that …`) is still a verb cue
      const verbTypes = lexicon.verbs.get(t.lemma);
      if (verbTypes && isVerbTaggedAsNoun(ctx, i)) {
        out.push(verbCue(ctx, i, t.lemma, verbTypes));
        continue;
      }
      const types = lexicon.nouns.get(t.lemma) ?? lexicon.nouns.get(t.norm);
      if (types) out.push({ kind: 'noun', head: i, first: i, last: i, lemma: t.lemma, types });
    }
  }
  return out;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that']);
const CLAUSE_START_POS = new Set(['PRON', 'DET', 'PROPN', 'NUM']);

/**
 * A cue verb the tagger took for a noun (`The Daily News claims the …`, `polls show he …`,
 * `…, the Tribune reports.`): it follows its subject (a noun or subject pronoun, not a
 * determiner or possessor, which make it a noun) and agrees with it — `-s` after any
 * subject, the bare form after a plural one — and what follows opens its complement
 * (`that`, a particle of the verb, a subject or determiner, a quotation, `to` + verb after
 * a verb that takes an infinitive) or ends the clause.
 */
function isVerbTaggedAsNoun(ctx: AttrContext, i: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || ctx.sentenceOf[i - 1] !== ctx.sentenceOf[i]) return false;
  const subject = prev.pos === 'NOUN' || prev.pos === 'PROPN' || (prev.pos === 'PRON' && SUBJECT_PRONOUNS.has(prev.norm));
  if (!subject) return false;
  const thirdPerson = t.norm.endsWith('s') && t.norm !== t.lemma;
  const pluralSubject = t.norm === t.lemma && prev.pos !== 'PRON' && prev.norm.endsWith('s') && !prev.norm.endsWith('ss');
  if (!thirdPerson && !pluralSubject) return false;
  if (next.norm === 'that' || ctx.lexicon.particles.get(t.lemma)?.has(next.norm) || ctx.mark[i + 1] === OPEN_MARK) return true;
  // `The group plans to hold talks`: a verb that takes an infinitive, with its infinitive
  if (next.norm === 'to' && tokens[i + 2]?.pos === 'VERB' && ctx.lexicon.infinitive.has(t.lemma)) return true;
  if (ctx.sentenceOf[i + 1] !== ctx.sentenceOf[i]) return true;
  if (next.text === ',' || next.text === '.') return tokens[i - 2]?.text === ',' || (i >= 3 && /^(DET|PROPN|NOUN)$/.test(tokens[i - 2]!.pos) && tokens[i - 3]?.text === ',');
  return CLAUSE_START_POS.has(next.pos) && !(next.pos === 'PRON' && !SUBJECT_PRONOUNS.has(next.norm) && next.norm !== 'his' && next.norm !== 'her' && next.norm !== 'their' && next.norm !== 'its');
}

/** Words that introduce a participial clause: `by promising`, `while insisting`, `after warning`. */
const PARTICIPLE_INTRODUCERS = new Set(['by', 'while', 'when', 'after', 'before', 'without', 'since', 'in']);

/**
 * Whether an `-ing` word at i heads a participial clause: it follows a comma or a word that
 * introduces one, and its complement follows (`to`, `that`, a noun phrase, a quotation, a colon).
 */
function isParticipleClause(ctx: AttrContext, i: number): boolean {
  const { tokens } = ctx;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || ctx.sentenceOf[i - 1] !== ctx.sentenceOf[i] || ctx.sentenceOf[i + 1] !== ctx.sentenceOf[i]) return false;
  if (prev.text !== ',' && !PARTICIPLE_INTRODUCERS.has(prev.norm)) return false;
  return next.norm === 'to' || next.norm === 'that' || next.text === ':' || ctx.mark[i + 1] === OPEN_MARK || CLAUSE_START_POS.has(next.pos);
}

function matchAdverbial(ctx: AttrContext, i: number): Cue | null {
  const { tokens, lexicon } = ctx;
  for (const { words, type } of lexicon.adverbials) {
    if (tokens[i]!.norm !== words[0]) continue;
    let ok = true;
    for (let k = 1; k < words.length; k++) if (tokens[i + k]?.norm !== words[k]) ok = false;
    if (ok) return { kind: 'adverbial', head: i, first: i, last: i + words.length - 1, lemma: words.join(' '), types: [type] };
  }
  return null;
}

/** A verb cue with its auxiliaries, negation and adverbs before it and its particle after it. */
function verbCue(ctx: AttrContext, head: number, lemma: string, types: CueType[]): Cue {
  const { tokens, lexicon } = ctx;
  const sentence = ctx.sentenceOf[head]!;
  // auxiliaries, negation and adverbs: `has not yet said`, `also told`
  let first = withModifiers(ctx, head, sentence);
  // a verb that governs the cue joins it, and its subject is the source:
  // `continued to call for`, `is expected to announce`, `refused to comment`, `went on to discuss`,
  // `avoids condemning`, `started off by emphasizing`, `is steering clear of criticizing`
  const governor = governingVerb(ctx, first, sentence);
  if (governor !== -1) {
    first = withModifiers(ctx, governor, sentence);
  } else if (tokens[first - 1]?.norm === 'to' && tokens[first - 1]!.pos === 'PART' && ctx.sentenceOf[first - 1] === sentence) {
    // `… prompted NATO to order`: the infinitive marker belongs to the cue
    first--;
  }
  let last = head;
  const particles = ctx.lexicon.particles.get(lemma);
  const next = tokens[head + 1];
  if (next && particles && particles.has(next.norm) && ctx.sentenceOf[head + 1] === sentence) {
    last = head + 1;
    // `was quoted as saying`, `was described as saying`: the gerund of saying joins the cue
    const gerund = tokens[head + 2];
    if (next.norm === 'as' && gerund && gerund.norm.endsWith('ing') && ctx.lexicon.verbs.has(gerund.lemma) && ctx.sentenceOf[head + 2] === sentence) last = head + 2;
  }
  else if (next && ctx.lexicon.objectParticles.has(lemma)) {
    // `accused the mayor of`: for framing, the object and its preposition stand with the cue and the content follows (extent.ts then gives the object back to the content)
    const wanted = ctx.lexicon.objectParticles.get(lemma)!;
    for (let k = head + 1; k <= head + 6 && k < tokens.length && ctx.sentenceOf[k] === sentence; k++) {
      if (wanted.has(tokens[k]!.norm) && tokens[k]!.pos === 'ADP') {
        last = k;
        break;
      }
      if (!/^(DET|NOUN|PROPN|PRON|ADJ|PART|NUM)$/.test(tokens[k]!.pos) && tokens[k]!.text !== '’s') break;
    }
  }
  // a colon that introduces the content belongs to the cue (`said:`)
  if (tokens[last + 1]?.text === ':' && ctx.sentenceOf[last + 1] === sentence) last++;
  return { kind: 'verb', head, first, last, lemma, types };
}

/** The first token of a verb group ending at `first`: its auxiliaries, negation and adverbs. */
function withModifiers(ctx: AttrContext, first: number, sentence: number): number {
  const { tokens } = ctx;
  while (first - 1 >= 0 && ctx.sentenceOf[first - 1] === sentence) {
    const t = tokens[first - 1]!;
    if (t.pos === 'AUX' || (t.pos === 'PART' && (t.norm === 'not' || t.norm === "n't" || t.norm === 'n’t')) || (t.pos === 'ADV' && !ADVERB_STOP.has(t.norm) && !t.norm.endsWith(','))) first--;
    else {
      // `has in the past accused`, `had on Monday denied`: a prepositional phrase between an
      // auxiliary and its verb stays inside the verb group (as PolNeAR's gold cues do)
      const aux = auxiliaryBeforePhrase(ctx, first - 1, sentence);
      if (aux === -1) break;
      first = aux;
    }
  }
  return first;
}

/** The auxiliary before a prepositional phrase (of up to four words) that ends at `end`, or -1. */
function auxiliaryBeforePhrase(ctx: AttrContext, end: number, sentence: number): number {
  const { tokens } = ctx;
  for (let k = end; k >= 1 && k >= end - 3 && ctx.sentenceOf[k] === sentence; k--) {
    const t = tokens[k]!;
    if (!/^(ADP|DET|ADJ|NOUN|NUM|PROPN)$/.test(t.pos) || ctx.mark[k] !== 0) return -1;
    if (t.pos === 'ADP') return tokens[k - 1]!.pos === 'AUX' && ctx.sentenceOf[k - 1] === sentence ? k - 1 : -1;
  }
  return -1;
}

const GOVERNED_GAP_POS = new Set(['ADP', 'ADJ', 'PART', 'ADV']);

/** Index of the verb (or copula of a predicate adjective) that governs a to-infinitive or gerund cue starting at `first`, else -1. */
function governingVerb(ctx: AttrContext, first: number, sentence: number): number {
  const { tokens } = ctx;
  const head = tokens[first]!;
  const gerund = /ing$/.test(head.norm);
  let k = first - 1;
  if (tokens[k]?.norm === 'to' && tokens[k]!.pos === 'PART') k--;
  else if (!gerund) return -1;
  // particles, prepositions, adjectives and their degree adverbs between (`off by`, `clear of`,
  // `on to`, `quick to`, `more likely to`, `keen on`)
  let between = 0;
  let adjective = false;
  while (k >= 0 && ctx.sentenceOf[k] === sentence && between < 4 && GOVERNED_GAP_POS.has(tokens[k]!.pos) && tokens[k]!.norm !== 'to') {
    if (tokens[k]!.pos === 'ADJ') adjective = true;
    k--;
    between++;
  }
  const verb = tokens[k];
  if (!verb || ctx.sentenceOf[k] !== sentence) return -1;
  // a predicate adjective governs the act with its copula: `was quick to point out`, `are more likely to say`, `was magnanimous in declaring`
  if (verb.pos === 'AUX' && verb.lemma === 'be' && adjective) return k;
  if (verb.pos !== 'VERB') return -1;
  // `said, criticizing …` is a separate participle; a governor is right next to its complement
  if (gerund && between === 0 && /ing$/.test(verb.norm)) return -1;
  return k;
}

const INFINITIVE_TYPES: readonly CueType[] = ['promise', 'warn', 'deny', 'demand', 'intend'];

/**
 * The cue type in context: a lemma's default type, or the one its complement selects
 * (`hope to` intends, `hope that` believes; `asked whether` questions, `called for` demands).
 */
export function cueTypeFor(ctx: AttrContext, cue: Cue, contentStart: number | null): CueType {
  const types = cue.types;
  if (types.length === 0) return 'assert';
  const { tokens } = ctx;
  const next = contentStart !== null ? tokens[contentStart] : undefined;
  const particle = cue.last > cue.head ? tokens[cue.last]!.norm : '';
  if (next && next.norm === 'to' && (tokens[contentStart! + 1]?.pos === 'VERB' || tokens[contentStart! + 1]?.pos === 'AUX')) {
    const t = INFINITIVE_TYPES.find((x) => types.includes(x));
    if (t) return t;
  }
  if ((particle === 'for' || particle === 'on' || particle === 'upon') && types.includes('demand')) return 'demand';
  if (next && (next.norm === 'whether' || next.norm === 'if' || next.norm === 'why' || next.norm === 'how') && types.includes('question')) return 'question';
  if (cue.kind === 'verb' && types[0] === 'believe' && types.includes('intend') && next?.norm === 'to') return 'intend';
  return types[0]!;
}
