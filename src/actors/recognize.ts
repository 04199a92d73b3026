import type { EntityType, Token } from '../doc/types.js';
import { type AgentCode, codeOn, combineCodes, isCountryCode } from './codes.js';
import type { ActorLexicon, ActorValue, RoleValue } from './lexicon.js';
import { isApostropheS, isHyphen, startsLetter, startsLowerAscii, startsUpper, startsUpperOrTitle } from './chars.js';
import { isAcronym, isCapitalised, nameKey, skeletonKey, wordKey } from './normalize.js';
import type { PhraseMatch } from './phrase-index.js';
import { type WordStream, wordStream } from './words.js';

/**
 * Mention recognition: finds the spans that name or describe actors in one
 * document, before they are grouped into entities (resolve.ts).
 *
 * 1. Dictionary spans: the longest actor-lexicon phrase at each word (countries,
 *    demonyms, capitals, named organisations and groups, PETRARCH actors).
 * 2. Name chunks: runs of capitalised tokens (wink-nlp PROPN, or capitalised words
 *    inside a sentence), joined by name particles (al-, bin, de) and by of/for/the
 *    when a capitalised word follows. A chunk is split into modifiers (a country or
 *    organisation before a title: "Iraqi", "Pentagon"), titles ("Prime Minister",
 *    "Gen.") and the name itself; the title stays out of the name.
 * 3. Nominal actors: role nouns (lexicons/actors/roles.json, PETRARCH agents) with the
 *    actor they belong to — "Iraqi police", "U.S. troops", "the Kadhimi government",
 *    "soldiers from Gondor", "Gondor's government" — coded by combining the actor's
 *    code with the role's sector (IRQ + COP = IRQCOP).
 * 4. Acronyms defined in parentheses after a name: "Kata'ib Hezbollah (KH)".
 */

export type MentionKind = 'name' | 'nominal' | 'acronym' | 'pronoun' | 'description';

export interface Mention {
  /** Token range [start, end). */
  start: number;
  end: number;
  kind: MentionKind;
  /** Type when known at recognition; null lets the resolver decide (name chunks). */
  type: EntityType | null;
  /** The name the entity gets from this mention (titles stripped). */
  name: string;
  code: string | null;
  country: string | null;
  /** Lexicon identity (same id = same actor), when the lexicon knows the actor. */
  lexiconId: string | null;
  /** The roles this mention gives its actor (titles: "prime minister"). */
  roles: string[];
  gender: 'm' | 'f' | null;
  plural: boolean;
  /** For nominal mentions: the head role phrase ("militias", "government"). */
  head: string | null;
  /** An acronym defined for this mention in parentheses right after it. */
  acronym: string | null;
  /** The mention's name is confirmed a person name by a title or honorific. */
  titled: boolean;
  /** Found in a title-case sentence: kept only if the body or a lexicon confirms it. */
  inHeadline: boolean;
  /** Nominal mentions: the name mention of the actor they belong to (the Kadhimi government). */
  actor: Mention | null;
  /** Nominal mentions: the sector codes the head noun adds. */
  sectors: AgentCode[] | null;
}

export interface ActorSpan {
  start: number;
  end: number;
  /** The values of the longest phrase: built-in first, dictionary entries after. */
  builtIn: ActorValue | null;
  dictionary: ActorValue | null;
}

interface RoleSpan {
  start: number;
  end: number;
  role: RoleValue;
}

interface AgentSpan {
  start: number;
  end: number;
  codes: AgentCode[];
}

export interface RecognitionContext {
  lexicon: ActorLexicon;
  /** Publication date as YYYYMMDD, for date-restricted dictionary codes. */
  date: number | null;
  /** Token indexes where a role or agent phrase starts (set by recognise for name chunking). */
  nounStarts?: Set<number>;
}

const STANCE = /^(pro|anti|non)[-‐‑]/i;
const STANCE_PRO_ANTI = /^(pro|anti)[-‐‑]/i;

/** pro-Iran, anti-American (and, with `non`, non-Arab): a stance, not a name. */
function hasStancePrefix(text: string, withNon: boolean): boolean {
  // Only an ASCII p, a or n can start one (the /i match folds no other letter to them).
  const c = text.charCodeAt(0) | 32;
  if (c !== 112 && c !== 97 && c !== 110) return false;
  return (withNon ? STANCE : STANCE_PRO_ANTI).test(text);
}

/** /^["“‘(—–-]$/: a mark that may open a sentence before its first word. */
function isOpeningMark(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'some', 'several', 'many', 'two', 'three', 'both', 'all']);

export interface Recognition {
  mentions: Mention[];
  actorSpans: ActorSpan[];
  words: WordStream;
}

/** All actor mentions of the tokens, in text order. */
export function recognise(tokens: Token[], text: string, ctx: RecognitionContext): Recognition {
  const words = wordStream(tokens);
  const limits = sentenceWordLimits(tokens, words);
  const actorSpans = findActorSpans(tokens, words, limits, ctx);
  const actorAt = new Map<number, ActorSpan>();
  for (const s of actorSpans) actorAt.set(s.start, s);
  const roleAt = findRoleSpans(tokens, words, limits, ctx);
  const agentAt = findAgentSpans(tokens, words, limits, ctx);
  const mentions: Mention[] = [];
  const covered = new Uint8Array(tokens.length);

  const chunks = findNameChunks(tokens, text, { ...ctx, nounStarts: new Set([...roleAt.keys(), ...agentAt.keys()]) }, actorAt);
  const deferred: Mention[] = [];
  for (const chunk of chunks) {
    const found = classifyChunk(chunk, tokens, text, ctx, actorAt, roleAt);
    for (const m of found.mentions) mentions.push(chunk.headline ? withChanges(m, { inHeadline: true }) : m);
    for (let t = found.coveredFrom; t < found.coveredTo; t++) covered[t] = 1;
    if (found.deferred) deferred.push(found.deferred);
  }
  addNominals(tokens, text, ctx, actorAt, roleAt, agentAt, mentions, covered);
  // Nationalities no nominal actor took ("the Turkish and Greek sides") are peoples (NORP).
  for (const m of deferred) if (!covered[m.start]) mentions.push(withChanges(m, { type: 'NORP' }));
  addAcronymDefinitions(tokens, mentions);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, actorSpans, words };
}

// ---------------------------------------------------------------------------
// 1. Dictionary spans

