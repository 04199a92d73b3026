import { loadJsonResource } from '../resources.js';
import { ploverTypeOf, ploverTypes } from './cameo.js';
import { lemmaOf, setComplementVerbs, setHeadlineVerbs } from './syntax.js';
import type { Token } from '../doc/types.js';

/**
 * The trigger lexicon (lexicons/events/triggers.json) and the modality cues
 * (lexicons/events/modality.json), indexed by lemma so that finding triggers is one
 * map lookup per token.
 */

export interface Sense {
  type: string;
  cameo: string | null;
}

export interface PhraseEntry {
  /** Lemmas in order; the phrase is indexed under the first. */
  lemmas: string[];
  sense: Sense;
}

export interface TriggerLexicon {
  verbs: Map<string, Sense>;
  nouns: Map<string, Sense>;
  phrases: Map<string, PhraseEntry[]>;
  verbObject: Map<string, Map<string, Sense | null>>;
  weapons: Map<string, string>;
  weaponVerbs: Set<string>;
  /** Phrases whose conjoined subjects act on each other ("Karsk and Orvel trade blame"). */
  reciprocal: Set<string>;
  /** "an operation to find the hostages": nouns that are no fighting with one of these purposes. */
  searchOperations: { nouns: Set<string>; purposes: Set<string> };
  impactVerbs: Set<string>;
  targetPreps: Map<string, string[]>;
  weak: Set<string>;
  needsGovernor: Set<string>;
  abstractObjects: Set<string>;
  intransitive: Set<string>;
  transitive: Set<string>;
  laborCues: Set<string>;
}

interface TriggerFile {
  verbs: Record<string, string>;
  nouns: Record<string, string>;
  phrases: Record<string, string>;
  verbObject: Record<string, Record<string, string | null>>;
  weapons: Record<string, string>;
  weaponVerbs: string[];
  reciprocal: string[];
  searchOperations: { nouns: string[]; purposes: string[] };
  impactVerbs: string[];
  targetPreps: Record<string, string[]>;
  weak: string[];
  needsGovernor: string[];
  abstractObjects: string[];
  intransitive: string[];
  transitive: string[];
  laborCues: string[];
}

export interface ModalityLexicon {
  negation: Set<string>;
  future: Set<string>;
  hypothetical: Set<string>;
  hypotheticalWords: Set<string>;
  conditions: string[][];
  /** Words standing for a condition stated before: "otherwise", "or else" (if the demand is not met). */
  anaphoricConditions: string[][];
  denialVerbs: Set<string>;
  denialPhrases: string[][];
  claimPhrases: string[][];
  governors: Record<GovernorKind, Set<string>>;
  readiness: Set<string>;
  /** Request verbs whose direct object is whom they ask ("called the killings a massacre" asks for nothing). */
  addresseeObject: Set<string>;
  obligation: Set<string>;
  complementVerbs: Set<string>;
}

export type GovernorKind = 'intent' | 'threat' | 'request' | 'refusal' | 'cessation' | 'attempt' | 'preparation' | 'transparent';

interface ModalityFile {
  negation: string[];
  future: string[];
  hypothetical: string[];
  hypotheticalWords: string[];
  conditions: string[];
  anaphoricConditions: string[];
  denialVerbs: string[];
  denialPhrases: string[];
  claimPhrases: string[];
  governors: Record<GovernorKind | 'readiness', string[]>;
  obligation: string[];
  complementVerbs: string[];
  addresseeObject: string[];
}

/** "ASSAULT 180" -> sense; the type must be a PLOVER type and agree with the CAMEO table. */
export function parseSense(value: string, where: string): Sense {
  const [type, code] = value.trim().split(/\s+/);
  if (!type || !ploverTypes().includes(type)) throw new Error(`${where}: unknown event type in "${value}"`);
  const cameo = code && code !== '-' ? code : null;
  if (cameo) {
    const mapped = ploverTypeOf(cameo);
    const ok = mapped === type || (type === 'ASSAULT' && mapped === 'FIGHT') || (type === 'FIGHT' && mapped === 'ASSAULT');
    if (!ok) throw new Error(`${where}: CAMEO ${cameo} is ${mapped ?? 'untyped'}, not ${type}`);
  }
  return { type, cameo };
}

function words(phrase: string): string[] {
  return phrase.toLowerCase().split(/\s+/).filter(Boolean);
}

let triggerLexicon: TriggerLexicon | null = null;

