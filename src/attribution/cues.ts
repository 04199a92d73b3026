import type { CueType, Token } from '../doc/types.js';
import type { AttrContext } from './context.js';

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
  'when', 'so', 'as', 'because', 'where', 'how', 'why', 'while', 'if', 'once', 'since', 'there', 'here',
  'however', 'thus', 'therefore', 'meanwhile', 'instead', 'also,', 'too',
]);
/** Verbs that pass their subject to a following to-infinitive cue (`continued to call for`, `is expected to announce`). */
const RAISING = new Set(['continue', 'go', 'begin', 'start', 'keep', 'seem', 'appear', 'expect', 'set', 'tend', 'happen', 'proceed', 'move', 'rush', 'hasten', 'stop', 'cease', 'resume', 'use', 'have', 'be', 'get', 'come', 'likely', 'able', 'quick', 'eager', 'willing', 'ready']);
const SAY_FORMS = new Set(['says', 'said', 'say', 'saying']);

function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || SAY_FORMS.has(t.norm);
}

/** All cue candidates of the document, in text order. */
export function findCueCandidates(ctx: AttrContext): Cue[] {
  const { tokens, lexicon } = ctx;
  const out: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const adverbial = matchAdverbial(ctx, i);
    if (adverbial) {
      out.push(adverbial);
      i = adverbial.last;
      continue;
    }
    if (isVerbLike(t)) {
      const types = lexicon.verbs.get(t.lemma) ?? (SAY_FORMS.has(t.norm) ? lexicon.verbs.get('say') : undefined);
      if (types) out.push(verbCue(ctx, i, SAY_FORMS.has(t.norm) ? 'say' : t.lemma, types));
      continue;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      // a verb form tagged as a noun (`Trump claims that …`) is still a verb cue
      const verbTypes = lexicon.verbs.get(t.lemma);
      if (verbTypes && /s$/.test(t.norm) && tokens[i + 1]?.norm === 'that' && i > 0 && /^(PROPN|PRON|NOUN)$/.test(tokens[i - 1]!.pos)) {
        out.push(verbCue(ctx, i, t.lemma, verbTypes));
        continue;
      }
      const types = lexicon.nouns.get(t.lemma) ?? lexicon.nouns.get(t.norm);
      if (types) out.push({ kind: 'noun', head: i, first: i, last: i, lemma: t.lemma, types });
    }
  }
  return out;
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
  let first = head;
  // auxiliaries, negation and adverbs: `has not yet said`, `also told`
  const takeModifiers = () => {
    while (first - 1 >= 0 && ctx.sentenceOf[first - 1] === sentence) {
      const t = tokens[first - 1]!;
      if (t.pos === 'AUX' || (t.pos === 'PART' && (t.norm === 'not' || t.norm === "n't" || t.norm === 'n’t')) || (t.pos === 'ADV' && !ADVERB_STOP.has(t.norm) && !/,$/.test(t.norm))) first--;
      else break;
    }
  };
  takeModifiers();
  // `continued to call for`, `is expected to announce`: the raising verb joins the cue
  const to = tokens[first - 1];
  const governor = tokens[first - 2];
  if (to && governor && to.norm === 'to' && to.pos === 'PART' && ctx.sentenceOf[first - 2] === sentence && RAISING.has(governor.lemma) && governor.pos !== 'AUX') {
    first -= 2;
    takeModifiers();
    // `went on to discuss`
  } else if (to && governor && to.norm === 'to' && governor.norm === 'on' && tokens[first - 3]?.lemma === 'go') {
    first -= 3;
    takeModifiers();
  }
  let last = head;
  const particles = ctx.lexicon.particles.get(lemma);
  const next = tokens[head + 1];
  if (next && particles && particles.has(next.norm) && ctx.sentenceOf[head + 1] === sentence) last = head + 1;
  // a colon that introduces the content belongs to the cue (`said:`)
  if (tokens[last + 1]?.text === ':' && ctx.sentenceOf[last + 1] === sentence) last++;
  void lexicon;
  return { kind: 'verb', head, first, last, lemma, types };
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
