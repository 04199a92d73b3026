import { unnamedSubjectBefore } from '../actors/resolve.js';
import { makeSpan } from '../doc/doc.js';
import type { ActorRef, Doc, Entity, Span, Token } from '../doc/types.js';
import { loadJsonResource } from '../resources.js';
import { compoundWeaponCode, weaponCode } from './lexicon.js';
import { type Clauses, type NounPhrase, lemmaOf } from './syntax.js';

/**
 * Actors of events: which noun phrases can be actors, the span an actor is reported
 * with, and the entity (doc.entities, from the entities stage) it is linked to by
 * mention overlap. Pronouns take the span and entity of their antecedent: the
 * entity whose mention covers the pronoun when the entities stage resolved it, else
 * the nearest earlier actor phrase that agrees in number.
 */

interface ActorFile {
  actorNouns: string[];
  placeNouns: string[];
  memberNouns: string[];
}

let nouns: { actor: Set<string>; place: Set<string>; member: Set<string> } | null = null;
export function actorNouns(): { actor: Set<string>; place: Set<string>; member: Set<string> } {
  if (!nouns) {
    const f = loadJsonResource<ActorFile>('lexicons/events/actors.json');
    nouns = { actor: new Set(f.actorNouns), place: new Set(f.placeNouns), member: new Set(f.memberNouns) };
  }
  return nouns;
}

type RefLike = { span: Span | null; entity: string | null };

/** The entity's latest mention before `offset` that is not a pronoun: the span that says who it is. */
export function latestNamedMention(entity: Entity, offset: number): Span | undefined {
  const named = entity.mentions.filter((m) => m.end <= offset && !/^(he|she|it|they|him|her|them|its|their|his)$/i.test(m.text));
  return named[named.length - 1];
}

/**
 * Whether a phrase names nobody by its first word: "no group", "none of them", "nobody",
 * or it asks who ("which side fired first", "whichever group did it").
 */
export function namesNobody(phrase: string): boolean {
  return /^(no|none|nobody|neither|which|what|whichever|whatever|whoever)$/i.test(phrase.split(/\s+/)[0] ?? '');
}

/** Whether the noun phrase opening at token `first` names nobody or asks who, by its first word or the determiner before it. */
export function phraseNamesNobody(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1];
  return namesNobody(tokens[first]!.norm) || (before?.pos === 'DET' && namesNobody(before.norm));
}

/** First-person pronouns: in a quotation, its speaker. */
const FIRST_PERSON = new Set(['we', 'our', 'us', 'i', 'my', 'me', 'ours']);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those']);

/** Lower-case words of a phrase, singular, without determiners and quote marks. */
/** Nouns that name the kind of organisation after its name ("the Red Hand movement"). */
const CLASS_NOUNS = new Set(['movement', 'group', 'militia', 'organisation', 'organization', 'party', 'faction', 'network', 'alliance', 'coalition', 'front']);

function words(text: string): string[] {
  return text.toLowerCase().replace(/[“”"'’]/g, '').split(/[\s-]+/).filter((w) => w && !DETERMINERS.has(w))
    .map((w) => w.replace(/ies$/, 'y').replace(/([^s])s$/, '$1'));
}

interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'da', 'van', 'von', 'der', 'du', 'le', 'la', 'ben']);
const DROP_ADJECTIVES = new Set(['angry', 'radical', 'young', 'recent', 'latest', 'last', 'first', 'new', 'other', 'several', 'many',
  'various', 'some', 'few', 'top', 'senior', 'junior', 'unidentified', 'unknown', 'suspected', 'alleged', 'so-called', 'main',
  'certain', 'numerous', 'more', 'most', 'least', 'about', 'nearly', 'almost', 'some', 'up', 'at', 'over', 'outgoing', 'incoming',
  'neighboring', 'neighbouring', 'rival', 'former', 'embattled', 'beleaguered', 'besieged', 'war-torn', 'troubled',
  'furious', 'frustrated', 'hardline', 'powerful', 'influential', 'key', 'leading', 'prominent', 'routinely', 'also', 'only', 'even', 'still']);

