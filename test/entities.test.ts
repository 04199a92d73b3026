import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupPlace } from '../src/actors/gazetteer.js';
import { nameKey, skeletonKey } from '../src/actors/normalize.js';
import type { Doc, Entity } from '../src/doc/types.js';
import { InputError } from '../src/errors.js';
import { createPipeline } from '../src/pipeline/index.js';

const pipeline = createPipeline();

function entitiesOf(text: string, published?: string): Doc {
  return pipeline.analyze(text, published ? { published } : {}, { until: 'entities' });
}

function named(doc: Doc, name: string): Entity {
  const e = doc.entities.find((x) => x.name === name);
  assert.ok(e, `no entity "${name}" among ${doc.entities.map((x) => x.name).join(', ')}`);
  return e;
}

function mentionTexts(e: Entity): string[] {
  return e.mentions.map((m) => m.text);
}

test('titles stay out of the name; a later surname is the same person', () => {
  const doc = entitiesOf('Foreign Minister Sigrid Vollan arrived in Oslo on Monday. Vollan said the talks would resume.');
  const e = named(doc, 'Sigrid Vollan');
  assert.equal(e.type, 'PERSON');
  assert.deepEqual(mentionTexts(e), ['Sigrid Vollan', 'Vollan']);
  assert.ok(!doc.entities.some((x) => /Minister/.test(x.name)));
});

test('a nationality and a title code the person: Egyptian President → EGYGOV', () => {
  const doc = entitiesOf('Egyptian President Farid Nassar met the envoy.');
  const e = named(doc, 'Farid Nassar');
  assert.equal(e.code, 'EGYGOV');
  assert.equal(e.country, 'EGY');
});

test('a lower-case title after an institution takes the institution\'s code', () => {
  const doc = entitiesOf('White House spokeswoman Dana Pryor declined to comment.');
  const e = named(doc, 'Dana Pryor');
  assert.equal(e.code, 'USAGOV');
  assert.equal(named(doc, 'White House').code, 'USAGOV');
});

test('an institution\'s title takes the sector of the organisation that gives it', () => {
  const doc = entitiesOf(
    'Union president Kemi Adeyoola said the strike would go on. A company spokesman declined to comment. ' +
    'The union president met Pentagon official Carl Moss and Iraqi President Hadi Salman.',
  );
  assert.equal(named(doc, 'Kemi Adeyoola').code, 'LAB', 'a union president is labour, not government');
  assert.equal(named(doc, 'company spokesman').code, 'BUS');
  assert.equal(named(doc, 'union president').code, 'LAB');
  assert.equal(named(doc, 'Carl Moss').code, 'USAMIL', 'a known organisation\'s code already says its sector');
  assert.equal(named(doc, 'Hadi Salman').code, 'IRQGOV', 'a country\'s president is its government');
  // An owner we cannot place leaves the title its own sector.
  assert.equal(named(entitiesOf('Velmora deputy Paul Dorn resigned.'), 'Paul Dorn').code, 'GOV');
});

test('a name in apposition to a nominal is that person: "the UN envoy to Kandar, Maria Feld,"', () => {
  const doc = entitiesOf('The United Nations envoy to Kandar, Maria Feld, condemned the violence. On Monday, envoy Feld said the talks would resume. The delegate from Houston, Texas, left.');
  const feld = named(doc, 'Maria Feld');
  assert.equal(feld.code, 'IGOUNO');
  assert.deepEqual(mentionTexts(feld), ['United Nations envoy', 'Maria Feld', 'Feld']);
  // One word after a comma is more often a place than the person.
  assert.ok(!doc.entities.some((e) => e.type === 'PERSON' && e.name === 'Texas'));
});

test('an acronym defined in parentheses is the same entity when reused', () => {
  const doc = entitiesOf('The Harmony Relief Front (HRF) blocked the road. Later the HRF withdrew.');
  const e = named(doc, 'Harmony Relief Front');
  assert.equal(e.type, 'GROUP');
  assert.deepEqual(e.aliases, ['HRF']);
  assert.equal(e.mentions.length, 3);
});

