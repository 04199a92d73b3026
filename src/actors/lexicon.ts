import { worldCountries } from './countries-data.js';
import type { EntityType } from '../doc/types.js';
import { loadJsonResource } from '../resources.js';
import type { DatedCodes } from './codes.js';
import { isAcronym, nameKey, nameWords, skeletonKey, wordKey } from './normalize.js';
import type { ActorDictionary, AgentDictionary } from './petrarch-dictionary.js';
import { PhraseIndex } from './phrase-index.js';
import type { AgentCode } from './codes.js';

/**
 * The actor lexicon: every phrase that names a known actor, compiled once into
 * phrase indexes keyed by first word. Sources, in order of precedence for codes:
 * PETRARCH actor dictionaries the user supplies, then the built-in data — countries
 * (world-countries plus lexicons/actors/countries.json), named organisations and
 * groups (organizations.json), regions (names.json).
 */

export type ActorRole = 'country' | 'demonym' | 'city' | 'region' | 'org' | 'dictionary';

export interface ActorValue {
  /** The actor's canonical name (for built-in entries) or the dictionary's primary phrase. */
  name: string;
  /** Entity type when the source knows it; null for PETRARCH entries (typed from context). */
  type: EntityType | null;
  codes: DatedCodes;
  /** ISO alpha-3 of the country the actor belongs to, when known. */
  country: string | null;
  role: ActorRole;
  /** Mentions of phrases with the same id are one entity (all names of one actor). */
  id: string;
  /** The phrase is written in capitals (UN, KH): the text must be in capitals too. */
  acronym: boolean;
  /** The phrase as written in the lexicon. */
  phrase: string;
}

export interface RoleValue {
  phrase: string;
  /** Sector segment(s) the role adds, or null when it inherits (spokesman, chief). */
  sector: string | null;
  kind: 'person' | 'org' | 'group';
  /** The one country whose government uses this title, if any. */
  country: string | null;
  gender: 'm' | 'f' | null;
  plural: boolean;
  /**
   * A title any institution gives (president, spokesman): an organisation named before
   * it that is not a country's government gives the sector instead of `sector`.
   */
  institutional: boolean;
}

export interface AgentValue {
  phrase: string;
  code: AgentCode;
}

export interface CountryInfo {
  alpha3: string;
  alpha2: string;
  name: string;
  demonym: string | null;
  capital: string | null;
  lat: number | null;
  lon: number | null;
}

export interface ActorLexicon {
  actors: PhraseIndex<ActorValue>;
  /** Built-in multiword names by skeleton key, for transliteration variants. */
  skeletons: Map<string, ActorValue[]>;
  roles: PhraseIndex<RoleValue>;
  /** PETRARCH agents, when agent dictionaries are given. */
  agents: PhraseIndex<AgentValue>;
  honorifics: Map<string, { gender: 'm' | 'f' | null; sector: string | null }>;
  countries: Map<string, CountryInfo>;
  names: NameWords;
}

export interface NameWords {
  groupWords: Set<string>;
  orgWords: Set<string>;
  mediaWords: Set<string>;
  facilityWords: Set<string>;
  locationWords: Set<string>;
  gpeWords: Set<string>;
  particles: Set<string>;
  connectors: Set<string>;
  notNames: Set<string>;
  religions: Map<string, string>;
  /** First words that make a name a place (Port, Mount, Camp), with the type they give. */
  placePrefixes: Map<string, EntityType>;
  /** Nouns that take a possessive inside a name ("People's Army", "Sheriff's Department"). */
  possessiveNameWords: Set<string>;
  /** Nouns after two hyphen-joined names that make them two parties ("the Orvel-Karsk border"). */
  dyadNouns: Set<string>;
  /** Single-word characterising nouns and adjectives (lexicons/actors/labels.json). */
  labelWords: Set<string>;
}

interface CountriesOverlay {
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  seats: Record<string, string[]>;
}

interface OrganizationsFile {
  entries: { name: string; aliases: string[]; type: EntityType; code: string; country?: string }[];
}

interface RolesFile {
  roles: Record<string, [string | null, 'person' | 'org' | 'group']>;
  plurals: Record<string, string>;
  countryTitles: Record<string, string>;
  honorifics: Record<string, 'm' | 'f' | null>;
  honorificRoles: Record<string, string>;
  genderedRoles: Record<string, 'm' | 'f'>;
  institutionTitles: string[];
}

interface NamesFile {
  groupWords: string[];
  orgWords: string[];
  mediaWords: string[];
  facilityWords: string[];
  locationWords: string[];
  gpeWords: string[];
  regions: Record<string, string | null>;
  particles: string[];
  connectors: string[];
  notNames: string[];
  religions: Record<string, string>;
  placePrefixes: Record<string, EntityType>;
  possessiveNameWords: string[];
  dyadNouns: string[];
}

