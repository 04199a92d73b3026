import { sentenceIndexAt, tokenIndexAt } from '../doc/doc.js';
import { loadJsonResource } from '../resources.js';
import type { ActorRef, Doc, Entity, Event } from '../doc/types.js';
import { isHostileType } from './cameo.js';
import { ActorIndex } from './actors.js';

/**
 * Incidents: hostile event mentions (ASSAULT, FIGHT, COERCE, THREATEN) that are about
 * something that happened or is said to have happened, grouped so that "the most
 * recent rocket attacks", "the attacks on the U.S." and "the attacks" in one article
 * are one incident. A definite or demonstrative mention ("the attacks", "these
 * strikes", "the attack") joins the latest compatible incident; an indefinite one
 * ("a missile strike", "strikes on …") starts a new incident unless its target, and
 * its time or place, match one already seen. Compatible: the same kind of violence,
 * and no clash of target, source, time or place.
 */

export interface Incident {
  /** Id of the first mention's event: the incident's id in the responsibility layer. */
  id: string;
  mentions: Event[];
}

const ACTUAL = new Set(['asserted', 'reported', 'claimed', 'denied']);
const DEFINITE = /^(the|these|those|this|that|such|its|their|his|her|our|both|all)$/i;

function family(type: string): string {
  return type === 'FIGHT' ? 'ASSAULT' : type;
}

/** Two actor lists clash when both are known and share no actor. */
function clash(doc: Doc, a: ActorRef[], b: ActorRef[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return !a.some((x) => b.some((y) => ActorIndex.same(doc, x, y)));
}

/**
 * Perpetrators clash only as facts: two mentions the article asserts with different
 * perpetrators are different incidents; who did it by someone's account (reported,
 * claimed, denied) is what is disputed about one incident.
 */
function sourcesClash(doc: Doc, a: Event, b: Event): boolean {
  if (a.modality !== 'asserted' || b.modality !== 'asserted') return false;
  return clash(doc, a.source, b.source);
}

function shares(doc: Doc, a: ActorRef[], b: ActorRef[]): boolean {
  return a.some((x) => b.some((y) => ActorIndex.same(doc, x, y)));
}

function timesClash(a: Event, b: Event): boolean {
  const x = a.time?.value;
  const y = b.time?.value;
  if (!x || !y) return false;
  return !(x.startsWith(y) || y.startsWith(x));
}

function placesClash(a: Event, b: Event): boolean {
  if (a.place.length === 0 || b.place.length === 0) return false;
  // One place may name the other within it: "the harbor city of Port Meridian" is Port Meridian.
  return !a.place.some((p) => b.place.some((q) => samePlace(p.text, q.text)));
}

/** Sentences within which an account naming nothing of its own retells the incident before it. */
const RETELLING_WITHIN = 3;
const HABITUAL = /\b(before|previously|repeatedly|often|regularly|routinely|in the past|frequently|again and again)\b/i;

/** Does the mention's sentence speak of a habit or the past rather than one occasion? */
function habitual(doc: Doc, ev: Event): boolean {
  const s = doc.sentences[sentenceIndexAt(doc, ev.trigger.start)]!;
  return HABITUAL.test(doc.text.slice(s.start, s.end));
}

/**
 * Does the mention present itself as another deed: "in a separate attack", "another
 * strike", "a second bombing" (a word among the three before it), or "Separately, …"?
 */
function separate(doc: Doc, ev: Event): boolean {
  const s = doc.sentences[sentenceIndexAt(doc, ev.trigger.start)]!;
  if (/\b(separately|in an unrelated)\b/i.test(doc.text.slice(s.start, ev.trigger.start))) return true;
  const t = tokenIndexAt(doc.tokens, ev.trigger.start);
  for (let k = t - 1; k >= s.firstToken && k >= t - 3; k--) if (/^(separate|another|second|third|other|different|unrelated)$/i.test(doc.tokens[k]!.text)) return true;
  return false;
}

/**
 * "which has claimed several attacks on government forces": a plural of deeds that is no
 * reference back (no "the", "these") tells of several, not of the one incident told.
 */
function manyDeeds(doc: Doc, ev: Event): boolean {
  const t = doc.tokens[tokenIndexAt(doc.tokens, ev.trigger.end - 1)]!;
  return t.pos === 'NOUN' && t.norm !== t.lemma && /s$/.test(t.norm) && !definite(doc, ev);
}

/** Sentences after the headline within which the story's first report of its incident comes. */
const FIRST_REPORT_WITHIN = 5;

/**
 * Looser than `placesClash`, for a headline and its report: places disagree only when
 * they lie in different known countries ("in Varnia" and "outside Ostravel" may be a
 * country and its town).
 */
function countriesClash(doc: Doc, a: Event, b: Event): boolean {
  if (!placesClash(a, b)) return false;
  const countries = (ev: Event) => new Set(ev.place.map((p) => entityAt(doc, p)?.country).filter((c): c is string => !!c));
  const ca = countries(a);
  const cb = countries(b);
  return ca.size > 0 && cb.size > 0 && ![...ca].some((c) => cb.has(c));
}

function entityAt(doc: Doc, span: { start: number; end: number }): Entity | undefined {
  return doc.entities.find((e) => e.mentions.some((m) => m.start <= span.start && m.end >= span.end));
}

function samePlace(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || containsWords(x, y) || containsWords(y, x);
}

/** Does `outer` contain `inner` as whole words? */
function containsWords(outer: string, inner: string): boolean {
  const at = outer.indexOf(inner);
  if (at === -1) return false;
  const before = outer[at - 1];
  const after = outer[at + inner.length];
  return (before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after));
}

