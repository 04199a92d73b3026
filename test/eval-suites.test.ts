import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, makeSpan, toJson } from '../src/doc/doc.js';
import type { Doc, Event } from '../src/doc/types.js';
import { parsePetrarchRecords, producedTriples, tripleKey } from '../eval/petrarch.js';
import { actorWords, bagF1, chooseEvent, codeMatches, parsePloverLine } from '../eval/plover.js';
import { readPublicationDates } from '../eval/polnear.js';
import { checkItem } from '../eval/seed.js';
import { Failures } from '../eval/suite.js';

// Records, sentences and articles below are written for these tests.

const XML = `<Validation><Sentences>
<!-- a comment -->
<Sentence date="19990203" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="AAA" targetcode="BBBGOV" eventcode="042"></EventCoding>
<EventCoding sourcecode="BBBGOV" targetcode="AAA" eventcode="043"></EventCoding>
<Text>
Aland met the Bothnian
government in Turku.
</Text>
<Parse>(ROOT (S (NP (NNP Aland))))</Parse>
</Sentence>
<Sentence date = "20000101" id = "T-02" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing &amp; nobody happened.</Text>
</Sentence>
<Sentence date="20000102" id="T-03" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>TURKU: -- a dateline.</Text>
</Sentence>
<Sentence date="20000103" id="T-04" category="PATTERN" sentence="true">
<Text>No coding at all.</Text>
</Sentence>
</Sentences></Validation>`;

test('PETRARCH records: triples, noevents, errors, uncoded, dates and wrapped text', () => {
  const records = parsePetrarchRecords(XML);
  assert.equal(records.length, 4);
  const [a, b, c, d] = records;
  assert.deepEqual(a!.expected, [tripleKey('AAA', 'BBBGOV', '042'), tripleKey('BBBGOV', 'AAA', '043')]);
  assert.equal(a!.date, '1999-02-03');
  assert.equal(a!.text, 'Aland met the Bothnian government in Turku.');
  assert.equal(a!.emptyBecause, null);
  assert.deepEqual(b!.expected, []);
  assert.equal(b!.emptyBecause, 'noevents');
  assert.equal(b!.text, 'Nothing & nobody happened.');
  assert.equal(b!.date, '2000-01-01');
  assert.equal(c!.emptyBecause, 'error:dateline');
  assert.equal(d!.emptyBecause, 'uncoded');
});

function eventDoc(): Doc {
  const text = 'Aland and Bothnia met Carelia.';
  const doc = createDoc(text);
  const span = (s: string) => makeSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  doc.entities = [
    Object.assign({ id: 'e1', type: 'GPE' as const, name: 'Aland', aliases: [], mentions: [span('Aland')] }, { code: 'AAA' }),
    Object.assign({ id: 'e2', type: 'GPE' as const, name: 'Bothnia', aliases: [], mentions: [span('Bothnia')] }, { code: 'BBBGOV' }),
    { id: 'e3', type: 'GPE' as const, name: 'Carelia', aliases: [], mentions: [span('Carelia')] },
  ];
  const base: Omit<Event, 'id' | 'trigger' | 'type' | 'cameo'> = {
    source: [
      { span: span('Aland'), entity: 'e1' },
      { span: span('Bothnia'), entity: 'e2' },
    ],
    target: [{ span: span('Carelia'), entity: 'e3' }],
    place: [],
    time: null,
    modality: 'asserted',
    attribution: null,
    condition: null,
    deadline: null,
  };
  doc.events = [
    { id: 'v1', type: 'CONSULT', cameo: '040', trigger: span('met'), ...base },
    { id: 'v2', type: 'CONSULT', cameo: null, trigger: span('met'), ...base },
  ];
  return doc;
}

test('produced triples: every coded source × target; uncoded side is "-"; no CAMEO code, no triple', () => {
  assert.deepEqual(producedTriples(eventDoc()).sort(), ['AAA|-|040', 'BBBGOV|-|040']);
});

