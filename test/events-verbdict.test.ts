import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { parseVerbDictionary } from '../src/events/verbdict/parse.js';
import { createPipeline } from '../src/pipeline/index.js';

/** A small verb dictionary in PETRARCH/TABARI syntax, written for these tests. */
const DICTIONARY = `<!-- test verbs -->
&CROPS
+WHEAT
+RICE_
+MAIZE

&NEGAUX_
+DID NOT
+WILL NOT

--- PROMISE [030] ---
PROMISE   # a plain verb: the block code
PLEDGE [033]
- * &CROPS TO + [0331]   # pledged wheat to X
- &NEGAUX * [124]

--- TALK [040] ---
CONFER
+SIT_DOWN {+SAT_DOWN +SITS_DOWN +SITTING_DOWN}
- % * [046:046]
- * WITH + [046]

--- VISIT [042:043] ---
VISIT
TOUR {TOURS TOURED TOURING}

--- SEIZE [171] ---
SEIZE {SEIZES SEIZED SEIZING}
- * ^ FROM + [1711]
`;

function withDictionary(content: string, name = 'test.verbs.txt'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ascribe-verbs-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

test('the reader takes synsets, blocks, irregular forms, multiword verbs and patterns', () => {
  const dict = parseVerbDictionary(DICTIONARY, 'test.verbs.txt');
  assert.deepEqual(dict.synsets.get('&CROPS'), [['wheat'], ['rice'], ['maize']]);
  assert.equal(dict.forms.get('pledged')?.[0]?.code, '033');
  assert.equal(dict.forms.get('promises')?.[0]?.block.code, '030');
  assert.equal(dict.forms.get('toured')?.[0]?.root, 'tour');
  const sat = dict.forms.get('sat')?.[0];
  assert.equal(sat?.root, 'sit');
  assert.deepEqual(sat?.after, ['down']);
  const talk = dict.blocks.find((b) => b.name === 'TALK')!;
  assert.equal(talk.patterns.length, 2);
  assert.ok(talk.patterns.some((p) => p.reciprocal === '046' && p.lower.length === 0 && p.upper[0]?.kind === 'compound'));
});

test('patterns code events: $ + % ^, synsets, reciprocal codes', () => {
  const pipeline = createPipeline({ verbDictionaries: [withDictionary(DICTIONARY)] });
  const pledge = pipeline.analyze('Arvand pledged wheat to Belmora on Friday.').events.find((e) => e.trigger.text === 'pledged');
  assert.equal(pledge?.cameo, '0331');
  assert.equal(pledge?.type, 'AGREE');
  assert.deepEqual(pledge?.source.map((r) => r.span.text), ['Arvand']);
  assert.deepEqual(pledge?.target.map((r) => r.span.text), ['Belmora']);

  const plain = pipeline.analyze('Arvand promised Belmora a new road.').events.find((e) => e.trigger.text === 'promised');
  assert.equal(plain?.cameo, '030', 'no pattern matches: the block code');

  const negated = pipeline.analyze('Arvand did not pledge anything to Belmora.').events.find((e) => e.trigger.text === 'pledge');
  assert.equal(negated?.cameo, '124');

  const talks = pipeline.analyze('Arvand conferred with Belmora.').events.find((e) => e.trigger.text === 'conferred');
  assert.equal(talks?.cameo, '046');
  assert.deepEqual(talks?.target.map((r) => r.span.text), ['Belmora']);

  const compound = pipeline.analyze('Arvand and Belmora sat down in Karsk.').events.filter((e) => e.cameo === '046');
  assert.deepEqual(compound.map((e) => `${e.source[0]?.span.text}>${e.target[0]?.span.text}`).sort(), ['Arvand>Belmora', 'Belmora>Arvand']);

  const visit = pipeline.analyze('The Arvand president toured Belmora.').events.filter((e) => e.trigger.text === 'toured');
  assert.deepEqual(visit.map((e) => e.cameo).sort(), ['042', '043'], 'a reciprocal code makes a second event');
  const host = visit.find((e) => e.cameo === '043');
  assert.deepEqual(host?.source.map((r) => r.span.text), ['Belmora']);

  const seize = pipeline.analyze('Arvand seized the cargo from Belmora.').events.find((e) => e.trigger.text === 'seized');
  assert.equal(seize?.cameo, '1711');
  assert.deepEqual(seize?.target.map((r) => r.span.text), ['Belmora']);
});

test('a verb dictionary codes the verbs it lists; the built-in lexicon codes the rest', () => {
  const pipeline = createPipeline({ verbDictionaries: [withDictionary(DICTIONARY)] });
  const doc = pipeline.analyze('Arvand visited Belmora and attacked Karsk. The rocket attack on Karsk killed two.');
  assert.equal(doc.events.find((e) => e.trigger.text === 'visited')?.cameo, '042', 'the dictionary codes the verb it lists');
  assert.equal(doc.events.find((e) => e.trigger.text === 'attacked')?.type, 'ASSAULT', 'a verb it does not list: built-in lexicon');
  assert.equal(doc.events.find((e) => e.trigger.text === 'rocket attack')?.type, 'ASSAULT', 'event nouns: built-in lexicon');
  // A verb the dictionary lists is coded by it alone, one-sided events included.
  const promise = pipeline.analyze('Arvand promised a new road.').events;
  assert.deepEqual(promise.map((e) => [e.trigger.text, e.cameo, e.source[0]?.span.text]), [['promised', '030', 'Arvand']]);
});

test('verbDictionaryOnly codes with the dictionary alone, as PETRARCH does', () => {
  const pipeline = createPipeline({ verbDictionaries: [withDictionary(DICTIONARY)], verbDictionaryOnly: true });
  const doc = pipeline.analyze('Arvand visited Belmora and attacked Karsk. The rocket attack on Karsk killed two.');
  assert.equal(doc.events.find((e) => e.trigger.text === 'visited')?.cameo, '042');
  assert.equal(doc.events.find((e) => e.trigger.text === 'attacked'), undefined, 'a verb the dictionary does not know makes no event');
  assert.equal(pipeline.analyze('Arvand promised a new road.').events.length, 0, 'PETRARCH codes dyads only');
  assert.equal(doc.events.find((e) => /attack/.test(e.trigger.text) && e.trigger.text !== 'attacked'), undefined);
  // Without dictionaries the built-in lexicon codes it.
  assert.equal(createPipeline().analyze('Arvand visited Belmora and attacked Karsk.').events.find((e) => e.trigger.text === 'attacked')?.type, 'ASSAULT');
});

test('a syntax error names file and line', () => {
  const cases: [string, RegExp][] = [
    ['--- TALK [040] ---\nMEET\n- WITH + [046]\n', /bad\.verbs\.txt:3: pattern has no verb position \*/],
    ['--- TALK [040] ---\nMEET\n- * WITH +\n', /bad\.verbs\.txt:3: pattern has no \[CODE\]/],
    ['MEET [040]\n', /bad\.verbs\.txt:1: verb outside a verb block/],
    ['&EMPTY\n\n--- TALK [040] ---\nMEET\n', /bad\.verbs\.txt:1: synset &EMPTY has no members/],
    ['--- TALK [040] ---\nMEET {MET\n', /bad\.verbs\.txt:2: unclosed \{/],
    ['--- TALK [040] ---\nMEET\n- * * [046]\n', /bad\.verbs\.txt:3: pattern has more than one verb position/],
    ['<!-- never closed\n--- TALK [040] ---\n', /bad\.verbs\.txt:1: unterminated <!-- comment/],
  ];
  for (const [content, message] of cases) {
    assert.throws(() => parseVerbDictionary(content, 'bad.verbs.txt'), (e: unknown) => e instanceof InputError && message.test((e as Error).message), message.source);
  }
  // Through the pipeline, too, with the real path.
  const file = withDictionary('--- TALK [040] ---\nMEET\n- WITH + [046]\n', 'broken.verbs.txt');
  assert.throws(() => createPipeline({ verbDictionaries: [file] }).analyze('Arvand met Belmora.'), (e: unknown) => e instanceof InputError && (e as Error).message.startsWith(`${file}:3: `));
  assert.throws(() => createPipeline({ verbDictionaries: ['/nonexistent/verbs.txt'] }).analyze('Arvand met Belmora.'), /cannot read verb dictionary/);
});

test('the PETRARCH dictionaries parse: CAMEO.2.0 and the validation verbs', () => {
  const cameo = parseVerbDictionary(readFileSync('../shared/data/petrarch2/CAMEO.2.0.txt', 'utf8'), 'CAMEO.2.0.txt');
  const patterns = cameo.blocks.reduce((n, b) => n + b.patterns.length, 0);
  assert.ok(cameo.blocks.length > 350 && patterns > 4000 && cameo.synsets.size > 30, `${cameo.blocks.length} blocks, ${patterns} patterns`);
  assert.ok(cameo.forms.get('attacked')?.some((e) => e.block.code === '190'));
  const validate = parseVerbDictionary(readFileSync('../shared/data/petrarch2/PETR.Validate.verbs.txt', 'utf8'), 'PETR.Validate.verbs.txt');
  assert.ok(validate.blocks.length > 200);
});