test('transliteration variants of a multiword name are one entity', () => {
  const doc = entitiesOf("Jama'at Ansar al-Wadi claimed the raid. Officials blamed Jamaat Ansaar al-Wadi for earlier raids.");
  const group = doc.entities.filter((e) => /Ansa+r/.test(e.name));
  assert.equal(group.length, 1, group.map((e) => e.name).join(' | '));
  assert.equal(group[0]!.mentions.length, 2);
  assert.equal(skeletonKey("Kata'ib Hezbollah"), skeletonKey('Kataeb Hizbullah'));
  assert.equal(nameKey('al-Rubaie'), nameKey('Rubaie'));
});

test('al- prefixed and bare surnames are one person', () => {
  const doc = entitiesOf('Prime Minister Hadi al-Rubaie spoke first. Rubaie later left the hall.');
  const e = named(doc, 'Hadi al-Rubaie');
  assert.equal(e.mentions.length, 2);
});

test('known actors carry CAMEO codes; spelling variants of known groups are found', () => {
  const doc = entitiesOf('The Pentagon said Kataeb Hezbollah fired at NATO troops near the United Nations compound.');
  assert.equal(named(doc, 'Pentagon').code, 'USAMIL');
  const kh = named(doc, "Kata'ib Hezbollah");
  assert.equal(kh.code, 'IRQREB');
  assert.equal(kh.type, 'GROUP');
  assert.equal(named(doc, 'North Atlantic Treaty Organization').code?.startsWith('IGO'), true);
});

test('an outlet and its abbreviation are one media entity', () => {
  const doc = entitiesOf('Agence France-Presse (AFP) reported the clash. AFP later corrected the toll.');
  const e = named(doc, 'Agence France-Presse');
  assert.equal(e.code, 'MED');
  assert.equal(e.mentions.length, 3);
});

test('nominal actors combine country and role: Iraqi police, Turkish soldiers, U.S. troops', () => {
  const doc = entitiesOf('Iraqi police arrested two men. Turkish soldiers and U.S. troops patrolled the border.');
  const codes = Object.fromEntries(doc.entities.map((e) => [e.mentions[0]!.text, e.code]));
  assert.equal(codes['Iraqi police'], 'IRQCOP');
  assert.equal(codes['Turkish soldiers'], 'TURMIL');
  assert.equal(codes['U.S. troops'], 'USAMIL');
});

test('coordinated nationalities each get the role: Hungarian and Romanian officials', () => {
  const doc = entitiesOf('Hungarian and Romanian officials signed the accord.');
  const codes = doc.entities.map((e) => e.code).sort();
  assert.deepEqual(codes, ['HUNGOV', 'ROUGOV']);
});

test('pronouns join a single fitting antecedent; ambiguous ones are left alone', () => {
  const one = entitiesOf('Senator Mara Quill arrived on Monday. She said she would vote against the bill.');
  assert.deepEqual(mentionTexts(named(one, 'Mara Quill')), ['Mara Quill', 'She', 'she']);
  const two = entitiesOf('Mara Quill met Tomas Hale. He said the meeting went well.');
  assert.ok(!two.entities.some((e) => e.mentions.some((m) => m.text === 'He')), 'two candidates: no link');
  const group = entitiesOf('The rebel militias shelled the town. They said the army had fired first.');
  const militias = doc1Group(group);
  assert.ok(mentionTexts(militias).includes('They'));
});

function doc1Group(doc: Doc): Entity {
  const e = doc.entities.find((x) => x.type === 'GROUP');
  assert.ok(e, 'a GROUP entity');
  return e;
}

test('definite descriptions: "the group" and "the country" join the nearest fitting entity', () => {
  const doc = entitiesOf('The Harmony Relief Front blocked the road. The group said the blockade would last a week.');
  assert.ok(mentionTexts(named(doc, 'Harmony Relief Front')).includes('The group'));
  const country = entitiesOf('Observers were invited into Moldova last year. They praised the country for its openness.');
  assert.ok(mentionTexts(named(country, 'Moldova')).includes('the country'));
});

