import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../src/pipeline/index.js';
import { readWithoutMemory, winkWithDefaultPipe } from '../src/pipeline/nlp.js';

function sentencesOf(text: string): string[] {
  return analyzeText(text, {}, { until: 'tokens' }).sentences.map((s) => text.slice(s.start, s.end));
}

test('token offsets index the original text exactly', () => {
  const text = 'Officials said:  “They’re U.S.-backed.”\n\nKata’ib  Hezbollah denied it…';
  const doc = analyzeText(text, {}, { until: 'tokens' });
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === 'U.S.'));
});

test('sentence splitting survives abbreviations and titles', () => {
  assert.deepEqual(sentencesOf('Gen. Alma Ortiz met Sen. Bo Park in the U.S. Capitol. Mr. Park left early.'), [
    'Gen. Alma Ortiz met Sen. Bo Park in the U.S. Capitol.',
    'Mr. Park left early.',
  ]);
});

test('a headline without final punctuation is its own sentence', () => {
  assert.deepEqual(sentencesOf('Ferry sinks off northern coast\nRescuers pulled twelve people from the water on Sunday.'), [
    'Ferry sinks off northern coast',
    'Rescuers pulled twelve people from the water on Sunday.',
  ]);
});

test('a dateline opening a paragraph is a sentence of its own', () => {
  assert.deepEqual(sentencesOf('VELM, March 4 (Wire) — Gunmen ambushed a convoy.\n\nTRENTON, N.J. (AP) — Officials said so.'), [
    'VELM, March 4 (Wire) —', 'Gunmen ambushed a convoy.', 'TRENTON, N.J. (AP) —', 'Officials said so.',
  ]);
  // Not a dateline: an acronym inside a line, or followed by a lower-case aside.
  assert.deepEqual(sentencesOf('The vote passed. NATO — the alliance — met.\nNATO - the alliance - met.'), [
    'The vote passed.', 'NATO — the alliance — met.', 'NATO - the alliance - met.',
  ]);
});

test('a hard-wrapped line that continues in lower case is not split', () => {
  assert.deepEqual(sentencesOf('The council voted to extend the\ncurfew by a week.'), ['The council voted to extend the\ncurfew by a week.']);
});

test('a closing quote stays with the sentence it closes', () => {
  const sentences = sentencesOf('She said "Enough." Then she left.');
  assert.equal(sentences[0], 'She said "Enough."');
  assert.equal(sentences[1], 'Then she left.');
});

test('invisible format characters the tokenizer drops do not shift offsets', () => {
  const text = 'The ministry said so.\n\ufeffThe army\u200b agreed. Then\ufeff';
  const doc = analyzeText(text, {}, { until: 'tokens' });
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === 'army'));
});

test('the reduced wink pipe tags, lemmatises and splits exactly as the default pipe', () => {
  // The tokens stage skips wink's NER, negation and sentiment passes for speed; this
  // checks that the layers it reads do not depend on them (dates, names, negations).
  const text =
    'On March 3, 2021, Gen. Ali Hassan said the militia had not fired 14 rockets at Al Asad.\n' +
    'Nobody claimed the attack; officials in Baghdad didn’t comment. “We will respond,” he warned Tuesday.';
  const read = (nlp: ReturnType<typeof winkWithDefaultPipe>) => {
    const its = nlp.its;
    const d = nlp.readDoc(text);
    const c = d.tokens();
    return [c.out(its.value), c.out(its.pos), c.out(its.lemma as unknown as typeof its.value), c.out(its.normal), d.sentences().out(its.span)];
  };
  let reduced: unknown;
  readWithoutMemory((nlp) => (reduced = read(nlp)));
  assert.deepEqual(reduced, read(winkWithDefaultPipe()));
});

test('an article is tokenized the same whatever the process read before it', () => {
  // wink-nlp learns unknown words as it reads: after "It was Zorvan’s." it would keep
  // "Zorvan’s" whole in every later text, and the possessive would be lost.
  const words = (text: string) => analyzeText(text, {}, { until: 'tokens' }).tokens.map((t) => t.text);
  const probe = 'Zorvan’s army shelled the town, Kelvia’s ministry said.';
  const before = words(probe);
  assert.deepEqual(before.slice(0, 3), ['Zorvan', '’s', 'army']);
  words('The order was Zorvan’s. But Kelvia’s was not.');
  assert.deepEqual(words(probe), before);
});

test('participial adjectives before a noun are adjectives; after a noun or an auxiliary they stay verbs', () => {
  const tag = (text: string, word: string) => analyzeText(text, {}, { until: 'tokens' }).tokens.find((t) => t.text === word)!;
  assert.equal(tag('Warring factions signed a truce.', 'Warring').pos, 'ADJ');
  assert.equal(tag('Warring factions signed a truce.', 'Warring').lemma, 'warring');
  assert.equal(tag('Leaders of opposing parties met.', 'opposing').pos, 'ADJ');
  assert.equal(tag('Rebels occupying the school fired on troops.', 'occupying').pos, 'VERB');
  assert.equal(tag('Troops were invading villages.', 'invading').pos, 'VERB');
  // Not in the lexicon: a gerund with its object.
  assert.equal(tag('Attacking civilians is a crime.', 'Attacking').pos, 'VERB');
  // Where a phrase opens, a gerund with a singular object stays a verb.
  assert.equal(tag('They criticized the senator for opposing legal abortion.', 'opposing').pos, 'VERB');
  assert.equal(tag('Russia was accused of invading Ukraine.', 'invading').pos, 'VERB');
});

