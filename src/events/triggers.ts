import { WEEKDAYS_AND_MONTHS } from '../doc/calendar.js';
import type { Token } from '../doc/types.js';
import { type PhraseEntry, type Sense, type TriggerLexicon, weaponCode } from './lexicon.js';
import { type Clauses, type NounPhrase, hyphenJoined, lemmaOf } from './syntax.js';

/**
 * Trigger mentions in a sentence: phrases first (longest match), then verbs (with
 * the verb+object table and weapon verbs), then nouns. Every lookup is by lemma.
 */

export interface Mention {
  kind: 'verb' | 'noun';
  /** Token range of the trigger [first, last). */
  first: number;
  last: number;
  /** The token the trigger's syntax hangs on: the verb, or the head noun. */
  head: number;
  sense: Sense;
  /** Lemma key for argument rules (targetPreps): the verb/noun lemma or the phrase. */
  key: string;
  /** For verb+object events: the object phrase that completes the trigger. */
  object: NounPhrase | null;
  /** The subject is a weapon ("a drone struck …"): the perpetrator is unknown. */
  weaponSubject: boolean;
  /** An ultimatum's time limit ("gave X 48 hours / until Friday to …"): the first object is the recipient. */
  timeLimit: boolean;
  /** A reported obligation ("said X must …"): the reporting verb and the obliged phrase's head. */
  obligation: { reporter: number; obliged: number } | null;
  /** Coded by a verb dictionary: its roles and reciprocal code decide, not the built-in rules. */
  dictionary: { source: NounPhrase | null; target: NounPhrase | null; reciprocal: string | null; compound?: boolean } | null;
}

/**
 * Every Mention is made here, with every field set and in one order (the optional parts
 * are filled in afterwards): one hidden class for all of them, so the code that reads
 * mentions stays monomorphic and is not deoptimised by a rare kind met late.
 */
export function makeMention(kind: Mention['kind'], first: number, last: number, head: number, sense: Sense, key: string): Mention {
  return { kind, first, last, head, sense, key, object: null, weaponSubject: false, timeLimit: false, obligation: null, dictionary: null };
}

function matches(t: Token, lemma: string): boolean {
  return lemmaOf(t) === lemma || t.norm === lemma || t.norm.replace(/-/g, '') === lemma;
}

function matchPhrase(tokens: Token[], i: number, last: number, entry: PhraseEntry): number | null {
  const verbal = tokens[i]!.pos === 'VERB';
  let k = i;
  for (let w = 0; w < entry.lemmas.length; w++) {
    const lemma = entry.lemmas[w]!;
    let gap = 0;
    while (k < last && !matches(tokens[k]!, lemma)) {
      const t = tokens[k]!;
      // Hyphens never break a phrase ("drone-strike"); a verbal phrase lets a short object in ("took them hostage").
      const skippable = /^[-‐‑]$/.test(t.text) || (w > 0 && verbal && gap < 3 && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ'));
      if (w === 0 || !skippable) return null;
      gap++;
      k++;
    }
    if (k >= last) return null;
    k++;
  }
  return k;
}

/** A participle used as an adjective ("a targeted strike", "Iranian-backed militias") is not a verb trigger. */
function adjectival(tokens: Token[], i: number, first: number): boolean {
  if (hyphenJoined(tokens, i)) return true;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && i - 1 >= first && (prev.pos === 'DET' || prev.pos === 'ADJ') && next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) return true;
  // A bare "verb" right after a lexical verb is its object, mistagged: "assign blame", "drew fire".
  if (prev && i - 1 >= first && prev.pos === 'VERB' && !BARE_INFINITIVE_TAKERS.has(lemmaOf(prev)) && !/ing$/.test(tokens[i]!.norm) && !/ing$/.test(prev.norm)) return true;
  return false;
}

/** Verbs followed by a bare infinitive ("helped craft", "let them go"). */
const BARE_INFINITIVE_TAKERS = new Set(['help', 'make', 'let', 'see', 'watch', 'hear', 'have', 'go', 'come', 'dare', 'bid']);