/** For each token, the word index where its sentence ends (matches stop there). */
function sentenceWordLimits(tokens: Token[], words: WordStream): Int32Array {
  const limits = new Int32Array(tokens.length);
  let end = tokens.length;
  for (let t = tokens.length - 1; t >= 0; t--) {
    if (t + 1 < tokens.length && tokens[t + 1]!.sentence !== tokens[t]!.sentence) end = t + 1;
    limits[t] = words.firstWordOfToken[end]!;
  }
  return limits;
}

/** A match must cover whole tokens: its first word starts a token, its last ends one. */
function tokenAligned(words: WordStream, first: number, length: number): { start: number; end: number } | null {
  const startToken = words.token[first]!;
  const lastToken = words.token[first + length - 1]!;
  if (words.firstWordOfToken[startToken] !== first) return null;
  const next = first + length;
  if (next < words.token.length && words.token[next] === lastToken) return null;
  return { start: startToken, end: lastToken + 1 };
}

function spanText(tokens: Token[], text: string, start: number, end: number): string {
  return text.slice(tokens[start]!.start, tokens[end - 1]!.end);
}

function findActorSpans(tokens: Token[], words: WordStream, limits: Int32Array, ctx: RecognitionContext): ActorSpan[] {
  const out: ActorSpan[] = [];
  const { names } = ctx.lexicon;
  let t = 0;
  while (t < tokens.length) {
    const w = words.firstWordOfToken[t]!;
    const limit = limits[t]!;
    const match = w < limit && words.token[w] === t ? ctx.lexicon.actors.longestAt(words.keys, w, limit) : null;
    const aligned = match ? tokenAligned(words, w, match.length) : null;
    if (match && aligned && acceptActorMatch(tokens, aligned.start, aligned.end, match, names.particles)) {
      const builtIn = match.phrases.find((p) => p.value.role !== 'dictionary')?.value ?? null;
      const dictionary = match.phrases.find((p) => p.value.role === 'dictionary')?.value ?? null;
      out.push({ start: aligned.start, end: aligned.end, builtIn, dictionary });
      t = aligned.end;
    } else {
      t++;
    }
  }
  return out;
}

/**
 * Actor names are proper names: the first word must be capitalised (a name
 * particle may precede it), and a phrase the lexicon writes in capitals (UN, KH)
 * matches only capitals — "us" is not the US.
 */
function acceptActorMatch(tokens: Token[], start: number, end: number, match: PhraseMatch<ActorValue>, particles: Set<string>): boolean {
  let first = start;
  while (first < end - 1 && (particles.has(tokens[first]!.norm) || isHyphen(tokens[first]!.text))) first++;
  if (!isCapitalised(tokens[first]!.text)) return false;
  const best = match.phrases[0]!.value;
  if (best.acronym && match.phrases.every((p) => p.value.acronym)) {
    for (let t = start; t < end; t++) if (/[a-z]/.test(tokens[t]!.text)) return false;
  }
  return true;
}

/** Role phrases (titles and actor nouns) by start token. */
function findRoleSpans(tokens: Token[], words: WordStream, limits: Int32Array, ctx: RecognitionContext): Map<number, RoleSpan> {
  const out = new Map<number, RoleSpan>();
  for (let t = 0; t < tokens.length; t++) {
    const w = words.firstWordOfToken[t]!;
    if (words.token[w] !== t) continue;
    const match = ctx.lexicon.roles.longestAt(words.keys, w, limits[t]!);
    const aligned = match ? tokenAligned(words, w, match.length) : null;
    if (!match || !aligned) continue;
    // "secretary" in "press secretary" is found from "press"; a role word used as a
    // verb or adjective ("head to", "general strike") is not a role.
    const last = tokens[aligned.end - 1]!;
    if (last.pos !== 'NOUN' && last.pos !== 'PROPN') continue;
    out.set(t, { start: aligned.start, end: aligned.end, role: match.phrases[0]!.value });
  }
  return out;
}

/** PETRARCH agent phrases by start token (only when agent dictionaries are loaded). */
function findAgentSpans(tokens: Token[], words: WordStream, limits: Int32Array, ctx: RecognitionContext): Map<number, AgentSpan> {
  const out = new Map<number, AgentSpan>();
  if (ctx.lexicon.agents.size === 0) return out;
  for (let t = 0; t < tokens.length; t++) {
    const w = words.firstWordOfToken[t]!;
    if (words.token[w] !== t) continue;
    const match = ctx.lexicon.agents.longestAt(words.keys, w, limits[t]!);
    const aligned = match ? tokenAligned(words, w, match.length) : null;
    if (!match || !aligned) continue;
    out.set(t, { start: aligned.start, end: aligned.end, codes: [match.phrases[0]!.value.code] });
  }
  return out;
}

// ---------------------------------------------------------------------------
// 2. Name chunks

interface Chunk {
  start: number;
  end: number;
  /** The chunk is in a title-case sentence, where capitals say little. */
  headline: boolean;
}

function isNameToken(tokens: Token[], t: number, ctx: RecognitionContext, actorAt: Map<number, ActorSpan>, sentenceStart: boolean): boolean {
  const tok = tokens[t]!;
  if (!startsUpperOrTitle(tok.text)) return false;
  // A dictionary actor starts a name even with a function word first (The Shire).
  if (actorAt.has(t)) return true;
  if (tok.pos === 'PRON' || tok.pos === 'DET' || tok.pos === 'CCONJ' || tok.pos === 'SCONJ' || tok.pos === 'AUX' || tok.pos === 'PUNCT') return false;
  if (ctx.lexicon.names.notNames.has(tok.norm)) return false;
  // pro-Iran, anti-American: a stance, not a name.
  if (hasStancePrefix(tok.text, true)) return false;
  if (sentenceStart && tok.pos !== 'PROPN') return false;
  // A capitalised role noun opening a sentence ("Human rights activists in …",
  // "Soldiers from …") is the common noun, not a name.
  if (sentenceStart && ctx.nounStarts?.has(t)) return false;
  return true;
}

/**
 * Sentences in title case (headlines: "Wealthy Voters Abandon Republican Party"), where
 * capitals do not mark names: at least three words of four letters or more, 80 % of
 * them capitalised. One flag per sentence index (1 = title case).
 */
export function titleCaseSentences(tokens: Token[]): Uint8Array {
  let sentences = 0;
  for (const tok of tokens) if (tok.sentence >= sentences) sentences = tok.sentence + 1;
  const long = new Int32Array(sentences);
  const caps = new Int32Array(sentences);
  for (const tok of tokens) {
    if (tok.text.length < 4 || !startsLetter(tok.text)) continue;
    long[tok.sentence] = long[tok.sentence]! + 1;
    if (startsUpper(tok.text)) caps[tok.sentence] = caps[tok.sentence]! + 1;
  }
  const out = new Uint8Array(sentences);
  for (let s = 0; s < sentences; s++) if (long[s]! >= 3 && caps[s]! / long[s]! >= 0.8) out[s] = 1;
  return out;
}

