import { attributionWithCueAt, makeSpan, tokenIndexAt } from '../../doc/doc.js';
import type { Attribution, Doc, Entity, Label, Span, Token } from '../../doc/types.js';
import { isHyphen } from '../../actors/chars.js';
import { loadJsonResource } from '../../resources.js';

/**
 * Stage `labels`: the words with which a text characterises an actor, and who uses
 * them (docs/entities.md). Patterns, each general:
 *
 * - premodifier compounds X-backed / X-aligned / X-sponsored / … and pro-X / anti-X
 *   ("Iranian-backed militias", "pro-Iran factions");
 * - characterising nouns: before the head ("Iranian proxy militias"), as the head
 *   ("the proxies", "a terrorist group"), and after a name ("the terrorist group Hamas");
 * - "so-called X";
 * - appositives: "X, a hardline paramilitary group,";
 * - self-naming: "X calls itself Y", "X, which describes itself as Y".
 *
 * The label's `entity` is the actor it describes: the entity mentioned in the noun
 * phrase the label belongs to. A labelled group with no name ("the militias") gets a
 * GROUP entity named by its head noun phrase if the entities stage has none.
 * `usedBy` is the source of the innermost attribution whose content holds the label, when
 * the content is the source's wording (a quotation or a reported clause; see labelSpeaker),
 * else the author; a self-name is used by the actor itself.
 */

interface LabelLexicon {
  compoundParticiples: string[];
  prefixes: string[];
  nouns: string[];
  adjectives: string[];
  selfNaming: string[];
  appositiveHeads: string[];
}

interface CompiledLabels {
  participles: Set<string>;
  prefixes: Set<string>;
  /** Characterising nouns, single words and multiword phrases (as word arrays). */
  nouns: Set<string>;
  /** Multiword phrases by their first word, longest first (as word arrays). */
  nounPhrases: Map<string, string[][]>;
  adjectives: Set<string>;
  selfNaming: Set<string>;
  appositiveHeads: Set<string>;
}

let compiled: CompiledLabels | null = null;

function labelLexicon(): CompiledLabels {
  if (compiled) return compiled;
  const raw = loadJsonResource<LabelLexicon>('lexicons/actors/labels.json');
  compiled = {
    participles: new Set(raw.compoundParticiples),
    prefixes: new Set(raw.prefixes),
    nouns: new Set(raw.nouns.filter((n) => !n.includes(' '))),
    nounPhrases: byFirstWord(raw.nouns.filter((n) => n.includes(' ')).map((n) => n.split(' ')).sort((a, b) => b.length - a.length)),
    adjectives: new Set(raw.adjectives),
    selfNaming: new Set(raw.selfNaming),
    appositiveHeads: new Set(raw.appositiveHeads),
  };
  return compiled;
}

/** Phrases grouped by first word, each group in the given order. */
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const list = out.get(phrase[0]!);
    if (list) list.push(phrase);
    else out.set(phrase[0]!, [phrase]);
  }
  return out;
}

const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

interface LabelWork {
  doc: Doc;
  lex: CompiledLabels;
  /** Entity of the innermost mention covering each token, or null. */
  entityAt: (Entity | null)[];
  labels: Label[];
  seen: Set<string>;
}

export function labelsStage(doc: Doc): void {
  const lex = labelLexicon();
  const work: LabelWork = { doc, lex, entityAt: entityIndex(doc), labels: [], seen: new Set() };
  // Each pattern over the whole text in turn (the order of patterns decides which claims a
  // span first): small loops V8 optimises one by one, instead of one loop that inlines all.
  for (const pattern of PATTERNS) eachToken(work, pattern);
  work.labels.sort((a, b) => a.label.start - b.label.start);
  doc.labels = work.labels;
}

type Pattern = (work: LabelWork, t: number) => void;

function eachToken(work: LabelWork, pattern: Pattern): void {
  const n = work.doc.tokens.length;
  for (let t = 0; t < n; t++) pattern(work, t);
}

