import { partitionPoint } from '../doc/doc.js';
import type { Entity, EntityType, Token } from '../doc/types.js';
import { anaphorKind } from './anonymity.js';
import { headOf, mainPhrase, npPos } from './chunk.js';
import { tokenAtOrAfter, type AttrContext } from './context.js';

/**
 * Links each source to an entity (`sourceEntity`): the entity one of whose mentions
 * overlaps the source; otherwise, for a pronoun or a definite description (`he`,
 * `the group`, `the official`), the most recent compatible antecedent before it — an
 * entity mention or an earlier attribution's source. A small recency resolver: no
 * gender, no syntax, a window of a few sentences.
 */

export interface SourceLink {
  /** Entity id, or null. */
  entity: string | null;
  /** Index of the earlier source this one refers back to, or null. */
  antecedent: number | null;
  /** The source names its person in an appositive (`a spokesman for the group, Ilan Dorsk`). */
  named?: boolean;
}

interface Mention {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
}

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'me']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'we', 'us']);
const THING_PRONOUNS = new Set(['it']);
const RELATIVE = new Set(['who', 'which', 'that']);
/** How far back (in sentences) an antecedent may lie. */
const WINDOW = 6;

export function linkSources(ctx: AttrContext, sources: ([number, number] | null)[], entities: readonly Entity[]): SourceLink[] {
  const { tokens } = ctx;
  const genders = entityGenders(entities);
  const mentions: Mention[] = [];
  for (const e of entities) for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e.id, type: e.type });
  mentions.sort((a, b) => a.start - b.start);
  const links: SourceLink[] = [];
  for (const [i, src] of sources.entries()) {
    if (!src) {
      links.push({ entity: null, antecedent: null });
      continue;
    }
    // a person named in apposition is who speaks, before any entity the description
    // itself became (`a military spokesman, Major Lev Antic`)
    const apposed = appositiveName(ctx, mentions, src);
    if (apposed) {
      links.push({ entity: apposed.mention?.entity ?? null, antecedent: null, named: true });
      continue;
    }
    const own = overlapping(ctx, mentions, src);
    if (own) {
      links.push({ entity: own.entity, antecedent: null });
      continue;
    }
    const kind = anaphorKind(ctx, src);
    if (!kind) {
      links.push({ entity: null, antecedent: null });
      continue;
    }
    links.push(resolve(ctx, i, src, kind, sources, links, mentions, genders));
  }
  return links;
}

function resolve(
  ctx: AttrContext,
  index: number,
  src: [number, number],
  kind: 'pronoun' | 'description',
  sources: ([number, number] | null)[],
  links: SourceLink[],
  mentions: Mention[],
  genders: ReadonlyMap<string, 'm' | 'f'>,
): SourceLink {
  const { tokens } = ctx;
  const word = tokens[src[0]]!.norm;
  const start = tokens[src[0]]!.start;
  const sentence = ctx.sentenceOf[src[0]]!;
  if (kind === 'pronoun' && RELATIVE.has(word)) {
    // `X, who said …`: the phrase right before the relative pronoun
    const before = src[0] - 1 - (tokens[src[0] - 1]?.text === ',' ? 1 : 0);
    const m = before >= 0 ? mentionEndingAt(mentions, tokens[before]!.end) : null;
    if (m) return { entity: m.entity, antecedent: null };
    for (let j = index - 1; j >= 0; j--) {
      const s = sources[j];
      if (s && s[1] === before) return { entity: links[j]!.entity, antecedent: j };
    }
    return { entity: null, antecedent: null };
  }
  const wanted = compatibleTypes(ctx, src, kind);
  const headIndex = headOf(tokens, mainPhrase(tokens, src));
  const head = tokens[headIndex === -1 ? src[1] : headIndex]!;
  // a person described by a role (`the president`, `the official`) is whoever bore that role
  // before (`President Ann Lee`, `an official`), an institution (`the interior ministry`)
  // whatever was named with that noun; only a generic collective (`the group`, `the
  // militia`) may take any group named before
  const byRole = kind === 'description' && !ctx.lexicon.collectiveNouns.has(head.norm);
  // the latest compatible entity mention before the source
  let bestMention: Mention | null = null;
  for (let m = upperBound(mentions, start) - 1; m >= 0; m--) {
    const candidate = mentions[m]!;
    if (candidate.end > start) continue;
    const at = tokenAt(tokens, candidate.start);
    if (ctx.sentenceOf[at]! < sentence - WINDOW) break;
    if (wanted.has(candidate.type) && (!byRole || bearsRole(tokens, at, candidate.end, head)) && !genderClash(word, genders.get(candidate.entity))) {
      bestMention = candidate;
      break;
    }
  }
  // a subject outranks a phrase inside a prepositional phrase of its sentence ("The group has
  // carried out attacks, according to a tally by the Institute. … it said …": the group)
  if (bestMention && kind === 'pronoun' && insidePrepositionalPhrase(tokens, tokenAt(tokens, bestMention.start))) {
    const from = ctx.sentenceOf[tokenAt(tokens, bestMention.start)]!;
    for (let m = upperBound(mentions, bestMention.start) - 1; m >= 0; m--) {
      const candidate = mentions[m]!;
      const at = tokenAt(tokens, candidate.start);
      if (ctx.sentenceOf[at]! !== from) break;
      if (candidate.entity !== bestMention.entity && wanted.has(candidate.type) && !genderClash(word, genders.get(candidate.entity)) && !insidePrepositionalPhrase(tokens, at)) {
        bestMention = candidate;
        break;
      }
    }
  }
  // the latest compatible earlier source
  let bestSource = -1;
  for (let j = index - 1; j >= 0; j--) {
    const s = sources[j];
    if (!s || tokens[s[0]]!.start >= start) continue;
    if (ctx.sentenceOf[s[0]]! < sentence - WINDOW) break;
    if (kind === 'description' ? bearsRole(tokens, s[0], tokens[s[1]]!.end, head) : sourceFits(ctx, s, word)) {
      bestSource = j;
      break;
    }
  }
  if (bestSource !== -1) {
    const s = sources[bestSource]!;
    if (!bestMention || tokens[s[0]]!.start > bestMention.start) return { entity: links[bestSource]!.entity, antecedent: bestSource };
  }
  if (bestMention) return { entity: bestMention.entity, antecedent: null };
  return { entity: null, antecedent: null };
}