const NOUN_POS = new Set(['NOUN', 'PROPN']);
/** Heads that leave the event to their modifier: "a mediation effort" is a mediation. */
const GENERIC_HEADS = new Set(['effort', 'process', 'mission', 'campaign', 'operation', 'bid', 'initiative', 'drive', 'spree',
  'wave', 'plan', 'programme', 'program', 'activity', 'action', 'attempt', 'exercise']);

export function findMentions(clauses: Clauses, lex: TriggerLexicon, first: number, last: number): Mention[] {
  const tokens = clauses.tokens;
  const out: Mention[] = [];
  // Tokens of [first, last) already inside a trigger or its object.
  const used = new Uint8Array(last - first);
  for (let i = first; i < last; i++) {
    if (used[i - first]) continue;
    const t = tokens[i]!;
    const lemma = lemmaOf(t);
    // 1. Phrases (rocket attack, hunger strike, open fire, call on …).
    const entries = lex.phrases.get(lemma) ?? lex.phrases.get(t.norm);
    if (entries) {
      const phrase = phraseMentionAt(tokens, entries, i, first, last);
      if (phrase) {
        out.push(phrase);
        markUsed(used, first, last, phrase.first, phrase.last);
        continue;
      }
    }
    // 2. Verbs.
    if (t.pos === 'VERB' && !adjectival(tokens, i, first)) {
      const verb = verbMentionAt(clauses, lex, i, lemma, used, first, last);
      if (verb) out.push(verb);
      continue;
    }
    // 3. Nouns.
    const noun = nounMentionAt(clauses, lex, i, lemma, first, last);
    if (noun) out.push(noun);
  }
  return out;
}

/**
 * The stages of findMentions are functions of their own (not one loop body) so that
 * V8 optimises and, when a rare rule first fires, re-optimises each alone.
 */

/** Marks tokens [a, b) of the sentence [first, last) as taken by a trigger. */
function markUsed(used: Uint8Array, first: number, last: number, a: number, b: number): void {
  for (let k = a; k < b; k++) if (k >= first && k < last) used[k - first] = 1;
}

/** The first of the phrase entries starting at token i that matches there and fits as a trigger. */
function phraseMentionAt(tokens: Token[], entries: PhraseEntry[], i: number, first: number, last: number): Mention | null {
  const t = tokens[i]!;
  for (const entry of entries) {
    const end = matchPhrase(tokens, i, last, entry);
    if (end === null) continue;
    const verbal = t.pos === 'VERB' || (t.pos === 'AUX' && entry.lemmas.length > 1);
    if (verbal && adjectival(tokens, i, first)) continue;
    const nominalStart = !verbal && (NOUN_POS.has(t.pos) || t.pos === 'ADJ');
    if (!verbal && !nominalStart) continue;
    // A noun phrase ends in a noun: "a drone struck" is not "drone strike".
    if (!verbal && !NOUN_POS.has(tokens[end - 1]!.pos)) continue;
    let head = verbal ? i : end - 1;
    while (head > i && !NOUN_POS.has(tokens[head]!.pos)) head--;
    return makeMention(verbal ? 'verb' : 'noun', i, end, head, entry.sense, entry.lemmas.join(' '));
  }
  return null;
}

/** Event types whose noun as a verb's subject is an event, not a perpetrator ("Explosion kills 12"). */
const EVENT_SUBJECT_TYPES: ReadonlySet<string> = new Set(['ASSAULT', 'FIGHT']);

