import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAttributions } from '../src/attribution/extract.js';
import type { Attribution } from '../src/doc/types.js';
import { analyzeText } from '../src/pipeline/index.js';

/**
 * Cue spans and non-reports (docs/attribution.md, "Cue-span conventions" and "Not
 * counted"), on sentences written for these tests.
 */

function extract(text: string): Attribution[] {
  const doc = analyzeText(text, {}, { until: 'tokens' });
  doc.entities = [];
  return extractAttributions(doc);
}

function cues(text: string): string[] {
  return extract(text).map((a) => a.cue.text);
}

function byCue(found: Attribution[], cue: string): Attribution {
  const a = found.find((x) => x.cue.text === cue);
  assert.ok(a, `no attribution with cue "${cue}" among: ${found.map((x) => x.cue.text).join(', ')}`);
  return a;
}

test('a non-response reports nothing: did not respond, never replied, failed to answer', () => {
  assert.deepEqual(cues('The ministry did not respond to a request for comment.'), []);
  assert.deepEqual(cues('A spokesman for the port authority did not immediately respond to requests for comment.'), []);
  assert.deepEqual(cues('The mayor failed to respond to questions about the contract.'), []);
  assert.deepEqual(cues('The company has not commented on the leaked memo.'), []);
  assert.deepEqual(cues('The campaign has yet to respond to the allegations.'), []);
  assert.deepEqual(cues('The army declined to comment.'), []);
  assert.deepEqual(cues('The rebels refused to answer questions about the attack.'), []);
  // declining to say whether something happened still reports the question
  assert.deepEqual(cues('The army declined to say whether troops had fired.'), ['declined']);
  // an answer that says something is a report
  const answer = byCue(extract('The mayor responded that the contract was legal.'), 'responded');
  assert.equal(answer.content.text, 'that the contract was legal');
});

test("the reporter's request for comment is no report", () => {
  assert.deepEqual(cues('Calls and emails seeking comment went unanswered.'), []);
  assert.deepEqual(cues('The ministry did not return calls seeking comment.'), []);
});

test('a statement noun that is the medium of a verb of saying is part of its report', () => {
  const found = extract('The minister said in a statement that the talks had failed.');
  assert.deepEqual(found.map((a) => a.cue.text), ['said']);
  assert.equal(found[0]!.content.text, 'that the talks had failed');
  assert.deepEqual(cues('The envoy insisted in a radio interview that the ceasefire would hold.'), ['insisted']);
});

test('a preposition opening an adjunct stays out of the cue: by, in, at least', () => {
  assert.ok(byCue(extract('The mayor replied in an even voice that she was pleased.'), 'replied'));
  assert.ok(byCue(extract('The minister said in May that talks had failed.'), 'said'));
  assert.ok(byCue(extract('Medics reported at least six wounded.'), 'reported'));
  assert.ok(byCue(extract('The senator was criticized by rivals for missing votes.'), 'was criticized'));
  // the preposition that opens the complement stays in the cue
  assert.ok(byCue(extract('The union warned of strikes across the region.'), 'warned of'));
});

test('a verb of publishing with a statement noun and its participle is one cue', () => {
  const said = byCue(extract('The ministry released a statement saying the talks had failed.'), 'released a statement saying');
  assert.equal(said.content.text, 'the talks had failed');
  const condemning = byCue(extract('The council released a statement on Friday condemning the attack.'), 'released a statement on Friday condemning');
  assert.equal(condemning.cueType, 'accuse');
  assert.equal(condemning.content.text, 'the attack');
});

test('a coordinated subject opening a reported clause stays in the content', () => {
  const a = byCue(extract('Ms. Lane said she and her colleagues were alarmed by the plan.'), 'said');
  assert.equal(a.content.text, 'she and her colleagues were alarmed by the plan');
  const b = byCue(extract('The rabbi said he and other leaders jokingly referred to the plan as a circus.'), 'said');
  assert.equal(b.content.text, 'he and other leaders jokingly referred to the plan as a circus');
});

test('a quotation whose marks are mixed (straight and curly) is still one quotation', () => {
  const a = byCue(extract('"We will not leave,” the farmer said.'), 'said');
  assert.equal(a.content.text, '"We will not leave,”');
  assert.equal(a.direct, true);
  const b = byCue(extract('“The bridge is safe," the engineer said.'), 'said');
  assert.equal(b.content.text, '“The bridge is safe,"');
  // straight marks inside a curly quotation pair up among themselves
  const c = byCue(extract('“They said "no" to us,” the mayor said.'), 'said');
  assert.equal(c.content.text, '“They said "no" to us,”');
});

test('according to X in the middle of its clause, and with a parenthesis after the source', () => {
  const mid = byCue(extract('The plan, according to the ministry, will cost a billion dollars.'), 'according to');
  assert.equal(mid.source?.text, 'the ministry');
  assert.equal(mid.content.text, 'The plan, according to the ministry, will cost a billion dollars');
  const remark = byCue(extract('The senator won 54 percent of the vote, according to exit polls (a wide margin, but smaller than expected).'), 'according to');
  assert.equal(remark.source?.text, 'exit polls');
  assert.equal(remark.content.text, 'The senator won 54 percent of the vote');
});

test('a passive report with a by-phrase: the agent is the source', () => {
  const a = byCue(extract('The senator was criticized by rivals for missing votes.'), 'was criticized');
  assert.equal(a.source?.text, 'rivals');
  assert.equal(a.cueType, 'accuse');
  assert.equal(a.content.text, 'The senator was criticized by rivals for missing votes');
  const q = byCue(extract('He was asked by a reporter whether he would run.'), 'was asked');
  assert.equal(q.source?.text, 'a reporter');
  assert.equal(q.cueType, 'question');
});

test('a semi-modal joins the cue of the act it governs: has to, was to, has yet to', () => {
  assert.ok(byCue(extract('The mayor has yet to endorse the plan.'), 'has yet to endorse'));
  assert.ok(byCue(extract('The senator has to explain the vote.'), 'has to explain'));
});