function fixed(code: string | null): DatedCodes {
  return { defaultCode: code, restrictions: [] };
}

/** Words of a built-in phrase: a leading article is not part of the name. */
function phraseWords(phrase: string): string[] {
  const words = nameWords(phrase);
  return words[0] === 'the' && words.length > 1 ? words.slice(1) : words;
}

function addActor(lexicon: ActorLexicon, phrase: string, value: Omit<ActorValue, 'acronym' | 'phrase'>): void {
  const words = phraseWords(phrase);
  const full: ActorValue = { ...value, acronym: isAcronym(phrase.replace(/^the\s+/i, '')), phrase };
  lexicon.actors.add(words, words.map(() => false), full);
  const skeleton = skeletonKey(phrase);
  if (skeleton && value.role === 'org') {
    const list = lexicon.skeletons.get(skeleton);
    if (list) list.push(full);
    else lexicon.skeletons.set(skeleton, [full]);
  }
}

/** English regular plural of a phrase's last word. */
export function pluralOf(phrase: string): string {
  if (/[^aeiou]y$/.test(phrase)) return phrase.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(phrase)) return phrase + 'es';
  if (/man$/.test(phrase)) return phrase.slice(0, -3) + 'men';
  if (/person$/.test(phrase)) return phrase.slice(0, -6) + 'people';
  return phrase + 's';
}

interface LabelsFile {
  nouns: string[];
  adjectives: string[];
}

function buildNameWords(file: NamesFile, labels: LabelsFile): NameWords {
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    groupWords: set(file.groupWords),
    orgWords: set(file.orgWords),
    mediaWords: set(file.mediaWords),
    facilityWords: set(file.facilityWords),
    locationWords: set(file.locationWords),
    gpeWords: set(file.gpeWords),
    particles: set(file.particles),
    connectors: set(file.connectors),
    notNames: set(file.notNames),
    religions: new Map(Object.entries(file.religions).map(([k, v]) => [wordKey(k), v])),
    placePrefixes: new Map(Object.entries(file.placePrefixes).map(([k, v]) => [wordKey(k), v])),
    possessiveNameWords: new Set(file.possessiveNameWords.map(wordKey)),
    dyadNouns: set(file.dyadNouns),
    labelWords: new Set([...labels.nouns, ...labels.adjectives].filter((w) => !/[\s-]/.test(w))),
  };
}