/** The trigger of the verb at token v (not adjectival), if any; marks the objects it takes in `used`. */
function verbMentionAt(clauses: Clauses, lex: TriggerLexicon, v: number, lemma: string, used: Uint8Array, first: number, last: number): Mention | null {
  const tokens = clauses.tokens;
  // 2a. A time limit given for a demand: "gave the group 48 hours to release the soldiers".
  if (TIME_LIMIT_VERBS.has(lemma)) {
    const limit = timeLimitObject(clauses, v);
    if (limit) {
      const m = makeMention('verb', v, v + 1, v, { type: 'THREATEN', cameo: '139' }, lemma);
      m.object = limit;
      m.timeLimit = true;
      markUsed(used, first, last, v, v + 1);
      markUsed(used, first, last, limit.first, limit.last);
      return m;
    }
  }
  // 2a. Verb + object that together name an event (impose a curfew, gave … a 12-month window).
  const table = lex.verbObject.get(lemma);
  if (table) {
    const found = objectNoun(clauses, v, table);
    if (found) {
      let m: Mention | null = null;
      if (found.sense) {
        // "made this ultimatum", "imposed a curfew": the trigger runs to the noun when nothing else lies between.
        let between = false;
        for (let k = v + 1; k < found.np.first; k++) if (clauses.phraseAt(k)) between = true;
        const end = !between && found.token - v <= 4 ? found.token + 1 : v + 1;
        m = makeMention('verb', v, end, v, found.sense, lemma);
        m.object = found.np;
        markUsed(used, first, last, v + 1, found.np.last);
      }
      markUsed(used, first, last, v, v + 1);
      return m;
    }
  }
  // 2b. Weapon verbs: launched rockets, fired a missile.
  if (lex.weaponVerbs.has(lemma)) {
    const found = weaponObject(clauses, lex, v);
    if (found) {
      const m = makeMention('verb', v, v + 1, v, { type: 'ASSAULT', cameo: found.cameo }, lemma);
      m.object = found.np;
      markUsed(used, first, last, found.np.head, found.np.head + 1);
      return m;
    }
  }
  // 2b'. A weapon verb in the passive with a weapon as subject: "14 rockets were fired into
  // the town", "a missile was launched at the base". The weapon's owner, if any, acts.
  if (lex.weaponVerbs.has(lemma) && tokens[v - 1]?.pos === 'AUX' && lemmaOf(tokens[v - 1]!) === 'be') {
    const subj = clauses.subjectOf(v);
    const weapon = subj ? weaponCode(lex.weapons, tokens, subj.first, subj.head) : undefined;
    if (subj && weapon) {
      const m = makeMention('verb', v, v + 1, v, { type: 'ASSAULT', cameo: weapon }, lemma);
      m.weaponSubject = true;
      return m;
    }
  }
  // 2c. Impact verbs with a weapon as subject: "a drone struck the depot".
  if (lex.impactVerbs.has(lemma)) {
    const subj = clauses.subjectOf(v);
    // "Explosion kills 12", "the blast wounded five": an event as subject is not a perpetrator either.
    const eventSubject = subj && EVENT_SUBJECT_TYPES.has(lex.nouns.get(lemmaOf(tokens[subj.head]!))?.type ?? '');
    const weapon = subj ? weaponCode(lex.weapons, tokens, subj.first, subj.head) : undefined;
    if (subj && eventSubject && !weapon) {
      const sense = lex.verbs.get(lemma) ?? { type: 'ASSAULT', cameo: '180' };
      const m = makeMention('verb', v, v + 1, v, { type: 'ASSAULT', cameo: sense.cameo }, lemma);
      m.weaponSubject = true;
      return m;
    }
    if (subj && weapon) {
      // The weapon decides the code: a drone's strike is an aerial attack (195).
      const m = makeMention('verb', v, v + 1, v, { type: 'ASSAULT', cameo: weapon }, lemma);
      m.weaponSubject = true;
      return m;
    }
  }
  const sense = lex.verbs.get(lemma);
  if (!sense) return null;
  // "demonstrated their resolve" is not a demonstration.
  if (lex.intransitive.has(lemma)) {
    const obj = clauses.objectOf(v, [], { limit: 3 });
    if (obj && obj.prep === null && !clauses.isTime(obj.np)) return null;
  }
  // "fires burned through the night" is no attack: these need an object (or the passive).
  if (lex.transitive.has(lemma)) {
    const obj = clauses.objectOf(v, [], { limit: 5 });
    const passive = tokens[v - 1]?.pos === 'AUX' && /(ed|en|t)$/.test(tokens[v]!.norm);
    if (!passive && !(obj && obj.prep === null)) return null;
  }
  return makeMention('verb', v, v + 1, v, sense, lemma);
}

