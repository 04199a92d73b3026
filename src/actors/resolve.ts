import { datelineAt } from '../doc/dateline.js';
import { makeSpan, partitionPoint } from '../doc/doc.js';
import type { Entity, EntityType, Token } from '../doc/types.js';
import { combineCodes, isCountryCode } from './codes.js';
import { lookupPlace, placesNamed } from './gazetteer.js';
import type { ActorLexicon } from './lexicon.js';
import { isAcronym, nameKey, nameKeyWords, skeletonKey, wordKey } from './normalize.js';
import type { Mention, MentionKind } from './recognize.js';

/**
 * Entity resolution: groups a document's mentions into entities, one per real-world
 * actor, and adds pronouns and definite descriptions where the antecedent is clear.
 *
 * Names join an entity when they are the same actor in the lexicon, or share its
 * name key (al-Kadhimi = Kadhimi), its multiword skeleton (Kataib / Kait'ib
 * Hezbollah), an acronym it defined in parentheses, or — for people — its surname
 * (Austin after Lloyd Austin). Nominal actors join by head and actor (U.S. troops;
 * the militias). Pronouns join the nearest compatible entity in the same or the
 * previous sentence, and only when no other compatible entity competes there.
 */

export interface ResolvedEntity {
  entity: Entity;
  /** Mentions as recognised (token ranges), in text order. */
  mentions: Mention[];
  lexiconId: string | null;
  keys: Set<string>;
  skeletons: Set<string>;
  acronyms: Set<string>;
  roles: Set<string>;
  gender: 'm' | 'f' | null;
  plural: boolean;
  /** Nominal key (head + actor), for nominal entities. */
  nominalKey: string | null;
  /** Where the entity was last mentioned (token index), for pronoun resolution. */
  lastToken: number;
  /** Owns a state's institutions in the text ("Velm's army", "Velm's ambassador"). */
  ownsState: boolean;
}

const SPEECH_LEMMAS = new Set(['say', 'tell', 'add', 'claim', 'deny', 'insist', 'warn', 'note', 'argue', 'announce', 'state', 'write', 'explain', 'reply', 'respond', 'confirm', 'accuse']);
/**
 * Heads of nominals that only a state has (not "government" or "administration", which
 * a leader's name may own: "the Biden administration").
 */
const STATE_INSTITUTIONS = /^(army|navy|air force|armed forces|military|border guards?|coast guard|ambassador|embassy|parliament|(foreign|defen[cs]e|interior|home) (ministry|minister|secretary)|ministry of .*)$/;

const NEIGHBOURING = new Set(['neighbouring', 'neighboring']);
const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'across', 'outside', 'inside', 'around', 'toward', 'towards', 'via', 'through']);

/** Definite descriptions and the entity types (and nominal heads) they can refer to. */
/**
 * Definite descriptions that refer back to an actor named before. `bloc`: "the alliance",
 * "the coalition" refer to an alliance of states (an IGO code) or an actor so named, never
 * to whichever ministry or agency was named last.
 */
const DESCRIPTIONS = new Map<string, { types: EntityType[]; plural: boolean; heads?: string[]; bloc?: boolean }>(Object.entries({
  group: { types: ['GROUP', 'ORG'], plural: false },
  groups: { types: ['GROUP'], plural: true },
  organization: { types: ['ORG', 'GROUP'], plural: false },
  organisation: { types: ['ORG', 'GROUP'], plural: false },
  movement: { types: ['GROUP'], plural: false },
  militia: { types: ['GROUP'], plural: false, heads: ['militia'] },
  militias: { types: ['GROUP'], plural: true, heads: ['militia'] },
  faction: { types: ['GROUP'], plural: false },
  factions: { types: ['GROUP'], plural: true },
  country: { types: ['GPE'], plural: false },
  nation: { types: ['GPE'], plural: false },
  kingdom: { types: ['GPE'], plural: false },
  agency: { types: ['ORG'], plural: false },
  outlet: { types: ['ORG'], plural: false },
  alliance: { types: ['ORG', 'GROUP'], plural: false, heads: ['alliance'], bloc: true },
  coalition: { types: ['ORG', 'GROUP'], plural: false, heads: ['coalition'], bloc: true },
  rebels: { types: ['GROUP'], plural: true },
  militants: { types: ['GROUP'], plural: true },
}));

const PRONOUNS = new Map<string, { person: boolean; gender: 'm' | 'f' | null; plural: boolean }>(Object.entries({
  he: { person: true, gender: 'm', plural: false },
  him: { person: true, gender: 'm', plural: false },
  his: { person: true, gender: 'm', plural: false },
  she: { person: true, gender: 'f', plural: false },
  her: { person: true, gender: 'f', plural: false },
  hers: { person: true, gender: 'f', plural: false },
  they: { person: false, gender: null, plural: true },
  them: { person: false, gender: null, plural: true },
  their: { person: false, gender: null, plural: true },
  its: { person: false, gender: null, plural: false },
  it: { person: false, gender: null, plural: false },
}));

export interface ResolveContext {
  lexicon: ActorLexicon;
  text: string;
  tokens: Token[];
}