function findNameChunks(tokens: Token[], text: string, ctx: RecognitionContext, actorAt: Map<number, ActorSpan>): Chunk[] {
  const { particles, connectors } = ctx.lexicon.names;
  const chunks: Chunk[] = [];
  const titleCase = titleCaseSentences(tokens);
  let t = 0;
  while (t < tokens.length) {
    const headline = titleCase[tokens[t]!.sentence] === 1;
    const sentenceStart = t === 0 || tokens[t - 1]!.sentence !== tokens[t]!.sentence || isOpeningMark(tokens[t - 1]!.text) && (t < 2 || tokens[t - 2]!.sentence !== tokens[t]!.sentence);
    const startsWithParticle = particles.has(tokens[t]!.norm) && startsLowerAscii(tokens[t]!.text) && attachedHyphenName(tokens, t, ctx, actorAt);
    if ((!startsWithParticle && !isNameToken(tokens, t, ctx, actorAt, sentenceStart)) || (headline && !actorAt.has(t) && tokens[t]!.pos !== 'PROPN')) {
      t++;
      continue;
    }
    const start = t;
    let end = t + 1;
    for (;;) {
      const s = tokens[start]!.sentence;
      // A dictionary span is taken whole.
      const span = actorAt.get(end - 1);
      if (span && span.end > end) {
        end = span.end;
        continue;
      }
      const next = tokens[end];
      if (!next || next.sentence !== s) break;
      // In a headline only wink-nlp's proper nouns and dictionary names count.
      if (headline && !actorAt.has(end) && next.pos !== 'PROPN') break;
      if (isNameToken(tokens, end, ctx, actorAt, false) && adjacentOrSpaced(text, tokens, end)) {
        end++;
        continue;
      }
      // Hyphen joined without spaces: al-Kadhimi, Ki-moon, Asia-Pacific.
      if (isHyphen(next.text) && next.start === tokens[end - 1]!.end && tokens[end + 1] && tokens[end + 1]!.start === next.end) {
        const after = tokens[end + 1]!;
        if (isCapitalised(after.text) || particles.has(after.norm)) {
          end += 2;
          continue;
        }
        break;
      }
      // Lower-case name particles: Mustafa al-Kadhimi, Osama bin Laden.
      if (particles.has(next.norm) && startsLowerAscii(next.text) && tokens[end + 1]?.sentence === s) {
        const after = tokens[end + 1]!;
        if (isCapitalised(after.text) || (isHyphen(after.text) && after.start === next.end)) {
          end++;
          continue;
        }
      }
      // A possessive inside a name: "Karsk People's Army", "Lord's Resistance Army", after
      // the nouns that take one (`possessiveNameWords`); after other names, and after a known
      // actor ("Iran's Revolutionary Guards"), the possessive is the owner's.
      if (!headline && isApostropheS(next.text) && next.start === tokens[end - 1]!.end && !spanEndingAt(actorAt, end) &&
          ctx.lexicon.names.possessiveNameWords.has(wordKey(tokens[end - 1]!.text))) {
        const tail = possessiveNameTail(tokens, end + 1, ctx, actorAt);
        if (tail > 0) {
          end = tail;
          continue;
        }
      }
      // of / for / the between capitalised words: Committee for the Resistance Factions.
      if (!headline && connectors.has(next.norm) && startsLowerAscii(next.text) && next.norm !== 'and' && next.norm !== 'in' && next.norm !== 'the') {
        let k = end + 1;
        if (tokens[k]?.norm === 'the' && startsLowerAscii(tokens[k]!.text)) k++;
        // After a place, a place's first word starts a name of its own: "Camp Veyra for
        // Mount Dalo" (but "University of Cape Town" is one name).
        const placeStart = tokens[k] !== undefined && ctx.lexicon.names.placePrefixes.has(wordKey(tokens[k]!.text)) &&
          ctx.lexicon.names.placePrefixes.has(wordKey(tokens[start]!.text));
        // "Lena Kovac of the Northern Rights Watch": a person's name, then the organisation
        // the person is of; each is a name of its own
        const personOfOrg = next.norm === 'of' && personBeforeOrganisation(tokens, start, end, k, ctx, actorAt);
        if (tokens[k] && tokens[k]!.sentence === s && !placeStart && !personOfOrg && isNameToken(tokens, k, ctx, actorAt, false)) {
          end = k + 1;
          continue;
        }
      }
      break;
    }
    chunks.push({ start, end, headline });
    t = end;
  }
  return chunks;
}

/**
 * Whether the name [start, end) before "of" is a person's and the capitalised words from
 * k on name an organisation: two or three proper nouns without any head word of a group,
 * organisation, place or facility before, and such a head word ending the words after
 * ("David Dorn of the University of Zurich"; but "Bank of America", "Sword of Truth" stay whole).
 */
function personBeforeOrganisation(tokens: Token[], start: number, end: number, k: number, ctx: RecognitionContext, actorAt: Map<number, ActorSpan>): boolean {
  const names = ctx.lexicon.names;
  const isHeadWord = (t: Token) => {
    const w = t.norm;
    return names.orgWords.has(w) || names.groupWords.has(w) || names.mediaWords.has(w) || names.facilityWords.has(w) || names.locationWords.has(w) || names.gpeWords.has(w);
  };
  if (end - start < 2 || end - start > 3 || actorAt.has(start)) return false;
  for (let i = start; i < end; i++) if (tokens[i]!.pos !== 'PROPN' || isHeadWord(tokens[i]!) || ctx.lexicon.roles.longestAt([wordKey(tokens[i]!.text)], 0) !== null) return false;
  let last = -1;
  for (let i = k; i < tokens.length && tokens[i]!.sentence === tokens[k]!.sentence && isNameToken(tokens, i, ctx, actorAt, false); i++) last = i;
  return last !== -1 && (names.orgWords.has(tokens[last]!.norm) || names.mediaWords.has(tokens[last]!.norm) || names.groupWords.has(tokens[last]!.norm));
}

/**
 * The end of the capitalised words after a possessive inside a name, when they end in a
 * group, organisation, media or institution word (Party, Front, Office, Daily, Army…); 0 otherwise.
 */
