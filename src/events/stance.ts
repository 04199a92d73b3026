import { attributionWithCueAt, tokenIndexAt, trimSpan } from '../doc/doc.js';
import type { ActorRef, Attribution, Doc, Event, Modality, Responsibility, Stance, Token } from '../doc/types.js';
import { loadJsonResource } from '../resources.js';
import { ActorIndex, namesNobody, phraseNamesNobody } from './actors.js';
import { isHostileType, MATERIAL_HOSTILE } from './cameo.js';
import { type Incident, incidentsOf } from './incidents.js';
import { loadModalityLexicon, loadTriggerLexicon } from './lexicon.js';
import { attributionAt } from './modality.js';
import { Clauses, type NounPhrase, lemmaOf } from './syntax.js';

/**
 * Responsibility: for every incident, each speaker's stance (docs/events.md).
 *
 *   claim      the speaker says it did it ("we carried out", "claimed responsibility")
 *   deny       the speaker says it did not (a denial cue, "nothing to do with", "denied carrying out")
 *   accuse     the speaker says X did it (an accusation, "blamed the attacks on X", a report naming the perpetrator)
 *   uncertain  the speaker cannot or will not say who did it ("dragging its feet to assign blame", "too early to say who")
 *   suspect    the speaker thinks X likely did it ("likely", "suspected", "bears the hallmarks of")
 *
 * The speaker is the source of the attribution the mention sits in (or the subject of
 * the cue when there is none); the author when the article says it in its own voice.
 */

interface CueFile {
  uncertain: string[];
  suspect: string[];
  accuse: string[];
  deny: string[];
  claim: string[];
  outcomeNouns: string[];
}

type Pattern = string[][];

interface IndexedPattern {
  stance: Stance;
  pattern: Pattern;
}

/**
 * Cue patterns indexed by their first word, so a token costs one lookup; and the nouns for
 * what an incident did ("the deaths", "the bloodshed").
 */
let cues: { byFirst: Map<string, IndexedPattern[]>; outcomes: ReadonlySet<string> } | null = null;
function cueLexicon() {
  if (!cues) {
    const f = loadJsonResource<CueFile>('lexicons/events/responsibility.json');
    const byFirst = new Map<string, IndexedPattern[]>();
    for (const [stance, list] of [['uncertain', f.uncertain], ['suspect', f.suspect], ['accuse', f.accuse], ['deny', f.deny], ['claim', f.claim]] as const) {
      for (const p of list) {
        const pattern = p.split(/\s+/).map((w) => w.split('|'));
        for (const first of pattern[0]!) {
          const word = first.split('/')[0]!;
          const entries = byFirst.get(word) ?? [];
          entries.push({ stance, pattern });
          byFirst.set(word, entries);
        }
      }
    }
    cues = { byFirst, outcomes: new Set(f.outcomeNouns) };
  }
  return cues;
}

/** Matches a cue pattern at token i; returns the index after the match. */
function matchAt(tokens: Token[], i: number, last: number, pattern: Pattern, from = 0): number | null {
  let k = i;
  for (let p = from; p < pattern.length; p++) {
    const alts = pattern[p]!;
    if (alts.length === 1 && alts[0] === '*') {
      // Up to three words, lazily: try the rest at each offset.
      for (let skip = 0; skip <= 3 && k + skip <= last; skip++) {
        const rest = matchAt(tokens, k + skip, last, pattern, p + 1);
        if (rest !== null) return rest;
      }
      return null;
    }
    const t = tokens[k];
    if (!t || k >= last || !matchesWord(alts, t)) return null;
    k++;
  }
  return k;
}

/** Whether token t is one of the alternatives; `word/POS` also asks for that part of speech ("suspect/VERB", not "the suspects"). */
function matchesWord(alternatives: string[], t: Token): boolean {
  const l = lemmaOf(t);
  for (const alt of alternatives) {
    const slash = alt.indexOf('/');
    const a = slash === -1 ? alt : alt.slice(0, slash);
    if (slash !== -1 && t.pos !== alt.slice(slash + 1)) continue;
    if (a === l || a === t.norm || (a === 'be' && t.pos === 'AUX' && l === 'be')) return true;
  }
  return false;
}

interface Cue {
  stance: Stance;
  first: number;
  last: number;
}