export function resolveEntities(mentions: Mention[], ctx: ResolveContext): ResolvedEntity[] {
  // Each step is a function of its own, so that V8 optimises (and, when a rare case
  // first comes up, re-optimises) each alone rather than one long function.
  const entities = groupMentions(mentions, ctx);
  markStateOwners(mentions, entities);
  for (const r of entities) finishEntity(r, ctx);
  addPronounsAndDescriptions(entities, ctx);
  const kept = entities.filter((r) => keepEntity(r));
  for (const r of kept) {
    r.mentions.sort((a, b) => a.start - b.start);
    r.entity.mentions = r.mentions.map((m) => makeSpan(ctx.text, ctx.tokens[m.start]!.start, ctx.tokens[m.end - 1]!.end));
  }
  kept.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  kept.forEach((r, i) => (r.entity.id = `e${i + 1}`));
  return kept;
}

/** Names, nominals and descriptions grouped into entities, in order of first mention. */
function groupMentions(mentions: Mention[], ctx: ResolveContext): ResolvedEntity[] {
  const entities: ResolvedEntity[] = [];
  const ix: Indexes = {
    bySurname: new Map(),
    byLexicon: new Map(),
    byKey: new Map(),
    bySkeleton: new Map(),
    byAcronym: new Map(),
    byNominal: new Map(),
    entities,
  };
  for (const m of mentions) {
    if (m.kind === 'name') {
      attach(ix, findNamed(m, ix) ?? apposedNominal(m, entities, ctx) ?? create(ix, m), m);
    } else if (m.kind === 'nominal') {
      // An appositive description is the actor it follows: "Hezbollah, a Shia group,".
      const apposed = appositiveOwner(m, entities, ctx);
      if (apposed) {
        attach(ix, apposed, m);
        continue;
      }
      completeNominal(m, ix, ctx);
      const key = `${m.head}|${m.country ?? m.code ?? ''}`;
      let r = ix.byNominal.get(key) ?? null;
      if (!r) {
        r = create(ix, m);
        r.nominalKey = key;
        ix.byNominal.set(key, r);
      }
      attach(ix, r, m);
    } else if (m.kind === 'description') {
      attachDescription(ix, m);
    }
  }
  return entities;
}

/** "Velm's army", "Velm's defence ministry": a name that owns a state's institutions is a state. */
function markStateOwners(mentions: Mention[], entities: ResolvedEntity[]): void {
  const stateOwners = new Set<Mention>();
  for (const m of mentions) if (m.kind === 'nominal' && m.actor && m.head && STATE_INSTITUTIONS.test(m.head)) stateOwners.add(m.actor);
  for (const r of entities) r.ownsState = r.mentions.some((m) => stateOwners.has(m));
}

function create(ix: Indexes, m: Mention): ResolvedEntity {
  const r: ResolvedEntity = {
    entity: { id: '', type: m.type ?? 'OTHER', name: m.name, aliases: [], mentions: [], code: null, country: null, coordinates: null },
    mentions: [],
    lexiconId: m.lexiconId,
    keys: new Set(),
    skeletons: new Set(),
    acronyms: new Set(),
    roles: new Set(),
    gender: null,
    plural: m.plural,
    nominalKey: null,
    lastToken: m.start,
    ownsState: false,
  };
  ix.entities.push(r);
  if (m.lexiconId) ix.byLexicon.set(m.lexiconId, r);
  return r;
}

function attach(ix: Indexes, r: ResolvedEntity, m: Mention): void {
  r.mentions.push(m);
  r.lastToken = Math.max(r.lastToken, m.start);
  for (const role of m.roles) r.roles.add(role);
  r.gender ??= m.gender;
  if (m.kind === 'name' || m.kind === 'acronym') {
    const key = nameKey(m.name);
    r.keys.add(key);
    ix.byKey.set(key, r);
    const words = key.split(' ');
    // (A nominal person named in apposition, "the UN envoy, Maria Feld", is found by surname too.)
    if (words.length > 1 && (m.type === null || m.type === 'PERSON') && (!r.nominalKey || r.entity.type === 'PERSON') && !r.lexiconId) {
      for (let i = 1; i < words.length; i++) ix.bySurname.set(words.slice(i).join(' '), r);
    }
    const skeleton = skeletonKey(m.name);
    if (skeleton) {
      r.skeletons.add(skeleton);
      ix.bySkeleton.set(skeleton, r);
    }
    if (isAcronym(m.name)) ix.byAcronym.set(m.name.replace(/\./g, ''), r);
  }
  if (m.acronym) {
    r.acronyms.add(m.acronym);
    ix.byAcronym.set(m.acronym.replace(/\./g, ''), r);
  }
}

/**
 * "the prime minister": the most recent person with that title; "the government": the
 * most recent government named with its country.
 */
function attachDescription(ix: Indexes, m: Mention): void {
  const headKey = `${m.head}|`;
  for (let i = ix.entities.length - 1; i >= 0; i--) {
    const e = ix.entities[i]!;
    if (e.lastToken < m.start && (m.type === 'PERSON' ? e.entity.type === 'PERSON' && m.roles.some((role) => e.roles.has(role)) : !!e.nominalKey && e.nominalKey.startsWith(headKey))) {
      attach(ix, e, m);
      return;
    }
  }
}

