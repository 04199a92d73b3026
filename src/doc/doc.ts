import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type Attribution, type Doc, type DocJson, type DocMeta, type Span, type Token } from './types.js';

/** Document id: the SHA-256 of the text, so the same content always gets the same id. */
export function contentId(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

export function createDoc(text: string, meta: Partial<DocMeta> = {}): Doc {
  return {
    id: contentId(text),
    meta: { title: meta.title ?? null, published: meta.published ?? null, url: meta.url ?? null },
    text,
    sentences: [],
    tokens: [],
    entities: [],
    attributions: [],
    events: [],
    responsibility: [],
    contradictions: [],
    labels: [],
  };
}

/** A span of `text`; the only way spans are made, so `span.text` can never drift from the offsets. */
export function makeSpan(text: string, start: number, end: number): Span {
  if (!(start >= 0 && end >= start && end <= text.length)) {
    throw new RangeError(`span ${start}..${end} lies outside a text of length ${text.length}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** The index of the sentence that holds `offset` (the last sentence starting at or before it). */
export function sentenceIndexAt(doc: Pick<Doc, 'sentences'>, offset: number): number {
  return Math.max(0, partitionPoint(doc.sentences, (s) => s.start <= offset) - 1);
}

/** The index of the token that holds `offset` (the last token starting at or before it). */
export function tokenIndexAt(tokens: readonly Pick<Token, 'start'>[], offset: number): number {
  return Math.max(0, partitionPoint(tokens, (t) => t.start <= offset) - 1);
}

/** The attribution whose cue covers the character at `offset` ("accused" in "X accused Y of …"), if any. */
export function attributionWithCueAt(attributions: readonly Attribution[], offset: number): Attribution | null {
  return attributions.find((a) => a.cue.start <= offset && offset < a.cue.end) ?? null;
}

/**
 * Binary search: in `items` ordered so that `before` holds for a prefix of them, the
 * length of that prefix (the index of the first item for which it fails).
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shrinks [start, end) past surrounding white space and the given edge characters. */
export function trimSpan(text: string, start: number, end: number, edge = /[\s]/): Span {
  while (start < end && edge.test(text[start]!)) start++;
  while (end > start && edge.test(text[end - 1]!)) end--;
  return makeSpan(text, start, end);
}

/** The contract form (docs/contract.md): working layers such as tokens stay out. */
export function toJson(doc: Doc): DocJson {
  return {
    schema: SCHEMA_VERSION,
    id: doc.id,
    meta: doc.meta,
    text: doc.text,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: doc.entities,
    attributions: doc.attributions,
    events: doc.events,
    responsibility: doc.responsibility,
    contradictions: doc.contradictions,
    labels: doc.labels,
  };
}

/** Every span in a serialised document, with a path for error messages. */
export function* allSpans(json: DocJson): Generator<[string, Span]> {
  for (const e of json.entities) for (const [i, m] of e.mentions.entries()) yield [`${e.id}.mentions[${i}]`, m];
  for (const a of json.attributions) {
    if (a.source) yield [`${a.id}.source`, a.source];
    yield [`${a.id}.cue`, a.cue];
    yield [`${a.id}.content`, a.content];
  }
  for (const v of json.events) {
    yield [`${v.id}.trigger`, v.trigger];
    for (const r of [...v.source, ...v.target]) yield [`${v.id}.actor`, r.span];
    for (const p of v.place) yield [`${v.id}.place`, p];
    if (v.time) yield [`${v.id}.time`, v.time.span];
    if (v.condition) yield [`${v.id}.condition`, v.condition];
    if (v.deadline) yield [`${v.id}.deadline`, v.deadline.span];
  }
  for (const [i, r] of json.responsibility.entries()) {
    if (r.speaker.span) yield [`responsibility[${i}].speaker`, r.speaker.span];
    if (r.target) yield [`responsibility[${i}].target`, r.target.span];
    yield [`responsibility[${i}].evidence`, r.evidence];
  }
  for (const [i, l] of json.labels.entries()) {
    yield [`labels[${i}].label`, l.label];
    if (l.usedBy.span) yield [`labels[${i}].usedBy`, l.usedBy.span];
  }
}

/** Problems with a serialised document's spans; empty when every span indexes the text exactly. */
export function spanProblems(json: DocJson): string[] {
  const problems: string[] = [];
  for (const [path, s] of allSpans(json)) {
    if (s.start < 0 || s.end < s.start || s.end > json.text.length) problems.push(`${path}: ${s.start}..${s.end} out of range`);
    else if (json.text.slice(s.start, s.end) !== s.text) problems.push(`${path}: text does not match offsets`);
  }
  return problems;
}
