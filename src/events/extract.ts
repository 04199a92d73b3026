import { attributionWithCueAt, makeSpan, sentenceIndexAt, tokenIndexAt } from '../doc/doc.js';
import type { ActorRef, Doc, Entity, Event, Modality, Span, Token } from '../doc/types.js';
import { ActorIndex, actorNouns, latestNamedMention, namesNobody, phraseNamesNobody } from './actors.js';
import { combine, governorOf } from './compose.js';
import { findDeadlines } from './deadline.js';
import { findIncidents } from './incidents.js';
import { type ModalityLexicon, type Sense, type TriggerLexicon, loadModalityLexicon, loadTriggerLexicon } from './lexicon.js';
import { conditionClauses, modalityOf } from './modality.js';
import { Clauses, type NounPhrase, lemmaOf } from './syntax.js';
import { findTimes } from './time.js';
import { type Mention, findMentions, makeMention } from './triggers.js';
import { COOPERATIVE, ploverTypeOf } from './cameo.js';
import type { DictionaryCoder } from './verbdict/coder.js';

/**
 * The events of a document (docs/events.md): trigger mentions, combined with the
 * verbs that govern them, with their actors, place, time, modality, condition and
 * deadline.
 */

interface Draft {
  sentence: number;
  /** Trigger token range. */
  first: number;
  last: number;
  kind: 'verb' | 'noun';
  sense: Sense;
  key: string;
  /** Lemma key of the innermost trigger, for its argument rules. */
  innerKey: string;
  /** Type of the innermost trigger before any governor changed it. */
  innerType: string;
  /** Whether the innermost trigger is a verb or a noun: its target is found accordingly. */
  innerKind: 'verb' | 'noun';
  /** Verb whose subject is the source (null: none, or the noun's own modifiers). */
  sourceVerb: number | null;
  /** The innermost trigger token, whose object or prepositional phrase is the target. */
  targetHead: number;
  auxHead: number;
  hint: Modality | null;
  weaponSubject: boolean;
  timeLimit: boolean;
  object: NounPhrase | null;
  addressee: number | null;
  sourceFromAddressee: boolean;
  governed: boolean;
  /** A refused request or offer: whoever made it is the target ("dismissed an appeal from X"). */
  targetFromInnerSource: boolean;
  /** The prepositional phrase after the trigger belongs to a governing verb ("blamed the attacks on X"). */
  noPpTarget: boolean;
  /** Roles fixed by a verb dictionary pattern. */
  dictionary: Mention['dictionary'] | null;
  source: ActorRef[];
  target: ActorRef[];
}

export interface ExtractOptions {
  /** PETRARCH/TABARI verb dictionaries: their codes take precedence for the verbs they know. */
  dictionary?: DictionaryCoder | null;
  /** Code with the dictionary alone, without the built-in trigger lexicon (PETRARCH's behaviour). */
  dictionaryOnly?: boolean;
}

const OBJECT_NOT_TARGET = new Set(['withdraw', 'pull out', 'pull back', 'deploy', 'mobilize', 'mobilise', 'mass', 'retreat', 'evacuate', 'send', 'launch', 'fire']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'into', 'around', 'throughout', 'along', 'off', 'within']);
/** What can be refused: requests and offers ("dismissed an appeal", "rejected the offer"), not accusations. */
const REFUSABLE = new Set(['DEMAND', 'AGREE', 'SUPPORT', 'CONSULT', 'AID', 'COOPERATE', 'CONCEDE', 'RETREAT']);
const PLACE_RECIPIENT = new Set(['COERCE', 'SANCTION', 'PROTEST', 'RETREAT', 'MOBILIZE']);
const THAT_TARGET = new Set(['DEMAND', 'THREATEN', 'DISAPPROVE', 'REJECT']);
const COMMITMENTS = new Set(['AGREE', 'DEMAND', 'THREATEN', 'CONCEDE', 'RETREAT', 'SANCTION', 'REJECT']);

export function extractEvents(doc: Doc, options: ExtractOptions = {}): Event[] {
  if (doc.tokens.length === 0) return [];
  const lex = loadTriggerLexicon();
  const mod = loadModalityLexicon();
  const clauses = Clauses.of(doc);
  const actors = new ActorIndex(doc, clauses, lex.weapons);
  const drafts: Draft[] = [];
  for (const [index, s] of doc.sentences.entries()) {
    let mentions = findMentions(clauses, lex, s.firstToken, s.lastToken);
    if (options.dictionary) mentions = options.dictionary.recode(doc, clauses, actors, index, mentions, options.dictionaryOnly === true);
    drafts.push(...composeSentence(clauses, obligations(clauses, mentions, s.firstToken, s.lastToken, mod), index, mod));
  }
  for (const d of drafts) findArguments(clauses, actors, lex, d);
  splitCompounds(drafts, lex.reciprocal);
  const dyadsOnly = options.dictionaryOnly === true;
  const kept = drafts.filter((d) => keep(clauses, lex, d, dyadsOnly));
  kept.sort((a, b) => a.first - b.first);

  const events: Event[] = [];
  const bySentence = new Map<number, Event[]>();
  const conditionCache = new Map<number, ReturnType<typeof conditionClauses>>();
  for (const d of kept) {
    let conditions = conditionCache.get(d.sentence);
    if (!conditions) {
      conditions = conditionClauses(clauses, d.sentence, mod);
      conditionCache.set(d.sentence, conditions);
    }
    const m = modalityOf(doc, clauses, { first: d.first, last: d.last, kind: d.kind, auxHead: d.auxHead, hint: d.hint }, mod, conditions);
    const sense = d.dictionary ? d.sense : futureSense(d, m);
    const event: Event = {
      id: `v${events.length + 1}`,
      type: sense.type,
      cameo: sense.cameo,
      trigger: makeSpan(doc.text, doc.tokens[d.first]!.start, doc.tokens[d.last - 1]!.end),
      source: d.source.length > 0 && !subjectFromOtherReport(doc, d) ? d.source : speakerOfOwnCue(doc, d),
      target: d.target,
      place: placesOf(clauses, actors, d, kept),
      time: null,
      modality: m.modality,
      attribution: m.attribution,
      condition: m.condition,
      deadline: null,
    };
    events.push(event);
    const list = bySentence.get(d.sentence) ?? [];
    list.push(event);
    bySentence.set(d.sentence, list);
  }
  attachTimesAndDeadlines(doc, bySentence, events);
  // Mentions of one incident ("the rocket attacks", "the attacks") share its id.
  for (const inc of findIncidents({ ...doc, events })) for (const m of inc.mentions) m.incident = inc.id;
  return events;
}

const OBLIGATION = new Set(['must', 'should', 'ought']);

/**
 * "The envoy said it was too early to determine which side fired first and urged both
 * governments to …": a subject found inside the content of an earlier report, when the
 * trigger stands outside that content, belongs to the reported clause, not to the trigger.
 */
