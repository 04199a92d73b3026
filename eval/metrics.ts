/**
 * Measure arithmetic shared by the eval suites: precision/recall/F1 from counts, word
 * tokens of a text, spans as sets of word tokens, and one-to-one greedy matching.
 * Everything here is pure and tested on small synthetic inputs (test/eval-metrics.test.ts).
 */

/** A character range [start, end) of a document text. */
export interface Segment {
  start: number;
  end: number;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** P/R/F1 from counts; a ratio with a zero denominator is 0 (nothing predicted, nothing to find). */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Adds counts so P/R/F1 can be computed over all documents at once (micro average). */
export class PrfCounter {
  tp = 0;
  fp = 0;
  fn = 0;
  add(tp: number, fp: number, fn: number): void {
    this.tp += tp;
    this.fp += fp;
    this.fn += fn;
  }
  result(): Prf {
    return prf(this.tp, this.fp, this.fn);
  }
}

/**
 * Word tokens: maximal runs of letters, digits and combining marks. White space and
 * punctuation (quotation marks, commas, dashes, apostrophes) separate tokens and are not
 * tokens themselves, so a span that does or does not include a closing quote or a final
 * full stop covers the same words. Offsets are JavaScript string indices.
 */
export function wordTokens(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[\p{L}\p{N}\p{M}]+/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Indices (into `tokens`, sorted by start) of the word tokens that share at least one
 * character with any of `segments` (a discontinuous span is the union of its segments).
 */
export function tokensIn(tokens: readonly Segment[], segments: readonly Segment[]): number[] {
  const found = new Set<number>();
  for (const seg of segments) {
    // first token whose end lies after the segment start
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.end <= seg.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tokens.length && tokens[i]!.start < seg.end; i++) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/** Size of the intersection of two sorted index lists. */
export function intersectionSize(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Token-overlap F1 of two token sets (Dice coefficient); two empty sets agree fully (1). */
export function overlapF1(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}

export interface Pair {
  gold: number;
  pred: number;
  overlap: number;
}

/**
 * One-to-one matching, greedy by largest overlap: every (gold, pred) pair with overlap
 * > 0 is considered, largest overlap first (ties: lower gold index, then lower pred
 * index), and a pair is taken when neither side is taken yet.
 */
export function greedyMatch(overlap: (gold: number, pred: number) => number, goldCount: number, predCount: number): Pair[] {
  const candidates: Pair[] = [];
  for (let g = 0; g < goldCount; g++) {
    for (let p = 0; p < predCount; p++) {
      const o = overlap(g, p);
      if (o > 0) candidates.push({ gold: g, pred: p, overlap: o });
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap || x.gold - y.gold || x.pred - y.pred);
  const goldTaken = new Set<number>();
  const predTaken = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (goldTaken.has(c.gold) || predTaken.has(c.pred)) continue;
    goldTaken.add(c.gold);
    predTaken.add(c.pred);
    pairs.push(c);
  }
  return pairs.sort((x, y) => x.gold - y.gold);
}

/**
 * A span with white space trimmed from each segment's edges, as a comparable key
 * ("s-e;s-e"), for exact-span matching.
 */
export function spanKey(text: string, segments: readonly Segment[]): string {
  return segments
    .map((s) => {
      let { start, end } = s;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return `${start}-${end}`;
    })
    .join(';');
}

/** Exact matches between two multisets of keys: tp, fp, fn. */
export function exactCounts(gold: readonly string[], pred: readonly string[]): { tp: number; fp: number; fn: number } {
  const remaining = new Map<string, number>();
  for (const k of gold) remaining.set(k, (remaining.get(k) ?? 0) + 1);
  let tp = 0;
  for (const k of pred) {
    const left = remaining.get(k) ?? 0;
    if (left > 0) {
      tp++;
      remaining.set(k, left - 1);
    }
  }
  return { tp, fp: pred.length - tp, fn: gold.length - tp };
}

/** Macro-F1: the unweighted mean of per-class F1 over the given classes. */
export function macroF1(perClass: ReadonlyMap<string, Prf>, classes: readonly string[]): number {
  if (classes.length === 0) return 0;
  let sum = 0;
  for (const c of classes) sum += perClass.get(c)?.f1 ?? 0;
  return sum / classes.length;
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