let perpetratorNouns: Set<string> | null = null;

/**
 * "the attackers used roadside bombs", "the gunmen fled": a definite doer of the
 * violence refers back to an incident already told, as "the attack" would.
 */
function doneByTheDoers(doc: Doc, ev: Event): boolean {
  perpetratorNouns ??= new Set(loadJsonResource<{ perpetratorNouns: string[] }>('lexicons/events/responsibility.json').perpetratorNouns);
  const source = ev.source[0]?.span;
  if (!source) return false;
  const head = source.text.toLowerCase().split(/\s+/).pop()!;
  if (!perpetratorNouns.has(head) && !perpetratorNouns.has(head.replace(/s$/, ''))) return false;
  // Spans leave their determiner out: look before the span.
  return /\b(the|these|those)\s+$/i.test(doc.text.slice(Math.max(0, source.start - 8), source.start));
}

/** Does the text open with a headline: a first sentence on a line of its own, without final punctuation? */
function isHeadline(doc: Doc): boolean {
  const first = doc.sentences[0];
  if (!first) return false;
  const text = doc.text.slice(first.start, first.end);
  return !/[.!?:;"”’]$/.test(text) && /^\s*\n/.test(doc.text.slice(first.end, first.end + 3));
}

/** Is the mention a definite reference back ("the attacks", "these strikes", "the latest attack")? */
/** "This was a deliberate strike on civilians", "it is an attack on": a predicate about what was named before. */
const PREDICATE_OF_DEMONSTRATIVE = /\b(this|that|it)\s+(was|is|has been|had been)\s+(an?|the)\s+(\S+\s+){0,2}$/i;

/** A mention that only characterises what "this" or "it" names: it is the latest incident of its kind. */
function characterisesPrevious(doc: Doc, ev: Event): boolean {
  return PREDICATE_OF_DEMONSTRATIVE.test(doc.text.slice(Math.max(0, ev.trigger.start - 60), ev.trigger.start));
}

function definite(doc: Doc, ev: Event): boolean {
  const tokens = doc.tokens;
  // The noun phrase before the trigger ("the most recent rocket attacks", "the checkpoint
  // attack", "the Dessa attack"): back over its modifiers to its determiner.
  let k = tokenIndexAt(tokens, ev.trigger.start) - 1;
  for (let seen = 0; k >= 0 && seen < 5; k--, seen++) {
    const t = tokens[k]!;
    if (DEFINITE.test(t.text)) return true;
    if (FRESH.test(t.text)) return false;
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || /^[-‐‑.]$/.test(t.text) || /^(most|u\.s\.|us)$/i.test(t.text))) return false;
  }
  return false;
}

/** Words that make a mention a new one: "a", "another", "fresh", "two". */
const FRESH = /^(a|an|another|some|several|new|fresh|further|two|three|four|five)$/i;

/** The trigger's head lemma: "rocket attacks" -> "attack", "struck" -> "strike". */
function headWord(doc: Doc, ev: Event): string {
  let k = doc.tokens.length - 1;
  while (k > 0 && doc.tokens[k]!.start >= ev.trigger.end) k--;
  return doc.tokens[k]?.lemma.toLowerCase() ?? '';
}

/** Head lemmas of one deed, verb or its -ing noun: "killings" (killing) goes back to "killing" (kill). */
function sameHead(a: string, b: string): boolean {
  return a === b || a === `${b}ing` || b === `${a}ing`;
}