function subjectFromOtherReport(doc: Doc, d: Draft): boolean {
  const trigger = doc.tokens[d.first]!.start;
  const subject = d.source[0]!.span;
  return doc.attributions.some((a) => a.content.start <= subject.start && subject.end <= a.content.end && a.content.end <= trigger);
}

/**
 * "Hamas denied that the depot was used by fighters and accused Israel of …": an act of
 * speech whose trigger is an attribution's cue is done by that attribution's source, which
 * the attribution stage finds across clauses the event's own subject search does not.
 */
function speakerOfOwnCue(doc: Doc, d: Draft): ActorRef[] {
  // a weapon's impact ("shells slammed into …") is no act of speech, whatever the verb
  if (d.weaponSubject) return [];
  const start = doc.tokens[d.first]!.start;
  const report = attributionWithCueAt(doc.attributions, start);
  if (!report?.source || namesNobody(report.source.text)) return [];
  // a pronoun source is reported by its entity's latest name before it, as event actors are
  const entity = report.sourceEntity ? doc.entities.find((e) => e.id === report.sourceEntity) : undefined;
  const named = entity ? latestNamedMention(entity, report.source.end) : undefined;
  return [{ span: named ?? report.source, entity: report.sourceEntity }];
}

/**
 * "Russia said that Sudan must return the helicopter": a reported obligation is a
 * demand by the speaker on the obliged (PLOVER DEMAND), whatever the verb. The
 * verb's own event, if it has one, becomes the demand's content.
 */
