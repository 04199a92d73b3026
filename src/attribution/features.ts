import type { Token } from '../doc/types.js';
import { CLOSE_MARK, OPEN_MARK, type AttrContext } from './context.js';
import type { Cue } from './cues.js';
import type { Draft } from './frames.js';

/**
 * Where features go: to a list of strings (training, inspection) or straight into a
 * model's score (run time), so that scoring builds no strings. A feature is a name and a
 * value (`next=that`), optionally prefixed by the cue's lemma (`say|next=that`); both
 * sinks see the same characters, so the hash of a feature equals the hash of its string.
 */
export interface FeatureSink {
  add(name: string, value: string): void;
  addForLemma(lemma: string, name: string, value: string): void;
}

/** Collects features as strings: `name=value`, `lemma|name=value`. */
export class FeatureList implements FeatureSink {
  readonly features: string[] = [];
  add(name: string, value: string): void {
    this.features.push(name + '=' + value);
  }
  addForLemma(lemma: string, name: string, value: string): void {
    this.features.push(lemma + '|' + name + '=' + value);
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EQUALS = 61; // '='
const BAR = 124; // '|'

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** 32-bit FNV-1a of a feature string (as an int32); ScoreSink computes the same without the string. */
export function featureHash(feature: string): number {
  return mix(FNV_OFFSET, feature) | 0;
}

/**
 * Feature weights by hash, in an open-addressing table of typed arrays: a lookup is a
 * few array reads, with no strings and no boxed numbers.
 */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(entries: Iterable<[string, number]>) {
    const list = [...entries];
    let size = 1024;
    while (size < list.length * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.values = new Float32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const [feature, weight] of list) {
      const h = featureHash(feature);
      const slot = this.slot(h);
      this.keys[slot] = h;
      this.values[slot] = this.values[slot]! + weight;
      this.used[slot] = 1;
    }
  }

  private slot(h: number): number {
    let i = (h ^ (h >>> 16)) & this.mask;
    while (this.used[i] && this.keys[i] !== h) i = (i + 1) & this.mask;
    return i;
  }

  get(h: number): number {
    const i = this.slot(h);
    return this.used[i] ? this.values[i]! : 0;
  }
}

/** Sums a model's weights for the features, hashing them as they come. */
export class ScoreSink implements FeatureSink {
  score = 0;
  /** The hash of `lemma|`: a candidate's lemma features all share it, so it is hashed once. */
  private lemma: string | null = null;
  private lemmaPrefix = 0;
  constructor(private readonly weights: WeightTable) {}
  add(name: string, value: string): void {
    this.score += this.weights.get(mix(Math.imul(mix(FNV_OFFSET, name) ^ EQUALS, FNV_PRIME), value) | 0);
  }
  addForLemma(lemma: string, name: string, value: string): void {
    if (lemma !== this.lemma) {
      this.lemma = lemma;
      this.lemmaPrefix = Math.imul(mix(FNV_OFFSET, lemma) ^ BAR, FNV_PRIME);
    }
    this.score += this.weights.get(mix(Math.imul(mix(this.lemmaPrefix, name) ^ EQUALS, FNV_PRIME), value) | 0);
  }
}

/**
 * Features of a framed cue candidate, for the cue model (model.ts): the words and
 * tags around the cue, the frame the rules found (where the source and content are,
 * how the content opens), and whether the cue sits inside a quotation. Shared by
 * training (scripts/train-attribution.ts) and run time, so they cannot drift apart.
 */

const FUNCTION_OPENERS = new Set(['that', 'to', 'whether', 'if', 'how', 'why', 'what', 'when', 'who', 'for', 'about', 'on', 'of', 'as', 'with', 'against', ':']);

function word(t: Token | undefined): string {
  if (!t) return '<none>';
  return t.pos === 'PROPN' ? '<propn>' : t.pos === 'NUM' ? '<num>' : t.norm;
}

function bucket(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 7 ? '4-7' : n <= 15 ? '8-15' : n <= 30 ? '16-30' : '31+';
}

export function cueFeatures(ctx: AttrContext, cue: Cue, draft: Draft, sink: FeatureSink): void {
  const { tokens } = ctx;
  const head = tokens[cue.head]!;
  const lemma = cue.lemma;
  const prev = tokens[cue.first - 1];
  const next = tokens[cue.last + 1];
  sink.add('bias', '');
  sink.add('k', cue.kind);
  sink.add('l', lemma);
  sink.add('form', head.norm);
  sink.add('pos', head.pos);
  sink.add('type', cue.types[0] ?? 'none');
  for (const t of cue.types) sink.add('has', t);
  both(sink, lemma, 'prev', word(prev));
  sink.add('prevpos', prev?.pos ?? '<none>');
  both(sink, lemma, 'next', word(next));
  sink.add('nextpos', next?.pos ?? '<none>');
  sink.add('next2', word(tokens[cue.last + 2]));
  sink.add('headprev', word(tokens[cue.head - 1]));
  sink.add('cuelen', bucket(cue.last - cue.first + 1));
  if (cue.first < cue.head) both(sink, lemma, 'pre', tokens[cue.first]!.norm);
  if (cue.last > cue.head) both(sink, lemma, 'particle', tokens[cue.last]!.norm);
  both(sink, lemma, 'sieve', draft.sieve);

  // the source the frame found
  if (draft.source) {
    const s = tokens[draft.source[1]]!;
    both(sink, lemma, 'src', s.pos === 'PRON' ? s.norm : s.pos);
    sink.add('srclen', bucket(draft.source[1] - draft.source[0] + 1));
    sink.add('srcside', draft.source[0] > cue.head ? 'after' : 'before');
    sink.add('srcdist', bucket(Math.abs(draft.source[0] > cue.head ? draft.source[0] - cue.last : cue.first - draft.source[1])));
    if (ctx.lexicon.personNouns.has(s.norm) || ctx.lexicon.titleNouns.has(s.norm)) both(sink, lemma, 'src', 'person');
    if (ctx.lexicon.groupNouns.has(s.norm)) both(sink, lemma, 'src', 'group');
    // what the entities stage says the source is: a person or organisation speaks, a place or a product rarely does
    both(sink, lemma, 'srcent', sourceEntityType(ctx, draft.source) ?? 'none');
  } else both(sink, lemma, 'src', 'none');

  // the content the frame found
  const [c0, c1] = draft.content;
  const opener = tokens[c0]!;
  const before = c1 < cue.first;
  both(sink, lemma, 'cside', before ? 'before' : 'after');
  both(sink, lemma, 'copen', ctx.mark[c0] === OPEN_MARK ? '<quote>' : FUNCTION_OPENERS.has(opener.norm) ? opener.norm : opener.pos);
  sink.add('clen', bucket(c1 - c0 + 1));
  both(sink, lemma, 'cgap', bucket(before ? cue.first - c1 : c0 - cue.last));
  if (ctx.mark[c0] === OPEN_MARK && (ctx.mark[c1] === CLOSE_MARK || ctx.quoteOf[c1] !== -1)) both(sink, lemma, 'direct', '');
  if (opener.pos === 'VERB' && endsWithIng(opener.norm)) both(sink, lemma, 'copen', 'gerund');

  // inside a quotation: `“I think …”` is the quoted speaker's, and usually not annotated apart
  if (ctx.quoteOf[cue.head] !== -1) {
    both(sink, lemma, 'inquote', '');
    if (draft.source && tokens[draft.source[0]]!.pos === 'PRON') sink.add('inquote+src', tokens[draft.source[0]]!.norm);
  }
  if (prev && (prev.text === ',' || ctx.mark[cue.first - 1] === CLOSE_MARK)) both(sink, lemma, 'aftercomma', '');
  if (endsWithIng(head.norm)) both(sink, lemma, 'ing', '');
  if (prev?.norm === 'to') both(sink, lemma, 'infinitive', '');
  const sentence = ctx.sentenceOf[cue.head]!;
  if (sentence === 0 && ctx.lineStart[ctx.clauses[0]![0]]) sink.add('headline', '');
  const c = head.text.charCodeAt(0);
  if (c >= 65 && c <= 90 && cue.head !== ctx.clauses[sentence]![0]) both(sink, lemma, 'capitalized', '');
}

/** A feature both on its own and conjoined with the cue's lemma. */
function both(sink: FeatureSink, lemma: string, name: string, value: string): void {
  sink.add(name, value);
  sink.addForLemma(lemma, name, value);
}

function endsWithIng(w: string): boolean {
  return w.length > 4 && w.endsWith('ing');
}

/** The entity type of a source: that of the first entity mention in it (its head noun phrase comes first), else null. */
function sourceEntityType(ctx: AttrContext, [s0, s1]: [number, number]): string | null {
  for (let k = s0; k <= s1; k++) {
    const type = ctx.entityType[k];
    if (type) return type;
  }
  return null;
}