/** The named entity right before ", a/an …" when `m` is that appositive. */
function appositiveOwner(m: Mention, entities: ResolvedEntity[], ctx: ResolveContext): ResolvedEntity | null {
  const { tokens } = ctx;
  const det = tokens[m.start];
  const comma = tokens[m.start - 1];
  if (!det || !comma || comma.text !== ',' || (det.norm !== 'a' && det.norm !== 'an' && m.start > 0 && !(tokens[m.start - 1]?.text === ',' && ['a', 'an'].includes(tokens[m.start - 2]?.norm ?? '')))) {
    // The mention may start after its article.
    const art = tokens[m.start - 1];
    const comma2 = tokens[m.start - 2];
    if (!art || !comma2 || !['a', 'an'].includes(art.norm) || comma2.text !== ',') return null;
    return ownerEndingAt(m.start - 2, m, entities);
  }
  return ownerEndingAt(m.start - 1, m, entities);
}

const APPOSITIVE_TAIL_PREPS = new Set(['of', 'to', 'for', 'in', 'at', 'from']);

/**
 * The person a name stands in apposition to: "The United Nations envoy to Kandar, Maria
 * Feld, said" — the nominal (with any prepositional tail) right before ", Name" that is
 * closed by a comma, a verb or the sentence end is the same person.
 */
function apposedNominal(m: Mention, entities: ResolvedEntity[], ctx: ResolveContext): ResolvedEntity | null {
  const { tokens } = ctx;
  // A person's full name: one word after a comma is more often a place ("Houston, Texas,").
  if ((m.type !== null && m.type !== 'PERSON') || nameKeyWords(m.name).length < 2) return null;
  const comma = m.start - 1;
  if (tokens[comma]?.text !== ',') return null;
  const after = tokens[m.end];
  if (after && after.text !== ',' && after.pos !== 'VERB' && after.pos !== 'AUX' && !/^[.;:]$/.test(after.text)) return null;
  for (let i = entities.length - 1; i >= 0; i--) {
    const r = entities[i]!;
    if (!r.nominalKey || r.entity.type !== 'PERSON') continue;
    const last = r.mentions[r.mentions.length - 1]!;
    if (last.kind !== 'nominal' || last.plural || last.end > comma || comma - last.end > 6) continue;
    if (last.end === comma || prepositionalTail(tokens, last.end, comma)) return r;
  }
  return null;
}

/** Tokens [from, to) are a prepositional phrase: "to Kandar", "of the region". */
function prepositionalTail(tokens: Token[], from: number, to: number): boolean {
  if (!APPOSITIVE_TAIL_PREPS.has(tokens[from]!.norm)) return false;
  for (let k = from + 1; k < to; k++) {
    const pos = tokens[k]!.pos;
    if (pos !== 'DET' && pos !== 'PROPN' && pos !== 'NOUN' && pos !== 'ADJ' && pos !== 'NUM') return false;
  }
  return to > from + 1;
}

function ownerEndingAt(end: number, m: Mention, entities: ResolvedEntity[]): ResolvedEntity | null {
  for (const r of entities) {
    if (r.nominalKey) continue;
    if (!r.mentions.some((x) => x.end === end && x.kind === 'name')) continue;
    if ((r.entity.type === 'PERSON') !== (m.type === 'PERSON')) return null;
    return r;
  }
  return null;
}

/**
 * A nominal actor whose owner is a name (the Kadhimi government) takes the country
 * of that name's entity: Kadhimi is Iraq's prime minister, so his government is IRQGOV.
 */
function completeNominal(m: Mention, ix: Indexes, ctx: ResolveContext): void {
  if (!m.actor || m.country) return;
  const owner = findNamed(m.actor, ix);
  if (!owner) return;
  const country = owner.entity.country ?? owner.mentions.map((x) => x.country).find((c) => !!c) ?? null;
  if (!country) return;
  m.country = country;
  m.code = combineCodes(country, m.sectors ?? []);
  void ctx;
}

interface Indexes {
  /** Final parts of multiword personal names (kadhimi, austin), most recent entity last. */
  bySurname: Map<string, ResolvedEntity>;
  byLexicon: Map<string, ResolvedEntity>;
  byKey: Map<string, ResolvedEntity>;
  bySkeleton: Map<string, ResolvedEntity>;
  byAcronym: Map<string, ResolvedEntity>;
  /** Nominal entities by head and owner ("militias|IRN"). */
  byNominal: Map<string, ResolvedEntity>;
  entities: ResolvedEntity[];
}