function obligations(clauses: Clauses, mentions: Mention[], first: number, last: number, mod: ModalityLexicon): Mention[] {
  const tokens = clauses.tokens;
  const out = [...mentions];
  for (let v = first; v < last; v++) {
    const t = tokens[v]!;
    if (t.pos !== 'VERB') continue;
    let k = v - 1;
    while (k >= first && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART' && tokens[k]!.norm !== 'to')) k--;
    let modal = -1;
    if (OBLIGATION.has(tokens[k]?.norm ?? '')) modal = k;
    else if (tokens[k]?.norm === 'to' && ['have', 'need', 'ought'].includes(lemmaOf(tokens[k - 1] ?? t)) && tokens[k - 1]!.pos !== 'PART') modal = k - 1;
    if (modal === -1) continue;
    const subj = clauses.subjectOf(modal + 1 <= v ? v : v);
    if (!subj) continue;
    // The reporting verb before the obliged clause: "said (on Tuesday) (that) X must …".
    const whole = clauses.conjunctsBefore(subj)[0] ?? subj;
    let r = whole.first - 1;
    if (tokens[r]?.norm === 'that') r--;
    while (r >= first) {
      const np = clauses.phraseAt(r);
      if (np && np.last === r + 1 && clauses.isTime(np)) {
        r = np.first - 1;
        if (tokens[r]?.pos === 'ADP') r--;
        continue;
      }
      if (tokens[r]!.pos === 'ADV') {
        r--;
        continue;
      }
      break;
    }
    const reporter = tokens[r];
    if (!reporter || reporter.pos !== 'VERB' || !mod.complementVerbs.has(lemmaOf(reporter)) && !['announce', 'demand', 'insist', 'urge'].includes(lemmaOf(reporter))) continue;
    const inner = out.findIndex((m) => m.head === v);
    const innerSense = inner !== -1 ? out[inner]!.sense : null;
    const sense = { type: 'DEMAND', cameo: innerSense ? combine('request', innerSense, 'demand', 'infinitive')?.cameo ?? '100' : '100' };
    if (inner !== -1) out.splice(inner, 1);
    const demand = makeMention('verb', modal, v + 1, v, sense, 'demand');
    demand.obligation = { reporter: r, obliged: subj.head };
    out.push(demand);
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * PLOVER codes promised cooperation as AGREE and a promised hostile act as THREATEN
 * (manual 2.3, 3.1); "will withdraw … unless …" offers the act as the price of
 * refusal: a threat; "will not accept" refuses: REJECT.
 */
function futureSense(d: Draft, m: { modality: Modality; future: boolean; unless: boolean; negatedChain: boolean }): Sense {
  if (d.kind !== 'verb') return d.sense;
  if (m.negatedChain && m.future && COOPERATIVE.has(d.sense.type)) return combine('refusal', d.sense, '', 'infinitive') ?? d.sense;
  if (m.modality === 'conditional' && m.unless && m.future) {
    return { type: 'THREATEN', cameo: d.sense.type === 'ASSAULT' || d.sense.type === 'FIGHT' ? '138' : '130' };
  }
  if (m.modality === 'negated' && m.future && COOPERATIVE.has(d.sense.type)) return combine('refusal', d.sense, '', 'infinitive') ?? d.sense;
  if ((m.modality === 'intended' || m.modality === 'conditional') && m.future) return combine('intent', d.sense, '', 'infinitive') ?? d.sense;
  return d.sense;
}

/** Applies governors to the sentence's mentions: one event per chain. */
function composeSentence(clauses: Clauses, mentions: Mention[], sentence: number, mod: ModalityLexicon): Draft[] {
  const tokens = clauses.tokens;
  const absorbed = new Set<number>();
  const drafts: Draft[] = [];
  const byHead = new Map(mentions.map((m) => [m.head, m]));
  for (const m of mentions) {
    const d: Draft = {
      sentence, first: m.first, last: m.last, kind: m.kind, sense: m.sense, key: m.key, innerKey: m.key, innerType: m.sense.type, innerKind: m.kind,
      sourceVerb: m.kind === 'verb' ? m.head : null, targetHead: m.head, auxHead: m.head, hint: null,
      weaponSubject: m.weaponSubject, timeLimit: m.timeLimit, object: m.object, addressee: null, sourceFromAddressee: false,
      governed: false, targetFromInnerSource: false, noPpTarget: false, dictionary: m.dictionary, source: [], target: [],
    };
    if (m.obligation) {
      d.sourceVerb = m.obligation.reporter;
      d.auxHead = m.obligation.reporter;
      d.addressee = m.obligation.obliged;
      d.governed = true;
      drafts.push(d);
      continue;
    }
    let current: Mention = m;
    // A dictionary-coded verb keeps the dictionary's code: no combination rules on top.
    for (let depth = 0; depth < 4 && !m.dictionary; depth++) {
      const gov = governorOf(clauses, current, mod);
      if (!gov) break;
      const govToken = tokens[gov.governor]!;
      const govLemma = lemmaOf(govToken);
      d.governed = true;
      // "dismissed an appeal from X", "rejected the offer": denying a request or offer refuses it.
      if (gov.kind === 'deny' && REFUSABLE.has(d.sense.type) && tokens[gov.governor]!.pos === 'VERB' && gov.via !== 'that') {
        const refused = combine('refusal', d.sense, govLemma, gov.via);
        if (refused) {
          d.sense = refused;
          d.kind = 'verb';
          d.first = gov.governor;
          d.last = gov.governor + 1;
          d.key = govLemma;
          d.sourceVerb = gov.governor;
          d.auxHead = gov.governor;
          d.targetFromInnerSource = current.kind === 'noun';
          const govMention = byHead.get(gov.governor);
          if (govMention) absorbed.add(govMention.head);
          break;
        }
      }
      if (gov.kind === 'deny' || gov.kind === 'claim') {
        d.hint = gov.kind === 'deny' ? 'denied' : 'claimed';
        if (gov.via !== 'that') d.sourceVerb = gov.governor;
        break;
      }
      if (gov.kind === 'accuse') {
        // "accused Gondor of shelling the town": the accused did it, by the accuser's account.
        if (gov.via === 'gerund') {
          if (gov.addressee !== null) {
            d.addressee = gov.addressee;
            d.sourceFromAddressee = true;
          }
          d.hint = 'claimed';
        } else {
          // "blamed the attacks on X": the prepositional phrase is the accused, not the attack's target.
          d.noPpTarget = true;
        }
        break;
      }
      const combined = combine(gov.kind, d.sense, govLemma, gov.via);
      if (combined) {
        d.sense = combined;
        if (tokens[gov.governor]!.pos === 'VERB') d.kind = 'verb';
        const govMention = byHead.get(gov.governor);
        if (govMention) absorbed.add(govMention.head);
        // The trigger grows to cover the governor when only verbs, "to" and adverbs lie
        // between ("agree to stop attacking"); else it is the governor alone ("demands").
        let tight = true;
        for (let k = gov.governor + 1; k < d.first; k++) {
          const p = tokens[k]!.pos;
          const inObject = gov.via === 'object' && (p === 'DET' || p === 'ADJ' || p === 'NUM' || p === 'PRON');
          if (p !== 'VERB' && p !== 'PART' && p !== 'ADV' && p !== 'AUX' && !inObject) tight = false;
        }
        if (tight && d.first - gov.governor <= 5) d.first = Math.min(d.first, gov.governor);
        else {
          d.first = gov.governor;
          d.last = gov.governor + 1;
        }
        d.key = govLemma;
        if (gov.kind === 'request' && gov.addressee !== null) d.addressee = gov.addressee;
      } else {
        // A transparent governor ("ordered strikes", "carried out the attack") lends its subject
        // and tense; if it is a trigger itself, the pair is one event.
        const govMention = byHead.get(gov.governor);
        const transparent = gov.kind === 'transparent' || gov.kind === 'attempt' || (gov.kind === 'request' && gov.via === 'object');
        if (govMention && transparent) absorbed.add(govMention.head);
      }
      d.sourceVerb = gov.via === 'that' ? d.sourceVerb : gov.governor;
      if (gov.via === 'that' && gov.kind === 'request') {
        d.sourceVerb = gov.governor;
      }
      d.auxHead = gov.governor;
      if (gov.kind === 'intent' && !combined && (tokens[gov.governor]!.pos === 'ADJ')) d.hint = 'intended';
      current = makeMention('verb', gov.governor, gov.governor + 1, gov.governor, d.sense, govLemma);
    }
    drafts.push(d);
    if (m.dictionary?.reciprocal && !m.dictionary.compound) {
      // "[032:033]": A visits B, and B hosts A.
      const { source, target } = m.dictionary;
      drafts.push({ ...d, sense: { type: ploverTypeOf(m.dictionary.reciprocal) ?? 'OTHER', cameo: m.dictionary.reciprocal }, dictionary: { source: target, target: source, reciprocal: null } });
    }
  }
  return drafts.filter((d) => !absorbed.has(d.targetHead) || d.first !== d.targetHead || d.governed);
}

function isPassive(clauses: Clauses, v: number): boolean {
  const tokens = clauses.tokens;
  const t = tokens[v]!;
  if (!/(ed|en|wn|t)$/.test(t.norm) || t.norm === lemmaOf(t)) return false;
  for (let k = v - 1; k >= v - 3 && k >= 0; k--) {
    const p = tokens[k]!;
    if (p.pos === 'AUX' && (lemmaOf(p) === 'be' || lemmaOf(p) === 'get')) return true;
    if (p.pos !== 'ADV' && p.pos !== 'AUX') break;
  }
  // "one child had been killed and five civilians wounded": a participle right after the
  // second conjunct's noun shares the first conjunct's passive.
  const np = clauses.phraseEndingAt(v - 1);
  if (!np || tokens[np.first - 1]?.pos !== 'CCONJ') return false;
  for (let k = np.first - 2; k >= 0 && k >= np.first - 14; k--) {
    const p = tokens[k]!;
    if (p.sentence !== t.sentence || (p.pos === 'PUNCT' && p.text !== ',')) return false;
    if (p.pos === 'VERB') return k !== v && tokens[k - 1]?.pos === 'AUX' && isPassive(clauses, k);
  }
  return false;
}

/** What violence or coercion can be aimed at besides actors: places and facilities ("struck a fuel depot"). */
const HOSTILE_TARGETS = new Set(['ASSAULT', 'FIGHT', 'COERCE']);

function refsOf(actors: ActorIndex, clauses: Clauses, np: NounPhrase | null, requireActor: boolean, subject = false): ActorRef[] {
  if (!np) return [];
  const out: ActorRef[] = [];
  const parts = subject ? [...clauses.conjunctsBefore(np), ...clauses.conjuncts(np)] : clauses.conjuncts(np);
  for (const part of parts) {
    // "No group has claimed …": a negative quantifier names nobody; "which side fired first" asks who.
    if (phraseNamesNobody(clauses.tokens, part.first)) continue;
    const phrase = clauses.resolveQuantity(part);
    if (actors.isWeapon(phrase)) {
      // "Israeli tanks shelled …": the weapon is not the actor, its owner is.
      const owner = ownerOf(clauses, actors, phrase, phrase.head);
      for (const ref of owner) if (!out.some((r) => r.span.start === ref.span.start)) out.push(ref);
      continue;
    }
    if (requireActor && !actors.isActorLike(phrase)) continue;
    const ref = actors.actorRef(phrase, subject);
    // "a car bomb exploded in the capital, Velm, on Sunday, killing 11": a town does not act
    // (a capital standing for its state has the state's code and does)
    const entity = requireActor && ref?.entity ? clauses.doc.entities.find((e) => e.id === ref.entity) : undefined;
    if (entity && isPlaceBelowCountry(entity)) continue;
    if (ref && !out.some((r) => r.span.start === ref.span.start)) out.push(ref);
  }
  return out;
}

function findArguments(clauses: Clauses, actors: ActorIndex, lex: TriggerLexicon, d: Draft): void {
  const tokens = clauses.tokens;
  const preps = lex.targetPreps.get(d.innerKey) ?? lex.targetPreps.get(lemmaOf(tokens[d.targetHead]!)) ?? [];
  if (d.dictionary) {
    d.source = refsOf(actors, clauses, d.dictionary.source, true, true);
    d.target = refsOf(actors, clauses, d.dictionary.target, false, d.dictionary.compound === true);
    return;
  }
  // Source.
  if (d.sourceFromAddressee && d.addressee !== null) {
    d.source = refsOf(actors, clauses, clauses.phraseAt(d.addressee), true);
  } else if (d.weaponSubject && d.sourceVerb !== null) {
    // "its aircraft struck", "Israeli tanks shelled": the weapon's owner acts, not the weapon.
    const weapon = clauses.subjectOf(d.sourceVerb);
    if (weapon) d.source = ownerOf(clauses, actors, weapon, weapon.head);
    // "a missile was launched at the base by militants": the passive's agent fires it
    if (d.source.length === 0 && isPassive(clauses, d.sourceVerb)) {
      const by = clauses.objectOf(d.sourceVerb, ['by'], { direct: false });
      d.source = refsOf(actors, clauses, by?.np ?? null, true);
    }
    // "a missile fired by Houthi rebels struck a tanker": the agent of the weapon's participle
    if (d.source.length === 0 && weapon) d.source = firerOf(clauses, actors, lex, weapon);
  } else if (!d.weaponSubject && d.sourceVerb !== null) {
    if (isPassive(clauses, d.sourceVerb)) {
      const by = clauses.objectOf(d.sourceVerb, ['by'], { direct: false });
      d.source = refsOf(actors, clauses, by?.np ?? null, true);
      const subj = clauses.subjectOf(d.sourceVerb);
      d.target = refsOf(actors, clauses, subj, false);
    } else {
      const subj = clauses.subjectOf(d.sourceVerb);
      // "Recent US Predator attacks have killed …": an event as subject lends its own source.
      if (subj && lex.nouns.has(lemmaOf(tokens[subj.head]!))) d.source = ownerOf(clauses, actors, subj, subj.head);
      else d.source = refsOf(actors, clauses, subj, true, true);
    }
  }
  if (d.source.length === 0 && d.kind === 'noun' && !d.weaponSubject) d.source = nounSource(clauses, actors, d);
  if (d.kind === 'noun' && d.target.length === 0 && HOSTILE_TARGETS.has(d.sense.type)) d.target = impactTarget(clauses, actors, lex, d);
  if (d.targetFromInnerSource) {
    const inner = clauses.phraseAt(d.targetHead);
    if (inner) d.target = ownerOf(clauses, actors, inner, d.targetHead);
    if (inner && d.target.length === 0) d.target = ppTarget(clauses, actors, inner, ['from', 'by', 'of'], true);
  }
  // Target.
  if (d.target.length === 0) {
    if (d.addressee !== null && !d.sourceFromAddressee) {
      d.target = refsOf(actors, clauses, clauses.phraseAt(d.addressee), false, true);
    } else if (d.object) {
      // Verb + object events: "gave Kadhimi a 12-month window" (first object), "imposed sanctions on the Taliban" (PP).
      const first = clauses.objectOf(d.targetHead, [], { limit: 8 });
      // (An ultimatum's recipient may carry a tail: "gave the government of X until …".)
      const recipient = first && first.np.first < d.object.first && (first.np.last === d.object.first || d.timeLimit) && actors.isActorLike(first.np);
      if (recipient) d.target = refsOf(actors, clauses, first!.np, false);
      else d.target = thingTarget(clauses, actors, d.object, ['on', 'against', 'in', 'to', 'with', 'for', 'from', 'at', 'into']);
      // "launched drones at an oil facility": what a weapon is aimed at, actor or place.
      if (d.target.length === 0 && actors.isWeapon(d.object)) {
        const pp = clauses.objectOf(d.targetHead, ['at', 'on', 'against', 'toward', 'towards', 'into'], { direct: false, limit: 12 });
        if (pp) d.target = refsOf(actors, clauses, pp.np, false);
      }
    } else if (d.innerKind === 'verb') {
      const direct = !OBJECT_NOT_TARGET.has(d.innerKey) && !isPassive(clauses, d.targetHead);
      const obj = clauses.objectOf(d.targetHead, [...preps, 'against', 'on'], { direct });
      if (obj) {
        const head = tokens[obj.np.head]!;
        if (obj.prep === null && lex.abstractObjects.has(lemmaOf(head)) && (d.sense.type === 'ASSAULT' || d.sense.type === 'FIGHT')) {
          // "attacked the government's policy" is criticism.
          d.sense = { type: 'DISAPPROVE', cameo: '111' };
        }
        if (!clauses.isTime(obj.np)) {
          const placeLike = HOSTILE_TARGETS.has(d.sense.type) && actorNouns().place.has(lemmaOf(head));
          if ((actors.isActorLike(obj.np) && actors.headIsActor(obj.np)) || placeLike) d.target = refsOf(actors, clauses, obj.np, false);
          // A thing acted on: whose it is ("rejected an Indian proposal"), or to/with whom.
          else d.target = thingTarget(clauses, actors, obj.np, preps);
        }
      }
      if (d.target.length === 0 && preps.length > 0) {
        const pp = clauses.objectOf(d.targetHead, preps, { direct: false, limit: 20 });
        if (pp) d.target = refsOf(actors, clauses, pp.np, false);
      }

      if (d.target.length === 0 && THAT_TARGET.has(d.sense.type)) {
        // "demanded that the US cancel …": the subject of the demanded clause.
        let k = d.targetHead + 1;
        while (tokens[k]?.pos === 'ADV') k++;
        if (tokens[k]?.norm === 'that') {
          const np = clauses.phraseAt(k + 1);
          if (np && np.first === k + 1 && !np.relative) d.target = refsOf(actors, clauses, np, false);
        }
      }
    } else if (!d.noPpTarget) {
      const np = clauses.phraseAt(d.targetHead);
      // "of" introduces what a noun event is about as often as whom: only an actor counts.
      if (np) d.target = ppTarget(clauses, actors, np, preps.length > 0 ? preps : ['on', 'against'], tokens[np.last]?.norm === 'of');
      // "a suspension of air links with Serbia": past an "of" phrase.
      if (np && d.target.length === 0 && tokens[np.last]?.norm === 'of') {
        const next = clauses.phraseAt(np.last + 1);
        if (next && next.first === np.last + 1) d.target = ppTarget(clauses, actors, next, ['with', 'to', 'against', 'on', 'between'], true);
      }
      if (np && d.target.length === 0 && THAT_TARGET.has(d.sense.type)) {
        // "its demand today that Israel ease restrictions"
        let k = np.last;
        const t = clauses.phraseAt(k);
        if (t && t.first === k && clauses.isTime(t)) k = t.last;
        if (tokens[k]?.norm === 'that') {
          const subj = clauses.phraseAt(k + 1);
          if (subj && subj.first === k + 1 && !subj.relative) d.target = refsOf(actors, clauses, subj, false);
        }
      }
    }
  }
  // Protests aim at whom they demand something of: "a hunger strike to demand the resignation of X".
  if (d.target.length === 0 && d.innerType === 'PROTEST') d.target = purposeTarget(clauses, actors, d);
  // Coercion, sanctions, protest and violence "in Cizre", "from Iraq": the place is the recipient when no one else is.
  if (d.target.length === 0 && PLACE_RECIPIENT.has(d.innerType)) d.target = placeRecipient(clauses, actors, d);
  // An actor is not its own target.
  d.target = d.target.filter((r) => !d.source.some((s) => s.span.start === r.span.start || (r.entity !== null && r.entity === s.entity)));
  // Phrases that are the trigger itself are not arguments.
  const trig: [number, number] = [tokens[d.first]!.start, tokens[d.last - 1]!.end];
  d.source = d.source.filter((r) => r.span.end <= trig[0] || r.span.start >= trig[1] || r.span.end - r.span.start > trig[1] - trig[0]);
  d.target = d.target.filter((r) => r.span.end <= trig[0] || r.span.start >= trig[1]);
}

/**
 * The actor behind a thing that is acted on: its possessor or proper premodifier
 * ("an Indian proposal", "Haiti's efforts"), the "by" or "of" phrase after it ("calls
 * by Belarus's rulers", "the removal of the president"), or the phrase it goes to or
 * with ("food aid to refugees", "shared evidence with the U.S.").
 */
function thingTarget(clauses: Clauses, actors: ActorIndex, np: NounPhrase, preps: readonly string[]): ActorRef[] {
  const tokens = clauses.tokens;
  // "its troops", "their first meeting": a possessive pronoun points back at the actor itself.
  const pronounOwner = np.possessor !== null && tokens[np.possessor[0]]!.pos === 'PRON';
  const owner = pronounOwner ? [] : ownerOf(clauses, actors, np, np.head);
  if (owner.length > 0) return owner;
  const after = ppTarget(clauses, actors, np, ['by', 'of', ...preps, 'to', 'with', 'from', 'for', 'on', 'against', 'into', 'between'], true);
  if (after.length > 0) return after;
  // "crimes committed by Croat forces": the agent of a participle after the thing.
  const part = tokens[np.last];
  if (part && part.pos === 'VERB' && /ed$|en$/.test(part.norm) && tokens[np.last + 1]?.norm === 'by') {
    const agent = clauses.phraseAt(np.last + 2);
    if (agent && agent.first === np.last + 2 && actors.isActorLike(agent)) return refsOf(actors, clauses, agent, true);
  }
  // "granted political asylum to 18 Rwandan rebels": a further phrase after an "of" phrase.
  if (tokens[np.last]?.norm === 'of') {
    const next = clauses.phraseAt(np.last + 1);
    if (next && next.first === np.last + 1) return ppTarget(clauses, actors, next, ['to', 'with', 'from', 'for', 'on', 'against'], true);
  }
  return [];
}

const PURPOSE_VERBS = new Set(['demand', 'press', 'protest', 'call', 'urge', 'seek', 'oppose', 'denounce', 'condemn', 'force', 'pressure']);

/** The actor a protest's purpose clause names: "… to demand the resignation of X", "… in protest of X's refusal". */
function purposeTarget(clauses: Clauses, actors: ActorIndex, d: Draft): ActorRef[] {
  const tokens = clauses.tokens;
  const [, last] = clauses.sentenceBounds(d.targetHead);
  let start = -1;
  for (let k = d.last; k < Math.min(last, d.last + 12); k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' && PURPOSE_VERBS.has(lemmaOf(t)) || (t.norm === 'protest' && tokens[k - 1]?.norm === 'in')) {
      start = k + 1;
      break;
    }
  }
  if (start === -1) return [];
  for (let k = start; k < Math.min(last, start + 14); k++) {
    const t = tokens[k]!;
    if (t.text === ';' || t.text === ',' && k > start + 2) break;
    const np = clauses.phraseAt(k);
    if (!np || np.first !== k) continue;
    const before = tokens[k - 1]!;
    if (['of', 'by', 'from', 'against'].includes(before.norm) || np.possessor) {
      const owner = np.possessor && !actors.headIsActor(np) ? ownerOf(clauses, actors, np, np.head) : [];
      if (owner.length > 0) return owner;
      if (actors.isActorLike(np)) return refsOf(actors, clauses, np, true);
    }
    k = np.last - 1;
  }
  return [];
}

/** The named place right after the trigger's clause ("a curfew in the town of Cizre", "inspectors from Iraq"). */
function placeRecipient(clauses: Clauses, actors: ActorIndex, d: Draft): ActorRef[] {
  const tokens = clauses.tokens;
  const [, last] = clauses.sentenceBounds(d.targetHead);
  for (let k = d.last; k < Math.min(last, d.last + 10); k++) {
    const t = tokens[k]!;
    if ((t.pos === 'PUNCT' && t.text !== '-') || t.pos === 'SCONJ' || t.pos === 'VERB') return [];
    if (t.pos !== 'ADP' || !['in', 'into', 'from', 'on', 'at', 'across', 'throughout'].includes(t.norm)) continue;
    const np = clauses.phraseAt(k + 1);
    if (!np || np.first !== k + 1 || clauses.isTime(np)) continue;
    const span = placeSpan(clauses, actors, np);
    if (span) {
      const e = actors.entityFor(span.start, span.end);
      return [{ span, entity: e?.id ?? null }];
    }
  }
  return [];
}

/** "Drone strike hits fuel depot", "the blast killed five": what the event noun, as subject, hit. */
function impactTarget(clauses: Clauses, actors: ActorIndex, lex: TriggerLexicon, d: Draft): ActorRef[] {
  const tokens = clauses.tokens;
  const np = clauses.phraseAt(d.targetHead);
  if (!np || np.last !== d.last) return [];
  const verb = tokens[np.last];
  if (!verb || verb.pos !== 'VERB' || !lex.impactVerbs.has(lemmaOf(verb))) return [];
  const obj = clauses.objectOf(np.last, [], { limit: 6 });
  if (!obj) return [];
  const head = lemmaOf(tokens[obj.np.head]!);
  return actors.isActorLike(obj.np) || actorNouns().place.has(head) ? refsOf(actors, clauses, obj.np, false) : [];
}

/**
 * A dictionary's `%` makes the conjoined actors act on each other: "Gondor and
 * Osgiliath renewed ties" is Gondor→Osgiliath and Osgiliath→Gondor, one event each. So
 * do the reciprocal phrases of the trigger lexicon ("Karsk and Orvel trade blame").
 */
function splitCompounds(drafts: Draft[], reciprocal: ReadonlySet<string>): void {
  for (let k = drafts.length - 1; k >= 0; k--) {
    const d = drafts[k]!;
    if (!(d.dictionary?.compound || (reciprocal.has(d.key) && d.target.length === 0)) || d.source.length < 2) continue;
    const parts: Draft[] = [];
    for (const a of d.source) for (const b of d.source) if (a !== b) parts.push({ ...d, source: [a], target: [b] });
    drafts.splice(k, 1, ...parts);
  }
}

/** The noun phrase after np introduced by one of the prepositions. */
function ppTarget(clauses: Clauses, actors: ActorIndex, np: NounPhrase, preps: readonly string[], requireActor = false): ActorRef[] {
  const tokens = clauses.tokens;
  let k = np.last;
  // Skip a parenthesised acronym or a quote mark.
  if (tokens[k]?.text === '(') while (k < tokens.length && tokens[k]!.text !== ')' && k < np.last + 5) k++;
  if (tokens[k]?.text === ')') k++;
  // "a mediation effort on Saturday between …": a time phrase may come first.
  for (let guard = 0; guard < 2; guard++) {
    const tp = tokens[k]?.pos === 'ADP' ? clauses.phraseAt(k + 1) : clauses.phraseAt(k);
    if (!tp || !clauses.isTime(tp) || (tp.first !== k && tp.first !== k + 1)) break;
    k = tp.last;
  }
  const prep = tokens[k];
  if (!prep || !preps.includes(prep.norm)) return [];
  let n = k + 1;
  while (tokens[n] && /^[“"]$/.test(tokens[n]!.text)) n++;
  const next = clauses.phraseAt(n);
  if (!next || next.first !== n || clauses.isTime(next)) return [];
  return refsOf(actors, clauses, next, requireActor);
}

/** Source of a noun event: possessor (Iran's attack), actor premodifier (Israeli air strikes), or "by X". */
function nounSource(clauses: Clauses, actors: ActorIndex, d: Draft): ActorRef[] {
  const np = clauses.phraseAt(d.targetHead);
  if (!np) return [];
  const owner = ownerOf(clauses, actors, np, d.first);
  if (owner.length > 0) return owner;
  const by = ppTarget(clauses, actors, np, ['by'], true);
  if (by.length > 0) return by;
  // "the attack was carried out by the Northern Army": the agent of a passive the event is subject of.
  const agent = passiveAgent(clauses, actors, np);
  if (agent.length > 0) return agent;
  // "wounded two soldiers in a bomb attack": the event noun is how the clause's subject did it.
  const tokens = clauses.tokens;
  const prep = tokens[np.first - 1];
  // (not "arrested suspects in connection with the bombing": that links, it says no means)
  if (prep && ['in', 'during', 'with', 'through'].includes(prep.norm) && tokens[np.first - 2]?.norm !== 'connection') {
    const [first] = clauses.sentenceBounds(np.first);
    for (let k = np.first - 2; k >= first && k > np.first - 12; k--) {
      const t = tokens[k]!;
      if (t.pos === 'VERB') return refsOf(actors, clauses, clauses.subjectOf(k), true, true);
      if (t.text === ',' || t.pos === 'SCONJ') break;
    }
  }
  return [];
}

/** "X was carried out / claimed / staged by Y": Y, for the phrase X before a passive verb. */
function passiveAgent(clauses: Clauses, actors: ActorIndex, np: NounPhrase): ActorRef[] {
  const tokens = clauses.tokens;
  let k = np.last;
  // past a relative clause or place after the phrase: "an attack on a convoy in Orvel that
  // killed two drivers was carried out by …"
  if (tokens[k]?.pos !== 'AUX') k = passiveAfterModifiers(clauses, k);
  if (tokens[k]?.pos !== 'AUX') return [];
  while (tokens[k]?.pos === 'AUX' || tokens[k]?.pos === 'ADV') k++;
  if (tokens[k]?.pos !== 'VERB' || !/(ed|en|t)$/.test(tokens[k]!.norm)) return [];
  k++;
  while (tokens[k] && (tokens[k]!.pos === 'ADP' || tokens[k]!.pos === 'ADV') && ['out', 'up', 'off'].includes(tokens[k]!.norm)) k++;
  if (tokens[k]?.norm !== 'by') return [];
  const agent = clauses.phraseAt(k + 1);
  return agent && agent.first === k + 1 && actors.isActorLike(agent) ? refsOf(actors, clauses, agent, true) : [];
}

/**
 * The "be" of the passive that follows a phrase's prepositional phrases and relative
 * clause (up to 15 words, no comma or second auxiliary before it), or -1.
 */
function passiveAfterModifiers(clauses: Clauses, from: number): number {
  const tokens = clauses.tokens;
  if (from >= tokens.length || from < 1 || tokens[from]!.sentence !== tokens[from - 1]!.sentence) return -1;
  const [, last] = clauses.sentenceBounds(from);
  for (let k = from; k < last && k < from + 15; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';' || t.pos === 'SCONJ') return -1;
    if (t.pos === 'AUX') return lemmaOf(t) === 'be' && k > from && tokens[k + 1]?.pos === 'VERB' ? k : -1;
  }
  return -1;
}

/** The possessor or proper premodifiers (before token `before`) of a phrase. */
function ownerOf(clauses: Clauses, actors: ActorIndex, np: NounPhrase, before: number): ActorRef[] {
  const tokens = clauses.tokens;
  if (np.possessor) {
    const owner: NounPhrase = { first: np.possessor[0], last: np.possessor[1], head: np.possessor[1] - 1, possessor: null, pronoun: false, relative: false };
    if (tokens[owner.first]!.pos === 'PRON' && owner.last - owner.first === 1) {
      // "their withdrawal": the pronoun's antecedent.
      const ref = actors.actorRef({ ...owner, pronoun: true });
      return ref ? [ref] : [];
    }
    if (actors.isActorLike(owner)) {
      const ref = actors.actorRef(owner);
      return ref ? [ref] : [];
    }
  }
  // Premodifiers before the trigger: proper nouns and proper adjectives ("U.S. strikes", "Israeli raids").
  let a = -1;
  let b = -1;
  for (let k = np.possessor ? np.possessor[1] : np.first; k < before; k++) {
    const t = tokens[k]!;
    const proper = t.pos === 'PROPN' || (t.pos === 'ADJ' && /^[A-Z]/.test(t.text)) || actorNouns().actor.has(lemmaOf(t)) && t.pos === 'NOUN';
    // ("Suicide bomber kills 23": the first word of a two-word weapon is no owner)
    const weaponWord = actors.isWeapon({ ...np, head: k }) || (k + 1 === before && actors.isWeaponCompound(k, before));
    if (proper && !weaponWord) {
      if (a === -1) a = k;
      b = k + 1;
    } else if (a !== -1 && t.pos !== 'PUNCT' && !(t.pos === 'VERB')) break;
  }
  if (a !== -1) {
    // "Iranian-backed" describes, it does not act: a premodifier glued to a participle is not the source.
    const after = tokens[b];
    const glued = after && /^[-‐‑]$/.test(after.text) && after.start === tokens[b - 1]!.end;
    if (!glued) {
      const phrase: NounPhrase = { first: a, last: b, head: b - 1, possessor: null, pronoun: false, relative: false };
      const ref = actors.actorRef(phrase);
      // "the Dessa attack": a town names where, not who (a country, "U.S. strikes", does act).
      const e = ref?.entity ? clauses.doc.entities.find((x) => x.id === ref.entity) : null;
      if (ref && !(e && isPlaceBelowCountry(e))) return [ref];
    }
  }
  return [];
}

/** A place below the level of a country (a GPE or LOC with no actor code): it names where, not who. */
function isPlaceBelowCountry(e: Entity): boolean {
  return (e.type === 'GPE' || e.type === 'LOC') && !e.code;
}

const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which', 'that']);

/**
 * Is the time expression inside a relative clause the trigger is not in? "blamed the
 * Front, a movement that has waged an insurgency since 2015" does not date the blaming,
 * nor does "Rebels who fled in 2019 attacked …" date the attack. (wink-nlp tags a
 * relative "that" as a pronoun, the complementiser "said that" as SCONJ.)
 */
function inOtherRelativeClause(doc: Doc, trigger: Span, time: { start: number; end: number }): boolean {
  const tokens = doc.tokens;
  const isRelative = (t: Token) => t.pos === 'PRON' && RELATIVE_PRONOUNS.has(t.norm);
  if (time.start >= trigger.end) {
    // A relative clause opens between the trigger and the time.
    for (let k = tokenIndexAt(tokens, trigger.end); k < tokens.length && tokens[k]!.start < time.start; k++) if (isRelative(tokens[k]!)) return true;
    return false;
  }
  // The time comes first: inside a relative clause with a verb of its own before the trigger.
  const sentenceStart = doc.sentences[tokens[tokenIndexAt(tokens, trigger.start)]!.sentence]!.firstToken;
  const triggerToken = tokenIndexAt(tokens, trigger.start);
  let relative = -1;
  for (let k = tokenIndexAt(tokens, time.start) - 1; k >= sentenceStart; k--) {
    if (isRelative(tokens[k]!)) {
      relative = k;
      break;
    }
  }
  if (relative === -1) return false;
  for (let k = relative + 1; k < triggerToken; k++) if (tokens[k]!.pos === 'VERB' && tokens[k]!.end <= time.start) return true;
  return false;
}

function futureAux(tokens: Token[], head: number): boolean {
  for (let k = head - 1; k >= head - 3 && k >= 0; k--) {
    const t = tokens[k]!;
    if (t.norm === 'will' || t.norm === "'ll" || t.norm === 'shall') return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') return false;
  }
  return false;
}

function keep(clauses: Clauses, lex: TriggerLexicon, d: Draft, dyadsOnly: boolean): boolean {
  // A dictionary-coded event needs an actor; coding with dictionaries alone, a source and
  // a target, as PETRARCH requires a dyad.
  if (d.dictionary) return dyadsOnly ? d.source.length > 0 && d.target.length > 0 : d.source.length > 0 || d.target.length > 0;
  // A verb + object pair ("signed an agreement", "fired a rocket") names its event whoever
  // the actors are; so does a weapon or an attack striking something ("a drone hit the depot").
  if (d.object || d.weaponSubject) return true;
  const key = d.key;
  const hasActor = (refs: ActorRef[]) => refs.length > 0;
  if (lex.weak.has(key) && !d.governed) {
    // A weak verb is an event with actors on both sides, or as a commitment: "promised to
    // democratize Serbia", "will evacuate the settlements".
    const tokens = clauses.tokens;
    let k = d.last;
    while (tokens[k]?.pos === 'ADV') k++;
    const commits = (tokens[k]?.norm === 'to' && tokens[k + 1]?.pos === 'VERB') || futureAux(tokens, d.auxHead);
    if (!(hasActor(d.source) && (hasActor(d.target) || commits))) return false;
  }
  if (d.kind === 'noun' && lex.needsGovernor.has(key) && !d.governed && d.source.length === 0 && d.target.length === 0) return false;
  if (d.kind === 'noun' && searchOperation(clauses.tokens, lex, d)) return false;
  return true;
}

/** "launched an operation to find the hostages", "a mission to evacuate civilians": a search or rescue, no fighting. */
function searchOperation(tokens: Token[], lex: TriggerLexicon, d: Draft): boolean {
  const { nouns, purposes } = lex.searchOperations;
  if (!nouns.has(d.key)) return false;
  const to = tokens[d.last];
  const verb = tokens[d.last + 1];
  return to?.norm === 'to' && !!verb && verb.pos === 'VERB' && purposes.has(lemmaOf(verb));
}

/** Characters after an ultimatum's verb within which its time limit stands ("gave the government of X until …"). */
const ULTIMATUM_REACH = 80;

function placesOf(clauses: Clauses, actors: ActorIndex, d: Draft, all: Draft[]): Span[] {
  const doc = clauses.doc;
  const tokens = doc.tokens;
  const s = doc.sentences[d.sentence]!;
  const taken = new Set([...d.source, ...d.target].map((r) => r.span.start));
  // "a day after peace talks in Geneva broke down": a place right after another event
  // noun is that event's.
  const otherNouns = new Set<number>();
  for (const o of all) if (o !== d && o.sentence === d.sentence && o.kind === 'noun') otherNouns.add(o.last - 1);
  // "the Dessa attack": a place among the event noun's premodifiers.
  if (d.kind === 'noun') {
    const np = clauses.phraseAt(d.first);
    for (let k = np ? np.first : d.first; k < d.first; k++) {
      const t = tokens[k]!;
      const e = actors.entityFor(t.start, t.end, t.start);
      if (e && isPlaceBelowCountry(e)) {
        const m = e.mentions.find((x) => x.start <= t.start && x.end >= t.end);
        if (m) return [m];
      }
    }
  }
  let best: { dist: number; spans: Span[] } | null = null;
  // the last token of the latest place phrase: "the village of Lusk near the frontier" — a
  // locative right after a place locates that place, not the event
  let placeEnd = -1;
  for (let i = s.firstToken; i < s.lastToken; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'ADP' || !LOCATIVE.has(t.norm)) continue;
    const locatesPlace = i - 1 === placeEnd;
    const np = clauses.phraseAt(i + 1);
    if (!np || np.first !== i + 1) continue;
    const spans: Span[] = [];
    for (const part of clauses.conjuncts(np)) {
      const span = placeSpan(clauses, actors, part);
      if (span && !taken.has(span.start)) spans.push(span);
    }
    if (spans.length === 0) continue;
    placeEnd = tokenIndexAt(tokens, spans.at(-1)!.end - 1);
    if (locatesPlace) continue;
    if (otherNouns.has(i - 1) && !(d.kind === 'noun' && d.last === i)) continue;
    // "carried out the attack to avenge the deaths in Kolan": a place after another verb is that verb's.
    if (i > d.last && verbBetween(tokens, d.last, i)) continue;
    // "factions based in the Rashidieh camp were behind the attack": a place after a
    // participle that modifies a noun is where that noun is, not where the event was
    if (modifiesNoun(tokens, i - 1, d)) continue;
    const dist = Math.abs(i - d.targetHead);
    if (dist > 20) continue;
    if (!best || dist < best.dist) best = { dist, spans };
  }
  return best?.spans ?? [];
}

/** Is token p a participle after a noun ("factions based", "troops stationed"), other than the event's own? */
function modifiesNoun(tokens: Token[], p: number, d: Draft): boolean {
  const t = tokens[p];
  const noun = tokens[p - 1];
  if (!t || !noun || (p >= d.first && p < d.last)) return false;
  return t.pos === 'VERB' && /(ed|en|ing)$/.test(t.norm) && (noun.pos === 'NOUN' || noun.pos === 'PROPN');
}

/** The agent of a weapon verb's participle right after the weapon ("rockets fired by the group"). */
function firerOf(clauses: Clauses, actors: ActorIndex, lex: TriggerLexicon, weapon: NounPhrase): ActorRef[] {
  const tokens = clauses.tokens;
  const participle = tokens[weapon.last];
  if (!participle || !/(ed|en|wn)$/.test(participle.norm) || !lex.weaponVerbs.has(lemmaOf(participle)) || tokens[weapon.last + 1]?.norm !== 'by') return [];
  const agent = clauses.phraseAt(weapon.last + 2);
  return agent && agent.first === weapon.last + 2 ? refsOf(actors, clauses, agent, true) : [];
}

/** Is there a verb among tokens [from, to)? */
function verbBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.pos === 'VERB') return true;
  return false;
}