/**
 * The gender the text gives each entity through the pronouns the entities stage linked to
 * it ("She gave the group 48 hours" makes the minister female), when they agree.
 */
function entityGenders(entities: readonly Entity[]): Map<string, 'm' | 'f'> {
  const out = new Map<string, 'm' | 'f'>();
  for (const e of entities) {
    let gender: 'm' | 'f' | null = null;
    let mixed = false;
    for (const m of e.mentions) {
      const g = MALE.has(m.text.toLowerCase()) ? 'm' : FEMALE.has(m.text.toLowerCase()) ? 'f' : null;
      if (g && gender && g !== gender) mixed = true;
      gender ??= g;
    }
    if (gender && !mixed) out.set(e.id, gender);
  }
  return out;
}

const MALE = new Set(['he', 'him', 'his']);
const FEMALE = new Set(['she', 'her', 'hers']);

/** Whether the phrase starting at token k sits inside a prepositional phrase ("by the Institute"). */
function insidePrepositionalPhrase(tokens: readonly Token[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && (tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'ADJ')) j--;
  return j >= 0 && tokens[j]!.pos === 'ADP';
}

/** A gendered pronoun cannot refer to an entity the text gives the other gender. */
function genderClash(pronoun: string, gender: 'm' | 'f' | undefined): boolean {
  if (!gender) return false;
  return (MALE.has(pronoun) && gender === 'f') || (FEMALE.has(pronoun) && gender === 'm');
}

/** Whether the words from token `from` to offset `end`, or the four words before them, hold the role noun (`Defense Secretary Lloyd Austin` bears `secretary`). */
function bearsRole(tokens: readonly Token[], from: number, end: number, role: Token): boolean {
  for (let k = Math.max(0, from - 4); k < tokens.length && tokens[k]!.start < end; k++) {
    if (tokens[k]!.lemma === role.lemma || tokens[k]!.norm === role.norm) return true;
  }
  return false;
}

function compatibleTypes(ctx: AttrContext, src: [number, number], kind: 'pronoun' | 'description'): Set<EntityType> {
  const word = ctx.tokens[src[kind === 'pronoun' ? 0 : 1]]!.norm;
  if (kind === 'pronoun') {
    if (PERSON_PRONOUNS.has(word)) return new Set(['PERSON']);
    if (GROUP_PRONOUNS.has(word)) return new Set(['ORG', 'GROUP', 'NORP', 'GPE']);
    if (THING_PRONOUNS.has(word)) return new Set(['ORG', 'GROUP', 'GPE', 'FACILITY', 'OTHER']);
    return new Set();
  }
  if (ctx.lexicon.groupNouns.has(word)) return new Set(['ORG', 'GROUP', 'GPE', 'NORP']);
  if (ctx.lexicon.titleNouns.has(word)) return new Set(['PERSON']);
  return new Set();
}