test('places get a country and coordinates from the gazetteer', () => {
  const doc = entitiesOf('Protesters gathered in Mosul and in Basra, while officials in Washington watched.');
  const mosul = named(doc, 'Mosul');
  assert.equal(mosul.type, 'GPE');
  assert.equal(mosul.country, 'IRQ');
  assert.ok(mosul.coordinates && Math.abs(mosul.coordinates.lat - 36.3) < 0.5 && Math.abs(mosul.coordinates.lon - 43.1) < 0.5);
  assert.equal(named(doc, 'Basra').country, 'IRQ', 'a transliteration variant of Basrah');
  const washington = named(doc, 'Washington');
  assert.equal(washington.country, 'USA');
  assert.ok(washington.coordinates && Math.abs(washington.coordinates.lon + 77) < 0.5, 'the capital, not a namesake');
  assert.equal(lookupPlace('Tripoli', 'LBN')?.country, 'LBN', 'a country hint picks the namesake');
});

const PETRARCH = '../shared/data/petrarch2/';

test('PETRARCH dictionaries given to the pipeline code actors, agents and dates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ascribe-dict-'));
  writeFileSync(join(dir, 'mini.actors'), 'ZEBULIA_ [ZEB]\n+ZEBULIAN\nMARA_TESK_\n\t[ZEBELI 19900101-951231]\n\t[ZEBGOV >960101]\n');
  writeFileSync(join(dir, 'mini.agents'), 'HARBOUR_MASTER [~PRT]\n');
  const p = createPipeline({ actorDictionaries: [join(dir, 'mini.actors')], agentDictionaries: [join(dir, 'mini.agents')] });
  const doc = p.analyze('Zebulian harbour masters met Mara Tesk.', { published: '1993-04-01' }, { until: 'entities' });
  const codes = Object.fromEntries(doc.entities.map((e) => [e.mentions[0]!.text, e.code]));
  assert.equal(codes['Zebulian harbour masters'], 'ZEBPRT');
  assert.equal(codes['Mara Tesk'], 'ZEBELI');
  const later = p.analyze('Mara Tesk spoke.', { published: '2001-01-01' }, { until: 'entities' });
  assert.equal(later.entities[0]!.code, 'ZEBGOV');
});

test('a dictionary with a syntax error stops the pipeline with file:line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ascribe-dict-'));
  const file = join(dir, 'broken.actors');
  writeFileSync(file, 'ZEBULIA_ [ZEB]\n\t[ZEBGOV 991399-]\n');
  const p = createPipeline({ actorDictionaries: [file] });
  assert.throws(() => p.analyze('Zebulia.', {}, { until: 'entities' }), (e: unknown) => e instanceof InputError && e.message.startsWith(`${file}:2: `));
});

test('with the Phoenix dictionaries, agents combine with countries and dated leaders code by date', { skip: !existsSync(PETRARCH + 'Phoenix.agents.txt') }, () => {
  const p = createPipeline({
    actorDictionaries: ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'].map((f) => PETRARCH + f),
    agentDictionaries: [PETRARCH + 'Phoenix.agents.txt'],
  });
  const doc = p.analyze('Afghan police detained a suspect, and Hamid Karzai praised them.', { published: '2005-06-01' }, { until: 'entities' });
  const codes = Object.fromEntries(doc.entities.map((e) => [e.mentions[0]!.text, e.code]));
  assert.equal(codes['Afghan police'], 'AFGCOP');
  assert.equal(codes['Hamid Karzai'], 'AFGGOV');
});

test('entity spans index the text exactly, mentions in order', () => {
  const text = readSeedLike();
  const doc = pipeline.analyze(text, {}, { until: 'entities' });
  for (const e of doc.entities) {
    for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i]!.start >= e.mentions[i - 1]!.start);
  }
});

function readSeedLike(): string {
  return 'Officials in Kyiv said Russian forces shelled Kharkiv. “We will respond,” said Gen. Olena Marchuk, whose troops hold the line.\n\nThe Kremlin denied it.';
}

