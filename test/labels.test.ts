import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelSpeaker } from '../src/pipeline/stages/labels.js';
import { makeSpan } from '../src/doc/doc.js';
import type { Attribution, Doc } from '../src/doc/types.js';
import { analyzeText, createPipeline } from '../src/pipeline/index.js';

const pipeline = createPipeline();

function labelsOf(text: string): Doc {
  return pipeline.analyze(text, {}, { until: 'labels' });
}

/** [label text, labelled entity's name, 'author' | speaker's text] for each label. */
function rows(doc: Doc): [string, string, string][] {
  return doc.labels.map((l) => [
    l.label.text,
    doc.entities.find((e) => e.id === l.entity)?.name ?? '?',
    l.usedBy.author ? 'author' : l.usedBy.span?.text ?? l.usedBy.entity ?? '?',
  ]);
}

test('X-backed and X-aligned premodifiers label the group they modify', () => {
  const doc = labelsOf('Iran-aligned militias and Moscow-backed separatists clashed with Saudi-led forces.');
  const r = rows(doc);
  const compounds = r.filter(([l]) => l.includes('-'));
  assert.deepEqual(compounds.map(([l]) => l), ['Iran-aligned', 'Moscow-backed', 'Saudi-led']);
  assert.deepEqual(compounds.map(([, e]) => e), ['militias', 'separatists', 'forces']);
  assert.ok(r.every(([, , by]) => by === 'author'));
});

test('pro-X and anti-X label their noun phrase', () => {
  const doc = labelsOf('Pro-government gangs attacked anti-Kremlin protesters in the square.');
  const labels = rows(doc).map(([l, e]) => `${l} → ${e}`);
  assert.ok(labels.some((l) => l.startsWith('Pro-government →')), labels.join('; '));
  assert.ok(labels.some((l) => l.startsWith('anti-Kremlin → ')), labels.join('; '));
});

test('a characterising noun before the head takes the nationality with it: Iranian proxy militias', () => {
  const doc = labelsOf('The Iranian proxy militias fired again.');
  assert.deepEqual(rows(doc), [['Iranian proxy', 'militias', 'author']]);
});

test('a label before a name labels the named actor: the terrorist group Hamas', () => {
  const doc = labelsOf('Jets struck the terrorist group Hamas overnight.');
  assert.deepEqual(rows(doc), [['terrorist group', 'Hamas', 'author']]);
});

test('so-called X', () => {
  const doc = labelsOf('Fighters of the so-called Islamic State retreated.');
  assert.deepEqual(rows(doc), [['so-called Islamic State', 'Islamic State', 'author']]);
});

test('an appositive describes the named actor before it, and is one of its mentions', () => {
  const doc = labelsOf('Hezbollah, a hardline Shia paramilitary group, fired rockets.');
  assert.deepEqual(rows(doc), [['a hardline Shia paramilitary group', 'Hezbollah', 'author']]);
  assert.equal(doc.entities.filter((e) => e.type === 'GROUP').length, 1, 'the appositive is not a second group');
});

test('X calls itself Y: a self-label used by the actor itself', () => {
  const doc = labelsOf('The Houthis, which call themselves Ansar Allah, fired a drone. The rebel militias are calling themselves the Northern Shield.');
  const r = rows(doc);
  assert.deepEqual(r[0], ['Ansar Allah', 'Houthis', 'Houthis']);
  assert.deepEqual(r[1], ['Northern Shield', 'militias', 'rebel militias']);
  assert.equal(doc.labels[0]!.usedBy.author, false);
  assert.equal(doc.labels[0]!.usedBy.entity, doc.labels[0]!.entity);
});

test('a label inside a quotation is used by the speaker, outside it by the author', () => {
  const doc = labelsOf('"The Iran-backed militias must stop," Senator Jane Doe said. Shia-backed militias also operate in the south.');
  const r = rows(doc);
  assert.equal(r[0]![0], 'Iran-backed');
  assert.match(r[0]![2], /Jane Doe/);
  assert.notEqual(doc.labels[0]!.usedBy.entity, null);
  assert.deepEqual(r[1], ['Shia-backed', 'militias', 'author']);
});