/** The incidents as the events stage recorded them (Event.incident). */
export function incidentsOf(doc: Doc): Incident[] {
  const byId = new Map<string, Incident>();
  for (const ev of doc.events) {
    if (!ev.incident) continue;
    const inc = byId.get(ev.incident) ?? { id: ev.incident, mentions: [] };
    inc.mentions.push(ev);
    byId.set(ev.incident, inc);
  }
  return [...byId.values()];
}

export function findIncidents(doc: Doc): Incident[] {
  const incidents: Incident[] = [];
  for (const ev of doc.events) {
    if (!isHostileType(ev.type)) continue;
    // "We never fired a single rocket": a negated mention is a denial of a recent incident; it never starts one.
    if (ev.modality === 'negated' && ev.attribution) {
      const s = sentenceIndexAt(doc, ev.trigger.start);
      const recent = [...incidents].reverse().find((inc) => inc.mentions.some((m) => family(m.type) === family(ev.type) && s - sentenceIndexAt(doc, m.trigger.start) <= 3));
      if (recent) recent.mentions.push(ev);
      continue;
    }
    if (!ACTUAL.has(ev.modality)) continue;
    // Mentions in one sentence are one incident unless their actors clash: "A car bomb
    // exploded in the market, killing 12 people".
    const sentence0 = sentenceIndexAt(doc, ev.trigger.start);
    // (Not when they happened at different places or times: "a bomb killed three soldiers near
    // Dessa, hours after gunmen attacked a checkpoint outside Mervano".)
    const sameSentence = [...incidents].reverse().find((inc) =>
      inc.mentions.some((m) => sentenceIndexAt(doc, m.trigger.start) === sentence0 && family(m.type) === family(ev.type)) &&
      inc.mentions.filter((m) => m.modality !== 'negated').every((m) => !sourcesClash(doc, m, ev) && !placesClash(m, ev) && !timesClash(m, ev)));
    if (sameSentence) {
      sameSentence.mentions.push(ev);
      continue;
    }
    // "This was a deliberate strike on civilians": what it says of the incident is no clash.
    if (characterisesPrevious(doc, ev)) {
      const s = sentenceIndexAt(doc, ev.trigger.start);
      const latest = [...incidents].reverse().find((inc) => inc.mentions.some((m) => family(m.type) === family(ev.type) && s - sentenceIndexAt(doc, m.trigger.start) <= 3));
      if (latest) {
        latest.mentions.push(ev);
        continue;
      }
    }
    const back = definite(doc, ev) || doneByTheDoers(doc, ev);
    // A reference back ("the bombing" in "denied any role in the bombing on Tuesday") takes
    // the sentence's time and place from the statement around it: only kind and actors must agree.
    const compatible = (inc: Incident) =>
      inc.mentions.filter((m) => m.modality !== 'negated').every((m) => family(m.type) === family(ev.type) && !clash(doc, m.target, ev.target) && !sourcesClash(doc, m, ev) &&
        (back || (!timesClash(m, ev) && !placesClash(m, ev))));
    let joined: Incident | undefined;
    if (back) {
      // "the attacks" goes back to the attacks, before any other compatible incident.
      const head = headWord(doc, ev);
      // A place it names ("the Dessa attack") picks the incident there.
      const placed = ev.place.length > 0;
      const candidates = [...incidents].reverse().filter((inc) => compatible(inc) && !(placed && inc.mentions.every((m) => m.place.length === 0 || placesClash(m, ev))));
      // ("the attack" is not "several attacks" told since: a singular goes back past a plural of deeds)
      const ofNumber = manyDeeds(doc, ev) ? candidates : candidates.filter((inc) => !inc.mentions.every((m) => manyDeeds(doc, m)));
      joined = (placed ? candidates.find((inc) => inc.mentions.some((m) => m.place.length > 0 && !placesClash(m, ev))) : undefined) ??
        ofNumber.find((inc) => inc.mentions.some((m) => sameHead(headWord(doc, m), head))) ?? ofNumber[0] ?? candidates[0];
    } else {
      // An indefinite mention repeats an incident only when what it hit, and when or where,
      // agree — or when it comes right after it (a headline and its first paragraph).
      const sentence = sentenceIndexAt(doc, ev.trigger.start);
      // The story's first report of the headline's incident ("Militants kill 9 soldiers in
      // ambush" / "Gunmen ambushed an army convoy …"): a headline's compressed targets do
      // not clash with the report's; kind, asserted perpetrators, time and place still must agree.
      // The report is the first mention after the headline's (bylines and datelines may
      // stand between), and a headline's place may be the country of the report's town.
      const firstAfterHeadline = sentence <= FIRST_REPORT_WITHIN && isHeadline(doc) &&
        incidents.every((inc) => inc.mentions.every((m) => sentenceIndexAt(doc, m.trigger.start) === 0 || family(m.type) !== family(ev.type)));
      const headlineIncident = firstAfterHeadline
        ? incidents.find((inc) => inc.mentions.some((m) => sentenceIndexAt(doc, m.trigger.start) === 0) &&
            inc.mentions.filter((m) => m.modality !== 'negated').every((m) => family(m.type) === family(ev.type) && !sourcesClash(doc, m, ev) && !timesClash(m, ev) && !countriesClash(doc, m, ev)))
        : undefined;
      joined = headlineIncident ?? (separate(doc, ev) ? undefined : [...incidents].reverse().find((inc) => compatible(inc) && inc.mentions.some((m) => {
        const ms = sentenceIndexAt(doc, m.trigger.start);
        if (!shares(doc, m.target, ev.target)) return sentence - ms <= 1 && m.source.length === 0 && ev.source.length === 0;
        return (m.time?.value && m.time.value === ev.time?.value) || (m.place.length > 0 && ev.place.length > 0) || sentence - sentenceIndexAt(doc, m.trigger.start) <= 2;
      })));
    }
    // "Witnesses said officers fired tear gas without warning": someone's account that names
    // no target, time or place of its own cannot be told apart from the incident just told;
    // it is that incident in another voice (unless it speaks of habit: "had fired before").
    // So is the article's own mention that names nobody either ("It was not clear which side
    // fired first").
    const namesNothing = ev.modality === 'asserted' && ev.source.length === 0;
    if (!joined && !back && (ev.modality !== 'asserted' || namesNothing) && ev.target.length === 0 && !ev.time && ev.place.length === 0 && !habitual(doc, ev) && !separate(doc, ev)) {
      // Candidates: the story's first incident and those told in the last few sentences,
      // never one whose victim is this account's perpetrator ("17 officers were injured" /
      // "officers fired tear gas"). The latest told with the same word first ("denied carrying
      // out any air strikes" / "an air strike hit a market"), then one with the same
      // perpetrator, then the first incident.
      const sentence = sentenceIndexAt(doc, ev.trigger.start);
      const candidates = incidents.filter((inc, i) => compatible(inc) &&
        (i === 0 || inc.mentions.some((m) => sentence - sentenceIndexAt(doc, m.trigger.start) <= RETELLING_WITHIN)) &&
        !inc.mentions.some((m) => shares(doc, m.target, ev.source)));
      const head = headWord(doc, ev);
      joined = [...candidates].reverse().find((inc) => inc.mentions.some((m) => sameHead(headWord(doc, m), head))) ??
        candidates.find((inc) => inc.mentions.some((m) => shares(doc, m.source, ev.source))) ?? candidates[0];
    }
    // "The military said its jets struck a storage site used by the group", after "An air
    // strike set a depot ablaze in Rafah": an account with a target of its own but no time or
    // place, while the story has told one incident of its kind, is that incident in the
    // speaker's words (a roundup has told several; "a separate attack" says it is another).
    // It must name a doer, which may be the first the story gives: a claim of the strike.
    if (!joined && ev.modality !== 'asserted' && ev.source.length > 0 && !ev.time && ev.place.length === 0 && !habitual(doc, ev) && !separate(doc, ev) && !manyDeeds(doc, ev)) {
      const sentence = sentenceIndexAt(doc, ev.trigger.start);
      const ofKind = incidents.filter((inc) => inc.mentions.some((m) => family(m.type) === family(ev.type)));
      const only = ofKind.length === 1 ? ofKind[0]! : undefined;
      // (Nor one that names another doer than the incident's: "12 officers had been injured by
      // rioters" after "police opened fire on marchers" is violence the other way.)
      if (only && only.mentions.some((m) => sentence - sentenceIndexAt(doc, m.trigger.start) <= RETELLING_WITHIN) &&
        only.mentions.every((m) => !clash(doc, m.source, ev.source) && !shares(doc, m.target, ev.source))) joined = only;
    }
    if (joined) joined.mentions.push(ev);
    else incidents.push({ id: ev.id, mentions: [ev] });
  }
  return incidents;
}