test('a title-case headline does not make names of its capitalised words', () => {
  const doc = entitiesOf('Wealthy Donors Desert Senator Alma Reyes Over Tax Plan\n\nThey said they would stop giving to Alma Reyes.');
  assert.ok(!doc.entities.some((e) => /Donors|Desert|Tax Plan/.test(e.name)), doc.entities.map((e) => e.name).join(', '));
  assert.equal(named(doc, 'Alma Reyes').mentions.length, 2);
});

test('a place-name first word types an unknown name as a place, not a person', () => {
  const doc = entitiesOf('Police fired tear gas in Port Meridian on Friday, and the troops left Camp Veyra for Mount Dalo and Lake Orin after the rockets struck.');
  assert.equal(named(doc, 'Port Meridian').type, 'GPE');
  assert.equal(named(doc, 'Camp Veyra').type, 'FACILITY');
  assert.equal(named(doc, 'Mount Dalo').type, 'LOC');
  assert.equal(named(doc, 'Lake Orin').type, 'LOC');
  const of = entitiesOf('A bomb exploded at a market in the northern city of Varmo on Friday, and ships left the Strait of Kell.');
  assert.equal(named(of, 'Varmo').type, 'GPE', '"the city of X" is a place');
  assert.equal(named(of, 'Strait of Kell').type, 'LOC');
});

test('an indefinite appositive types an unknown name: ", a separatist movement", ", a town near …"', () => {
  const doc = entitiesOf('Officials blamed the Sons of the Valley, a separatist movement that has waged an insurgency there. Fighting reached Orno Valley, a town near the border. In Karsk Heights, a group of students protested.');
  assert.equal(named(doc, 'Sons of the Valley').type, 'GROUP');
  assert.equal(named(doc, 'Orno Valley').type, 'GPE');
  // After an opening prepositional phrase, "a group of students" is the subject, not an appositive.
  assert.notEqual(named(doc, 'Karsk Heights').type, 'GROUP');
});

test('a possessive inside a name stays in it: "Karsk People\'s Army", but "Stanford University\'s Program" is owned', () => {
  const doc = entitiesOf("The Karsk People's Army denied the attack on Monday, and the Lord's Resistance Army said nothing. Iran's Revolutionary Guards and Orno University's Energy Program were not involved.");
  named(doc, "Karsk People's Army");
  named(doc, "Lord's Resistance Army");
  assert.ok(!doc.entities.some((e) => e.name.includes("Iran's")), doc.entities.map((e) => e.name).join(', '));
  assert.ok(!doc.entities.some((e) => e.name.includes("University's")), doc.entities.map((e) => e.name).join(', '));
});

test('unknown organisations are typed by their words', () => {
  const doc = entitiesOf('The Northfield Institute for Water Studies and the Tarsa Brigades both issued statements.');
  assert.equal(named(doc, 'Northfield Institute for Water Studies').type, 'ORG');
  assert.equal(named(doc, 'Tarsa Brigades').type, 'GROUP');
});

test('a dateline names a place, and a byline title does not reach into it', () => {
  const doc = entitiesOf('Depot fire kills two\n\nBy Staff Reporter\n\nMERVANO, June 3 (Wire) — A fire at a fuel depot near Mervano killed two workers on Tuesday.');
  const place = named(doc, 'Mervano');
  assert.equal(place.type, 'GPE');
  assert.equal(place.code, null);
  assert.deepEqual(mentionTexts(place), ['MERVANO', 'Mervano']);
});

test('a lower-case role before capitalised titles belongs to the named person: "army spokesman Colonel Hadi Sarraf"', () => {
  const doc = entitiesOf('Army spokesman Colonel Hadi Sarraf told reporters that the convoy had been ambushed.');
  assert.equal(doc.entities.filter((e) => e.type === 'PERSON').length, 1);
  assert.equal(named(doc, 'Hadi Sarraf').code, 'MIL');
});

