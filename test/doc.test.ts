import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionPoint, sentenceIndexAt, tokenIndexAt } from '../src/doc/doc.js';

test('partitionPoint: the length of the prefix for which the predicate holds', () => {
  const xs = [1, 3, 3, 5, 8];
  assert.equal(partitionPoint(xs, (x) => x < 3), 1);
  assert.equal(partitionPoint(xs, (x) => x <= 3), 3);
  assert.equal(partitionPoint(xs, (x) => x < 0), 0);
  assert.equal(partitionPoint(xs, (x) => x < 100), 5);
  assert.equal(partitionPoint([], () => true), 0);
});

test('tokenIndexAt and sentenceIndexAt: the last item starting at or before the offset, 0 before the first', () => {
  const tokens = [{ start: 0 }, { start: 4 }, { start: 10 }];
  assert.equal(tokenIndexAt(tokens, 0), 0);
  assert.equal(tokenIndexAt(tokens, 5), 1);
  assert.equal(tokenIndexAt(tokens, 10), 2);
  assert.equal(tokenIndexAt(tokens, 99), 2);
  const sentences = [{ start: 2, end: 9 }, { start: 10, end: 20 }];
  assert.equal(sentenceIndexAt({ sentences } as never, 0), 0);
  assert.equal(sentenceIndexAt({ sentences } as never, 15), 1);
});