function findCues(tokens: Token[], first: number, last: number): Cue[] {
  const lex = cueLexicon();
  const out: Cue[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    const l = lemmaOf(t);
    const byLemma = lex.byFirst.get(l);
    const byForm = t.norm !== l ? lex.byFirst.get(t.norm) : undefined;
    if (!byLemma && !byForm) continue;
    // One cue per stance at a token: the first pattern of that stance that matches.
    const found = out.length;
    if (byLemma) addCuesAt(tokens, i, last, byLemma, out, found);
    if (byForm) addCuesAt(tokens, i, last, byForm, out, found);
  }
  return out;
}

function addCuesAt(tokens: Token[], i: number, last: number, entries: IndexedPattern[], out: Cue[], foundFrom: number): void {
  for (const { stance, pattern } of entries) {
    let seen = false;
    for (let k = foundFrom; k < out.length; k++) if (out[k]!.stance === stance) seen = true;
    if (seen) continue;
    const end = matchAt(tokens, i, last, pattern);
    if (end !== null) out.push({ stance, first: i, last: end });
  }
}

interface Draft extends Omit<Responsibility, 'id'> {
  order: number;
}

export function findResponsibility(doc: Doc): Responsibility[] {
  if (doc.events.length === 0) return [];
  const incidents = incidentsOf(doc);
  if (incidents.length === 0) return [];
  const clauses = Clauses.of(doc);
  loadModalityLexicon();
  const actors = new ActorIndex(doc, clauses, loadTriggerLexicon().weapons);
  const tokens = doc.tokens;
  const drafts: Draft[] = [];
  const tokenAt = (offset: number) => tokenIndexAt(tokens, offset);
  const same = (a: { span: ActorRef['span'] | null; entity: string | null } | null, b: { span: ActorRef['span'] | null; entity: string | null } | null) => ActorIndex.same(doc, a, b);
  const sameSpeaker = (a: Speaker, b: Speaker) => (a.author && b.author) || (!a.author && !b.author && (same(a, b) || (!a.span && !b.span && !a.entity && !b.entity)));
  const add = (d: Omit<Draft, 'order'>, order: number) => {
    if (drafts.some((x) => x.incident === d.incident && x.stance === d.stance && sameSpeaker(x.speaker, d.speaker) && ((!x.target && !d.target) || same(x.target, d.target)))) return;
    drafts.push({ ...d, order });
  };

  const mentionSentences = new Map<number, Incident[]>();
  for (const inc of incidents) {
    for (const m of inc.mentions) {
      const s = tokens[tokenAt(m.trigger.start)]!.sentence;
      const list = mentionSentences.get(s) ?? [];
      if (!list.includes(inc)) list.push(inc);
      mentionSentences.set(s, list);
    }
  }

  for (const inc of incidents) {
    for (const m of inc.mentions) {
      const ti = tokenAt(m.trigger.start);
      const sentence = doc.sentences[tokens[ti]!.sentence]!;
      const evidence = clauseSpan(doc, sentence, m.trigger.start);
      const attribution = attributionAt(doc.attributions, m.trigger.start);
      const speaker = attribution ? speakerOf(doc, clauses, actors, attribution) : null;
      const perpetrator = m.source[0] ?? null;
      const order = m.trigger.start;

      // Stances carried by the mention's own modality.
      if (m.modality === 'negated') {
        // "'We never fired a single rocket,' its spokesman said": the speaker denies.
        const firstPerson = attribution !== null && /\b(we|our|us|i)\b/i.test(doc.text.slice(attribution.content.start, m.trigger.start));
        const own = !perpetrator || firstPerson || /^(we|us|our|i)$/i.test(perpetrator.span.text) || (speaker !== null && same(perpetrator, speaker));
        if (speaker && own) add({ incident: inc.id, stance: 'deny', speaker, target: null, evidence }, order);
        continue;
      }
      if (m.modality === 'denied') {
        const denier = speaker ?? denierOf(clauses, actors, ti) ?? (perpetrator ? { span: perpetrator.span, entity: perpetrator.entity, author: false } : null);
        if (denier) {
          const target = perpetrator && !same(perpetrator, denier) ? perpetrator : null;
          add({ incident: inc.id, stance: 'deny', speaker: denier, target, evidence }, order);
        }
        continue;
      }
      if (m.modality === 'claimed' && perpetrator) {
        const claimer = speaker ?? { span: perpetrator.span, entity: perpetrator.entity, author: false };
        const own = same(claimer, perpetrator) || /^(we|us|our)$/i.test(perpetrator.span.text);
        add({ incident: inc.id, stance: own ? 'claim' : 'accuse', speaker: claimer, target: own ? null : perpetrator, evidence }, order);
        continue;
      }
      if (attribution && speaker) {
        const cueType = attribution.cueType;
        const accusedByCue = accusedInSentence(doc, ti);
        if (cueType === 'deny') {
          add({ incident: inc.id, stance: 'deny', speaker, target: perpetrator && !same(perpetrator, speaker) ? perpetrator : null, evidence }, order);
        } else if (perpetrator && (same(perpetrator, speaker) || firstPersonPerpetrator(doc, attribution, perpetrator, m))) {
          add({ incident: inc.id, stance: 'claim', speaker, target: null, evidence }, order);
        } else if (cueType === 'believe' && (perpetrator || accusedByCue)) {
          add({ incident: inc.id, stance: 'suspect', speaker, target: perpetrator ?? accusedByCue, evidence }, order);
        } else if (cueType === 'accuse' && (perpetrator || accusedByCue)) {
          add({ incident: inc.id, stance: 'accuse', speaker, target: accusedByCue ?? perpetrator, evidence }, order);
        } else if (perpetrator && MATERIAL_HOSTILE.has(m.type) && m.modality !== 'hypothetical' && ActorIndex.identifies(doc, perpetrator)) {
          const hedged = hedgedAround(tokens, ti, sentence.firstToken, sentence.lastToken);
          add({ incident: inc.id, stance: hedged ? 'suspect' : 'accuse', speaker, target: perpetrator, evidence }, order);
        }
      } else if (!attribution && perpetrator && m.modality === 'asserted' && AUTHOR_INCIDENTS.has(m.type) && ActorIndex.identifies(doc, perpetrator)) {
        // The article names the perpetrator in its own voice.
        const hedged = hedgedAround(tokens, ti, sentence.firstToken, sentence.lastToken);
        add({ incident: inc.id, stance: hedged ? 'suspect' : 'accuse', speaker: { span: null, entity: null, author: true }, target: perpetrator, evidence }, order);
      }
    }
  }

  // Cue phrases: uncertainty, suspicion and accusation, in the sentence of a mention (or
  // right after one: "The group denied it.").
  for (const [index, s] of doc.sentences.entries()) {
    const found = findCues(tokens, s.firstToken, s.lastToken);
    if (found.length === 0) continue;
    // "The official said it was too early to say who was responsible", "X, which denied any
    // involvement": a cue with no incident in its sentence is about the latest recent one.
    const here = mentionSentences.get(index) ?? latestBefore(mentionSentences, index);
    if (!here) continue;
    for (const cue of found) {
      const evidence = clauseSpan(doc, s, tokens[cue.first]!.start);
      const inc = nearestIncident(doc, here, tokens[cue.first]!.start, index);
      if (!inc) continue;
      const attribution = attributionAt(doc.attributions, tokens[cue.first]!.start);
      // the cue's own subject; else the source of the report the cue is the cue of ("Hamas
      // denied …, and accused Israel of …"); else whoever says the sentence; else the author
      // ("We are examining every possibility," he said: a first-person subject in a quote is its speaker)
      const firstPerson = attribution !== null && firstPersonSubject(clauses, cue.first, cue.last);
      // ("Attack on convoy blamed on rebels", "X was accused of": a passive's subject is the blamed, no speaker)
      const subject = (firstPerson || passiveCue(tokens, cue.first) ? null : cueSubject(clauses, actors, cue.first, cue.last)) ?? ownReportSpeaker(doc, clauses, actors, tokens[cue.first]!.start);
      const speaker = subject ?? (attribution ? speakerOf(doc, clauses, actors, attribution) : null) ?? { span: null, entity: null, author: true };
      if (cue.stance === 'uncertain') {
        add({ incident: inc.id, stance: 'uncertain', speaker, target: null, evidence }, tokens[cue.first]!.start);
      } else if (cue.stance === 'deny' || cue.stance === 'claim') {
        // "denied that the depot had any military use": a denial of a clause is a denial
        // of the incident only when the clause tells of it, and then its mention, under
        // the denial, carries the stance (above)
        if (cue.stance === 'deny' && (deniesClause(tokens, cue.first) || deniesTiesToActor(doc, inc, cue.first, cue.last))) continue;
        // Only a speaker can deny or claim; the article's voice does neither.
        if (!speaker.author) add({ incident: inc.id, stance: cue.stance, speaker, target: null, evidence }, tokens[cue.first]!.start);
      } else {
        // "It is too early to say who is behind this": a question, not an accusation.
        if (WH_SUBJECT.has(tokens[cue.first - 1]?.norm ?? '')) continue;
        // Who is accused or suspected: the perpetrator phrase of the cue.
        const target = cueTarget(doc, clauses, actors, cue, inc);
        if (!target) continue;
        // "X is behind the attack", "X removed any doubt who the perpetrator was": X is the
        // accused, and whoever says the sentence (its attribution's source, else the author) accuses.
        const author = { span: null, entity: null, author: true };
        const who = subject && same(subject, target)
          ? (attribution ? speakerOf(doc, clauses, actors, attribution) : null) ?? author
          : speaker;
        if (!who.author && same(who, target)) {
          add({ incident: inc.id, stance: 'claim', speaker: who, target: null, evidence }, tokens[cue.first]!.start);
        } else add({ incident: inc.id, stance: cue.stance, speaker: who, target, evidence }, tokens[cue.first]!.start);
      }
    }
  }

  // Accusations made by accusing verbs ("blamed the attacks on X", "accused X of …", "blamed X").
  for (const ev of doc.events) {
    if (ev.type !== 'DISAPPROVE' || ev.cameo !== '112' || ev.target.length === 0) continue;
    const ti = tokenAt(ev.trigger.start);
    const sIndex = tokens[ti]!.sentence;
    const here = mentionSentences.get(sIndex) ?? latestBefore(mentionSentences, sIndex);
    if (!here) continue;
    const inc = nearestIncident(doc, here, ev.trigger.start, sIndex);
    if (!inc) continue;
    const s = doc.sentences[sIndex]!;
    if (accusesOfSomethingElse(doc, ev, s.end)) continue;
    const attribution = attributionAt(doc.attributions, ev.trigger.start);
    const speakerRef = ev.source[0];
    const speaker = speakerRef ? { span: speakerRef.span, entity: speakerRef.entity, author: false } : attribution ? speakerOf(doc, clauses, actors, attribution) : { span: null, entity: null, author: true };
    if (!speaker) continue;
    add({ incident: inc.id, stance: 'accuse', speaker, target: ev.target[0]!, evidence: clauseSpan(doc, s, ev.trigger.start) }, ev.trigger.start);
  }

  drafts.sort((a, b) => a.order - b.order);
  // A speaker's accusation made through an attribution and through the accusing verb is one record.
  const out: Responsibility[] = [];
  for (const d of drafts) {
    const dup = out.find((r) => r.incident === d.incident && r.stance === d.stance && !r.speaker.author && !d.speaker.author &&
      same(r.speaker, d.speaker) && (same(r.target, d.target) || !d.target));
    if (dup) continue;
    // A nameless speaker and a named one for the same stance in the same sentence: keep the named.
    const { order: _order, ...record } = d;
    void _order;
    out.push({ id: `r${out.length + 1}`, ...record } as Responsibility);
  }
  return out;
}

