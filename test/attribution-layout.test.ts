import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAttributions } from '../src/attribution/extract.js';
import type { Attribution } from '../src/doc/types.js';
import { analyzeText } from '../src/pipeline/index.js';

/** Speaker labels (docs/attribution.md, "Layout"), with the entities stage run, on texts written for these tests. */

function extract(text: string): Attribution[] {
  return extractAttributions(analyzeText(text, {}, { until: 'entities' }));
}

function colons(text: string): string[] {
  return extract(text).filter((a) => a.cue.text === ':').map((a) => `${a.source?.text} | ${a.content.text}`);
}

test('a label that opens a quotation is a speaker, in the body of an article too', () => {
  assert.deepEqual(colons('The debate ended late.\n\nCosta: "Our goal is to win the vote."\n\nThe crowd cheered.'), ['Costa | "Our goal is to win the vote."']);
});

test('a speaker label after a dash that opens a quotation (live-blog excerpts)', () => {
  assert.deepEqual(colons('Turnout was high across the region - Ana Costa: “We saw long lines everywhere.”'), ['Ana Costa | “We saw long lines everywhere.”']);
});

test('mixed-case transcript turns of named people on neighbouring lines', () => {
  const text = 'Chris Matthews and Ana Lopez discussed the plan on the show.\n\nMatthews: Well, the tax plan is bad for workers and for farmers.\n\nLopez: Well, no one in the room says the plan is bad.';
  assert.deepEqual(colons(text), ['Matthews | Well, the tax plan is bad for workers and for farmers.', 'Lopez | Well, no one in the room says the plan is bad.']);
});

// guards the rules above against reading any capitalised label as a speaker
test('a headline kicker and lists by place are no speakers', () => {
  assert.deepEqual(colons('The Latest: Senator to give away a shotgun.\n\nThe senator spoke on Monday.'), []);
  assert.deepEqual(colons('The delegates were chosen.\n\nOhio: Ann Lee, Tom Ellis, Bo Park.\n\nIowa: Ray Moss, Ed Hale.'), []);
});
