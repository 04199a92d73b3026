import type { Entity, EntityType, Token } from '../doc/types.js';
import { anaphorKind } from './anonymity.js';
import type { AttrContext } from './context.js';

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
  const mentions: Mention[] = [];
  for (const e of entities) for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e.id, type: e.type });
  mentions.sort((a, b) => a.start - b.start);
  const links: SourceLink[] = [];
  for (const [i, src] of sources.entries()) {
    if (!src) {
      links.push({ entity: null, antecedent: null });
      continue;
    }
    const start = tokens[src[0]]!.start;
    const end = tokens[src[1]]!.end;
    const own = overlapping(mentions, start, end, tokens, src);
    if (own) {
      links.push({ entity: own.entity, antecedent: null });
      continue;
    }
    const kind = anaphorKind(ctx, src);
    if (!kind) {
      links.push({ entity: null, antecedent: null });
      continue;
    }
    links.push(resolve(ctx, i, src, kind, sources, links, mentions));
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
  const head = tokens[src[1]]!.norm;
  // the latest compatible entity mention before the source
  let bestMention: Mention | null = null;
  for (let m = upperBound(mentions, start) - 1; m >= 0; m--) {
    const candidate = mentions[m]!;
    if (candidate.end > start) continue;
    if (ctx.sentenceOf[tokenAt(tokens, candidate.start)]! < sentence - WINDOW) break;
    if (wanted.has(candidate.type)) {
      bestMention = candidate;
      break;
    }
  }
  // the latest compatible earlier source
  let bestSource = -1;
  for (let j = index - 1; j >= 0; j--) {
    const s = sources[j];
    if (!s || tokens[s[0]]!.start >= start) continue;
    if (ctx.sentenceOf[s[0]]! < sentence - WINDOW) break;
    if (kind === 'description' ? tokens[s[1]]!.norm === head || tokens[s[1]]!.lemma === tokens[src[1]]!.lemma : sourceFits(ctx, s, word)) {
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
  const head = tokens[s[1]]!;
  if (head.pos === 'PRON') return head.norm === pronoun;
  const plural = /s$/.test(head.norm) && head.lemma !== head.norm;
  const group = lexicon.groupNouns.has(head.norm) || lexicon.groupNouns.has(head.lemma);
  if (PERSON_PRONOUNS.has(pronoun)) return !group && !plural && (head.pos === 'PROPN' || lexicon.personNouns.has(head.norm) || lexicon.titleNouns.has(head.norm));
  if (GROUP_PRONOUNS.has(pronoun)) return group || plural;
  if (THING_PRONOUNS.has(pronoun)) return group || (head.pos === 'PROPN' && !lexicon.personNouns.has(head.norm));
  return false;
}

function overlapping(mentions: Mention[], start: number, end: number, tokens: readonly Token[], src: [number, number]): Mention | null {
  let best: Mention | null = null;
  let bestOverlap = 0;
  const headStart = tokens[src[1]]!.start;
  for (let m = upperBound(mentions, end) - 1; m >= 0; m--) {
    const c = mentions[m]!;
    if (c.end <= start) {
      if (start - c.end > 2000) break;
      continue;
    }
    const overlap = Math.min(end, c.end) - Math.max(start, c.start);
    // a mention that holds the source's head word wins over one that only touches a modifier
    const score = overlap + (c.start <= headStart && headStart < c.end ? 100000 : 0);
    if (overlap > 0 && score > bestOverlap) {
      best = c;
      bestOverlap = score;
    }
  }
  return best;
}

function mentionEndingAt(mentions: Mention[], end: number): Mention | null {
  for (let m = upperBound(mentions, end) - 1; m >= 0 && m >= upperBound(mentions, end) - 20; m--) if (mentions[m]!.end === end) return mentions[m]!;
  return null;
}

/** Number of mentions that start before `offset`. */
function upperBound(mentions: Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, tokens.length - 1);
}