/** The built-in lexicon plus any PETRARCH dictionaries, compiled into indexes. */
export function buildActorLexicon(actorDictionaries: ActorDictionary[] = [], agentDictionaries: AgentDictionary[] = []): ActorLexicon {
  const overlay = loadJsonResource<CountriesOverlay>('lexicons/actors/countries.json');
  const orgs = loadJsonResource<OrganizationsFile>('lexicons/actors/organizations.json');
  const rolesFile = loadJsonResource<RolesFile>('lexicons/actors/roles.json');
  const namesFile = loadJsonResource<NamesFile>('lexicons/actors/names.json');
  const lexicon: ActorLexicon = {
    actors: new PhraseIndex(),
    skeletons: new Map(),
    roles: new PhraseIndex(),
    agents: new PhraseIndex(),
    honorifics: new Map(),
    countries: new Map(),
    names: buildNameWords(namesFile, loadJsonResource<LabelsFile>('lexicons/actors/labels.json')),
  };

  // User dictionaries first: at equal length, their codes win (see recognise.ts).
  for (const dictionary of actorDictionaries) {
    for (const [n, entry] of dictionary.entries.entries()) {
      const value: ActorValue = {
        name: titleCase(entry.name),
        type: null,
        codes: entry.codes,
        country: null,
        role: 'dictionary',
        id: `dict:${dictionary.file}:${n}`,
        acronym: false,
        phrase: entry.name,
      };
      for (const phrase of entry.phrases) lexicon.actors.add(phrase.words, phrase.stems, value);
    }
  }
  for (const dictionary of agentDictionaries) {
    for (const entry of dictionary.entries) {
      lexicon.agents.add(entry.phrase.words, entry.phrase.words.map(() => false), { phrase: entry.text, code: entry.code });
    }
  }

  // A name or demonym several countries share ("French": France and the French Southern
  // Lands) goes to the one our overlay names, else to an independent country, else the first.
  const claimed = new Map<string, string>();
  const claim = (phrase: string, alpha3: string): boolean => {
    const key = nameKey(phrase);
    const owner = claimed.get(key);
    if (owner && owner !== alpha3) return false;
    claimed.set(key, alpha3);
    return true;
  };
  for (const [alpha3, list] of [...Object.entries(overlay.aliases), ...Object.entries(overlay.demonyms)]) for (const p of list) claim(p, alpha3);
  const ordered = [...worldCountries()].sort((a, b) => Number(b.independent) - Number(a.independent));
  for (const c of ordered) {
    const alpha3 = c.cca3;
    const demonym = c.demonyms?.eng?.m ?? null;
    lexicon.countries.set(alpha3, {
      alpha3,
      alpha2: c.cca2,
      name: c.name.common,
      demonym,
      capital: c.capital[0] ?? null,
      lat: c.latlng?.[0] ?? null,
      lon: c.latlng?.[1] ?? null,
    });
    const base = { codes: fixed(alpha3), country: alpha3 };
    const names = new Set([c.name.common, c.name.official, ...(overlay.aliases[alpha3] ?? [])]);
    // altSpellings hold ISO codes and native spellings; keep the English-looking long forms.
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[A-Za-z .,'()-]+$/.test(alt) && !alt.includes(',')) names.add(alt);
    for (const name of names) if (claim(name, alpha3)) addActor(lexicon, name, { ...base, name: c.name.common, type: 'GPE', role: 'country', id: `country:${alpha3}` });
    const demonyms = new Set(overlay.demonyms[alpha3] ?? []);
    if (demonym) {
      demonyms.add(demonym);
      if (/(an|i)$/.test(demonym)) demonyms.add(demonym + 's');
    }
    if (c.demonyms?.eng?.f) demonyms.add(c.demonyms.eng.f);
    for (const d of demonyms) {
      if (claim(d, alpha3)) addActor(lexicon, d, { ...base, name: demonym ?? d, type: 'NORP', role: 'demonym', id: `norp:${alpha3}` });
    }
    for (const capital of c.capital) {
      addActor(lexicon, capital, { ...base, name: capital, type: 'GPE', role: 'city', id: `city:${alpha3}:${nameKey(capital)}` });
    }
  }
  for (const [alpha3, seats] of Object.entries(overlay.seats)) {
    const primary = seats[0]!;
    for (const seat of seats) {
      addActor(lexicon, seat, { name: primary, type: 'GPE', codes: fixed(alpha3), country: alpha3, role: 'city', id: `city:${alpha3}:${nameKey(primary)}` });
    }
  }
  for (const [region, alpha3] of Object.entries(namesFile.regions)) {
    addActor(lexicon, region, { name: region, type: 'LOC', codes: fixed(alpha3), country: alpha3, role: 'region', id: `region:${nameKey(region)}` });
  }
  for (const [n, org] of orgs.entries.entries()) {
    const country = org.country ?? (lexicon.countries.has(org.code.slice(0, 3)) ? org.code.slice(0, 3) : null);
    const value = { name: org.name, type: org.type, codes: fixed(org.code), country, role: 'org' as const, id: `org:${n}` };
    for (const phrase of [org.name, ...org.aliases]) addActor(lexicon, phrase, value);
  }

  const institutional = new Set(rolesFile.institutionTitles);
  for (const [phrase, [sector, kind]] of Object.entries(rolesFile.roles)) {
    const gender = rolesFile.genderedRoles[phrase] ?? null;
    const country = rolesFile.countryTitles[phrase] ?? null;
    const add = (text: string, plural: boolean): void => {
      const words = nameWords(text);
      lexicon.roles.add(words, words.map(() => false), { phrase, sector, kind, country, gender, plural, institutional: institutional.has(phrase) });
    };
    add(phrase, kind === 'group' && /s$/.test(phrase));
    const plural = rolesFile.plurals[phrase] ?? pluralOf(phrase);
    if (plural !== phrase) add(plural, true);
  }
  for (const [title, country] of Object.entries(rolesFile.countryTitles)) {
    if (rolesFile.roles[title]) continue;
    const words = nameWords(title);
    lexicon.roles.add(words, words.map(() => false), { phrase: title, sector: 'GOV', kind: 'person', country, gender: null, plural: false, institutional: false });
  }
  for (const [word, gender] of Object.entries(rolesFile.honorifics)) {
    lexicon.honorifics.set(wordKey(word), { gender, sector: rolesFile.honorificRoles[word] ?? null });
  }
  return lexicon;
}

/** AFGHANISTAN → Afghanistan, for names that come from all-capital dictionaries. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-(/'])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\b(Of|The|And|For|In|On|Al|El|De)\b/g, (w, _x, offset: number) => (offset === 0 ? w : w.toLowerCase()));
}
