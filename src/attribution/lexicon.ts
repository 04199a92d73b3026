import type { CueType } from '../doc/types.js';
import { loadJsonResource } from '../resources.js';

/**
 * The attribution lexicons (lexicons/cues.json, lexicons/attribution/sources.json),
 * read once and turned into lookup tables. A lemma may belong to several cue types
 * ("hope that" believes, "hope to" intends); `types` keeps them in the file's order,
 * whose first entry is the lemma's default type (see cueTypeFor in cues.ts).
 */

interface CueFile {
  verbs: Record<string, string[]>;
  nouns: Record<string, string[]>;
  adverbials: Record<string, string[]>;
  addresseeVerbs: string[];
  namingVerbs: string[];
  particles: Record<string, string[] | string>;
  verbsTakingInfinitive: string[];
  objectParticles: Record<string, string[]>;
  catenatives: { verbs: string[] };
  raisingVerbs: { verbs: string[] };
  physicalTargets: { nouns: string[] };
  publishingVerbs: { verbs: string[] };
  nonReports: { responseVerbs: string[]; failureVerbs: string[]; requestVerbs: string[] };
}

interface SourceFile {
  personNouns: string[];
  titleNouns: string[];
  anonymityMarkers: string[];
  groupNouns: string[];
  collectiveNouns: string[];
  outletWords: string[];
}

export interface AttributionLexicon {
  /** Every word that can start a cue (verb and noun lemmas, adverbial first words, forms of `say`): a quick filter. */
  triggers: Set<string>;
  /** Cue verbs: lemma → cue types, default first. */
  verbs: Map<string, CueType[]>;
  /** `-ing` forms of cue verbs → the verb's lemma, for participles the tagger takes for adjectives (`, promising to`). */
  participles: Map<string, string>;
  /** Cue nouns: lemma → cue types, default first. */
  nouns: Map<string, CueType[]>;
  /** Multi-word and single-word adverbial cues, lower case, split in words ("according to"). */
  adverbials: { words: string[]; type: CueType }[];
  /** Verbs whose addressee comes between the cue and the content (`told reporters that`). */
  addressee: Set<string>;
  /** Verbs that name or characterise their object (`called the plan a disaster`). */
  naming: Set<string>;
  /** lemma → particles that belong to the cue (`called for`). */
  particles: Map<string, Set<string>>;
  /** lemma → prepositions that follow the verb's object and open its content (`accused X of`). */
  objectParticles: Map<string, Set<string>>;
  /** Aspectual and conative verbs that form one cue with the verb they govern (`tried to make the case`). */
  catenatives: Set<string>;
  /** Evidential raising verbs (`X appears to have …`, `it seems that …`): framed by `raisingFrame`, no source. */
  raising: Set<string>;
  /** Verbs whose content may be a to-infinitive (`wants to`, `vowed to`). */
  infinitive: Set<string>;
  /** Nouns that denote people in a role (official, spokesman, source): unnamed sources. */
  personNouns: Set<string>;
  /** Roles and titles (president, minister): identify a person when definite. */
  titleNouns: Set<string>;
  /** Words that mark a source as deliberately unnamed (anonymity, unnamed, unidentified). */
  anonymityMarkers: Set<string>;
  /** Nouns for organisations and groups (group, government, ministry, campaign). */
  groupNouns: Set<string>;
  /** The generic group nouns a description may use for any group named before (the group, the militia). */
  collectiveNouns: Set<string>;
  /** What a physical attack hits (checkpoint, convoy, village): an accusation verb with such an object reports force, not speech. */
  physicalTargets: Set<string>;
  /** Verbs of publishing (release, issue, post) that make one cue with a statement noun and its participle (`released a statement saying`). */
  publishingVerbs: Set<string>;
  /** Response verbs (respond, reply): negated or failed, they tell that nothing was said (`did not respond to a request for comment`). */
  responseVerbs: Set<string>;
  /** Verbs of failing that negate the act they govern (`failed to respond`). */
  failureVerbs: Set<string>;
  /** Request verbs whose bare object `comment` is the reporter's request (`calls seeking comment`). */
  requestVerbs: Set<string>;
}