test('a name that owns a state\'s army, ministry or ambassador is a state, not a namesake town', () => {
  const doc = entitiesOf("Velm's defence ministry denied the report. Karsk summoned Velm's ambassador and accused neighbouring Orvel of shelling.");
  const velm = named(doc, 'Velm');
  assert.equal(velm.type, 'GPE');
  assert.equal(velm.coordinates, null);
  assert.equal(named(doc, 'Orvel').type, 'GPE');
  // A leader's name may own a government: it stays a person.
  assert.notEqual(named(entitiesOf('The Dann government denied it, and Ivo Dann said so.'), 'Ivo Dann').type, 'GPE');
});

test('"the council" goes back to the Council named before; "its" to the one actor of its own sentence', () => {
  const doc = entitiesOf('The Harbor Defence Council, an alliance of armed factions near Varno, met on Monday. The council told the mayor that its fighters would leave the port.');
  const council = named(doc, 'Harbor Defence Council');
  assert.ok(mentionTexts(council).includes('The council'), mentionTexts(council).join(' | '));
  assert.ok(mentionTexts(council).includes('its'), mentionTexts(council).join(' | '));
});

test('a name before a lower-case facility noun names the facility, unless it is a town\'s', () => {
  const doc = entitiesOf('Drones struck the Qarn Dalil air base and the Kirkuk air base on Monday.');
  assert.equal(named(doc, 'Qarn Dalil').type, 'FACILITY');
  assert.equal(named(doc, 'Kirkuk').type, 'GPE');
});

test('a two-word name after "the" is an organisation, not a person; a predicate after "as a" is no actor', () => {
  const doc = entitiesOf('Police blamed the Red Hand for the bombing, which the minister described as a criminal act by a terrorist militia.');
  assert.equal(named(doc, 'Red Hand').type, 'ORG');
});

test('"the coalition" is no ministry or wire agency named before; "the alliance" is NATO', () => {
  const doc = entitiesOf('DESSA (Wire) - Shells hit the port on Monday, the coalition said. Orvel\'s foreign ministry urged the coalition to leave.');
  for (const e of doc.entities) assert.ok(!mentionTexts(e).includes('the coalition'), `${e.name}: ${mentionTexts(e).join('|')}`);
  assert.deepEqual(mentionTexts(named(entitiesOf('NATO said it would send jets. The alliance also said it would hold talks.'), 'North Atlantic Treaty Organization')), ['NATO', 'The alliance']);
});

test('two names joined by a hyphen before a noun of relations are two parties ("the Orvel-Karsk border", "US-China talks")', () => {
  const doc = entitiesOf('Troops crossed the Orvel-Karsk border on Monday. Karsk denied it, and Orvel protested. US-China talks resumed in Guinea-Bissau.');
  assert.deepEqual(mentionTexts(named(doc, 'Karsk')), ['Karsk', 'Karsk']);
  assert.deepEqual(mentionTexts(named(doc, 'Orvel')), ['Orvel', 'Orvel']);
  assert.deepEqual(mentionTexts(named(doc, 'China')), ['China']);
  named(doc, 'Guinea-Bissau');
  assert.ok(!doc.entities.some((e) => e.name.includes('Orvel-Karsk')));
});

test('"Lena Kovac of the Northern Rights Watch" is a person and an organisation; "Bank of America" and "Sword of Truth" stay whole', () => {
  const doc = entitiesOf('“This is a pattern,” said Lena Kovac of the Northern Rights Watch, adding that the army had lied. The Sword of Truth and the Bank of America were named in the report.');
  assert.equal(named(doc, 'Lena Kovac').type, 'PERSON');
  named(doc, 'Northern Rights Watch');
  named(doc, 'Sword of Truth');
  named(doc, 'Bank of America');
});

test('company names by their head word are organisations ("Helix Shipping", "Orvel Energy")', () => {
  const doc = entitiesOf("The tanker's operator, Helix Shipping, said the crew was safe. Orvel Energy said its output fell.");
  assert.equal(named(doc, 'Helix Shipping').type, 'ORG');
  assert.equal(named(doc, 'Orvel Energy').type, 'ORG');
});