/** Words for perpetrators that describe without identifying: "gunmen attacked" names nobody. */
export const GENERIC_PERPETRATORS = new Set(['gunman', 'gunmen', 'man', 'men', 'people', 'person', 'attacker', 'assailant', 'militant',
  'suspect', 'bomber', 'fighter', 'individual', 'perpetrator', 'culprit', 'someone', 'somebody', 'group', 'kidnapper', 'hijacker', 'raider']);
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their', 'we', 'us', 'our']);
const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her']);
const DROP_LEADING = new Set(['DET', 'NUM', 'PRON']);
const COLLECTIVE = new Set(['group', 'government', 'administration', 'militia', 'army', 'police', 'military', 'committee',
  'council', 'coalition', 'alliance', 'movement', 'network', 'party', 'faction', 'regime', 'ministry', 'organization', 'organisation']);

/** Links spans of a document to its entities; built once per document. */
export class ActorIndex {
  private readonly mentions: MentionRef[];

  constructor(private readonly doc: Doc, private readonly clauses: Clauses, private readonly weapons: Map<string, string>) {
    this.mentions = [];
    for (const e of doc.entities) for (const m of e.mentions) this.mentions.push({ start: m.start, end: m.end, entity: e });
    this.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Mentions overlapping [start, end). */
  overlapping(start: number, end: number): MentionRef[] {
    const out: MentionRef[] = [];
    // Binary search for the first mention that could overlap.
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < start - 200) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.mentions.length; k++) {
      const m = this.mentions[k]!;
      if (m.start >= end) break;
      if (m.end > start) out.push(m);
    }
    return out;
  }

  /** The entity a span names: the mention covering the phrase head, else the longest overlap. */
  entityFor(start: number, end: number, headStart?: number): Entity | null {
    const hits = this.overlapping(start, end);
    if (hits.length === 0) return null;
    if (headStart !== undefined) {
      const onHead = hits.filter((m) => m.start <= headStart && headStart < m.end);
      if (onHead.length > 0) return onHead.sort((a, b) => (b.end - b.start) - (a.end - a.start))[0]!.entity;
    }
    return hits.sort((a, b) => (Math.min(b.end, end) - Math.max(b.start, start)) - (Math.min(a.end, end) - Math.max(a.start, start)))[0]!.entity;
  }

  entityById(id: string | null): Entity | null {
    return id ? this.doc.entities.find((e) => e.id === id) ?? null : null;
  }

  isWeapon(np: NounPhrase): boolean {
    return weaponCode(this.weapons, this.doc.tokens, np.first, np.head) !== undefined;
  }

  /** Do tokens `first` and `head` make a two-word weapon ("suicide bomber", "car bomb")? */
  isWeaponCompound(first: number, head: number): boolean {
    const tokens = this.doc.tokens;
    return compoundWeaponCode(this.weapons, tokens[first]!, tokens[head]!) !== undefined;
  }

  /** Is the phrase headed by an actor ("Indian diplomats"), not a thing an actor owns ("an Indian proposal")? */
  headIsActor(np: NounPhrase): boolean {
    const tokens = this.doc.tokens;
    const head = tokens[np.head]!;
    if (np.pronoun) return true;
    if (head.pos === 'PROPN') return true;
    if (actorNouns().actor.has(lemmaOf(head))) return true;
    const e = this.entityFor(head.start, head.end, head.start);
    return !!e && e.type !== 'OTHER';
  }

  /** Can this phrase be an actor (a person, group, institution or state)? */
  isActorLike(np: NounPhrase): boolean {
    const tokens = this.doc.tokens;
    if (np.pronoun) return true;
    if (this.isWeapon(np)) return false;
    if (this.clauses.isTime(np)) return false;
    const head = tokens[np.head]!;
    const e = this.entityFor(tokens[np.first]!.start, tokens[np.last - 1]!.end, head.start);
    if (e && e.type !== 'OTHER') return true;
    if (head.pos === 'PROPN') return true;
    if (actorNouns().actor.has(lemmaOf(head))) return true;
    for (let k = np.first; k < np.last; k++) {
      const t = tokens[k]!;
      if ((t.pos === 'PROPN' || t.pos === 'ADJ') && /^[A-Z]/.test(t.text)) return true;
    }
    return false;
  }

  /**
   * The actor reference for a phrase: leading determiners, numbers and plain
   * adjectives off ("the angry French farmers" -> "French farmers"); a pronoun points
   * at its antecedent.
   */
  actorRef(np: NounPhrase, withOrigin = false): ActorRef | null {
    const tokens = this.doc.tokens;
    const text = this.doc.text;
    if (np.pronoun) return this.pronounRef(np);
    let first = np.first;
    const keepFrom = np.possessor ? np.possessor[0] : np.last;
    // Evaluative and temporal adjectives go ("angry farmers", "the most recent militias");
    // classifying ones stay ("interior minister", "armed men", "rebel leaders").
    while (first < np.head && first < keepFrom) {
      const t = tokens[first]!;
      // A hyphenated evaluative adjective ("war-torn") goes whole.
      let end = first;
      while (end + 2 < np.last && this.glued(end)) end += 2;
      const word = end > first ? text.slice(t.start, tokens[end]!.end).toLowerCase() : t.norm;
      const plainAdj = (t.pos === 'ADJ' || t.pos === 'ADV' || end > first) && DROP_ADJECTIVES.has(word) && end < np.head;
      if (plainAdj) first = end + 1;
      else if (DROP_LEADING.has(t.pos)) first++;
      else break;
    }
    // "Human rights watchdog Amnesty International": a descriptor before a name goes;
    // a title stays ("Defense Secretary Lloyd Austin").
    const name = this.trailingName(first, np.last);
    if (name > first && name < np.last && !actorNouns().actor.has(lemmaOf(tokens[name - 1]!)) && tokens[name - 1]!.pos === 'NOUN' && !/^[A-Z]/.test(tokens[name - 1]!.text)) first = name;
    // "their forces": the group the pronoun stands for.
    if (np.possessor && tokens[np.possessor[0]]!.pos === 'PRON' && np.possessor[1] - np.possessor[0] === 1 && actorNouns().actor.has(lemmaOf(tokens[np.head]!))) {
      const owner = this.pronounRef({ first: np.possessor[0], last: np.possessor[1], head: np.possessor[0], possessor: null, pronoun: true, relative: false });
      if (owner) return owner;
    }
    const start = tokens[first]!.start;
    let end = tokens[np.last - 1]!.end;
    // "Rebels in the Ivory Coast", "students throughout Indonesia": a common-noun actor keeps where it is from.
    const where = tokens[np.last];
    const head = tokens[np.head]!;
    if (withOrigin && where && head.pos === 'NOUN' && ['in', 'from', 'throughout'].includes(where.norm)) {
      const place = this.clauses.phraseAt(np.last + 1);
      if (place && place.first === np.last + 1 && this.clauses.hasProper(place) && !this.clauses.isTime(place)) end = tokens[place.last - 1]!.end;
    }
    // "the president of Armenia", "inspectors of the IAEA": a role keeps whose it is.
    let ownerEntity: Entity | null = null;
    if (end === tokens[np.last - 1]!.end && where?.norm === 'of' && actorNouns().actor.has(lemmaOf(head)) && head.pos === 'NOUN') {
      const owner = this.clauses.phraseAt(np.last + 1);
      if (owner && owner.first === np.last + 1 && (this.clauses.hasProper(owner) || owner.possessor) && !this.clauses.isTime(owner)) {
        end = tokens[owner.last - 1]!.end;
        // "fighters of the Black Hills Army": members act as their group
        if (actorNouns().member.has(lemmaOf(head))) ownerEntity = this.entityFor(tokens[owner.first]!.start, end, tokens[owner.head]!.start);
      }
    }
    const entity = this.entityFor(start, tokens[np.last - 1]!.end, head.start) ?? ownerEntity;
    // A name with "of" in it ("The Sword of the Valley") runs past the phrase: take all of it.
    const whole = entity?.mentions.find((m) => m.start >= tokens[np.first]!.start && m.start <= start && m.end > end);
    if (whole) end = whole.end;
    return { span: makeSpan(text, start, end), entity: entity?.id ?? null };
  }

  /** Start of the run of proper nouns that ends the phrase, or `last` when it does not end in one. */
  private trailingName(first: number, last: number): number {
    const tokens = this.doc.tokens;
    let k = last;
    // Name particles and hyphens belong to the name: "Mustafa al-Kadhimi", "Abu Musab al-Zarqawi".
    while (k > first && (tokens[k - 1]!.pos === 'PROPN' || /^[-‐‑]$/.test(tokens[k - 1]!.text) || NAME_PARTICLES.has(tokens[k - 1]!.norm) || this.glued(k - 1))) k--;
    return k === last ? last : k;
  }

  private glued(i: number): boolean {
    const next = this.doc.tokens[i + 1];
    return !!next && next.start === this.doc.tokens[i]!.end && /^[-‐‑]$/.test(next.text);
  }

  private pronounRef(np: NounPhrase): ActorRef | null {
    const tokens = this.doc.tokens;
    const text = this.doc.text;
    const t = tokens[np.first]!;
    const covering = this.entityFor(t.start, t.end, t.start);
    if (covering) {
      // Report the entity's nearest earlier named mention, so the span says who it is.
      const span = latestNamedMention(covering, t.start) ?? makeSpan(text, t.start, t.end);
      return { span, entity: covering.id };
    }
    // "'Our naval forces targeted the tanker,' the group's spokesman said": a first person in
    // a quotation is its speaker, or the group a spokesman speaks for
    if (FIRST_PERSON.has(t.norm)) {
      const speaker = this.quoteSpeaker(t.start);
      if (speaker) return speaker;
    }
    const ante = this.antecedent(np);
    if (ante) return this.actorRef(ante);
    if (t.norm === 'we' || t.norm === 'i') return { span: makeSpan(text, t.start, t.end), entity: null };
    return null;
  }

  /** The speaker of the direct quotation holding the offset: the group a spokesperson speaks for, else the source. */
  private quoteSpeaker(offset: number): ActorRef | null {
    const doc = this.doc;
    const quote = doc.attributions.find((a) => a.direct && a.content.start <= offset && offset < a.content.end && a.source);
    if (!quote?.source) return null;
    const source = quote.source;
    const spokes = /\b(spokes(man|woman|person)|representative)\b/i.test(source.text);
    if (spokes) {
      // "the group's military spokesman", "Hamas's spokesman": the owner before the possessive
      for (const e of doc.entities) {
        const m = e.mentions.find((x) => x.start >= source.start && x.end <= source.end && /^['’]s\b/.test(doc.text.slice(x.end, x.end + 3)));
        if (m) return { span: latestNamedMention(e, m.end) ?? m, entity: e.id };
      }
    }
    const entity = quote.sourceEntity ? doc.entities.find((e) => e.id === quote.sourceEntity) : undefined;
    return { span: (entity && latestNamedMention(entity, source.end)) ?? source, entity: quote.sourceEntity };
  }

  /** Nearest earlier actor phrase (this sentence and the two before) agreeing with the pronoun. */
  antecedent(np: NounPhrase): NounPhrase | null {
    const tokens = this.doc.tokens;
    const pron = tokens[np.first]!.norm;
    const plural = PLURAL_PRONOUNS.has(pron);
    const person = PERSON_PRONOUNS.has(pron);
    const sentence = tokens[np.first]!.sentence;
    const phrases = this.clauses.phrases;
    let k = this.clauses.phraseIndexAt(np.first) - 1;
    // "The military said its aircraft …": a subject the chunker did not take for a phrase
    // still comes before anything in earlier sentences.
    const ownSentenceOnly = unnamedSubjectBefore(tokens, np.first);
    for (; k >= 0; k--) {
      const cand = phrases[k]!;
      if (tokens[cand.first]!.sentence < sentence - 2 || (ownSentenceOnly && tokens[cand.first]!.sentence < sentence)) break;
      if (cand.pronoun || cand.relative || phraseNamesNobody(tokens, cand.first)) continue;
      if (!this.isActorLike(cand)) continue;
      // Phrases inside a prepositional phrase ("in Iraq", "slogans of the Black Banner
      // movement") are rarely what a subject pronoun means; "the leader of the group" is
      // found by its head phrase before "of".
      const before = tokens[cand.first - 1];
      if (before && before.pos === 'ADP' && cand.first > 0) continue;
      const head = tokens[cand.head]!;
      const lem = lemmaOf(head);
      // A plural shows in the lemma ("militias" -> militia); a proper noun is not lemmatised,
      // so "the Coastal Rebels" counts as plural for "they" by its form.
      const isPlural = head.norm !== lem && /s$/.test(head.norm) && head.pos !== 'PRON';
      const looksPlural = head.pos === 'PROPN' && /[^s]s$/.test(head.norm);
      if (plural && !(isPlural || looksPlural || COLLECTIVE.has(lem) || this.conjoinedAt(cand))) continue;
      if (!plural && isPlural) continue;
      if (person && !(head.pos === 'PROPN' || actorNouns().actor.has(lem))) continue;
      return cand;
    }
    return null;
  }

  private conjoinedAt(np: NounPhrase): boolean {
    return this.doc.tokens[np.last]?.norm === 'and';
  }

  /**
   * Do two references name the same actor? The same entity; or an entity and a phrase
   * whose head word and capitalised words all occur in the entity's mentions ("the
   * brigade" and Northern Shield Brigade); or two phrases with the same words.
   */
  static same(doc: Doc, a: RefLike | null, b: RefLike | null): boolean {
    if (!a || !b) return false;
    if (a.entity && b.entity) return a.entity === b.entity;
    if (a.entity || b.entity) {
      const [withEntity, plain] = a.entity ? [a, b] : [b, a];
      const e = doc.entities.find((x) => x.id === withEntity.entity);
      if (!e || !plain.span) return false;
      const known = new Set([e.name, ...e.aliases, ...e.mentions.map((m) => m.text)].flatMap(words));
      const w = words(plain.span.text);
      if (w.length === 0) return false;
      // "two groups claim attack": a bare plural class noun is several actors, not the one named
      if (w.length === 1 && CLASS_NOUNS.has(w[0]!) && /s$/i.test(plain.span.text)) return false;
      // "the Black Banner movement" is the Black Banner: a class noun after a name adds nothing.
      const head = w.length > 1 && CLASS_NOUNS.has(w[w.length - 1]!) && !known.has(w[w.length - 1]!) ? w[w.length - 2]! : w[w.length - 1]!;
      const capitals = plain.span.text.split(/[\s-]+/).filter((x) => /^[A-Z]/.test(x)).map((x) => words(x)[0] ?? '');
      return known.has(head) && capitals.every((c) => c === '' || known.has(c));
    }
    if (!a.span || !b.span) return false;
    return words(a.span.text).join(' ') === words(b.span.text).join(' ');
  }

  /** Does the reference identify someone ("the Red Hand", "Israeli troops"), not just describe ("gunmen")? */
  static identifies(doc: Doc, ref: RefLike | null): boolean {
    if (!ref?.span) return false;
    const w = words(ref.span.text);
    const head = w[w.length - 1] ?? '';
    if (!GENERIC_PERPETRATORS.has(head) && !GENERIC_PERPETRATORS.has(head + 's')) return true;
    if (ref.entity) {
      const e = doc.entities.find((x) => x.id === ref.entity);
      if (e && /[A-Z]/.test(e.name) && !GENERIC_PERPETRATORS.has(words(e.name).slice(-1)[0] ?? '')) return true;
    }
    return /\b[A-Z][a-z]/.test(ref.span.text.replace(/^\S+/, ''));
  }

  /**
   * Could the two name the same actor? The same actor, or one's words all among the
   * other's ("Rebels" and "the Coastal Rebels"; not "Israeli forces" and "U.S. forces").
   */
  static compatible(doc: Doc, a: RefLike | null, b: RefLike | null): boolean {
    if (ActorIndex.same(doc, a, b)) return true;
    if (!a?.span || !b?.span) return false;
    if (a.entity && b.entity) return false;
    const wa = words(a.span.text);
    const wb = words(b.span.text);
    if (wa.length === 0 || wb.length === 0) return false;
    return wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w));
  }

  /** Looser than same(): also two phrases with the same head word ("Northern Front" and "the Front"). */
  static similar(doc: Doc, a: RefLike | null, b: RefLike | null): boolean {
    if (ActorIndex.same(doc, a, b)) return true;
    if (!a?.span || !b?.span) return false;
    const wa = words(a.span.text);
    const wb = words(b.span.text);
    return wa.length > 0 && wa[wa.length - 1] === wb[wb.length - 1];
  }

  /** A stable key for "the same actor": the entity id, else the head lemma of the phrase text. */
  static keyOf(ref: ActorRef | { span: Span | null; entity: string | null } | null): string | null {
    if (!ref) return null;
    if (ref.entity) return ref.entity;
    if (!ref.span) return null;
    const words = ref.span.text.toLowerCase().replace(/[“”"'’]/g, '').split(/[\s-]+/).filter(Boolean);
    const last = words[words.length - 1] ?? '';
    return 'text:' + last.replace(/(ies)$/, 'y').replace(/(s)$/, '');
  }
}
