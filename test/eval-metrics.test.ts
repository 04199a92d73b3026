import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBrat, pickAnnotations } from '../eval/brat.js';
import {
  exactCounts,
  greedyMatch,
  intersectionSize,
  macroF1,
  median,
  overlapF1,
  prf,
  spanKey,
  tokensIn,
  wordTokens,
} from '../eval/metrics.js';

// A tiny brat file written for these tests: a discontinuous content, a text column that
// runs over two lines, an attribution without source, and bookkeeping labels to ignore.
const ANN = [
  'T1\tSource 0 8\tThe mayor',
  'T2\tCue 9 13\tsaid',
  'T3\tContent 14 30;40 52\tthe bridge is\nsafe and open',
  'T4\tAttribution 9 13\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tCue 60 68\twas told',
  'T6\tContent 69 90\tabout the plan',
  'T7\tAttribution-no-source 60 68\twas told',
  'E2\tAttribution-no-source:T7 Content:T6 Cue:T5',
  'T8\tDiscard 100 120\tboilerplate',
  'E3\tDiscard:T8',
  '#1\tAnnotatorNotes T3\ta note',
  '',
].join('\n');

test('brat: discontinuous spans, multi-line text column, no-source relations', () => {
  const doc = parseBrat(ANN);
  assert.equal(doc.attributions.length, 2, 'Discard is not an attribution');
  const [a, b] = doc.attributions;
  assert.deepEqual(a!.source, [{ start: 0, end: 8 }]);
  assert.deepEqual(a!.cue, [{ start: 9, end: 13 }]);
  assert.deepEqual(a!.content, [
    { start: 14, end: 30 },
    { start: 40, end: 52 },
  ]);
  assert.equal(a!.kind, 'Attribution');
  assert.equal(b!.kind, 'Attribution-no-source');
  assert.equal(b!.source, null);
  assert.deepEqual(b!.content, [{ start: 69, end: 90 }]);
  // The continuation line "safe and open" did not become a record.
  assert.equal(doc.textBounds.size, 8);
});

test('brat: malformed offsets fail loudly', () => {
  assert.throws(() => parseBrat('T1\tCue 9 x\tsaid\n'), /bad offsets/);
});

test('brat: the lexicographically first annotator file is the reference', () => {
  const chosen = pickAnnotations(['b_story_zz9.ann', 'a_story_c3.ann', 'a_story_a1.ann', 'notes.txt']);
  assert.deepEqual(
    [...chosen.entries()],
    [
      ['a_story', 'a_story_a1.ann'],
      ['b_story', 'b_story_zz9.ann'],
    ],
  );
});

test('word tokens skip white space and punctuation', () => {
  const text = '“It’s over,” she said — U.S.-backed.';
  assert.deepEqual(
    wordTokens(text).map((t) => text.slice(t.start, t.end)),
    ['It', 's', 'over', 'she', 'said', 'U', 'S', 'backed'],
  );
});

test('tokensIn: a token partly inside a span counts; discontinuous spans are unions', () => {
  const text = 'alpha beta gamma delta';
  const words = wordTokens(text);
  assert.deepEqual(tokensIn(words, [{ start: 2, end: 7 }]), [0, 1]);
  assert.deepEqual(tokensIn(words, [{ start: 17, end: 22 }, { start: 0, end: 5 }]), [0, 3]);
  assert.deepEqual(tokensIn(words, [{ start: 5, end: 6 }]), [], 'white space alone holds no token');
});

test('prf arithmetic, including empty denominators', () => {
  const r = prf(3, 1, 2);
  assert.equal(r.precision, 0.75);
  assert.equal(r.recall, 0.6);
  assert.ok(Math.abs(r.f1 - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
  assert.deepEqual(prf(0, 0, 0), { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
});

test('overlap F1 and intersections of sorted token lists', () => {
  assert.equal(intersectionSize([1, 3, 5, 7], [3, 4, 5]), 2);
  assert.equal(overlapF1([1, 2], [2, 3]), 0.5);
  assert.equal(overlapF1([], []), 1);
  assert.equal(overlapF1([1], []), 0);
});

test('greedy matching is one-to-one, largest overlap first', () => {
  // gold 0 overlaps pred 0 by 2 and pred 1 by 5; gold 1 overlaps pred 1 by 3 only.
  const table: Record<string, number> = { '0,0': 2, '0,1': 5, '1,1': 3 };
  const pairs = greedyMatch((g, p) => table[`${g},${p}`] ?? 0, 2, 2);
  assert.deepEqual(pairs, [{ gold: 0, pred: 1, overlap: 5 }]);
  const none = greedyMatch(() => 0, 3, 3);
  assert.deepEqual(none, []);
});

test('exact span keys ignore edge white space; exact counts use multisets', () => {
  const text = ' said  it';
  assert.equal(spanKey(text, [{ start: 0, end: 5 }]), '1-5');
  assert.equal(spanKey(text, [{ start: 1, end: 5 }, { start: 5, end: 9 }]), '1-5;7-9');
  assert.deepEqual(exactCounts(['a', 'a', 'b'], ['a', 'c']), { tp: 1, fp: 1, fn: 2 });
});

test('macro-F1 averages over the listed classes, a missing class scoring 0', () => {
  const per = new Map([
    ['AGREE', prf(1, 0, 0)],
    ['FIGHT', prf(1, 1, 1)],
  ]);
  assert.equal(macroF1(per, ['AGREE', 'FIGHT', 'AID']), (1 + 0.5) / 3);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
});