test('PLOVER: record parsing, actor words, bag F1, code matching and event choice', () => {
  const r = parsePloverLine(
    JSON.stringify({
      id: 'X-1',
      event: 'CONSULT',
      eventText: 'met',
      text: 'Aland met Carelia.',
      date: '2001-05-06',
      source: [{ actorText: 'The Aland government', code: 'AAA', sector: 'GOV' }],
      target: '',
    }),
  );
  assert.equal(r.source.length, 1);
  assert.deepEqual(r.target, []);
  assert.deepEqual(actorWords('The Aland government'), ['aland', 'government']);
  assert.equal(bagF1(['aland', 'government'], ['aland']), 2 / 3);
  assert.equal(bagF1([], []), 1);
  assert.equal(bagF1(['aland'], []), 0);
  const gold = r.source[0]!;
  assert.ok(codeMatches('AAAGOV', gold, 'root'));
  assert.ok(codeMatches('AAAGOV', gold, 'full'));
  assert.ok(codeMatches('AAA', gold, 'root'));
  assert.ok(!codeMatches('AAA', gold, 'full'));
  assert.ok(!codeMatches('BBBGOV', gold, 'root'));
  assert.ok(codeMatches('IGO', { actorText: 'the UN', code: 'IGO', sector: null }, 'full'));

  const doc = eventDoc();
  const met = doc.events[0]!;
  const other = { ...met, id: 'v9', trigger: makeSpan(doc.text, 0, 5) };
  assert.equal(chooseEvent([other, met], 'they met at noon'), met);
  assert.equal(chooseEvent([other, met], 'signed'), other, 'no word shared: the first event');
  assert.equal(chooseEvent([], 'met'), null);
});

test('PolNeAR metadata: publication dates by article name', () => {
  const tsv = 'compartment\tfilename\tpublication_date\ndev\tstory-a\t2016-09-12\ndev\tstory-b\tNone\n';
  const dates = readPublicationDates(tsv);
  assert.equal(dates.get('story-a'), '2016-09-12');
  assert.equal(dates.has('story-b'), false);
});

test('seed checklist items are tested against the contract JSON', () => {
  const text = 'Officials said the depot was hit. “It was them,” said Ana Ruiz.';
  const doc = createDoc(text);
  const span = (s: string) => makeSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  doc.attributions = [
    {
      id: 'a1',
      source: span('Officials'),
      sourceEntity: null,
      cue: span('said'),
      cueType: 'assert',
      content: span('the depot was hit'),
      direct: false,
      anonymous: true,
      via: null,
    },
  ];
  const json = toJson(doc);
  const pass = (extra: Record<string, unknown>) =>
    checkItem(json, { id: 'x', what: 'test', layer: 'attributions', ...extra } as Parameters<typeof checkItem>[1]);
  assert.ok(pass({ sourceAny: ['official'], cueAny: ['said'], contentAll: ['depot', 'hit'], anonymous: true }));
  assert.ok(!pass({ sourceAny: ['Ruiz'] }));
  assert.ok(!pass({ cueTypeAny: ['deny'] }));
  assert.ok(!pass({ contentAll: ['depot', 'bridge'] }));
  assert.throws(() => pass({ sorceAny: ['typo'] }), /unknown field sorceAny/);
  assert.ok(!checkItem(json, { id: 'c', what: 'test', layer: 'contradictions' }));
});

test('a document the pipeline throws on is scored as empty and reported', () => {
  const failures = new Failures();
  const throwing = {
    context: { options: {}, memo: <T>(_k: string, load: () => T) => load() },
    analyze: (): Doc => {
      throw new Error('boom');
    },
  };
  const doc = failures.analyze(throwing, 'doc-7', 'Some text.', { published: '2020-01-02' });
  assert.equal(doc.text, 'Some text.');
  assert.deepEqual(doc.attributions, []);
  assert.equal(failures.count, 1);
  assert.match(failures.warning(), /threw on 1 document.*doc-7: boom/);
  assert.equal(new Failures().warning(), '');
});