function findNamed(m: Mention, ix: Indexes): ResolvedEntity | null {
  if (m.lexiconId) {
    const r = ix.byLexicon.get(m.lexiconId);
    if (r) return r;
  }
  const acronym = ix.byAcronym.get(m.name.replace(/\./g, ''));
  if (acronym && isAcronym(m.name)) return acronym;
  const key = nameKey(m.name);
  const same = ix.byKey.get(key);
  if (same && compatible(same, m)) return same;
  const skeleton = skeletonKey(m.name);
  if (skeleton) {
    const r = ix.bySkeleton.get(skeleton);
    if (r && compatible(r, m) && sameInitials(r, m)) return r;
  }
  // A surname (or a shorter form) of a person named earlier: Austin, Kadhimi.
  if (m.type === null || m.type === 'PERSON') {
    const r = ix.bySurname.get(key);
    if (r && (r.entity.type === 'PERSON' || r.entity.type === 'OTHER')) return r;
  }
  return null;
}

function sameInitials(r: ResolvedEntity, m: Mention): boolean {
  const words = nameKeyWords(m.name);
  for (const k of r.keys) {
    const other = k.split(' ');
    if (other.length === words.length && other.every((w, i) => w[0] === words[i]![0])) return true;
  }
  return false;
}

function compatible(r: ResolvedEntity, m: Mention): boolean {
  if (m.type === null || r.entity.type === 'OTHER') return true;
  if (r.lexiconId && m.lexiconId && r.lexiconId !== m.lexiconId) return false;
  return r.entity.type === m.type || (m.type === 'PERSON') === (r.entity.type === 'PERSON');
}

/** Type, name, aliases, code, country and coordinates from the mentions. */
function finishEntity(r: ResolvedEntity, ctx: ResolveContext): void {
  const { lexicon } = ctx;
  const type = mentionedType(r) ?? typeFromName(r, ctx);
  r.entity.type = type;
  // Name: the lexicon's name; for people the fullest form; else the first full name.
  if (!r.lexiconId && r.mentions.some((m) => m.kind === 'name')) r.entity.name = fullestName(r.mentions);
  else if (r.nominalKey) r.entity.name = nominalName(r.mentions);
  r.entity.aliases = aliasesOf(r, ctx);

  // Code: the most specific one the mentions carry.
  r.entity.code = mostSpecificCode(r.mentions);
  r.entity.country = firstCountry(r.mentions);
  if (!r.entity.country && r.entity.code && lexicon.countries.has(r.entity.code.slice(0, 3))) r.entity.country = r.entity.code.slice(0, 3);
  // A named actor's number is its name's ("the Council" stays one even when an appositive
  // calls it "an umbrella of armed factions"); a nominal's, its mentions'.
  const named = r.mentions.filter((m) => m.kind === 'name');
  let plural = false;
  for (const m of named.length > 0 ? named : r.mentions) if (m.plural) plural = true;
  r.plural = plural;
  r.entity.coordinates = null;
  if (type === 'GPE' || type === 'LOC') placeEntity(r, ctx);
}

/** The type the mentions give: a titled one is a person; else the first typed name, else the first typed mention. */
function mentionedType(r: ResolvedEntity): EntityType | null {
  let typedName: Mention | null = null;
  let typedAny: Mention | null = null;
  for (const m of r.mentions) {
    if (m.titled) return 'PERSON';
    if (m.type === null) continue;
    if (m.kind === 'name' && typedName === null) typedName = m;
    if (typedAny === null) typedAny = m;
  }
  return (typedName ?? typedAny)?.type ?? null;
}

/** The first name with the most words; an acronym only when every name is one. */
function fullestName(mentions: Mention[]): string {
  let longest: Mention | null = null;
  let longestWords = -1;
  let firstNonAcronym: Mention | null = null;
  for (const m of mentions) {
    if (m.kind !== 'name') continue;
    const words = nameKeyWords(m.name).length;
    if (words > longestWords) {
      longest = m;
      longestWords = words;
    }
    if (firstNonAcronym === null && !isAcronym(m.name)) firstNonAcronym = m;
  }
  return isAcronym(longest!.name) && firstNonAcronym ? firstNonAcronym.name : longest!.name;
}

/** "Iraqi government" rather than "Kadhimi government": the country's name is the canonical one. */
function nominalName(mentions: Mention[]): string {
  let first: Mention | null = null;
  for (const m of mentions) {
    if (m.kind !== 'nominal') continue;
    if (!m.actor && m.country) return m.name;
    first ??= m;
  }
  return (first ?? mentions[0]!).name;
}

/** Other spellings of the name the text uses, and the acronyms it defines. */
function aliasesOf(r: ResolvedEntity, ctx: ResolveContext): string[] {
  const { tokens } = ctx;
  const aliases = new Set<string>();
  for (const m of r.mentions) {
    if (m.kind !== 'name') continue;
    const surface = ctx.text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);
    if (surface !== r.entity.name && nameKey(surface) !== nameKey(r.entity.name) || isAcronym(surface) && surface !== r.entity.name) aliases.add(surface);
  }
  for (const a of r.acronyms) aliases.add(a);
  aliases.delete(r.entity.name);
  return [...aliases];
}

/** The longest code among the mentions; the first of equal length. */
function mostSpecificCode(mentions: Mention[]): string | null {
  let best: string | null = null;
  for (const m of mentions) if (m.code && (best === null || m.code.length > best.length)) best = m.code;
  return best;
}