/**
 * The evidence for a stance: its sentence, or, in a long sentence, the part of it
 * between colons, semicolons and dashes that holds the offset.
 */
export function clauseSpan(doc: Doc, s: { start: number; end: number }, offset: number): Responsibility['evidence'] {
  if (s.end - s.start <= 240) return trimSpan(doc.text, s.start, s.end);
  const text = doc.text;
  let a = s.start;
  let b = s.end;
  for (let k = offset; k > s.start; k--) if (/[:;—]/.test(text[k - 1]!)) {
    a = k;
    break;
  }
  for (let k = offset; k < s.end; k++) if (/[:;—]/.test(text[k]!)) {
    b = k;
    break;
  }
  return trimSpan(doc.text, a, b, /[\s,:;—]/);
}

/** The incidents of the nearest of the three sentences before, when only one incident is there. */
function latestBefore(mentionSentences: Map<number, Incident[]>, index: number): Incident[] | undefined {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    const prev = mentionSentences.get(back);
    if (prev) return prev.length === 1 ? prev : [prev[prev.length - 1]!];
  }
  return undefined;
}

/** The incident of the sentence nearest the cue (the one before it, else after). */
function nearestIncident(doc: Doc, incidents: Incident[], offset: number, sentence: number): Incident | null {
  let best: Incident | null = null;
  let bestDist = Infinity;
  for (const inc of incidents) {
    for (const m of inc.mentions) {
      const s = doc.tokens[tokenIndexAt(doc.tokens, m.trigger.start)]!.sentence;
      const dist = Math.abs(m.trigger.start - offset) + (s === sentence ? 0 : 10_000);
      if (dist < bestDist) {
        best = inc;
        bestDist = dist;
      }
    }
  }
  return best;
}