/** Whether an earlier source can be what a pronoun refers to: `he` a named person, `they` a group or plural. */
function sourceFits(ctx: AttrContext, s: [number, number], pronoun: string): boolean {
  const { tokens, lexicon } = ctx;
  // the head of the main phrase (`A local elder, who asked not to be named` → elder)
  const mainHead = headOf(tokens, mainPhrase(tokens, s));
  const head = tokens[mainHead === -1 ? s[1] : mainHead]!;
  if (head.pos === 'PRON') return head.norm === pronoun;
  const plural = /s$/.test(head.norm) && head.lemma !== head.norm;
  const group = lexicon.groupNouns.has(head.norm) || lexicon.groupNouns.has(head.lemma);
  if (PERSON_PRONOUNS.has(pronoun)) return !group && !plural && (head.pos === 'PROPN' || lexicon.personNouns.has(head.norm) || lexicon.titleNouns.has(head.norm));
  if (GROUP_PRONOUNS.has(pronoun)) return group || plural;
  if (THING_PRONOUNS.has(pronoun)) return group || (head.pos === 'PROPN' && !lexicon.personNouns.has(head.norm));
  return false;
}

/**
 * The entity mention that names the source: the one holding the head word of its main
 * phrase (`Pentagon press secretary John Kirby` → Kirby; `the Clinton campaign` is not
 * Clinton). For `the group of militias` (a group noun with an `of` complement) the
 * complement's head counts. Mentions in relative clauses or modifiers never do.
 */
function overlapping(ctx: AttrContext, mentions: Mention[], src: [number, number]): Mention | null {
  const { tokens } = ctx;
  const main = mainPhrase(tokens, src);
  let head = headOf(tokens, main);
  if (head === -1) return null;
  const next = main[1] + 1;
  if (tokens[next]?.norm === 'of' && next + 1 <= src[1] && (ctx.lexicon.groupNouns.has(tokens[head]!.norm) || tokens[head]!.pos === 'NUM')) {
    const inner = headOf(tokens, mainPhrase(tokens, [next + 1, src[1]]));
    if (inner !== -1) head = inner;
  }
  const found = mentionAt(mentions, tokens[head]!.start);
  if (found) return found;
  // `the Pentagon's statements`, `the ministry's spokesman`: the possessor speaks through them
  for (let k = head - 1; k > main[0]; k--) {
    if (tokens[k]!.norm === "'s" || tokens[k]!.norm === '’s') return mentionAt(mentions, tokens[k - 1]!.start);
  }
  return null;
}

/**
 * The person an appositive names: `a spokesman for the group, Ilan Dorsk`, `its commander,
 * Rada Ilic`. A comma-set segment after the main phrase that is a name — a PERSON
 * mention at its head, or (where the entities stage found none there) two or more
 * capitalised name words with no determiner. `the militia, the Karsk People's Army` and
 * `a spokesman for the coalition, Hamas` name no person.
 */
function appositiveName(ctx: AttrContext, mentions: Mention[], src: [number, number]): { mention: Mention | null } | null {
  const { tokens, lexicon } = ctx;
  const main = mainPhrase(tokens, src);
  for (let k = main[1] + 1; k < src[1]; k++) {
    if (tokens[k]!.text !== ',') continue;
    let end = k + 1;
    while (end + 1 <= src[1] && tokens[end + 1]!.text !== ',') end++;
    const head = headOf(tokens, [k + 1, end]);
    if (head === -1) continue;
    const mention = mentionAt(mentions, tokens[head]!.start);
    if (mention) {
      if (mention.type === 'PERSON' && tokens[head]!.pos === 'PROPN') return { mention };
      continue;
    }
    let names = 0;
    let allNames = true;
    for (let j = k + 1; j <= end; j++) {
      const t = tokens[j]!;
      if (npPos(tokens, j) === 'PROPN' && !lexicon.titleNouns.has(t.norm) && !lexicon.personNouns.has(t.norm) && !lexicon.groupNouns.has(t.norm)) names++;
      else if (t.text !== '.' && t.text !== '-') allNames = false;
    }
    if (allNames && names >= 2) return { mention: null };
  }
  return null;
}

function mentionAt(mentions: Mention[], at: number): Mention | null {
  const top = upperBound(mentions, at + 1);
  for (let m = top - 1; m >= 0 && m >= top - 50; m--) {
    const c = mentions[m]!;
    if (c.start <= at && at < c.end) return c;
  }
  return null;
}

function mentionEndingAt(mentions: Mention[], end: number): Mention | null {
  for (let m = upperBound(mentions, end) - 1; m >= 0 && m >= upperBound(mentions, end) - 20; m--) if (mentions[m]!.end === end) return mentions[m]!;
  return null;
}

/** Number of mentions that start before `offset`. */
function upperBound(mentions: Mention[], offset: number): number {
  return partitionPoint(mentions, (m) => m.start < offset);
}

function tokenAt(tokens: readonly Token[], offset: number): number {
  return Math.min(tokenAtOrAfter(tokens, offset), tokens.length - 1);
}