const TYPES: readonly CueType[] = [
  'assert', 'claim', 'report', 'confirm', 'admit', 'deny', 'accuse', 'support', 'warn', 'promise', 'demand',
  'question', 'believe', 'intend',
];

function byLemma(groups: Record<string, string[]>): Map<string, CueType[]> {
  const out = new Map<string, CueType[]>();
  for (const type of TYPES) {
    for (const lemma of groups[type] ?? []) {
      const types = out.get(lemma) ?? [];
      if (!types.includes(type)) types.push(type);
      out.set(lemma, types);
    }
  }
  return out;
}

let cached: AttributionLexicon | null = null;

export function attributionLexicon(): AttributionLexicon {
  if (cached) return cached;
  const cues = loadJsonResource<CueFile>('lexicons/cues.json');
  const sources = loadJsonResource<SourceFile>('lexicons/attribution/sources.json');
  const particles = new Map<string, Set<string>>();
  for (const [lemma, list] of Object.entries(cues.particles)) {
    if (Array.isArray(list)) particles.set(lemma, new Set(list));
  }
  const adverbials: { words: string[]; type: CueType }[] = [];
  for (const [type, phrases] of Object.entries(cues.adverbials)) {
    for (const phrase of phrases) adverbials.push({ words: phrase.split(' '), type: type as CueType });
  }
  const verbs = byLemma(cues.verbs);
  // a raising verb reports an impression: a belief with no named holder
  for (const lemma of cues.raisingVerbs.verbs) if (!verbs.has(lemma)) verbs.set(lemma, ['believe']);
  const nouns = byLemma(cues.nouns);
  const participles = new Map<string, string>();
  for (const lemma of verbs.keys()) for (const form of ingForms(lemma)) if (!participles.has(form)) participles.set(form, lemma);
  const triggers = new Set<string>([...verbs.keys(), ...nouns.keys(), ...participles.keys(), ...adverbials.map((a) => a.words[0]!), 'says', 'said', 'say', 'saying']);
  cached = {
    triggers,
    verbs,
    participles,
    nouns,
    adverbials,
    addressee: new Set(cues.addresseeVerbs),
    naming: new Set(cues.namingVerbs),
    particles,
    catenatives: new Set(cues.catenatives.verbs),
    raising: new Set(cues.raisingVerbs.verbs),
    infinitive: new Set(cues.verbsTakingInfinitive),
    objectParticles: new Map(Object.entries(cues.objectParticles ?? {}).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, new Set(v)])),
    personNouns: new Set(sources.personNouns),
    titleNouns: new Set(sources.titleNouns),
    anonymityMarkers: new Set(sources.anonymityMarkers),
    groupNouns: new Set(sources.groupNouns),
    collectiveNouns: new Set(sources.collectiveNouns),
    physicalTargets: new Set(cues.physicalTargets.nouns),
    publishingVerbs: new Set(cues.publishingVerbs.verbs),
    responseVerbs: new Set(cues.nonReports.responseVerbs),
    failureVerbs: new Set(cues.nonReports.failureVerbs),
    requestVerbs: new Set(cues.nonReports.requestVerbs),
  };
  return cached;
}

/** The `-ing` forms a verb may take: `say` → saying, `promise` → promising, `admit` → admitting (doubled final consonant). */
function ingForms(lemma: string): string[] {
  if (lemma.includes(' ')) return [];
  if (lemma.endsWith('ie')) return [lemma.slice(0, -2) + 'ying'];
  if (lemma.endsWith('e') && !lemma.endsWith('ee')) return [lemma.slice(0, -1) + 'ing'];
  const last = lemma.at(-1)!;
  return /[bdgklmnprt]/.test(last) && /[aeiou]/.test(lemma.at(-2) ?? '') ? [lemma + 'ing', lemma + last + 'ing'] : [lemma + 'ing'];
}