type Speaker = Responsibility['speaker'];

/** The attribution's source, or the subject of its cue when the attribution stage left it open. */
function speakerOf(doc: Doc, clauses: Clauses, actors: ActorIndex, a: Attribution): Speaker | null {
  if (a.source || a.sourceEntity) return { span: a.source, entity: a.sourceEntity, author: false };
  const cue = tokenIndexAt(doc.tokens, a.cue.start);
  const t = doc.tokens[cue]!;
  const prev = doc.tokens[cue - 1];
  // Only a real verb cue has a subject to fall back on ("the militias turned around and claimed").
  const verbCue = t.pos === 'VERB' && !(prev && prev.pos === 'VERB' && !/ing$/.test(t.norm));
  const subject = verbCue ? cueSubject(clauses, actors, cue) : null;
  if (subject) return subject;
  return a.anonymous ? { span: null, entity: null, author: false } : null;
}

/**
 * "denied any link to the rebels": a denied tie to an actor, not to the deed. A tie
 * ("link", "links", "connection", "ties") counts as a denial of the incident only when
 * what follows "to" or "with" is one of its mentions or "it"/"this"/"that".
 */
function deniesTiesToActor(doc: Doc, inc: Incident, first: number, last: number): boolean {
  const tokens = doc.tokens;
  // the tie noun: in the cue ("denied any link") or just after it ("denied any direct link")
  let at = first + 1;
  while (at <= last + 2 && at < tokens.length && !/^(link|links|connection|connections|ties)$/.test(tokens[at]!.norm)) at++;
  const tie = tokens[at];
  if (!tie || at > last + 2 || tie.sentence !== tokens[first]!.sentence) return false;
  const end = at + 1;
  const prep = tokens[end];
  if (!prep || (prep.norm !== 'to' && prep.norm !== 'with')) return false;
  for (let k = end + 1; k < tokens.length && k <= end + 6 && tokens[k]!.sentence === tie.sentence; k++) {
    const t = tokens[k]!;
    if (/^(it|this|that)$/.test(t.norm) || inc.mentions.some((m) => m.trigger.start <= t.start && t.start < m.trigger.end)) return false;
    if (t.pos === 'PUNCT' || t.pos === 'VERB') break;
  }
  return true;
}