test('labelSpeaker picks the innermost attribution with a source, when its content is the source\'s wording', () => {
  const text = 'Officials said the minister claimed "proxies" did it. The president ordered strikes on Iran-backed militias. The envoy blamed the attacks on Shia-backed militias rather than Iran-aligned militias.';
  const tokens = analyzeText(text, {}, { until: 'tokens' }).tokens;
  const at = (s: string) => makeSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  const base = { cueType: 'assert' as const, direct: false, anonymous: false, via: null, sourceEntity: null };
  const attributions: Attribution[] = [
    { ...base, id: 'a1', source: at('Officials'), cue: at('said'), content: at('the minister claimed "proxies" did it') },
    { ...base, id: 'a2', source: at('the minister'), cue: at('claimed'), content: at('"proxies" did it') },
    { ...base, id: 'a3', cueType: 'demand', source: at('The president'), cue: at('ordered'), content: at('strikes on Iran-backed militias') },
    { ...base, id: 'a4', cueType: 'accuse', source: at('The envoy'), cue: at('blamed'), content: at('the attacks on Shia-backed militias rather than Iran-aligned militias') },
  ];
  const doc = { attributions, entities: [], tokens, text };
  assert.equal(labelSpeaker(doc, at('proxies')).span?.text, 'the minister');
  assert.deepEqual(labelSpeaker(doc, at('Officials')), { span: null, entity: null, author: true });
  // An order's noun-phrase object is told in the author's words.
  assert.deepEqual(labelSpeaker(doc, at('Iran-backed')), { span: null, entity: null, author: true });
  // What an act of speech names is the speaker's wording.
  assert.equal(labelSpeaker(doc, at('Shia-backed')).span?.text, 'The envoy');
  // The term a report is contrasted with ("rather than …") is the reporter's.
  assert.deepEqual(labelSpeaker(doc, at('Iran-aligned')), { span: null, entity: null, author: true });
});

test('label spans index the text exactly', () => {
  const text = 'Kata’ib Hezbollah, an Iran-backed militia, denied involvement.';
  const doc = labelsOf(text);
  assert.ok(doc.labels.length > 0);
  for (const l of doc.labels) assert.equal(text.slice(l.label.start, l.label.end), l.label.text);
});

test('someone else\'s naming: "X, which he described as …", "called the Red Hand a criminal gang"', () => {
  const doc = labelsOf('Colonel Mark Hale said the drones came from areas held by the Red Hand, which he described as "a terrorist militia". Minister Ana Sol called the Red Hand a criminal gang.');
  const found = rows(doc);
  assert.ok(found.some(([label, entity, by]) => label === 'terrorist militia' && entity === 'Red Hand' && /he|Mark Hale/.test(by)), JSON.stringify(found));
  assert.ok(found.some(([label, entity, by]) => label === 'criminal gang' && entity === 'Red Hand' && /Ana Sol/.test(by)), JSON.stringify(found));
  // The predicate is no actor of its own.
  assert.ok(!doc.entities.some((e) => /militia/.test(e.name)), doc.entities.map((e) => e.name).join(', '));
});

test('an unnamed describer is the naming\'s speaker: "The minister called the Red Hand a criminal gang"', () => {
  const found = rows(labelsOf('The minister called the Red Hand a criminal gang. Officials described the Red Hand as a terrorist militia.'));
  assert.ok(found.some(([label, entity, by]) => label === 'criminal gang' && entity === 'Red Hand' && by === 'The minister'), JSON.stringify(found));
  assert.ok(found.some(([label, entity, by]) => label === 'terrorist militia' && entity === 'Red Hand' && by === 'Officials'), JSON.stringify(found));
});

test('two speakers name one group in one sentence: each label is its own speaker\'s ("…, while X\'s prime minister called the group …"); "designates" names', () => {
  const doc = labelsOf('The Sons of Rain, a Kadria-backed militia that Washington designates a terrorist organisation, said it would halt its strikes. The Pentagon described the Sons of Rain as "an Iranian proxy," while Velmar\'s prime minister called the group "a legitimate resistance movement."');
  const r = rows(doc);
  assert.ok(r.some(([l, e, by]) => l === 'terrorist organisation' && e === 'Sons of Rain' && by === 'Washington'), JSON.stringify(r));
  assert.ok(r.some(([l, e, by]) => l === 'Iranian proxy' && e === 'Sons of Rain' && by === 'Pentagon'), JSON.stringify(r));
  assert.ok(r.some(([l, e, by]) => l === 'legitimate resistance movement' && e === 'Sons of Rain' && by === "Velmar's prime minister"), JSON.stringify(r));
  const said = doc.attributions.find((a) => a.cue.text === 'said')!;
  assert.equal(said.source?.text, 'The Sons of Rain, a Kadria-backed militia that Washington designates a terrorist organisation');
  const called = doc.attributions.find((a) => a.cue.text === 'called')!;
  assert.equal(called.source?.text, "Velmar's prime minister");
  assert.equal(doc.attributions.find((a) => a.cue.text === 'described')!.content.text, 'the Sons of Rain as "an Iranian proxy,"');
});