export function loadTriggerLexicon(): TriggerLexicon {
  if (triggerLexicon) return triggerLexicon;
  const file = loadJsonResource<TriggerFile>('lexicons/events/triggers.json');
  const senses = (record: Record<string, string>, section: string) =>
    new Map(Object.entries(record).map(([lemma, v]) => [lemma, parseSense(v, `triggers.json ${section}.${lemma}`)]));
  const phrases = new Map<string, PhraseEntry[]>();
  for (const [phrase, v] of Object.entries(file.phrases)) {
    const lemmas = words(phrase);
    const entry = { lemmas, sense: parseSense(v, `triggers.json phrases.${phrase}`) };
    const list = phrases.get(lemmas[0]!) ?? [];
    list.push(entry);
    list.sort((a, b) => b.lemmas.length - a.lemmas.length);
    phrases.set(lemmas[0]!, list);
  }
  const verbObject = new Map<string, Map<string, Sense | null>>();
  for (const [verb, objects] of Object.entries(file.verbObject)) {
    verbObject.set(verb, new Map(Object.entries(objects).map(([o, v]) => [o, v === null ? null : parseSense(v, `triggers.json verbObject.${verb}.${o}`)])));
  }
  triggerLexicon = {
    verbs: senses(file.verbs, 'verbs'),
    nouns: senses(file.nouns, 'nouns'),
    phrases,
    verbObject,
    weapons: new Map(Object.entries(file.weapons)),
    weaponVerbs: new Set(file.weaponVerbs),
    reciprocal: new Set(file.reciprocal),
    searchOperations: { nouns: new Set(file.searchOperations.nouns), purposes: new Set(file.searchOperations.purposes) },
    impactVerbs: new Set(file.impactVerbs),
    targetPreps: new Map(Object.entries(file.targetPreps)),
    weak: new Set(file.weak),
    needsGovernor: new Set(file.needsGovernor),
    abstractObjects: new Set(file.abstractObjects),
    intransitive: new Set(file.intransitive),
    transitive: new Set(file.transitive),
    laborCues: new Set(file.laborCues),
  };
  return triggerLexicon;
}

let modalityLexicon: ModalityLexicon | null = null;

export function loadModalityLexicon(): ModalityLexicon {
  if (modalityLexicon) return modalityLexicon;
  const file = loadJsonResource<ModalityFile>('lexicons/events/modality.json');
  const { readiness, ...governors } = file.governors;
  modalityLexicon = {
    negation: new Set(file.negation),
    future: new Set(file.future),
    hypothetical: new Set(file.hypothetical),
    hypotheticalWords: new Set(file.hypotheticalWords),
    conditions: file.conditions.map(words),
    anaphoricConditions: file.anaphoricConditions.map(words),
    denialVerbs: new Set(file.denialVerbs),
    denialPhrases: file.denialPhrases.map(words),
    claimPhrases: file.claimPhrases.map(words),
    governors: Object.fromEntries(Object.entries(governors).map(([k, v]) => [k, new Set(v)])) as Record<GovernorKind, Set<string>>,
    readiness: new Set(readiness),
    addresseeObject: new Set(file.addresseeObject),
    obligation: new Set(file.obligation),
    complementVerbs: new Set(file.complementVerbs),
  };
  setComplementVerbs(modalityLexicon.complementVerbs);
  setHeadlineVerbs([...modalityLexicon.complementVerbs, ...modalityLexicon.denialVerbs, ...governors.threat ?? [], ...governors.intent ?? [],
    ...governors.cessation ?? [], ...governors.refusal ?? [], 'claim', 'admit', 'acknowledge', 'accuse', 'blame']);
  return modalityLexicon;
}

/** The CAMEO code of a two-word weapon ("tear gas", "suicide bomber"), if the two words make one. */
export function compoundWeaponCode(weapons: Map<string, string>, first: Token, second: Token): string | undefined {
  return weapons.get(`${lemmaOf(first)} ${lemmaOf(second)}`);
}

/**
 * The CAMEO code of the weapon a noun phrase names, if it names one: a two-word weapon
 * ("tear gas", "water cannon", "rubber bullets") before its head word alone ("rocket").
 * `first` is the phrase's first token, `head` its head.
 */
export function weaponCode(weapons: Map<string, string>, tokens: Token[], first: number, head: number): string | undefined {
  const headLemma = lemmaOf(tokens[head]!);
  // The word before may lie outside the phrase when mis-tagged ("tear/VERB gas"): the
  // two-word entry is evidence enough when it is written right before the head.
  const before = head > first ? tokens[head - 1] : head > 0 && tokens[head - 1]!.end + 1 >= tokens[head]!.start ? tokens[head - 1] : undefined;
  if (before) {
    const compound = compoundWeaponCode(weapons, before, tokens[head]!);
    if (compound) return compound;
  }
  // "Rockets hit northern town": a capitalised plural tagged a name keeps its plural lemma
  const singular = tokens[head]!.pos === 'PROPN' && headLemma.endsWith('s') ? weapons.get(headLemma.slice(0, -1)) : undefined;
  return weapons.get(headLemma) ?? singular;
}