/** Whether the denial verb at i takes a that-clause ("denied that the depot …"), not "denied that." */
function deniesClause(tokens: Token[], i: number): boolean {
  const that = tokens[i + 1];
  const next = tokens[i + 2];
  return tokens[i]!.pos === 'VERB' && that?.norm === 'that' && !!next && next.sentence === that.sentence && next.pos !== 'PUNCT';
}

/** The speaker of the report whose cue a stance cue is, unless that source names nobody. */
function ownReportSpeaker(doc: Doc, clauses: Clauses, actors: ActorIndex, offset: number): Speaker | null {
  const report = attributionWithCueAt(doc.attributions, offset);
  if (!report) return null;
  if (report.source && namesNobody(report.source.text)) return null;
  return speakerOf(doc, clauses, actors, report);
}

/** Whether the cue's verb has "we" or "I" as its subject. */
function firstPersonSubject(clauses: Clauses, i: number, cueEnd: number): boolean {
  const np = clauses.subjectOf(cueVerb(clauses, i, cueEnd));
  return !!np && /^(we|i)$/.test(clauses.tokens[np.first]!.norm);
}

/** The cue's verb: the first verb in it ("is too early", "be behind"), else its first token. */
function cueVerb(clauses: Clauses, i: number, cueEnd: number): number {
  const tokens = clauses.tokens;
  const [, last] = clauses.sentenceBounds(i);
  let v = i;
  while (v < last && v < Math.max(cueEnd, i + 3) && tokens[v]!.pos !== 'VERB') v++;
  return v >= last || tokens[v]!.pos !== 'VERB' ? i : v;
}