function firstCode(mentions: Mention[]): string | null {
  for (const m of mentions) if (m.code) return m.code;
  return null;
}

function firstCountry(mentions: Mention[]): string | null {
  for (const m of mentions) if (m.country) return m.country;
  return null;
}

function placeEntity(r: ResolvedEntity, ctx: ResolveContext): void {
  if (r.lexiconId?.startsWith('country:')) {
    const info = ctx.lexicon.countries.get(r.lexiconId.slice(8));
    if (info && info.lat !== null && info.lon !== null) r.entity.coordinates = { lat: info.lat, lon: info.lon };
    return;
  }
  if (r.lexiconId?.startsWith('region:') && !r.entity.country) return;
  if (r.lexiconId?.startsWith('region:')) return;
  // A state no country list knows ("Velm's army") is no town that shares its name.
  if (r.ownsState) return;
  const place = lookupPlace(r.entity.name, r.entity.country);
  if (place) {
    r.entity.coordinates = { lat: place.lat, lon: place.lon };
    r.entity.country ??= place.country;
  }
}

/** Types a name no lexicon knows, from its words and its context. */
function typeFromName(r: ResolvedEntity, ctx: ResolveContext): EntityType {
  const { names } = ctx.lexicon;
  const m = r.mentions.find((x) => x.kind === 'name') ?? r.mentions[0]!;
  const words = r.entity.name.split(/[\s\-]+/).map(wordKey).filter((w) => w !== '');
  const head = words[words.length - 1] ?? '';
  const code = firstCode(r.mentions);
  if (words.some((w) => names.groupWords.has(w))) return 'GROUP';
  // "KANDAR, March 4 (Wire) —": a dateline names the place the story is filed from.
  if (!code && r.mentions.some((x) => x.kind === 'name' && datelineAt(ctx.text, ctx.tokens[x.start]!.start) !== null)) return 'GPE';
  // "the northern city of Varno", "the town of Orno": the place noun before "of" types it.
  const placeNoun = placeNounBefore(r, ctx);
  if (placeNoun) return placeNoun;
  // What an appositive calls it says more than its head word: "Sons of the Valley, a separatist movement".
  const apposed = appositiveType(r, ctx);
  if (apposed) return apposed;
  if (names.facilityWords.has(head) || (words.length >= 2 && names.facilityWords.has(words.slice(-2).join(' ')))) return 'FACILITY';
  // "the Ain al-Asad air base", "the Evin prison": a name before a lower-case facility noun names the facility.
  // (A town's name there is the town's: "the Kirkuk air base".)
  if (r.mentions.some((x) => x.kind === 'name' && facilityNounAt(ctx, x.end)) && !((lookupPlace(r.entity.name)?.population ?? 0) >= 50000)) return 'FACILITY';
  if (names.orgWords.has(head) || (words.length > 2 && words.some((w) => names.orgWords.has(w)))) return 'ORG';
  if (names.gpeWords.has(head) && words.length > 1) return 'GPE';
  if (names.locationWords.has(head) && words.length > 1) return 'LOC';
  if (words.length === 1 && names.religions.has(head)) return 'NORP';
  if (code) {
    // A bare three-letter code is a country-level actor in CAMEO dictionaries.
    if (isCountryCode(code)) return 'GPE';
    if (/^(IGO|NGO)/.test(code) || /MED$/.test(code)) return 'ORG';
    if (/^IMG|REB|INS|UAF/.test(code)) return 'GROUP';
  }
  if (isAcronym(r.entity.name)) return 'ORG';
  // "Velm's army", "neighbouring Velm": a state.
  if (!code && words.length <= 3 && (r.ownsState || r.mentions.some((x) => NEIGHBOURING.has(ctx.tokens[x.start - 1]?.norm ?? '')))) return 'GPE';
  const speaks = r.mentions.some((x) => speechNext(x, ctx));
  if (words.length >= 2 && words.length <= 4 && !code) {
    const place = placesNamed(r.entity.name, false)[0];
    if (place && place.population >= 100000 && !speaks) return 'GPE';
    // "Port Meridian", "Mount Varno", "Camp Taji": the first word makes it a place.
    const placeType = names.placePrefixes.get(words[0]!);
    if (placeType) return place && placeType === 'FACILITY' ? 'GPE' : placeType;
    // "the Red Hand": a person's name takes no article; an organisation's may.
    if (r.mentions.some((x) => x.kind === 'name' && ctx.tokens[x.start - 1]?.norm === 'the')) return 'ORG';
    return 'PERSON';
  }
  if (code && words.length >= 2) return 'PERSON';
  const place = lookupPlace(r.entity.name);
  if (place && !speaks) {
    const locative = r.mentions.some((x) => LOCATIVE.has(ctx.tokens[x.start - 1]?.norm ?? ''));
    if (place.population >= 50000 || (locative && place.population >= 1000)) return 'GPE';
  }
  if (speaks) return 'PERSON';
  return m.type ?? 'OTHER';
}

