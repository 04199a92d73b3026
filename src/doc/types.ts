/**
 * The one document model. A Doc owns the original text; every layer is a list of
 * records whose spans are UTF-16 offset ranges into that text (JavaScript string
 * indices, end exclusive). The serialised form is docs/contract.md (schema 1);
 * layers that are internal working material (tokens) are not serialised.
 */

export const SCHEMA_VERSION = 1 as const;

/** A span of the document text. `text === doc.text.slice(start, end)` always holds. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface DocMeta {
  title: string | null;
  /** ISO date (YYYY-MM-DD) or date-time; anchors relative time expressions. */
  published: string | null;
  url: string | null;
}

/** Universal POS tags, as wink-nlp emits them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token {
  start: number;
  end: number;
  /** The token's characters, as in the text. */
  text: string;
  /** Lower-cased normal form (wink-nlp's `normal`). */
  norm: string;
  /** Lemma (wink-nlp's `lemma`), lower case. */
  lemma: string;
  pos: Pos;
  /** Index of the sentence that holds this token. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [firstToken, lastToken) into `Doc.tokens`. */
  firstToken: number;
  lastToken: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'GROUP' | 'FACILITY' | 'OTHER';

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: Span[];
  /** Added to schema 1 by issue 4 (docs/entities.md): CAMEO-style actor code (IRQGOV, USAMIL, IGOUNO, REB) or null. */
  code?: string | null;
  /** Added to schema 1 by issue 4: ISO-3166 alpha-3 of the actor's or place's country, or null. */
  country?: string | null;
  /** Added to schema 1 by issue 4: coordinates of a place (GPE/LOC) from the gazetteer. */
  coordinates?: { lat: number; lon: number } | null;
}

/** What kind of speech act or attitude the cue reports (docs/attribution.md). */
export type CueType =
  | 'assert' | 'deny' | 'claim' | 'accuse' | 'warn' | 'promise' | 'believe' | 'intend'
  | 'demand' | 'question' | 'report' | 'confirm' | 'admit' | 'support';

export interface Attribution {
  id: string;
  source: Span | null;
  sourceEntity: string | null;
  cue: Span;
  /** Added to schema 1 by issue 3: the kind of speech act the cue reports. */
  cueType: CueType;
  content: Span;
  direct: boolean;
  anonymous: boolean;
  via: string | null;
}

export interface ActorRef {
  span: Span;
  entity: string | null;
}

export type Modality =
  | 'asserted' | 'reported' | 'claimed' | 'denied' | 'conditional' | 'intended' | 'hypothetical' | 'negated';

export interface Event {
  id: string;
  type: string;
  cameo: string | null;
  trigger: Span;
  source: ActorRef[];
  target: ActorRef[];
  place: Span[];
  time: { span: Span; value: string | null } | null;
  modality: Modality;
  attribution: string | null;
  condition: Span | null;
  deadline: { span: Span; value: string | null } | null;
  /** Added to schema 1 by issue 5: for hostile events, the id of the incident (its first mention's event) this mention refers to. */
  incident?: string;
}

export type Stance = 'claim' | 'deny' | 'accuse' | 'uncertain' | 'suspect';

export interface Responsibility {
  /** Added to schema 1 by issue 5: "r1", "r2" …, so that contradictions can refer to a record. */
  id?: string;
  incident: string;
  stance: Stance;
  speaker: { span: Span | null; entity: string | null; author: boolean };
  target: ActorRef | null;
  evidence: Span;
}

export interface Contradiction {
  kind: string;
  refs: string[];
  explanation: string;
}

export interface Label {
  entity: string;
  label: Span;
  usedBy: { span: Span | null; entity: string | null; author: boolean };
}

/** The working document every pipeline stage reads and extends. */
export interface Doc {
  id: string;
  meta: DocMeta;
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  attributions: Attribution[];
  events: Event[];
  responsibility: Responsibility[];
  contradictions: Contradiction[];
  labels: Label[];
}

/** The serialised document: exactly docs/contract.md, schema 1. */
export interface DocJson {
  schema: typeof SCHEMA_VERSION;
  id: string;
  meta: DocMeta;
  text: string;
  sentences: { start: number; end: number }[];
  entities: Entity[];
  attributions: Attribution[];
  events: Event[];
  responsibility: Responsibility[];
  contradictions: Contradiction[];
  labels: Label[];
}