/** The actor doing the cue's verb ("the Pentagon is still dragging its feet"). */
function cueSubject(clauses: Clauses, actors: ActorIndex, i: number, cueEnd = i + 3): Speaker | null {
  const tokens = clauses.tokens;
  // The cue may start with an auxiliary, adjective or noun ("is too early", "be behind",
  // "a charge the ministry denies"): use the first verb in it.
  const np = clauses.subjectOf(cueVerb(clauses, i, cueEnd));
  if (!np) return null;
  // "No group has claimed responsibility": a negative quantifier is nobody; so is "which group …".
  if (phraseNamesNobody(tokens, np.first)) return null;
  // "It is too early to say": an expletive is nobody.
  if (np.pronoun && tokens[np.first]!.norm === 'it' && (tokens[np.last]?.pos === 'AUX')) return null;
  if (!actors.isActorLike(np)) return null;
  const ref = actors.actorRef(np);
  return ref ? { span: ref.span, entity: ref.entity, author: false } : null;
}

/**
 * "'Our naval forces targeted the tanker,' the group's spokesman said": the perpetrator is
 * the speaker's own side when the quotation names it in the first person, right before the
 * mention ("our forces", "we").
 */
function firstPersonPerpetrator(doc: Doc, attribution: Attribution, perpetrator: ActorRef, m: Event): boolean {
  if (!attribution.direct) return false;
  const before = doc.text.slice(Math.max(attribution.content.start, m.trigger.start - 40), m.trigger.start);
  return m.trigger.start >= attribution.content.start && /\b(we|our)\b/i.test(before) && !!perpetrator;
}

/**
 * Whether the cue's verb is passive: after a form of "be" ("was blamed on", "is accused
 * of"), or "blamed" right before its "on"/"for", where the active verb has its object between
 * ("blamed the attack on X"; a headline's "Attack blamed on rebels").
 */
function passiveCue(tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  if (t.pos !== 'VERB' || !/(ed|en)$/.test(t.norm)) return false;
  const before = tokens[first - 1];
  if (before && before.pos === 'AUX' && lemmaOf(before) === 'be') return true;
  return lemmaOf(t) === 'blame' && /^(on|for)$/.test(tokens[first + 1]?.norm ?? '');
}

/** Who denies, when the denial is not an attribution: the subject of the denial verb before the mention. */
function denierOf(clauses: Clauses, actors: ActorIndex, ti: number): Speaker | null {
  const tokens = clauses.tokens;
  const [first] = clauses.sentenceBounds(ti);
  const mod = loadModalityLexicon();
  for (let k = ti - 1; k >= first && k >= ti - 15; k--) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' && (mod.denialVerbs.has(lemmaOf(t)) || mod.complementVerbs.has(lemmaOf(t)) || lemmaOf(t) === 'claim')) {
      const np = clauses.subjectOf(k);
      if (np && actors.isActorLike(np)) {
        const ref = actors.actorRef(np);
        if (ref) return { span: ref.span, entity: ref.entity, author: false };
      }
      return null;
    }
  }
  return null;
}

/** The accused named by an accusing verb in the mention's sentence ("blaming the attacks on X"). */
function accusedInSentence(doc: Doc, ti: number): ActorRef | null {
  const s = doc.tokens[ti]!.sentence;
  for (const ev of doc.events) {
    if (ev.type !== 'DISAPPROVE' || ev.cameo !== '112' || ev.target.length === 0) continue;
    if (doc.tokens[tokenIndexAt(doc.tokens, ev.trigger.start)]!.sentence !== s) continue;
    return ev.target[0]!;
  }
  return null;
}

/** Incidents whose perpetrator the article names in its own voice: one-sided violence and coercion. */
const AUTHOR_INCIDENTS = new Set(['ASSAULT', 'COERCE']);

const HEDGES = new Set(['likely', 'probably', 'possibly', 'presumably', 'apparently', 'allegedly', 'reportedly', 'suspected', 'alleged', 'believed', 'thought', 'may', 'might', 'could']);