/** Is there a lower-case facility noun (one or two words) at token k: "air base", "prison"? */
function facilityNounAt(ctx: ResolveContext, k: number): boolean {
  const { tokens } = ctx;
  const { facilityWords } = ctx.lexicon.names;
  const first = tokens[k];
  if (!first || first.pos !== 'NOUN' || /^[A-Z]/.test(first.text)) return false;
  const second = tokens[k + 1];
  if (second && second.pos === 'NOUN' && !/^[A-Z]/.test(second.text) && facilityWords.has(`${wordKey(first.text)} ${wordKey(second.text)}`)) return true;
  // One word ending the phrase: "the Evin prison", not "the Omar Haddad base commander".
  return facilityWords.has(wordKey(first.text)) && !(second && second.pos === 'NOUN');
}

/**
 * The type an indefinite appositive gives a name: ", a separatist movement" (GROUP),
 * ", an aid organisation" (ORG), ", a town in …" (GPE), ", a river …" (LOC): the last
 * noun of "a/an (adjectives/nouns)" after the comma, looked up in the head-word lists.
 */
function appositiveType(r: ResolvedEntity, ctx: ResolveContext): EntityType | null {
  const { tokens } = ctx;
  const { names } = ctx.lexicon;
  for (const m of r.mentions) {
    if (m.kind !== 'name' || tokens[m.end]?.text !== ',' || !['a', 'an'].includes(tokens[m.end + 1]?.norm ?? '')) continue;
    // "In Florida, a group dressed in …": after an opening prepositional phrase the "a …"
    // phrase is the subject of the sentence, not an appositive.
    if (opensWithPreposition(tokens, m.start)) continue;
    let head: string | null = null;
    let k = m.end + 2;
    for (; k < Math.min(tokens.length, m.end + 7); k++) {
      const t = tokens[k]!;
      // The phrase's last noun is its head: "a former state GOP chair" is a chair.
      if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t.pos === 'NOUN' ? wordKey(t.text) : '';
      else if (t.pos !== 'ADJ' || head !== null) break;
    }
    // The phrase must end there: at punctuation, a relative pronoun or a preposition. A verb
    // makes it a clause's subject ("…, a young woman asked"); "and", a hyphen or a mis-tagged
    // word means the head lies further on ("a radio and television station owner").
    const next = tokens[k];
    const ends = !next || /^[,.;:)]$/.test(next.text) || next.pos === 'ADP' || (next.pos === 'PRON' && ['that', 'who', 'which'].includes(next.norm));
    if (!head || !ends) continue;
    if (names.groupWords.has(head)) return 'GROUP';
    if (names.orgWords.has(head) || names.mediaWords.has(head)) return 'ORG';
    if (names.gpeWords.has(head)) return 'GPE';
    if (names.locationWords.has(head)) return 'LOC';
  }
  return null;
}

/**
 * GPE or LOC when a mention follows "city of", "town of", "province of", "region of"…, or
 * stands in apposition to such a noun or to "capital" ("in the capital, Velm,").
 */
function placeNounBefore(r: ResolvedEntity, ctx: ResolveContext): EntityType | null {
  const { tokens } = ctx;
  const { names } = ctx.lexicon;
  for (const m of r.mentions) {
    const link = tokens[m.start - 1];
    if (m.kind !== 'name' || !(link?.norm === 'of' || (link?.text === ',' && tokens[m.end]?.text === ','))) continue;
    const noun = tokens[m.start - 2];
    if (link.text === ',' && noun?.norm === 'capital') return 'GPE';
    if (!noun || noun.pos !== 'NOUN') continue;
    const key = wordKey(noun.text);
    if (names.gpeWords.has(key)) return 'GPE';
    if (names.locationWords.has(key)) return 'LOC';
  }
  return null;
}

/** Is token `start` inside a prepositional phrase that opens its sentence ("In New Hampshire, …")? */
function opensWithPreposition(tokens: Token[], start: number): boolean {
  const sentence = tokens[start]!.sentence;
  let k = start - 1;
  while (k >= 0 && tokens[k]!.sentence === sentence && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'PROPN')) k--;
  const prep = tokens[k];
  if (!prep || prep.sentence !== sentence || prep.pos !== 'ADP') return false;
  const before = tokens[k - 1];
  return !before || before.sentence !== sentence || before.pos === 'CCONJ' || before.text === ',';
}