test('"shot" after a subject or a perfect "had" is the verb shoot; after a determiner it stays a noun', () => {
  const tag = (text: string) => analyzeText(text, {}, { until: 'tokens' }).tokens.find((t) => t.text === 'shot')!;
  assert.deepEqual([tag('Rebels shot down a helicopter.').pos, tag('Rebels shot down a helicopter.').lemma], ['VERB', 'shoot']);
  assert.equal(tag('The guards had shot the prisoners.').pos, 'VERB');
  assert.equal(tag('A warning shot rang out.').pos, 'NOUN');
  assert.equal(tag('His shot hit the post.').pos, 'NOUN');
});

test('"accused" after a perfect "have", even past an adverbial phrase, is the verb; "the accused" stays a noun', () => {
  const tag = (text: string) => analyzeText(text, {}, { until: 'tokens' }).tokens.find((t) => t.text === 'accused')!;
  assert.deepEqual([tag('Its leader has in the past accused the army of lying.').pos, tag('Its leader has in the past accused the army of lying.').lemma], ['VERB', 'accuse']);
  assert.equal(tag('The accused denied every charge.').pos, 'NOUN');
  assert.equal(analyzeText('The guards had already shot the prisoners.', {}, { until: 'tokens' }).tokens.find((t) => t.text === 'shot')!.pos, 'VERB');
});

test('an -ing form with an object after a verb, preposition or comma is a verb with its verb lemma; after "the" a noun', () => {
  const tokens = analyzeText('The front denied firing the rockets, wounding two people, and was accused of hitting a school. The firing of shells stopped.', {}, { until: 'tokens' }).tokens;
  const at = (text: string, nth = 0) => tokens.filter((t) => t.text === text)[nth]!;
  assert.deepEqual([at('firing').pos, at('firing').lemma], ['VERB', 'fire']);
  assert.deepEqual([at('wounding').pos, at('wounding').lemma], ['VERB', 'wound']);
  assert.deepEqual([at('hitting').pos, at('hitting').lemma], ['VERB', 'hit']);
  assert.equal(at('firing', 1).pos, 'NOUN');
});

test('a capitalised participle between an article and a name is part of the name', () => {
  const tokens = analyzeText('Reporters at the Associated Press and a Wounded Veterans spokesman met. She planned Monday talks.', {}, { until: 'tokens' }).tokens;
  const at = (text: string) => tokens.find((t) => t.text === text)!;
  assert.notEqual(at('Associated').pos, 'VERB');
  assert.notEqual(at('Wounded').pos, 'VERB');
  assert.equal(at('planned').pos, 'VERB');
});

test('"trade blame", "exchange fire" after a subject are a verb and its object; "the trade fire sale" stays nouns', () => {
  const tokens = analyzeText('Karsk and Orvel trade blame for the raid. Troops exchange fire. The trade fire sale ended.', {}, { until: 'tokens' }).tokens;
  const all = (text: string) => tokens.filter((t) => t.text === text).map((t) => t.pos);
  assert.deepEqual(all('trade'), ['VERB', 'NOUN']);
  assert.deepEqual(all('blame'), ['NOUN']);
  assert.deepEqual(all('exchange'), ['VERB']);
});

test('a participle hyphen-joined before a noun is an adjective ("a Kadria-backed militia"); "self-described" stays a verb', () => {
  const tokens = analyzeText('A Kadria-backed militia and the US-led coalition met a self-described socialist.', {}, { until: 'tokens' }).tokens;
  const at = (text: string) => tokens.find((t) => t.text === text)!.pos;
  assert.equal(at('backed'), 'ADJ');
  assert.equal(at('led'), 'ADJ');
  assert.equal(at('described'), 'VERB');
});

test('"further" before a verb is an adverb; with an object it stays a verb', () => {
  const tag = (text: string) => analyzeText(text, {}, { until: 'tokens' }).tokens.find((t) => t.norm === 'further')!.pos;
  assert.equal(tag('“The road is shut,” he further wrote.'), 'ADV');
  assert.equal(tag('They hope to further the talks.'), 'VERB');
});

test('an adjective heading a subject before its verb is a noun ("The military said"); others stay adjectives', () => {
  const tag = (text: string, word: string) => analyzeText(text, {}, { until: 'tokens' }).tokens.find((t) => t.text === word)!.pos;
  assert.equal(tag('The military said its jets struck a depot.', 'military'), 'NOUN');
  assert.equal(tag('The wounded were taken to a hospital.', 'wounded'), 'NOUN');
  assert.equal(tag("Orvel's military denied starting the exchange.", 'military'), 'NOUN');
  assert.equal(tag('The military convoy was hit.', 'military'), 'ADJ');
  assert.equal(tag('The latest was worse.', 'latest'), 'ADJ');
});

test('a past form tagged a noun after "and", with an object, is the verb its stem names ("and abducted 20 passengers")', () => {
  const t = analyzeText('Armed men stopped a bus and abducted 20 passengers.', {}, { until: 'tokens' }).tokens.find((x) => x.text === 'abducted')!;
  assert.deepEqual([t.pos, t.lemma], ['VERB', 'abduct']);
});