function hedgedAround(tokens: Token[], ti: number, first: number, last: number): boolean {
  for (let k = Math.max(first, ti - 6); k < Math.min(last, ti + 2); k++) if (HEDGES.has(tokens[k]!.norm)) return true;
  return false;
}

/**
 * "accused the group of using civilians as human shields", "accused Orvel of sheltering the
 * militants": an accusation whose "of"/"for" complement names no violence is about another
 * deed than the incident. ("accused X of carrying out the attack", "blamed X for the
 * bombing", "blamed X" with no complement are about it.)
 */
function accusesOfSomethingElse(doc: Doc, ev: Event, sentenceEnd: number): boolean {
  const after = ev.target[ev.target.length - 1]!.span.end;
  const complement = /^\s*(of|for|over)\b/i.exec(doc.text.slice(after, sentenceEnd));
  if (!complement) return false;
  const from = after + complement[0].length;
  // "blamed X for the deaths": what the incident did is the incident
  const words = doc.text.slice(from, sentenceEnd).toLowerCase().match(/\p{L}+/gu)?.slice(0, 4) ?? [];
  const { outcomes } = cueLexicon();
  if (words.some((w) => outcomes.has(w))) return false;
  return !doc.events.some((e) => e !== ev && isHostileType(e.type) && e.trigger.start >= from && e.trigger.start < sentenceEnd);
}

const PERPETRATOR_MODALITIES: ReadonlySet<Modality> = new Set<Modality>(['asserted', 'reported', 'claimed']);
const WH_SUBJECT: ReadonlySet<string> = new Set(['who', 'whoever', 'what', 'which']);

/**
 * The actor a suspicion or accusation cue names: "X is behind the attack" (the subject),
 * "bears the hallmarks of X" (the phrase after "of"), "suspected X" (the object), or
 * the perpetrator of the incident's mentions.
 */
function cueTarget(doc: Doc, clauses: Clauses, actors: ActorIndex, cue: Cue, inc: Incident): ActorRef | null {
  const tokens = doc.tokens;
  const words = tokens.slice(cue.first, cue.last).map((t) => lemmaOf(t));
  const after = clauses.phraseAt(cue.last);
  const refOf = (np: NounPhrase | null) => (np && actors.isActorLike(np) ? actors.actorRef(clauses.resolveQuantity(np)) : null);
  // "accused X of attacking Y", "hold X responsible": the verb's object is the accused; what
  // follows "of" is the deed (and its victims), so the object is looked at first.
  if (words[0] === 'suspect' || words[0] === 'suspected' || words[0] === 'accuse' || words[0] === 'hold') {
    const obj = clauses.objectOf(cue.first, [], { limit: 6 });
    const ref = refOf(obj?.np ?? null);
    if (ref) return ref;
  }
  if (words.includes('of') || words.includes('on') || words.includes('hallmark') || words[words.length - 1] === 'to' || words.includes('finger')) {
    const ref = refOf(after && after.first === cue.last ? after : clauses.phraseAt(cue.last + 1));
    if (ref) return ref;
  }
  if (words[0] === 'be' || words.includes('doubt') || words.includes('behind') || words.includes('responsible') || words.includes('perpetrator') || words.includes('culprit')) {
    const subj = clauses.subjectOf(cue.first) ?? clauses.subjectOf(cue.first + 1);
    const ref = refOf(subj);
    if (ref) return ref;
  }
  // "was likely the work of X", "likely carried out by X": the actor after "of"/"by" in the clause.
  const [, sentenceEnd] = clauses.sentenceBounds(cue.first);
  for (let k = cue.last; k < Math.min(sentenceEnd, cue.last + 8); k++) {
    const t = tokens[k]!;
    if (t.text === ';' || t.text === ',' || t.pos === 'SCONJ') break;
    if (t.pos === 'ADP' && (t.norm === 'of' || t.norm === 'by' || t.norm === 'from')) {
      const ref = refOf(clauses.phraseAt(k + 1)?.first === k + 1 ? clauses.phraseAt(k + 1) : null);
      if (ref) return ref;
    }
  }
  // Only a mention that tells the deed as done names a perpetrator: not the denier of "we
  // did not target civilians", nor the actor of a conditional or hypothetical one.
  const perp = inc.mentions.find((m) => PERPETRATOR_MODALITIES.has(m.modality) && m.source.length > 0 && ActorIndex.identifies(doc, m.source[0]!));
  return perp ? perp.source[0]! : null;
}