function speechNext(m: Mention, ctx: ResolveContext): boolean {
  const next = ctx.tokens[m.end];
  const prev = ctx.tokens[m.start - 1];
  return (!!next && SPEECH_LEMMAS.has(next.lemma)) || (!!prev && prev.lemma === 'say' && ctx.tokens[m.start - 2]?.text.match(/^[,"”]$/) !== null);
}

/** Single unknown words with nothing to say what they are are left out. */
function keepEntity(r: ResolvedEntity): boolean {
  if (r.entity.code || r.lexiconId) return true;
  // A capitalised phrase seen only in a title-case headline may be no name at all.
  if (r.mentions.every((m) => m.inHeadline || m.kind === 'pronoun')) return false;
  if (r.entity.type !== 'OTHER') return true;
  return r.mentions.length > 1 || r.entity.name.includes(' ');
}

/** Words after which "it" opens a reported clause ("said it fired"). */
const REPORTED_IT_AFTER: ReadonlySet<string> = new Set(['say', 'claim', 'deny', 'insist', 'warn', 'announce', 'add', 'that']);

function addPronounsAndDescriptions(entities: ResolvedEntity[], ctx: ResolveContext): void {
  const { tokens } = ctx;
  const taken = new Uint8Array(tokens.length);
  for (const r of entities) for (const m of r.mentions) for (let t = m.start; t < m.end; t++) taken[t] = 1;
  // Every mention start, to find the candidates before a pronoun in text order. A
  // dateline's credit ("TARSK (Reuters) -") names the publisher, no actor of the story.
  const starts: { token: number; r: ResolvedEntity }[] = [];
  for (const r of entities) for (const m of r.mentions) if (!inDateline(ctx, m.start)) starts.push({ token: m.start, r });
  starts.sort((a, b) => a.token - b.token);
  const state: PronounState = { taken, starts };

  for (let t = 0; t < tokens.length; t++) {
    if (taken[t]) continue;
    const tok = tokens[t]!;
    // Maps, not object literals: a word such as "constructor" must not find Object's own properties.
    const pronoun = tok.pos === 'PRON' ? PRONOUNS.get(tok.norm) : undefined;
    let want: Wanted | null = null;
    let end = t + 1;
    let start = t;
    // "it" only as the subject of a reported clause ("said it fired"), where it is not
    // the empty subject of "it seems" or "it is likely".
    const itOk = tok.norm !== 'it' || (REPORTED_IT_AFTER.has(tokens[t - 1]?.lemma ?? '') && tokens[t + 1]?.pos === 'VERB');
    if (pronoun && tok.pos === 'PRON' && itOk) {
      want = { types: pronoun.person ? ['PERSON'] : null, plural: pronoun.plural, gender: pronoun.gender, person: pronoun.person, heads: null, bloc: false };
    } else if (tok.norm === 'the' && tokens[t + 1] && DESCRIPTIONS.has(tokens[t + 1]!.norm) && !taken[t + 1]) {
      const d = DESCRIPTIONS.get(tokens[t + 1]!.norm)!;
      // "the group of …" is the group named after "of", found as a nominal already.
      if (tokens[t + 2]?.norm === 'of') continue;
      const after = tokens[t + 2];
      if (after && (after.pos === 'NOUN' || after.pos === 'PROPN')) continue;
      want = { types: d.types, plural: d.plural, gender: null, person: false, heads: d.heads ?? null, bloc: d.bloc ?? false };
      start = t;
      end = t + 2;
    }
    if (!want && tok.norm === 'the') {
      // "the council" after "the Resistance Coordination Council": a definite noun that is
      // the head word of an organisation named before refers back to it.
      const named = headWordReference(state, entities, tokens, t);
      if (named) {
        addMention(state, named, t, t + 2, 'description', false);
        continue;
      }
    }
    if (!want) continue;
    const antecedent = antecedentOf(state, tokens, t, want, pronoun !== undefined);
    if (antecedent) addMention(state, antecedent, start, end, start === t && end === t + 1 ? 'pronoun' : 'description', want.plural);
  }
}

/** Whether token t is in a dateline ("KANDAR, March 4 (Wire) —"), a sentence of its own. */
function inDateline(ctx: ResolveContext, t: number): boolean {
  const { tokens } = ctx;
  let first = t;
  while (first > 0 && tokens[first - 1]!.sentence === tokens[t]!.sentence) first--;
  return datelineAt(ctx.text, tokens[first]!.start) !== null;
}

/** What a pronoun or definite description asks of its antecedent (every field set: one shape). */
interface Wanted {
  types: EntityType[] | null;
  plural: boolean;
  gender: 'm' | 'f' | null;
  person: boolean;
  /** Nominal heads the description names ("the militia"): an entity with that head is preferred. */
  heads: string[] | null;
  /** Only an alliance fits: an intergovernmental organisation, or an actor whose name has a head word. */
  bloc: boolean;
}

/**
 * The entity a pronoun or description at token t refers to, when the choice is
 * confident; null otherwise. (A function of its own, apart from the scan over every
 * token, so that V8 re-optimises only this part when a rare case first comes up.)
 */
function antecedentOf(state: PronounState, tokens: Token[], t: number, want: Wanted, isPronoun: boolean): ResolvedEntity | null {
  const { starts } = state;
  const sentence = tokens[t]!.sentence;
  const candidates: ResolvedEntity[] = [];
  for (let i = partitionPoint(starts, (s) => s.token < t) - 1; i >= 0; i--) {
    const s = starts[i]!;
    if (tokens[s.token]!.sentence < sentence - 1) break;
    const r = s.r;
    if (candidates.includes(r)) continue;
    if (!pronounFits(r, want)) continue;
    candidates.push(r);
  }
  if (candidates.length === 0) return null;
  // "The military said its aircraft …": a subject of the pronoun's own sentence that is no
  // entity is still the likelier antecedent than anything named before; leave it unlinked.
  if (isPronoun && !candidates.some((r) => mentionedInClauseBefore(r, tokens, t)) && unnamedSubjectBefore(tokens, t)) return null;
  // Confident only when the nearest fitting entity has no competitor in the window, or
  // is the only one mentioned in the pronoun's own clause ("The council told Sabri
  // that its factions …" after a sentence naming Iraq).
  if (candidates.length > 1 && !(want.heads && candidates[0]!.nominalKey?.startsWith(want.heads[0]!))) {
    const here = candidates.filter((r) => mentionedInClauseBefore(r, tokens, t));
    if (here.length === 1) return here[0]!;
    // "the group" after the Pentagon and the Sons of Rain: the one of the type the word names first
    const typed = !isPronoun && want.types && want.types.length > 1 ? candidates.filter((r) => r.entity.type === want.types![0]) : [];
    return typed.length === 1 ? typed[0]! : null;
  }
  return candidates[0]!;
}

/**
 * The first token of token t's clause: its sentence, or the part after a semicolon
 * ("Strike hits depot in Kessa; military says it targeted rebels").
 */
function clauseStart(tokens: Token[], t: number): number {
  let k = t;
  while (k > 0 && tokens[k - 1]!.sentence === tokens[t]!.sentence && tokens[k - 1]!.text !== ';') k--;
  return k;
}

/** Is `r` mentioned in token t's clause, before t? */
function mentionedInClauseBefore(r: ResolvedEntity, tokens: Token[], t: number): boolean {
  const from = clauseStart(tokens, t);
  for (const m of r.mentions) if (m.start >= from && m.start < t) return true;
  return false;
}

/**
 * Does the pronoun's clause open with an unnamed subject and its verb ("The military said
 * its …", and in a headline without the article, "military says it …")?
 */
export function unnamedSubjectBefore(tokens: Token[], t: number): boolean {
  const k = clauseStart(tokens, t);
  const article = tokens[k]?.norm === 'the';
  let j = article ? k + 1 : k;
  let common = false;
  while (j < t && (tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'PROPN')) {
    if (tokens[j]!.pos !== 'PROPN') common = true;
    j++;
  }
  // (wink tags a bare "military" as an adjective: "The military/ADJ said")
  return j > (article ? k + 1 : k) && (article || common) && j < t && (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX');
}

/** Records a pronoun or description mention of `r` over tokens [start, end). */
function addMention(state: PronounState, r: ResolvedEntity, start: number, end: number, kind: MentionKind, plural: boolean): void {
  const m: Mention = {
    start, end, kind, type: r.entity.type, name: r.entity.name, code: null, country: null,
    lexiconId: null, roles: [], gender: null, plural, head: null, acronym: null, titled: false,
    inHeadline: false, actor: null, sectors: null,
  };
  r.mentions.push(m);
  state.starts.splice(partitionPoint(state.starts, (s) => s.token < start), 0, { token: start, r });
  for (let k = start; k < end; k++) state.taken[k] = 1;
}

/** The organisation or group named before `t` whose name ends in the noun of "the <noun>" at t. */
function headWordReference(state: PronounState, all: ResolvedEntity[], tokens: Token[], t: number): ResolvedEntity | null {
  const noun = tokens[t + 1];
  const after = tokens[t + 2];
  if (!noun || state.taken[t + 1] || noun.pos !== 'NOUN' || noun.sentence !== tokens[t]!.sentence) return null;
  if (after && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.norm === 'of')) return null;
  let best: ResolvedEntity | null = null;
  for (const r of all) {
    if (r.entity.type !== 'ORG' && r.entity.type !== 'GROUP') continue;
    const nameMention = r.mentions.find((m) => m.kind === 'name' && m.end - m.start >= 2 && m.start < t);
    if (!nameMention || tokens[nameMention.end - 1]!.norm !== noun.norm) continue;
    if (tokens[t]!.sentence - tokens[nameMention.start]!.sentence > HEAD_REFERENCE_SENTENCES) continue;
    if (best && best !== r) return null;
    best = r;
  }
  return best;
}

/** What pronoun resolution has placed so far: tokens taken, and every mention start in text order. */
interface PronounState {
  taken: Uint8Array;
  starts: { token: number; r: ResolvedEntity }[];
}

/** How far back "the council" finds "the Resistance Coordination Council", in sentences. */
const HEAD_REFERENCE_SENTENCES = 6;

function pronounFits(r: ResolvedEntity, want: Wanted): boolean {
  const type = r.entity.type;
  if (want.person) {
    if (type !== 'PERSON' || r.plural) return false;
    return r.gender === null || r.gender === want.gender;
  }
  if (type === 'PERSON' && !r.plural) return false;
  if (want.types && !want.types.includes(type)) return false;
  if (want.bloc && !(r.entity.code?.startsWith('IGO') || want.heads!.some((h) => r.entity.name.toLowerCase().split(/\s+/).includes(h)))) return false;
  if (want.plural) {
    // "they": plural groups, peoples and nominal collectives.
    return r.plural || (type === 'NORP' && r.plural);
  }
  if (r.plural) return false;
  return type === 'ORG' || type === 'GPE' || type === 'GROUP';
}