/** For each token, the entity whose (shortest) mention covers it. */
function entityIndex(doc: Doc): (Entity | null)[] {
  const at: (Entity | null)[] = new Array(doc.tokens.length).fill(null);
  const width: number[] = new Array(doc.tokens.length).fill(Infinity);
  let t0 = 0;
  const mentions: { span: Span; entity: Entity }[] = [];
  for (const e of doc.entities) for (const span of e.mentions) mentions.push({ span, entity: e });
  mentions.sort((a, b) => a.span.start - b.span.start);
  for (const { span, entity } of mentions) {
    while (t0 < doc.tokens.length && doc.tokens[t0]!.end <= span.start) t0++;
    for (let t = t0; t < doc.tokens.length && doc.tokens[t]!.start < span.end; t++) {
      const w = span.end - span.start;
      if (w < width[t]!) {
        width[t] = w;
        at[t] = entity;
      }
    }
  }
  return at;
}

function attached(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}

// ---------------------------------------------------------------------------
// The noun phrase a premodifier belongs to

/** The head token of the noun phrase that continues after token `from`. */
function headAfter(tokens: Token[], from: number): number | null {
  let head: number | null = null;
  for (let k = from; k < tokens.length && tokens[k]!.sentence === tokens[from]!.sentence; k++) {
    const tok = tokens[k]!;
    if (/^["“”‘’]$/.test(tok.text)) {
      if (head !== null) break;
      continue;
    }
    if (isHyphen(tok.text) && attached(tokens[k - 1], tok)) continue;
    if (NP_POS.has(tok.pos) || (tok.pos === 'VERB' && isHyphen(tokens[k - 1]?.text ?? ''))) {
      if (tok.pos === 'NOUN' || tok.pos === 'PROPN') head = k;
      continue;
    }
    if (tok.pos === 'CCONJ' && head === null) continue;
    break;
  }
  return head;
}

/** The entity a noun phrase refers to; a new GROUP entity for an unnamed labelled collective. */
function entityOfPhrase(work: LabelWork, first: number, head: number): Entity | null {
  const { doc } = work;
  const found = work.entityAt[head] ?? work.entityAt[first];
  if (found) return found;
  const tok = doc.tokens[head]!;
  if (tok.pos !== 'NOUN' || !/s$/.test(tok.norm) && !work.lex.appositiveHeads.has(tok.norm)) return null;
  // "described as a terrorist militia": a predicate names no actor of its own.
  let k = first - 1;
  while (k >= 0 && (/^["“‘]$/.test(doc.tokens[k]!.text) || doc.tokens[k]!.norm === 'a' || doc.tokens[k]!.norm === 'an' || doc.tokens[k]!.pos === 'ADJ' || doc.tokens[k]!.pos === 'NOUN')) k--;
  if (doc.tokens[k]?.norm === 'as') return null;
  // A labelled collective the entities stage did not name: "the militias".
  const name = tok.text;
  let entity = doc.entities.find((e) => e.name.toLowerCase() === name.toLowerCase() && e.type === 'GROUP');
  const span = makeSpan(doc.text, tok.start, tok.end);
  if (!entity) {
    entity = { id: `e${doc.entities.length + 1}`, type: 'GROUP', name, aliases: [], mentions: [], code: null, country: null, coordinates: null };
    doc.entities.push(entity);
  }
  if (!entity.mentions.some((m) => m.start === span.start)) {
    entity.mentions.push(span);
    entity.mentions.sort((a, b) => a.start - b.start);
  }
  work.entityAt[head] = entity;
  return entity;
}

// ---------------------------------------------------------------------------
// Patterns

/** X-backed, X-aligned, …; pro-X, anti-X. */
function compoundLabel(work: LabelWork, t: number): void {
  const { tokens } = work.doc;
  const tok = tokens[t]!;
  let start: number | null = null;
  let end = t;
  // X - backed
  if (work.lex.participles.has(tok.norm) && isHyphen(tokens[t - 1]?.text ?? '') && attached(tokens[t - 2], tokens[t - 1]) && attached(tokens[t - 1], tok)) {
    start = t - 2;
    // Two-word patrons stay whole: U.S.-backed, Saudi-led.
  }
  // pro-Iran (one token) or pro - Iran
  // Only an ASCII p or a can start pro-X / anti-X (the /i match folds no other letter to them).
  const c0 = tok.text.charCodeAt(0) | 32;
  const parts = c0 === 112 || c0 === 97 ? /^(pro|anti)[-‐‑](.+)$/i.exec(tok.text) : null;
  if (parts && work.lex.prefixes.has(parts[1]!.toLowerCase())) start = t;
  if (work.lex.prefixes.has(tok.norm) && isHyphen(tokens[t + 1]?.text ?? '') && attached(tok, tokens[t + 1]) && attached(tokens[t + 1], tokens[t + 2])) {
    start = t;
    end = t + 2;
  }
  if (start === null) return;
  const head = headAfter(tokens, end + 1);
  if (head === null) return;
  const entity = entityOfPhrase(work, end + 1, head);
  if (entity) addLabel(work, entity, start, end + 1);
}

/** so-called X */
function soCalledLabel(work: LabelWork, t: number): void {
  const { tokens } = work.doc;
  const tok = tokens[t]!;
  let after: number;
  if (tok.text.length === 9 && /^so[-‐‑]called$/i.test(tok.text)) after = t + 1;
  else if (tok.norm === 'so' && isHyphen(tokens[t + 1]?.text ?? '') && tokens[t + 2]?.norm === 'called') after = t + 3;
  else return;
  const head = headAfter(tokens, after);
  if (head === null) return;
  const entity = entityOfPhrase(work, after, head);
  if (entity) addLabel(work, entity, t, head + 1);
}

/** The characterising noun phrase starting at t, as [start, end) of the noun(s). */
function labelNounAt(work: LabelWork, t: number): number | null {
  const { tokens } = work.doc;
  const tok = tokens[t]!;
  const phrases = work.lex.nounPhrases.get(tok.norm);
  if (phrases) {
    for (const phrase of phrases) {
      let k = 1;
      while (k < phrase.length && tokens[t + k]?.norm === phrase[k]) k++;
      if (k === phrase.length) return t + phrase.length;
    }
  }
  if (work.lex.nouns.has(tok.norm) && (tok.pos === 'NOUN' || tok.pos === 'ADJ' || tok.pos === 'PROPN')) return t + 1;
  return null;
}

/**
 * Characterising nouns: "the Iranian proxy militias" (label before the head),
 * "the terrorist group Hamas" (label before a name), "the proxies" (label as head,
 * for an entity mention that spans it).
 */
function nounLabel(work: LabelWork, t: number): void {
  const { tokens } = work.doc;
  const end = labelNounAt(work, t);
  if (end === null) return;
  // Inside a proper name ("Coordinating Committee for the Resistance Factions") it is the name.
  if (/^[A-Z]/.test(tokens[t]!.text) && work.entityAt[t] && work.entityAt[t]!.type !== 'OTHER' && isInsideName(work, t)) return;
  const next = tokens[end];
  let entity: Entity | null = null;
  const premodifier = !!next && next.sentence === tokens[t]!.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN');
  if (premodifier) {
    const head = headAfter(tokens, end);
    if (head !== null) entity = entityOfPhrase(work, end, head);
  } else {
    // The label is the head: the phrase is itself a mention of the entity it labels.
    entity = work.entityAt[end - 1] ?? null;
  }
  if (!entity) return;
  // Take in the describing words before it: nationality, adjectives (Iranian proxy).
  let start = t;
  for (;;) {
    const prev = tokens[start - 1];
    if (!prev || prev.sentence !== tokens[t]!.sentence) break;
    const owner = work.entityAt[start - 1];
    // A nationality belongs to a label before the head (Iranian proxy militias); before a
    // head label it names the actor (Syrian rebels), not the label.
    const describing = prev.pos === 'ADJ' || work.lex.adjectives.has(prev.norm) || (premodifier && prev.pos === 'PROPN' && (!owner || owner === entity));
    if (!describing || (owner && owner !== entity)) break;
    start--;
  }
  addLabel(work, entity, start, end);
}

/** A capitalised label word that is part of a multiword proper name. */
function isInsideName(work: LabelWork, t: number): boolean {
  const e = work.entityAt[t]!;
  const tok = work.doc.tokens[t]!;
  return e.mentions.some((m) => m.start <= tok.start && m.end >= tok.end && /\s/.test(m.text) && /^[A-Z]/.test(m.text));
}

/** "X, a hardline paramilitary group," — an appositive description of a named actor. */
function appositiveLabel(work: LabelWork, t: number): void {
  const { tokens } = work.doc;
  if (tokens[t]!.text !== ',') return;
  const entity = work.entityAt[t - 1];
  if (!entity || entity.type === 'PERSON') return;
  let k = t + 1;
  const det = tokens[k];
  if (!det || !['a', 'an', 'the'].includes(det.norm)) return;
  k++;
  let head: number | null = null;
  for (; k < tokens.length && tokens[k]!.sentence === tokens[t]!.sentence; k++) {
    const tok = tokens[k]!;
    if (isHyphen(tok.text) || NP_POS.has(tok.pos) || (tok.pos === 'VERB' && isHyphen(tokens[k - 1]?.text ?? ''))) {
      if (work.lex.appositiveHeads.has(tok.norm)) head = k;
      continue;
    }
    break;
  }
  if (head === null) return;
  // The description ends at its head: a comma, a full stop, or a relative clause follows.
  const after = tokens[head + 1];
  if (after && !/^[,.;:)—–]$/.test(after.text) && !['that', 'which', 'who', 'backed', 'based', 'with', 'in', 'of', 'from'].includes(after.norm)) return;
  addLabel(work, entity, t + 1, head + 1);
}

/** "X calls itself Y", "X, which describes itself as Y". */
function selfNamingLabel(work: LabelWork, t: number): void {
  const { tokens } = work.doc;
  const tok = tokens[t]!;
  if (tok.norm !== 'itself' && tok.norm !== 'themselves') return;
  const verb = tokens[t - 1];
  if (!verb || !work.lex.selfNaming.has(verb.norm)) return;
  let y = t + 1;
  if (tokens[y]?.norm === 'as') y++;
  if (tokens[y]?.norm === 'the' || tokens[y]?.norm === 'a' || tokens[y]?.norm === 'an') y++;
  const first = y;
  let end = y;
  const named = work.entityAt[first];
  if (named) {
    // Y is a name: the whole mention.
    const tokStart = tokens[first]!.start;
    const mention = named.mentions.find((m) => m.start <= tokStart && m.end > tokStart);
    while (end < tokens.length && mention && tokens[end]!.end <= mention.end) end++;
  } else {
    const head = headAfter(tokens, first);
    if (head === null) return;
    end = head + 1;
  }
  if (end <= first) return;
  const subject = subjectBefore(work, t - 1);
  if (!subject) return;
  const label = makeSpan(work.doc.text, tokens[first]!.start, tokens[end - 1]!.end);
  pushLabel(work, subject.entity, label, { span: subject.span, entity: subject.entity.id, author: false });
}

/**
 * Someone else's naming: "Kataib Hezbollah, which he described as "a terrorist militia"",
 * "The minister called the group a criminal gang", "branded the movement as extremists".
 * The label is the named phrase (up to its head noun); the speaker is the describer.
 */
function otherNamingLabel(work: LabelWork, t: number): void {
  const { tokens } = work.doc;
  const verb = tokens[t]!;
  if (verb.pos !== 'VERB' || !work.lex.selfNaming.has(verb.norm)) return;
  const next = tokens[t + 1];
  if (!next || next.norm === 'itself' || next.norm === 'themselves' || next.sentence !== verb.sentence) return;
  let entity: Entity | null = null;
  let describer: { entity: Entity | null; span: Span } | null = null;
  let y = t + 1;
  // "E, which SUBJ described as Y": the subject sits between the relative pronoun and the verb.
  let k = t - 1;
  while (k >= 0 && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV')) k--;
  const subjectEnd = k;
  while (k >= 0 && (NP_POS.has(tokens[k]!.pos) || tokens[k]!.pos === 'PRON' || tokens[k]!.pos === 'DET') && !RELATIVE.has(tokens[k]!.norm)) k--;
  if (k < subjectEnd && k >= 1 && RELATIVE.has(tokens[k]!.norm)) {
    const before = tokens[k - 1]?.text === ',' ? k - 2 : k - 1;
    entity = work.entityAt[before] ?? null;
    const span = makeSpan(work.doc.text, tokens[k + 1]!.start, tokens[subjectEnd]!.end);
    describer = { entity: work.entityAt[subjectEnd] ?? null, span };
  } else {
    // "SUBJ called E Y", "SUBJ described E as Y": E is the named object.
    let o = t + 1;
    if (tokens[o]?.norm === 'the') o++;
    entity = work.entityAt[o] ?? null;
    if (!entity) return;
    while (o < tokens.length && work.entityAt[o] === entity) o++;
    y = o;
    const subject = subjectBefore(work, t);
    if (subject) describer = { entity: subject.entity, span: subject.span };
    else {
      // an unnamed describer ("The minister called the group a criminal gang") is the
      // source of the report the naming verb is the cue of
      const report = attributionWithCueAt(work.doc.attributions, verb.start);
      if (report?.source) describer = { entity: work.doc.entities.find((e) => e.id === report.sourceEntity) ?? null, span: report.source };
    }
  }
  if (!entity || !describer || describer.entity === entity) return;
  if (tokens[y]?.norm === 'as') y++;
  while (tokens[y] && /^["“‘]$/.test(tokens[y]!.text)) y++;
  if (tokens[y] && ['a', 'an', 'the'].includes(tokens[y]!.norm)) y++;
  const head = tokens[y] && tokens[y]!.sentence === verb.sentence ? headAfter(tokens, y) : null;
  if (head === null || head - y > 5) return;
  const label = makeSpan(work.doc.text, tokens[y]!.start, tokens[head]!.end);
  pushLabel(work, entity, label, { span: describer.span, entity: describer.entity?.id ?? null, author: false });
}

const RELATIVE = new Set(['which', 'whom', 'that']);

/** The clause subject before a verb: after "which", the mention before the comma; else the sentence's first mention not governed by a preposition. */
function subjectBefore(work: LabelWork, verb: number): { entity: Entity; span: Span } | null {
  const { tokens } = work.doc;
  const sentence = tokens[verb]!.sentence;
  let k = verb - 1;
  while (k >= 0 && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART')) k--;
  if (k >= 0 && (tokens[k]!.norm === 'which' || tokens[k]!.norm === 'who' || tokens[k]!.norm === 'that')) {
    let j = k - 1;
    if (tokens[j]?.text === ',') j--;
    const e = work.entityAt[j];
    if (e) return { entity: e, span: mentionSpanAt(work, e, j) };
    return null;
  }
  let first = verb - 1;
  while (first > 0 && tokens[first - 1]!.sentence === sentence) first--;
  // the naming verb's own clause: after "while", "that", "but" or a semicolon ("The Pentagon
  // described X as …, while the prime minister called the group …")
  for (let j = verb - 1; j > first; j--) {
    const t = tokens[j]!;
    if (t.pos === 'SCONJ' || t.norm === 'while' || t.norm === 'whereas' || t.norm === 'but' || t.text === ';') {
      first = j + 1;
      break;
    }
  }
  for (let j = first; j < verb; j++) {
    const e = work.entityAt[j];
    if (!e) continue;
    const before = tokens[j - 1];
    if (before && before.sentence === sentence && before.pos === 'ADP' && before.norm !== 'of') continue;
    // "Velmar's prime minister called …": the possessor is not the subject; its head's entity is
    let end = j;
    while (end + 1 < verb && work.entityAt[end + 1] === e) end++;
    const owned = /^['’]s$/.test(tokens[end + 1]?.text ?? '') ? work.entityAt[end + 2] : undefined;
    if (owned && owned !== e) return { entity: owned, span: mentionSpanAt(work, owned, end + 2) };
    return { entity: e, span: mentionSpanAt(work, e, j) };
  }
  return null;
}

function mentionSpanAt(work: LabelWork, e: Entity, t: number): Span {
  const at = work.doc.tokens[t]!.start;
  return e.mentions.find((m) => m.start <= at && m.end > at) ?? e.mentions[0]!;
}

// ---------------------------------------------------------------------------

function addLabel(work: LabelWork, entity: Entity, start: number, end: number): void {
  const { doc } = work;
  const span = makeSpan(doc.text, doc.tokens[start]!.start, doc.tokens[end - 1]!.end);
  pushLabel(work, entity, span, labelSpeaker(doc, span));
}

function pushLabel(work: LabelWork, entity: Entity, span: Span, usedBy: Label['usedBy']): void {
  // One label per span: the first pattern to claim a span (or a span inside it) wins.
  for (const l of work.labels) {
    if (l.entity === entity.id && l.label.start <= span.start && l.label.end >= span.end) return;
  }
  work.labels = work.labels.filter((l) => !(l.entity === entity.id && span.start <= l.label.start && span.end >= l.label.end));
  const key = `${entity.id}:${span.start}:${span.end}`;
  if (work.seen.has(key)) return;
  work.seen.add(key);
  work.labels.push({ entity: entity.id, label: span, usedBy });
}

/**
 * Who uses words at `span`: the source of the innermost attribution whose content holds
 * them, when that content is the source's wording — a quotation (whole or partial), a
 * reported clause, or what an act of speech names ("blamed the attacks on Shia-backed
 * militias"); else the author. A belief or intention ("believes …", "plans …") and an
 * order's or request's bare noun phrase ("ordered strikes on Iranian-backed militias")
 * are told in the author's words.
 */
export function labelSpeaker(doc: Pick<Doc, 'attributions' | 'entities' | 'tokens' | 'text'>, span: Span): Label['usedBy'] {
  let best: Attribution | null = null;
  for (const a of doc.attributions) {
    if (a.content.start > span.start || a.content.end < span.end) continue;
    if (!a.source && !a.sourceEntity) continue;
    if (!best || a.content.end - a.content.start < best.content.end - best.content.start) best = a;
  }
  if (!best || !(best.direct || quotedWithin(doc.text, best.content.start, span.start) || inSourceWording(doc.tokens, best)) ||
      (!best.direct && contrastedAway(doc.text, best.content.start, span.start))) {
    return { span: null, entity: null, author: true };
  }
  const entity = best.sourceEntity && doc.entities.some((e) => e.id === best!.sourceEntity) ? best.sourceEntity : null;
  return { span: best.source, entity, author: false };
}

/**
 * Is the label the other term of a contrast the reporter draws ("blaming the attacks on
 * 'Shia-backed militias' rather than 'Iranian-backed militias'")? The source chose one
 * term instead of the other: the rejected one is the reporter's word.
 */
function contrastedAway(text: string, from: number, at: number): boolean {
  return /\b(rather than|instead of)\b[^.;:]*$/i.test(text.slice(from, at));
}

/** Is offset `at` inside a quotation that opens after `from` (“Shia-backed militias”)? */
function quotedWithin(text: string, from: number, at: number): boolean {
  let open = false;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

/** Is an indirect attribution's content the source's wording: not a belief or intention; for an order or request, a reported clause (it has a verb)? */
function inSourceWording(tokens: Token[], a: Attribution): boolean {
  if (a.cueType === 'believe' || a.cueType === 'intend') return false;
  if (a.cueType !== 'demand') return true;
  for (let k = tokenIndexAt(tokens, a.content.start); k < tokens.length && tokens[k]!.start < a.content.end; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX') return true;
    // A participle inside a noun phrase ("Iranian-backed", "including") makes no clause.
    if (t.pos === 'VERB' && !t.norm.endsWith('ing') && !isHyphen(tokens[k - 1]?.text ?? '')) return true;
  }
  return false;
}

/** The label patterns, in the order they claim spans. */
const PATTERNS: Pattern[] = [compoundLabel, soCalledLabel, nounLabel, appositiveLabel, selfNamingLabel, otherNamingLabel];