function possessiveNameTail(tokens: Token[], k: number, ctx: RecognitionContext, actorAt: Map<number, ActorSpan>): number {
  const { groupWords, orgWords, mediaWords } = ctx.lexicon.names;
  const sentence = tokens[k - 1]?.sentence;
  let end = k;
  while (end < k + 4 && tokens[end]?.sentence === sentence && isCapitalised(tokens[end]!.text) && isNameToken(tokens, end, ctx, actorAt, false)) end++;
  if (end === k) return 0;
  const head = wordKey(tokens[end - 1]!.text);
  if (groupWords.has(head) || orgWords.has(head) || mediaWords.has(head)) return end;
  // An institution noun of the role lexicon ("Army", "Police") heads a name as well.
  const role = ctx.lexicon.roles.longestAt([head], 0);
  return role && role.length === 1 && role.phrases[0]!.value.kind !== 'person' ? end : 0;
}

/** Only spaces, tabs or no-break spaces between token t-1 and t. */
function adjacentOrSpaced(text: string, tokens: Token[], t: number): boolean {
  for (let i = tokens[t - 1]!.end; i < tokens[t]!.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** "al-Qaeda": a particle hyphen-joined to a capitalised word starts a name. */
function attachedHyphenName(tokens: Token[], t: number, ctx: RecognitionContext, actorAt: Map<number, ActorSpan>): boolean {
  const hy = tokens[t + 1];
  const name = tokens[t + 2];
  return !!hy && !!name && isHyphen(hy.text) && hy.start === tokens[t]!.end && name.start === hy.end && isNameToken(tokens, t + 2, ctx, actorAt, false);
}

// ---------------------------------------------------------------------------
// Chunk classification

function actorCode(span: ActorSpan, date: number | null): string | null {
  const dict = span.dictionary ? codeOn(span.dictionary.codes, date) : null;
  if (dict) return dict;
  return span.builtIn ? codeOn(span.builtIn.codes, date) : null;
}

function actorCountry(span: ActorSpan, code: string | null, ctx: RecognitionContext): string | null {
  if (span.builtIn?.country) return span.builtIn.country;
  if (code && ctx.lexicon.countries.has(code.slice(0, 3))) return code.slice(0, 3);
  return null;
}

function baseMention(start: number, end: number, kind: MentionKind): Mention {
  return {
    start, end, kind, type: null, name: '', code: null, country: null, lexiconId: null, roles: [], gender: null,
    plural: false, head: null, acronym: null, titled: false, inHeadline: false, actor: null, sectors: null,
  };
}

/**
 * A copy of `m` with `changes`, built on `baseMention` so that it keeps the one hidden
 * class every mention has (a spread `{ ...m }` makes another, and the code that reads
 * mentions then has more than one shape to handle).
 */
function withChanges(m: Mention, changes: Partial<Mention>): Mention {
  return Object.assign(baseMention(m.start, m.end, m.kind), m, changes);
}

/** A mention for a dictionary span standing alone. */
function actorMention(span: ActorSpan, tokens: Token[], text: string, ctx: RecognitionContext): Mention {
  const m = baseMention(span.start, span.end, 'name');
  const code = actorCode(span, ctx.date);
  m.code = code;
  m.country = actorCountry(span, code, ctx);
  m.type = span.builtIn?.type ?? null;
  m.name = span.builtIn ? span.builtIn.name : cleanName(spanText(tokens, text, span.start, span.end));
  m.lexiconId = span.builtIn ? span.builtIn.id : null;
  m.plural = span.builtIn?.role === 'demonym' && /s$/.test(tokens[span.end - 1]!.norm);
  return m;
}

interface ChunkResult {
  mentions: Mention[];
  /** A nationality that modifies what follows; a mention of its own unless a nominal actor takes it. */
  deferred?: Mention;
  /** Tokens the chunk's mentions account for (titles included), closed to the nominal pass. */
  coveredFrom: number;
  coveredTo: number;
}

function classifyChunk(chunk: Chunk, tokens: Token[], text: string, ctx: RecognitionContext, actorAt: Map<number, ActorSpan>, roleAt: Map<number, RoleSpan>): ChunkResult {
  const out: Mention[] = [];
  const none: ChunkResult = { mentions: out, coveredFrom: 0, coveredTo: 0 };
  let p = chunk.start;
  let modifier: ActorSpan | null = null;
  const titles: RoleSpan[] = [];
  let gender: 'm' | 'f' | null = null;
  let honorificSector: string | null = null;
  let titled = false;
  // The sector an organisation noun before an institution's title gives it (union president: LAB).
  let institution: string | undefined;

  // A name hyphen-joined to a lower-case word is half of a compound modifier, the
  // subject of a label (Shia-backed, Iran-aligned), not a mention.
  if (labelCompound(tokens, chunk.end) && startsLowerAscii(tokens[chunk.end + 1]?.text ?? '')) return none;

  // Whole chunk is one dictionary actor: done.
  const whole = actorAt.get(chunk.start);
  if (whole && whole.end === chunk.end) {
    const m = actorMention(whole, tokens, text, ctx);
    // A demonym right before a role noun is that noun's modifier (Iraqi official): the
    // nominal pass takes it. Before a hyphen it is part of a label (Iranian-backed).
    const next = tokens[chunk.end];
    const demonym = whole.builtIn?.role === 'demonym';
    if (demonym && next && isHyphen(next.text) && next.start === tokens[chunk.end - 1]!.end) return none;
    if (demonym && next && (roleAt.has(chunk.end) || next.pos === 'NOUN' || next.pos === 'ADJ') && !m.plural) return { ...none, deferred: m };
    // "Iranian and Lebanese militia factions": the first nationality is coordinated.
    const other = tokens[chunk.end + 1] ? actorAt.get(chunk.end + 1) : undefined;
    if (demonym && next && (next.norm === 'and' || next.norm === 'or' || next.text === ',') && other?.builtIn?.role === 'demonym') return { ...none, deferred: m };
    out.push(m);
    return { mentions: out, coveredFrom: chunk.start, coveredTo: chunk.end };
  }

  // "the Israel-Lebanon border", "Orvel-Karsk talks": two names joined by a hyphen are two
  // parties, each its own mention.
  const hyphen = dyadHyphen(chunk, tokens, ctx, actorAt);
  if (hyphen !== -1) {
    const before = classifyChunk({ ...chunk, end: hyphen }, tokens, text, ctx, actorAt, roleAt);
    const after = classifyChunk({ ...chunk, start: hyphen + 1 }, tokens, text, ctx, actorAt, roleAt);
    return { mentions: [...before.mentions, ...after.mentions], coveredFrom: chunk.start, coveredTo: chunk.end };
  }

  // Capitalised words before a nationality that modifies a noun ("Senior Hungarian
  // officials" at the start of a sentence): the nationality is the actor.
  const last = spanEndingAt(actorAt, chunk.end);
  const nextTok = tokens[chunk.end];
  if (last && last.start > chunk.start && last.builtIn?.role === 'demonym' && nextTok && (roleAt.has(chunk.end) || nextTok.pos === 'NOUN' || ['and', 'or'].includes(nextTok.norm))) {
    return { ...none, deferred: actorMention(last, tokens, text, ctx) };
  }

  // A title inside the chunk after words that are no actor ("Wealthy Donors Desert
  // Senator Alma Reyes", a headline): the words before it are a chunk of their own.
  for (let k = chunk.start + 1; k < chunk.end - 1; k++) {
    const role = roleAt.get(k);
    if (!role || role.role.kind !== 'person' || role.end >= chunk.end || !isCapitalised(tokens[k]!.text) || isApostropheS(tokens[role.end]!.text)) continue;
    if (spanEndingAt(actorAt, k) || honorificAt(tokens, k - 1, ctx)) break;
    const before = classifyChunk({ ...chunk, end: k }, tokens, text, ctx, actorAt, roleAt);
    const after = classifyChunk({ ...chunk, start: k }, tokens, text, ctx, actorAt, roleAt);
    return {
      mentions: [...before.mentions, ...after.mentions],
      deferred: before.deferred ?? after.deferred,
      coveredFrom: before.coveredTo > before.coveredFrom ? before.coveredFrom : after.coveredFrom,
      coveredTo: after.coveredTo > after.coveredFrom ? after.coveredTo : before.coveredTo,
    };
  }

  // Leading modifiers and titles: [Iraqi] [Prime Minister] Mustafa al-Kadhimi.
  for (;;) {
    const span = actorAt.get(p);
    if (span && span.end < chunk.end && (roleAt.has(span.end) || honorificAt(tokens, span.end, ctx))) {
      modifier = span;
      p = span.end;
      continue;
    }
    const honorific = honorificAt(tokens, p, ctx);
    // "Lord's Resistance Army": a possessive makes the word part of the name, not a title.
    if (honorific && p + 1 < chunk.end && !isApostropheS(tokens[p + 1]!.text)) {
      gender ??= honorific.gender;
      honorificSector ??= honorific.sector;
      titled = true;
      p += 1;
      continue;
    }
    const role = roleAt.get(p);
    // "Union President Joe Ajaero": an organisation noun before an institution's title.
    if (role && role.role.kind === 'org' && role.role.sector && titles.length === 0 && !modifier) {
      const title = roleAt.get(role.end);
      if (title && title.role.kind === 'person' && title.role.institutional && title.end < chunk.end) {
        institution = role.role.sector;
        p = role.end;
        continue;
      }
    }
    // ("Reserve Officers' Training Corps": a role noun with a possessive is part of the name.)
    if (role && role.end < chunk.end && role.role.kind === 'person' && !isApostropheS(tokens[role.end]!.text)) {
      titles.push(role);
      gender ??= role.role.gender;
      titled = true;
      p = role.end;
      continue;
    }
    break;
  }

  // "Gondor's Prime Minister Falastur": the possessive before the titles is the modifier.
  if (titles.length > 0 && !modifier && isApostropheS(tokens[chunk.start - 1]?.text ?? '')) {
    const owner = spanEndingAt(actorAt, chunk.start - 1);
    if (owner) modifier = owner;
  }
  if (p >= chunk.end) return none;
  // Modifier and title with no name after them ("the Iraqi Prime Minister") is a
  // nominal actor, found by the nominal pass.
  const rest = roleAt.get(p);
  if (rest && rest.end === chunk.end) return none;
  // A lower-case title right before the name: "Pentagon press secretary John Kirby",
  // "Iraqi foreign minister Fuad Hussein".
  let coveredFrom = chunk.start;
  if (!modifier) {
    // Before the name, or before the capitalised titles that open it ("army spokesman
    // Colonel Hadi Sarraf"); never across a sentence end ("By Staff Reporter | KANDAR, March 4 —").
    const before = (titles.length === 0 ? roleEndingAt(roleAt, p) : null) ?? (p > chunk.start ? roleEndingAt(roleAt, chunk.start) : null);
    if (before && before.role.kind === 'person' && tokens[before.start]!.sentence === tokens[p]!.sentence) {
      titles.unshift(before);
      gender ??= before.role.gender;
      titled = true;
      coveredFrom = before.start;
      const owner = spanEndingAt(actorAt, before.start) ?? (isApostropheS(tokens[before.start - 1]?.text ?? '') ? spanEndingAt(actorAt, before.start - 1) : null);
      if (owner && !labelCompound(tokens, owner.end)) modifier = owner;
      else if (before.role.institutional) institution = organisationNounBefore(tokens, roleAt, ctx, before.start)?.role.sector ?? undefined;
    }
  }
  // A dictionary actor at the head after titles: "President Hamid Karzai" in Phoenix.
  const inner = actorAt.get(p);
  let m: Mention;
  if (inner && inner.end === chunk.end) {
    m = actorMention(inner, tokens, text, ctx);
  } else {
    m = baseMention(p, chunk.end, 'name');
    m.name = cleanName(spanText(tokens, text, p, chunk.end));
    // A phrase that starts the chunk but stops short of it names something else:
    // "Washington Post" is not Washington. Its variant spelling may be known, though.
    const variant = skeletonLookup(m.name, ctx);
    if (variant) {
      m.type = variant.type;
      m.code = codeOn(variant.codes, ctx.date);
      m.country = variant.country;
      m.lexiconId = variant.id;
      m.name = variant.name;
    }
  }
  if (titled) {
    m.type = 'PERSON';
    m.titled = true;
    m.gender = gender;
    m.roles = titles.map((r) => r.role.phrase);
    let sector = firstOf(titles, 'sector') ?? honorificSector;
    let country: string | null = null;
    let base: string | null = null;
    if (modifier) {
      base = actorCode(modifier, ctx.date);
      country = actorCountry(modifier, base, ctx);
    }
    if (titles[0]?.role.institutional) {
      // A known organisation's code already says its sector (Pentagon official: USAMIL).
      if (modifier && base !== null && !countryLevel(modifier, base)) sector = null;
      else if (!modifier && institution !== undefined) sector = institution;
    }
    const titleCountry = firstOf(titles, 'country');
    if (!base && titleCountry) base = country = titleCountry;
    // A dictionary may code the name with its country only (TELEMAR [DAG]): the title adds the sector.
    if (m.code !== null && /^[A-Z]{3}$/.test(m.code) && sector) m.code = combineCodes(m.code, [{ code: sector, position: 'after' }]);
    if (m.code === null) m.code = combineCodes(base, sector ? [{ code: sector, position: 'after' }] : []);
    m.country ??= country;
  }
  out.push(m);
  return { mentions: out, coveredFrom, coveredTo: chunk.end };
}

/** A country, its people or one of its places: its titles are its government's. */
function countryLevel(span: ActorSpan, code: string | null): boolean {
  const role = span.builtIn?.role;
  if (role === 'demonym' || role === 'country' || role === 'city' || role === 'region') return true;
  return isCountryCode(code);
}

/** An organisation noun with a sector right before a title: "union president", "company spokesman". */
function organisationNounBefore(tokens: Token[], roleAt: Map<number, RoleSpan>, ctx: RecognitionContext, titleStart: number): RoleSpan | null {
  const noun = roleEndingAt(roleAt, titleStart);
  if (noun) return noun.role.kind === 'org' && noun.role.sector ? noun : null;
  // wink-nlp tags a noun that modifies a noun as an adjective at times ("union/ADJ president").
  const prev = tokens[titleStart - 1];
  if (!prev || prev.pos !== 'ADJ' || prev.sentence !== tokens[titleStart]?.sentence) return null;
  const match = ctx.lexicon.roles.longestAt([wordKey(prev.text)], 0);
  const role = match && match.length === 1 ? match.phrases[0]!.value : null;
  return role && role.kind === 'org' && role.sector ? { start: titleStart - 1, end: titleStart, role } : null;
}

/**
 * The owner of an institution's title is a known organisation, whose code says its
 * sector: "UN officials" are IGOUNO. An owner we cannot place (a person, a state, a
 * department we have no code for) leaves the title its own sector.
 */
function ownerIsOrganisation(actor: ActorRef): boolean {
  if (actor.mention && (actor.mention.type === 'GPE' || actor.mention.type === 'NORP' || actor.mention.type === 'LOC')) return false;
  return actor.code !== null && !isCountryCode(actor.code);
}

/** The first title's sector or country that is not null. */
function firstOf(titles: RoleSpan[], field: 'sector' | 'country'): string | null {
  for (const r of titles) {
    const value = field === 'sector' ? r.role.sector : r.role.country;
    if (value !== null) return value;
  }
  return null;
}

/** The longest role phrase ending at `end`: "press secretary", not "secretary". */
function roleEndingAt(roleAt: Map<number, RoleSpan>, end: number): RoleSpan | null {
  for (let k = Math.max(0, end - 5); k < end; k++) {
    const r = roleAt.get(k);
    if (r && r.end === end) return r;
  }
  return null;
}

function honorificAt(tokens: Token[], t: number, ctx: RecognitionContext): { gender: 'm' | 'f' | null; sector: string | null } | null {
  const tok = tokens[t];
  if (!tok || !isCapitalised(tok.text)) return null;
  return ctx.lexicon.honorifics.get(wordKey(tok.text)) ?? null;
}

function skeletonLookup(name: string, ctx: RecognitionContext): ActorValue | null {
  const skeleton = skeletonKey(name);
  if (!skeleton) return null;
  const found = ctx.lexicon.skeletons.get(skeleton);
  if (!found || found.length === 0) return null;
  // Same skeleton and same first letters of every word: a spelling variant.
  const words = nameKey(name).split(' ');
  return found.find((v) => nameKey(v.phrase).split(' ').every((w, i) => w[0] === words[i]?.[0])) ?? null;
}

/** A name as written, with straight apostrophes kept and spacing normalised. */
function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// 3. Nominal actors

interface ActorRef {
  code: string | null;
  country: string | null;
  start: number;
  end: number;
  /** The actor as written. */
  text: string;
  /** The name mention it came from, so the resolver can complete its code. */
  mention: Mention | null;
}

/** Collective nouns whose "of" phrase names the actor: "the group of militias". */
const COLLECTIVES = new Set(['group', 'coalition', 'alliance', 'network', 'umbrella', 'array', 'collection', 'constellation', 'bloc', 'grouping', 'federation']);

/** What the nominal pass works on, for one document. */
interface NominalPass {
  tokens: Token[];
  text: string;
  ctx: RecognitionContext;
  actorAt: Map<number, ActorSpan>;
  roleAt: Map<number, RoleSpan>;
  agentAt: Map<number, AgentSpan>;
  mentions: Mention[];
  covered: Uint8Array;
  /** Name mentions by end token. */
  mentionEndingAt: Map<number, Mention>;
}

function addNominals(
  tokens: Token[],
  text: string,
  ctx: RecognitionContext,
  actorAt: Map<number, ActorSpan>,
  roleAt: Map<number, RoleSpan>,
  agentAt: Map<number, AgentSpan>,
  mentions: Mention[],
  covered: Uint8Array,
): void {
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) if (m.kind === 'name') mentionEndingAt.set(m.end, m);
  const pass: NominalPass = { tokens, text, ctx, actorAt, roleAt, agentAt, mentions, covered, mentionEndingAt };
  // The loop stays small (most tokens start no role noun); the work per candidate is in
  // functions of their own, so the JIT optimises and re-optimises them separately.
  for (let t = 0; t < tokens.length; t++) {
    if (covered[t]) continue;
    const agent = agentAt.get(t);
    const role = roleAt.get(t);
    if (!agent && !role) continue;
    t = nominalAt(pass, t, role, agent);
  }
}

function refOfSpan(pass: NominalPass, span: ActorSpan): ActorRef {
  const code = actorCode(span, pass.ctx.date);
  return { code, country: actorCountry(span, code, pass.ctx), start: span.start, end: span.end, text: spanText(pass.tokens, pass.text, span.start, span.end), mention: null };
}

function refOfMention(pass: NominalPass, m: Mention): ActorRef {
  return { code: m.code, country: m.country, start: m.start, end: m.end, text: spanText(pass.tokens, pass.text, m.start, m.end), mention: m };
}

interface LeftModifiers {
  /** First token of the noun phrase. */
  left: number;
  /** The actor among the modifiers ("Iraqi" police, "the Kadhimi" government). */
  actor: ActorRef | null;
  /** Agent codes of modifiers that go before the actor code (NGO~). */
  extraAgents: AgentCode[];
  /** A characterising word is among the modifiers ("Iranian proxy militias"). */
  labelled: boolean;
}

/** Walks left from the head noun at t over the noun phrase's modifiers: adjectives, nouns, actors, labels. */
function leftModifiers(pass: NominalPass, t: number, sentence: number): LeftModifiers {
  const { tokens, ctx, actorAt, agentAt, covered, mentionEndingAt } = pass;
  let left = t;
  let actor: ActorRef | null = null;
  const extraAgents: AgentCode[] = [];
  // Once a characterising word is passed ("Iranian proxy militias"), a nationality
  // before it belongs to that label, not to the actor.
  let labelled = false;
  for (let k = t - 1; k >= 0 && tokens[k]!.sentence === sentence; k--) {
    const tok = tokens[k]!;
    if (ctx.lexicon.names.labelWords.has(tok.norm) || hasStancePrefix(tok.text, false)) labelled = true;
    const hyphenated = labelCompound(tokens, k + 1);
    if (hyphenated) labelled = true;
    const mention = mentionEndingAt.get(k + 1);
    const span = mention ? null : spanEndingAt(actorAt, k + 1);
    if ((mention || span) && !actor && !labelled && !hyphenated) {
      actor = mention ? refOfMention(pass, mention) : refOfSpan(pass, span!);
      left = actor.start;
      k = actor.start;
      continue;
    }
    if (mention || span) {
      // Part of a label (Iranian-backed) or a second actor: inside the phrase.
      left = (mention ?? span)!.start;
      k = left;
      continue;
    }
    const prefix = agentAt.get(k);
    if (prefix && prefix.end === left && prefix.codes.every((c) => c.position === 'before')) {
      extraAgents.push(...prefix.codes);
      left = k;
      continue;
    }
    if (tok.pos === 'ADJ' || (tok.pos === 'NOUN' && !covered[k]) || tok.pos === 'NUM' || isHyphen(tok.text) || (tok.pos === 'VERB' && isHyphen(tokens[k - 1]?.text ?? '')) || (tok.pos === 'PROPN' && isHyphen(tokens[k + 1]?.text ?? ''))) {
      left = k;
      continue;
    }
    break;
  }
  return { left, actor, extraAgents, labelled };
}

/** The actor after or before the phrase when no modifier named one: possessive, coordinated, prepositional. */
function ownerOutside(pass: NominalPass, t: number, end: number, left: number): ActorRef | null {
  const { tokens, actorAt, mentions, mentionEndingAt } = pass;
  // Possessive: "Gondor's government".
  const poss = tokens[left - 1];
  if (poss && isApostropheS(poss.text)) {
    const mention = mentionEndingAt.get(left - 1);
    const span = mention ? null : spanEndingAt(actorAt, left - 1);
    if (mention || span) return mention ? refOfMention(pass, mention) : refOfSpan(pass, span!);
  }
  // "Danish media and government": a second role noun shares the first one's owner.
  if (left === t && ['and', 'or'].includes(tokens[t - 1]?.norm ?? '')) {
    const first = mentions.find((x) => x.kind === 'nominal' && x.end === t - 1 && x.country);
    if (first) return { code: first.country, country: first.country, start: t, end: t, text: first.name.split(' ')[0]!, mention: null };
  }
  // Prepositional: "soldiers from Gondor".
  return prepositionalActor(pass, end);
}

/**
 * The nominal actor whose role or agent noun starts at t, added to the mentions (with
 * coordinated nationalities); returns the token to continue after.
 */
function nominalAt(pass: NominalPass, t: number, role: RoleSpan | undefined, agent: AgentSpan | undefined): number {
  const { tokens, text, roleAt, mentions, covered } = pass;
  const head = pickHead(role, agent)!;
  const { end } = head;
  if (covered[end - 1]) return t;
  const sentence = tokens[t]!.sentence;
  // The noun must end its phrase: "police" in "police station" is not the police.
  const after = tokens[end];
  if (after && (after.pos === 'NOUN' || after.pos === 'PROPN') && !covered[end] && after.sentence === sentence && !roleAt.has(end)) return t;

  const modifiers = leftModifiers(pass, t, sentence);
  let { left, actor } = modifiers;
  const { extraAgents, labelled } = modifiers;
  let right = end;
  if (!actor) {
    actor = ownerOutside(pass, t, end, left);
    if (actor && actor.start < left) left = actor.start;
    else if (actor && actor.start >= end) right = actor.end;
  }
  // "The group of militias": the collective and the actor are one mention.
  let start = left;
  if (tokens[left - 1]?.norm === 'of' && COLLECTIVES.has(tokens[left - 2]?.norm ?? '')) start = left - 2;
  const det = tokens[start - 1];
  const definite = !!det && (det.norm === 'the' || det.norm === 'these' || det.norm === 'those' || det.norm === 'this' || det.norm === 'that');
  // "described as (“)a terrorist militia(”)": a predicate says what something is; it refers to no actor.
  if (det && (det.norm === 'a' || det.norm === 'an')) {
    let k = start - 2;
    while (k >= 0 && /^["“‘]$/.test(tokens[k]!.text)) k--;
    if (tokens[k]?.norm === 'as') return t;
  }
  if (start !== left && definite) start -= 1;
  const roleValue = role && role.end === end ? role.role : null;
  const kind = roleValue?.kind ?? 'group';
  const sector = agent ? agent.codes.find((c) => c.position === 'after')?.code ?? null : roleValue?.sector ?? null;
  const armed = !!sector && /^(REB|OPP|UAF|INS)/.test(sector);
  // "the union president", "a company spokesman": the organisation noun gives the sector
  // (unless another mention took it: "an Arnorian embassy spokesman").
  const foundInstitution = roleValue?.institutional && !actor && !agent ? organisationNounBefore(tokens, roleAt, pass.ctx, head.start) : null;
  const institution = foundInstitution && !covered[foundInstitution.start] ? foundInstitution : null;
  if (!actor && !agent && !institution) {
    // Without an actor, only collectives that are actors in their own right (the
    // militias, Iranian-backed rebels) stand alone; "the prime minister", "the
    // government" are descriptions of an actor named elsewhere.
    if (!(armed && kind !== 'person') && !(labelled && kind === 'group')) {
      if (definite && det!.norm === 'the' && roleValue) mentions.push(descriptionMention(t, end, roleValue, tokens, text));
      return t;
    }
  }
  const sectors: AgentCode[] = [...extraAgents];
  if (agent) sectors.push(...agent.codes);
  else if (institution) sectors.push({ code: institution.role.sector!, position: 'after' });
  // An institution's title under a known organisation takes the organisation's sector.
  else if (roleValue?.sector && !(roleValue.institutional && actor && ownerIsOrganisation(actor))) sectors.push({ code: roleValue.sector, position: 'after' });
  if (institution) start = Math.min(start, institution.start);
  const headText = spanText(tokens, text, institution ? institution.start : head.start, end);
  const m = baseMention(start, right, 'nominal');
  m.code = combineCodes(actor?.code ?? null, sectors);
  m.country = actor?.country ?? roleValue?.country ?? null;
  m.head = roleValue?.phrase ?? headText.toLowerCase();
  m.plural = roleValue?.plural ?? /s$/.test(tokens[end - 1]!.norm);
  m.gender = roleValue?.gender ?? null;
  // Plural person nouns are collectives: Syrian rebels (GROUP), Israeli soldiers (ORG).
  const collective = kind !== 'person' || m.plural;
  const typeSector = institution ? institution.role.sector : sector;
  m.type = !collective ? 'PERSON' : armed || typeSector === null || (kind === 'person' && /^(CVL|REF|OPP)/.test(typeSector)) ? 'GROUP' : 'ORG';
  m.roles = roleValue ? [roleValue.phrase] : [];
  m.actor = actor?.mention ?? null;
  m.sectors = sectors;
  m.name = !actor ? headText : actor.start >= end ? `${headText} ${text.slice(tokens[end]!.start, tokens[actor.end - 1]!.end)}` : `${actor.text} ${headText}`;
  mentions.push(m);
  for (let k = m.start; k < m.end; k++) covered[k] = 1;
  // "Iranian and Lebanese militia factions": each nationality has the factions.
  if (actor && actor.start < end) addCoordinated(pass, actor, m);
  return m.end - 1;
}

function addCoordinated(pass: NominalPass, actor: ActorRef, m: Mention): void {
  const { tokens, actorAt, mentions, covered } = pass;
  let k = actor.start - 1;
  while (k > 0 && (tokens[k]!.norm === 'and' || tokens[k]!.norm === 'or' || tokens[k]!.text === ',')) {
    const span = spanEndingAt(actorAt, k);
    if (!span || covered[span.start] || span.builtIn?.role === 'city') break;
    const other = refOfSpan(pass, span);
    const c = baseMention(span.start, span.end, 'nominal');
    Object.assign(c, { ...m, start: span.start, end: span.end, actor: null });
    c.code = combineCodes(other.code, m.sectors ?? []);
    c.country = other.country;
    c.name = `${other.text} ${m.name.slice(actor.text.length + 1)}`;
    mentions.push(c);
    for (let x = span.start; x < span.end; x++) covered[x] = 1;
    k = span.start - 1;
  }
}

function pickHead(role: RoleSpan | undefined, agent: AgentSpan | undefined): { start: number; end: number } | null {
  if (agent && (!role || agent.end >= role.end)) return agent;
  return role ?? null;
}

function spanEndingAt(actorAt: Map<number, ActorSpan>, end: number): ActorSpan | null {
  for (let k = end - 1; k >= Math.max(0, end - 8); k--) {
    const s = actorAt.get(k);
    if (s && s.end === end) return s;
  }
  return null;
}

/**
 * The hyphen that joins two parties in a chunk, or -1: both sides are dictionary actors
 * ("US-China"), or single names before a noun of relations between two ("the Orvel-Karsk
 * border"). Compound names ("Guinea-Bissau") are dictionary actors whole and never get here.
 */
function dyadHyphen(chunk: Chunk, tokens: Token[], ctx: RecognitionContext, actorAt: Map<number, ActorSpan>): number {
  for (let k = chunk.start + 1; k < chunk.end - 1; k++) {
    const t = tokens[k]!;
    if (!isHyphen(t.text) || t.start !== tokens[k - 1]!.end || tokens[k + 1]!.start !== t.end) continue;
    if (actorAt.get(chunk.start)?.end === k && actorAt.get(k + 1)?.end === chunk.end) return k;
    const next = tokens[chunk.end];
    const single = k === chunk.start + 1 && k + 2 === chunk.end;
    if (single && next && next.sentence === t.sentence && ctx.lexicon.names.dyadNouns.has(next.norm)) return k;
    return -1;
  }
  return -1;
}

/** The actor before a hyphen-joined participle is part of a label: "Iranian-backed". */
function labelCompound(tokens: Token[], end: number): boolean {
  const hy = tokens[end];
  return !!hy && isHyphen(hy.text) && hy.start === tokens[end - 1]!.end;
}

function prepositionalActor(pass: NominalPass, end: number): ActorRef | null {
  const { tokens, mentions, actorAt } = pass;
  const prep = tokens[end];
  if (!prep || !['of', 'from', 'in'].includes(prep.norm)) return null;
  let k = end + 1;
  if (tokens[k]?.norm === 'the') k++;
  const mention = mentions.find((m) => m.start === k && m.kind === 'name');
  if (mention && (mention.type === 'GPE' || mention.country)) return refOfMention(pass, mention);
  const span = actorAt.get(k);
  if (!span) return null;
  const role = span.builtIn?.role;
  if (role !== 'country' && role !== 'city' && !span.dictionary) return null;
  return refOfSpan(pass, span);
}

function descriptionMention(start: number, end: number, role: RoleValue, tokens: Token[], text: string): Mention {
  const m = baseMention(start - 1, end, 'description');
  m.type = role.kind === 'person' ? 'PERSON' : null;
  m.roles = [role.phrase];
  m.gender = role.gender;
  m.head = role.phrase;
  m.plural = role.plural;
  m.name = text.slice(tokens[start]!.start, tokens[end - 1]!.end);
  return m;
}

// ---------------------------------------------------------------------------
// 4. Acronyms defined in parentheses

function addAcronymDefinitions(tokens: Token[], mentions: Mention[]): void {
  const byEnd = new Map<number, Mention>();
  for (const m of mentions) if (m.kind === 'name') byEnd.set(m.end, m);
  for (let t = 1; t + 2 < tokens.length; t++) {
    if (tokens[t]!.text !== '(' || tokens[t + 2]!.text !== ')') continue;
    const acr = tokens[t + 1]!;
    if (!isAcronym(acr.text)) continue;
    const named = byEnd.get(t);
    if (!named) continue;
    named.acronym = acr.text;
  }
}

export { spanText };