/** The trigger of the noun at token i: the head of its phrase, or followed by a preposition ("attacks on …"). */
function nounMentionAt(clauses: Clauses, lex: TriggerLexicon, i: number, lemma: string, first: number, last: number): Mention | null {
  const tokens = clauses.tokens;
  const t = tokens[i]!;
  // wink tags some event nouns as adjectives or verbs after a determiner ("its offensive", "the attack").
  const prev = i > 0 ? tokens[i - 1]! : undefined;
  const next = i + 1 < tokens.length ? tokens[i + 1]! : undefined;
  const afterDet = prev && (prev.pos === 'DET' || prev.pos === 'PRON' && /^(its|their|his|her|our)$/.test(prev.norm));
  const nounLike = (t.pos === 'VERB' || t.pos === 'ADJ') && afterDet && !(next && NOUN_POS.has(next.pos));
  if (!NOUN_POS.has(t.pos) && !nounLike) return null;
  let sense = lex.nouns.get(lemma) ?? lex.nouns.get(t.norm);
  if (!sense) return null;
  // A strike among workers, unions and wages is a labour strike.
  if (lemma === 'strike' && laborContext(tokens, i, first, last, lex)) sense = { type: 'PROTEST', cameo: '143' };
  const np = clauses.phraseAt(i);
  if (np && np.head !== i && !(np.possessor && i < np.possessor[1])) {
    // A modifier ("aid workers", "protest movement") is not the event, unless what it
    // modifies is a generic word for an undertaking ("mediation effort", "bombing campaign").
    if (next && NOUN_POS.has(next.pos) && !GENERIC_HEADS.has(lemmaOf(tokens[np.head]!))) return null;
  }
  if (np && np.possessor && i < np.possessor[1]) return null;
  return makeMention('noun', i, i + 1, i, sense, lemma);
}

/** The weapon a weapon verb acts with: its object, when that names a weapon. */
function weaponObject(clauses: Clauses, lex: TriggerLexicon, v: number): { np: NounPhrase; cameo: string } | null {
  const tokens = clauses.tokens;
  const obj = clauses.objectOf(v, [], { limit: 6 });
  if (obj) {
    const cameo = weaponCode(lex.weapons, tokens, obj.np.first, obj.np.head);
    return cameo ? { np: obj.np, cameo } : null;
  }
  // wink-nlp tags the first word of some two-word weapons a verb ("fired tear/VERB gas"),
  // which hides the object: the phrase right after that word, if the two are a weapon.
  const np = clauses.phraseAt(v + 2);
  if (!np || np.first !== v + 2 || np.head !== v + 2) return null;
  const cameo = lex.weapons.get(`${lemmaOf(tokens[v + 1]!)} ${lemmaOf(tokens[v + 2]!)}`);
  return cameo ? { np, cameo } : null;
}

/** Whether "strike" at `strike` is a labour strike: no weapon or military in the sentence, and a labour cue near it. */
function laborContext(tokens: Token[], strike: number, first: number, last: number, lex: TriggerLexicon): boolean {
  // A strike "on" or "against" something is aimed at it: an attack ("on Monday" is a date).
  const after = tokens[strike + 1]?.norm;
  if (after === 'against' || (after === 'on' && !WEEKDAYS_AND_MONTHS.has(tokens[strike + 2]?.norm ?? ''))) return false;
  for (let k = first; k < last; k++) {
    const l = lemmaOf(tokens[k]!);
    if (lex.weapons.has(l) || l === 'military' || l === 'air' || l === 'army') return false;
  }
  // Who strikes and over what stand close to the word ("teachers began a strike over
  // pay"); a worker named elsewhere in the sentence ("the strike killed two workers")
  // says nothing of its sense, nor does "the work of" (authorship).
  for (let k = Math.max(first, strike - LABOR_WINDOW); k < Math.min(last, strike + LABOR_WINDOW + 1); k++) {
    const l = lemmaOf(tokens[k]!);
    if (l === 'work' && tokens[k + 1]?.norm === 'of') continue;
    if (lex.laborCues.has(l)) return true;
  }
  return false;
}