function placeSpan(clauses: Clauses, actors: ActorIndex, np: NounPhrase): Span | null {
  const doc = clauses.doc;
  const tokens = doc.tokens;
  const head = tokens[np.head]!;
  const start = tokens[np.first]!.start;
  let end = tokens[np.last - 1]!.end;
  const e = actors.entityFor(start, end, head.start);
  if (e) {
    if (e.type === 'GPE' || e.type === 'LOC' || e.type === 'FACILITY') {
      const m = e.mentions.find((x) => x.start < end && x.end > start);
      if (!m) return null;
      // "near the Orvel-Karsk frontier": a name hyphen-joined to the next is a modifier of
      // the head; the place is the whole compound
      if (/^[-‐‑]\S/.test(doc.text.slice(m.end, m.end + 2)) && m.end < head.start) return makeSpan(doc.text, m.start, end);
      return makeSpan(doc.text, Math.max(m.start, start), Math.min(m.end, end));
    }
    return null;
  }
  if (actorNouns().place.has(lemmaOf(head))) {
    // "the town of Cizre"
    const of = tokens[np.last];
    const name = clauses.phraseAt(np.last + 1);
    if (of?.norm === 'of' && name && name.first === np.last + 1 && clauses.hasProper(name)) {
      end = tokens[name.last - 1]!.end;
      let first = np.first;
      while (first < np.head && tokens[first]!.pos === 'DET') first++;
      return makeSpan(doc.text, tokens[first]!.start, end);
    }
    // "in the capital, Velm,": the place named in apposition
    if (of?.text === ',' && name && name.first === np.last + 1 && tokens[name.last]?.text === ',') {
      const named = actors.entityFor(tokens[name.first]!.start, tokens[name.last - 1]!.end, tokens[name.head]!.start);
      const m = named && (named.type === 'GPE' || named.type === 'LOC') ? named.mentions.find((x) => x.start === tokens[name.first]!.start) : undefined;
      if (m) return m;
    }
    return null;
  }
  if (head.pos === 'PROPN' && !clauses.isTime(np)) {
    let first = np.first;
    while (first < np.head && (tokens[first]!.pos === 'DET' || tokens[first]!.pos === 'ADJ' && !/^[A-Z]/.test(tokens[first]!.text))) first++;
    return makeSpan(doc.text, tokens[first]!.start, end);
  }
  return null;
}