/** Tokens either side of "strike" where a labour cue decides its sense. */
const LABOR_WINDOW = 5;

const TIME_LIMIT_VERBS: ReadonlySet<string> = new Set(['give', 'grant', 'allow']);
const TIME_UNIT = /^(hour|day|week|month|year)s?$/;
const NUMBER_WORD = /^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|ninety|hundred|several|few)$/;

/**
 * "gave the group 48 hours to release two soldiers", "allowed them a week to leave", "gave
 * the government until the end of the year to secure …": a span of time or a date, after
 * the recipient, to do something — an ultimatum (CAMEO 139). The time phrase is returned
 * as the verb's object, so the recipient before it is the target.
 */
function timeLimitObject(clauses: Clauses, v: number): NounPhrase | null {
  const tokens = clauses.tokens;
  const [, last] = clauses.sentenceBounds(v);
  for (let k = v + 1; k + 3 < last && k <= v + 10; k++) {
    const t = tokens[k]!;
    // "until the end of the year to secure …", "until Friday to leave": a limit by date.
    if (t.norm === 'until') {
      for (let j = k + 1; j + 1 < last && j <= k + 7; j++) {
        if (tokens[j]!.norm === 'to' && tokens[j + 1]!.pos === 'VERB') {
          const np = clauses.phraseAt(k + 1);
          return np && np.first === k + 1 ? np : null;
        }
        if (tokens[j]!.pos === 'VERB' || tokens[j]!.text === ',') return null;
      }
      return null;
    }
    if (k > v + 6 || !(t.pos === 'NUM' || NUMBER_WORD.test(t.norm)) || !TIME_UNIT.test(tokens[k + 1]!.norm)) continue;
    if (tokens[k + 2]!.norm !== 'to' || tokens[k + 3]!.pos !== 'VERB') return null;
    const np = clauses.phraseAt(k + 1);
    return np && np.last === k + 2 ? np : null;
  }
  return null;
}

/** For a verb with a verb+object table: the first or second object phrase whose noun is in the table. */
function objectNoun(clauses: Clauses, v: number, table: Map<string, Sense | null>): { np: NounPhrase; token: number; sense: Sense | null } | null {
  const tokens = clauses.tokens;
  const [, last] = clauses.sentenceBounds(v);
  let seen = 0;
  for (let i = v + 1; i < Math.min(last, v + 10) && seen < 2; i++) {
    const t = tokens[i]!;
    const np = clauses.phraseAt(i);
    if (np && np.first === i) {
      seen++;
      for (let k = np.first; k < np.last; k++) {
        const lem = lemmaOf(tokens[k]!);
        if (table.has(lem)) return { np, token: k, sense: table.get(lem)! };
        if (table.has(tokens[k]!.norm)) return { np, token: k, sense: table.get(tokens[k]!.norm)! };
      }
      // "lifted a state of emergency", "5.1 million dollars of aid": look into the "of" phrase too.
      if (tokens[np.last]?.norm === 'of') {
        seen--;
        i = np.last;
        continue;
      }
      i = np.last - 1;
      continue;
    }
    if (t.pos === 'ADV' || t.pos === 'PART' || (t.pos === 'ADP' && ['up', 'out', 'off', 'down', 'back'].includes(t.norm))) continue;
    // "suspended part of a military aid program": through a leading quantity's "of".
    if (t.norm === 'of' && seen === 0) continue;
    if (t.pos === 'PUNCT' && /^[-‐‑“”"]$/.test(t.text)) continue;
    break;
  }
  return null;
}