/**
 * Time: the time expression of the sentence nearest the trigger. Deadlines: each goes
 * to the nearest commitment-like event of its sentence (a promise, demand, threat or
 * anything conditional or intended); "… a 12-month window to get this done" also
 * reaches back to the latest such event of the three sentences before, by the same
 * actor when one is known.
 */
function attachTimesAndDeadlines(doc: Doc, bySentence: Map<number, Event[]>, events: Event[]): void {
  const published = doc.meta.published;
  for (const [index, list] of bySentence) {
    const s = doc.sentences[index]!;
    const deadlines = findDeadlines(doc.text, s.start, s.end, published);
    const times = findTimes(doc.text, s.start, s.end, published).filter((t) => !deadlines.some((d) => d.start < t.end && t.start < d.end));
    for (const ev of list) {
      let best: (typeof times)[number] | null = null;
      let bestDist = Infinity;
      for (const t of times) {
        if (inOtherRelativeClause(doc, ev.trigger, t)) continue;
        const dist = t.end <= ev.trigger.start ? ev.trigger.start - t.end : t.start >= ev.trigger.end ? t.start - ev.trigger.end : 0;
        if (dist < bestDist) {
          best = t;
          bestDist = dist;
        }
      }
      if (best) {
        const future = ev.modality === 'intended' || ev.modality === 'conditional' || ev.modality === 'hypothetical';
        ev.time = { span: makeSpan(doc.text, best.start, best.end), value: best.value(future ? 'future' : 'past') };
      }
    }
    for (const dl of deadlines) {
      const span = makeSpan(doc.text, dl.start, dl.end);
      const deadline = { span, value: dl.value };
      // An ultimatum's own time limit: "gave the government until the end of the year to …".
      const ultimatum = list.find((ev) => ev.cameo === '139' && !ev.deadline && ev.trigger.end <= dl.start && dl.start - ev.trigger.end <= ULTIMATUM_REACH);
      const candidates = list.filter((ev) => COMMITMENTS.has(ev.type) || ev.modality === 'intended' || ev.modality === 'conditional');
      const near = ultimatum ?? (candidates.length > 0 ? candidates : list).slice().sort((a, b) => Math.abs(a.trigger.start - dl.start) - Math.abs(b.trigger.start - dl.start))[0];
      if (near && !near.deadline) near.deadline = deadline;
      // A deadline for something said before: "gave Kadhimi a 12-month window to get this done".
      if (near && /\b(this|it|that|so)\b/i.test(doc.text.slice(dl.end, s.end))) {
        const earlier = events
          .filter((ev) => {
            const sIdx = sentenceIndexAt(doc, ev.trigger.start);
            return sIdx < index && sIdx >= index - 3 && !ev.deadline && (ev.modality === 'conditional' || ev.modality === 'intended' || ev.type === 'AGREE' || ev.type === 'DEMAND');
          })
          .sort((a, b) => b.trigger.start - a.trigger.start);
        const sameActor = earlier.find((ev) => ev.source.some((r) => near.source.some((n) => ActorIndex.similar(doc, r, n))));
        const target = sameActor ?? (near.source.length === 0 ? earlier[0] : undefined);
        if (target) target.deadline = deadline;
      }
    }
  }
}
