import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanProblems, toJson } from '../src/doc/doc.js';
import type { Doc, Event } from '../src/doc/types.js';
import { analyzeText } from '../src/pipeline/index.js';

const PUBLISHED = '2021-03-08'; // a Monday

function events(text: string, published: string | null = PUBLISHED): Doc {
  const doc = analyzeText(text, published ? { published } : {});
  assert.deepEqual(spanProblems(toJson(doc)), []);
  return doc;
}

function find(doc: Doc, trigger: string | RegExp): Event {
  const ev = doc.events.find((e) => (typeof trigger === 'string' ? e.trigger.text.includes(trigger) : trigger.test(e.trigger.text)));
  assert.ok(ev, `no event "${trigger}" in: ${doc.events.map((e) => `${e.type}:${e.trigger.text}`).join(', ')}`);
  return ev!;
}

const names = (refs: Event['source']) => refs.map((r) => r.span.text);

test('verbs and nouns trigger PLOVER types with CAMEO codes', () => {
  const doc = events('Rebels shelled the town of Varno on Sunday. Hours later a rocket attack hit the airport, and the government imposed sanctions on the rebel leaders.');
  assert.equal(find(doc, 'shelled').type, 'FIGHT');
  const rocket = find(doc, 'rocket attack');
  assert.equal(rocket.type, 'ASSAULT');
  assert.equal(rocket.cameo, '180');
  const sanctions = find(doc, /imposed/);
  assert.equal(sanctions.type, 'SANCTION');
  assert.deepEqual(names(sanctions.source), ['government']);
  assert.deepEqual(names(sanctions.target), ['rebel leaders']);
});

test('an ultimatum, a mediation, a withdrawal, a protest and a demand', () => {
  const doc = events('The junta issued an ultimatum to the protesters. Norway offered to mediate between the two parties. Thousands of students protested against the new law. The union demanded higher wages.');
  assert.equal(find(doc, 'issued').type, 'THREATEN');
  assert.equal(find(doc, 'mediate').type, 'AGREE');
  const protest = find(doc, 'protested');
  assert.equal(protest.type, 'PROTEST');
  assert.deepEqual(names(protest.source), ['students']);
  assert.equal(find(doc, 'demanded').type, 'DEMAND');
});

test('source and target: active, passive, possessive and "by" phrases', () => {
  const active = find(events('Soldiers from the northern garrison arrested twelve journalists in Karsk.'), 'arrested');
  assert.equal(active.type, 'COERCE');
  assert.deepEqual(names(active.target), ['journalists']);
  assert.deepEqual(active.place.map((p) => p.text), ['Karsk']);

  const passive = find(events('The convoy was attacked by armed men near the border.'), 'attacked');
  assert.deepEqual(names(passive.source), ['armed men']);
  assert.deepEqual(names(passive.target), ['convoy']);

  const possessive = find(events("Ostrava's raid on the rebel camp failed."), 'raid');
  assert.deepEqual(names(possessive.source), ['Ostrava']);
  assert.deepEqual(names(possessive.target), ['rebel camp']);
});

test('verbs that govern another event make one event: promise, threat, demand, refusal, cessation', () => {
  const doc = events('The rebels agreed to release the hostages. The army threatened to shell the village. Lisbon urged Madrid to withdraw its ambassador. The council refused to meet the envoy. The militia stopped attacking the convoys.');
  assert.equal(find(doc, 'agreed').type, 'AGREE');
  assert.equal(find(doc, 'threatened').type, 'THREATEN');
  const urged = find(doc, 'urged');
  assert.equal(urged.type, 'DEMAND');
  assert.deepEqual(names(urged.target), ['Madrid']);
  assert.equal(find(doc, 'refused').type, 'REJECT');
  const stop = find(doc, 'stopped');
  assert.equal(stop.type, 'RETREAT');
  assert.deepEqual(names(stop.source), ['militia']);
  // No separate events for the governed verbs.
  assert.equal(doc.events.filter((e) => /^(release|shell|withdraw|meet|attacking)$/.test(e.trigger.text)).length, 0);
});

test('modality: asserted, negated, intended, hypothetical', () => {
  const doc = events('Troops raided the village. The police did not arrest the organisers. The ministers will meet in Geneva. The army could invade the province.');
  assert.equal(find(doc, 'raided').modality, 'asserted');
  assert.equal(find(doc, 'arrest').modality, 'negated');
  const meet = find(doc, 'meet');
  assert.equal(meet.modality, 'intended');
  assert.equal(meet.type, 'AGREE', 'PLOVER codes a promised meeting as AGREE');
  assert.equal(find(doc, 'invade').modality, 'hypothetical');
});

test('modality: reported through an attribution, denied, claimed', () => {
  const doc = events('The interior ministry said that gunmen attacked a police station overnight. The Free Hills Front denied carrying out the bombing. The Red Hand claimed responsibility for the ambush.');
  const reported = find(doc, 'attacked');
  assert.equal(reported.modality, 'reported');
  assert.ok(reported.attribution, 'the attribution id is kept');
  assert.ok(doc.attributions.some((a) => a.id === reported.attribution));
  const denied = find(doc, 'bombing');
  assert.equal(denied.modality, 'denied');
  assert.deepEqual(names(denied.source), ['Free Hills Front']);
  const claimed = find(doc, 'ambush');
  assert.equal(claimed.modality, 'claimed');
  assert.deepEqual(names(claimed.source), ['Red Hand']);
});

test('conditional events keep the condition span; the condition itself is hypothetical', () => {
  const text = 'The militia will stop attacking the bases if the prime minister formally demands that the foreign troops leave.';
  const doc = events(text);
  const pledge = find(doc, 'stop attacking');
  assert.equal(pledge.modality, 'conditional');
  assert.equal(pledge.type, 'AGREE');
  assert.equal(pledge.cameo, '0356');
  assert.equal(pledge.condition?.text, 'if the prime minister formally demands that the foreign troops leave');
  assert.equal(find(doc, 'demands').modality, 'hypothetical');

  const before = events('If the talks fail, the army will resume its offensive.');
  const offensive = before.events.find((e) => e.condition);
  assert.equal(offensive?.condition?.text, 'If the talks fail');
  // "unless" offers the act as the price of refusal: a threat.
  const unless = find(events('Karsk will withdraw its peacekeepers from Varno unless the ceasefire holds.'), 'withdraw');
  assert.equal(unless.type, 'THREATEN');
  assert.equal(unless.condition?.text, 'unless the ceasefire holds');
});

test('deadlines and durations are ISO 8601', () => {
  const window = events('The militias gave the government a 12-month window to pull out. They said they would stop the attacks within 30 days.');
  assert.equal(find(window, 'gave').deadline?.value, 'P12M');
  assert.equal(find(window, 'gave').deadline?.span.text, 'a 12-month window');
  assert.equal(find(window, 'stop').deadline?.value, 'P30D');
  const year = find(events('The rebels promised to release all prisoners by the end of the year.'), 'release');
  assert.equal(year.deadline?.value, '2021-12-31');
  const noAnchor = find(events('The rebels promised to release all prisoners by the end of the year.', null), 'release');
  assert.equal(noAnchor.deadline?.span.text, 'by the end of the year');
  assert.equal(noAnchor.deadline?.value, null);
  const hours = find(events('The army issued a 48-hour ultimatum to the protesters.'), 'issued');
  assert.equal(hours.deadline?.value, 'PT48H');
});

test('a deadline "to get this done" also reaches the promise it refers to', () => {
  const doc = events('The Northern Front said it would stop attacking the mines if the governor resigned. The Front gave the governor a six-month window to do it.');
  assert.equal(find(doc, 'stop attacking').deadline?.value, 'P6M');
});

test('time expressions resolve against the publication date, never today', () => {
  const doc = events('Last week the army shelled Varno. Rebels attacked the depot on Wednesday. Early last week, gunmen kidnapped two engineers. Police arrested the mayor Monday. Protesters rallied in Karsk in January. The envoys will meet on Wednesday.');
  assert.equal(find(doc, 'shelled').time?.value, '2021-W09');
  assert.equal(find(doc, 'attacked').time?.value, '2021-03-03');
  const kidnap = find(doc, 'kidnapped');
  assert.equal(kidnap.time?.span.text, 'Early last week');
  assert.equal(kidnap.time?.value, '2021-W09');
  assert.equal(find(doc, 'arrested').time?.value, '2021-03-08');
  assert.equal(find(doc, 'rallied').time?.value, '2021-01');
  assert.equal(find(doc, 'meet').time?.value, '2021-03-10', 'a future event takes the coming Wednesday');

  const unanchored = events('Rebels attacked the depot on Wednesday. Troops shelled the town on March 3, 2019.', null);
  assert.equal(find(unanchored, 'attacked').time?.span.text, 'on Wednesday');
  assert.equal(find(unanchored, 'attacked').time?.value, null);
  assert.equal(find(unanchored, 'shelled').time?.value, '2019-03-03');
  const yearless = events('Gunmen kidnapped two engineers last year. Protesters rallied in Karsk in May 2019. Police arrested the mayor on 4/5/2018.', null);
  assert.equal(find(yearless, 'kidnapped').time?.value, null, '"last year" needs a publication date');
  assert.equal(find(yearless, 'rallied').time?.value, '2019-05');
  assert.equal(find(yearless, 'arrested').time?.value, '2018-04-05');
});

test('crowd-control weapons make an ASSAULT coded as violent repression (175)', () => {
  const doc = events('Police fired tear gas at the march in Karsk. Riot police used water cannons against the protesters. Troops deployed more soldiers to the border.');
  for (const trigger of ['fired', 'used']) {
    const ev = find(doc, trigger);
    assert.equal(ev.type, 'ASSAULT', trigger);
    assert.equal(ev.cameo, '175', trigger);
  }
  assert.deepEqual(names(find(doc, 'used').source), ['Riot police']);
  assert.equal(find(doc, 'deployed').type, 'MOBILIZE', 'a weapon verb without a weapon keeps its own sense');
});

test('a time inside a later relative clause does not date the event before it', () => {
  const doc = events('Officials blamed the Iron Coast Front, a movement that has waged an insurgency since 2015. Rebels who fled in 2019 attacked the depot on Wednesday.');
  assert.equal(find(doc, 'blamed').time, null);
  assert.equal(find(doc, 'attacked').time?.value, '2021-03-03');
});

test('"killing nine soldiers and wounding 14": the participle clause is no second target', () => {
  const doc = events('Gunmen ambushed a convoy near Karsk on Thursday, killing nine soldiers and wounding 14, the ministry said.');
  assert.deepEqual(names(find(doc, 'killing').target), ['soldiers']);
});

test('sealing or shutting a border restricts movement (COERCE 191)', () => {
  const doc = events('Police sealed off the town of Orno after the blast. The government shut the border crossing on Tuesday.');
  assert.equal(find(doc, 'sealed').cameo, '191');
  assert.equal(find(doc, 'shut').cameo, '191');
});

test('a weapon is never an actor: "a drone struck the depot" has no known perpetrator', () => {
  const ev = find(events('A drone struck a fuel depot outside Karsk.'), 'struck');
  assert.equal(ev.type, 'ASSAULT');
  assert.deepEqual(ev.source, []);
  assert.deepEqual(names(ev.target), ['fuel depot']);
});

test('a labour strike is a protest, an air strike an assault', () => {
  assert.equal(find(events('Dock workers began a strike over unpaid wages.'), 'strike').type, 'PROTEST');
  assert.equal(find(events('An air strike destroyed the bridge.'), 'air strike').type, 'ASSAULT');
});

test('"strike" is a labour strike only with labour words near it, not anywhere in the sentence', () => {
  assert.equal(find(events('Teachers in Varno went on a strike over pay.'), 'strike').type, 'PROTEST');
  assert.equal(find(events('Dock workers began a strike on Monday.'), 'strike').type, 'PROTEST');
  // "workers" are the victims and "the work of" names an author: the strike is an attack.
  assert.equal(find(events('The strike on the plant killed two workers, officials said.'), 'strike').type, 'ASSAULT');
  assert.equal(find(events('Analysts said the strike, if confirmed as the work of the rebels, would mark an escalation.'), 'strike').type, 'ASSAULT');
});

test('a participial adjective opening the sentence leaves the subject its actor', () => {
  const shelled = find(events('Occupying forces shelled the town, and invading troops seized the bridge.'), 'shelled');
  assert.deepEqual(names(shelled.source), ['Occupying forces']);
  assert.deepEqual(names(find(events('Occupying forces shelled the town, and invading troops seized the bridge.'), 'seized').source), ['invading troops']);
  assert.deepEqual(names(find(events("Neighbouring Kelvia's foreign ministry rejected the proposal."), 'rejected').source), ["Neighbouring Kelvia's foreign ministry"]);
});

test('a time limit given for a demand is an ultimatum (CAMEO 139) against its recipient, with its deadline', () => {
  const doc = events('The minister gave the rebels 48 hours to free the hostages.');
  const ultimatum = find(doc, 'gave');
  assert.equal(ultimatum.type, 'THREATEN');
  assert.equal(ultimatum.cameo, '139');
  assert.deepEqual(names(ultimatum.target), ['rebels']);
  assert.equal(ultimatum.deadline?.value, 'PT48H');
  // A gift of time with no task is no ultimatum.
  assert.ok(!events('The minister gave the rebels two days of rest.').events.some((e) => e.type === 'THREATEN'));
});

test('"shot down", "shot" after a subject: wink-nlp tags them nouns, they are attacks', () => {
  assert.deepEqual(names(find(events('Rebels shot down a military helicopter near Varno.'), 'shot down').source), ['Rebels']);
  assert.deepEqual(names(find(events('A soldier shot a protester.'), 'shot').target), ['protester']);
});

test('an actor whose name holds "of" is named whole: "The Sword of the Valley"', () => {
  const doc = events('The Sword of the Valley, an armed group, attacked a police post near Varno.');
  assert.deepEqual(names(find(doc, 'attacked').source), ['Sword of the Valley']);
});

test('"otherwise" and "or else" stand for a condition stated before: the threat is conditional', () => {
  const doc = events('The minister gave the rebels 48 hours to free the hostages, warning that troops would otherwise attack the valley.');
  const attack = find(doc, 'attack');
  assert.equal(attack.modality, 'conditional');
  assert.equal(attack.condition?.text, 'otherwise');
  assert.equal(find(doc, 'gave').modality, 'asserted');
  const later = find(events('The rebels must leave the town by Friday. Otherwise, the army will attack it.'), 'attack');
  assert.equal(later.condition?.text, 'Otherwise');
});

test('"called the killings a massacre" names, it requests nothing; a verb after the quote shares the subject', () => {
  const doc = events('The opposition leader Ana Mirel called the killings "a massacre" and demanded an inquiry.');
  assert.ok(!doc.events.some((e) => e.type === 'DEMAND' && /called/.test(e.trigger.text)), doc.events.map((e) => `${e.type}:${e.trigger.text}`).join(', '));
  assert.deepEqual(names(find(doc, 'demanded').source), ['opposition leader Ana Mirel']);
});

test('"killing four people and wounding dozens": the wounded are no second target phrase', () => {
  const ev = find(events('Troops opened fire on the crowd, killing four people and wounding dozens.'), 'killing');
  assert.deepEqual(names(ev.target), ['people']);
});

test('a place right after another event noun is that event\'s; a verb coordinated past a gerund keeps the subject', () => {
  const doc = events("The ministry accused Orvel of shelling two villages and summoned Orvel's ambassador, a day after peace talks in Geneva broke down.");
  assert.deepEqual(find(doc, 'shelling').place, []);
  assert.deepEqual(find(doc, 'talks').place.map((p) => p.text), ['Geneva']);
  assert.deepEqual(names(find(doc, 'summoned').source), ['ministry']);
});

test('gapping and clause coordination: "X had been killed and Y wounded", "killed soldiers and troops wounded rebels"', () => {
  const wounded = find(events('Officials said a child had been killed and five civilians wounded in the raid.'), 'wounded');
  assert.deepEqual(names(wounded.source), []);
  assert.deepEqual(names(wounded.target), ['civilians']);
  assert.deepEqual(names(find(events('Rebels killed two soldiers and troops wounded five rebels.'), 'killed').target), ['soldiers']);
});

test('firing across a border is an attack; a trailing condition ends where ", and" opens another clause', () => {
  assert.equal(find(events('Orvel denied its forces had fired across the border.'), 'fired').modality, 'denied');
  const threat = find(events('Karsk threatened to impose sanctions on Orvel unless the shelling stops, and its prime minister said the border could close.'), 'threatened');
  assert.equal(threat.condition?.text, 'unless the shelling stops');
});

test('an ultimatum by date: "gave the government of X until the end of the year to …" keeps its recipient and its limit', () => {
  const doc = events('The council has given the government of Prime Minister Adel Sabri until the end of the year to secure the withdrawal of foreign troops.');
  const ultimatum = find(doc, 'given');
  assert.equal(ultimatum.cameo, '139');
  assert.deepEqual(names(ultimatum.target), ['government of Prime Minister Adel Sabri']);
  assert.equal(ultimatum.deadline?.value, '2021-12-31');
});

test('a trailing condition stops before the report that carries it and governs only the reported clause', () => {
  const doc = events('The council told the mayor in a meeting last week that its fighters would stop attacks if the troops left, one official told Wire.');
  const stop = find(doc, 'stop');
  assert.equal(stop.modality, 'conditional');
  assert.equal(stop.condition?.text, 'if the troops left');
  assert.notEqual(find(doc, 'meeting').modality, 'conditional');
});

test('weapons fired in the passive, with or without their firer (also in a participle: "a missile fired by X"); a capitalised plural weapon is no perpetrator', () => {
  const fired = find(events('At least 14 rockets were fired from the hills on Thursday, officials said.'), 'fired');
  assert.deepEqual([fired.type, fired.cameo], ['ASSAULT', '180']);
  assert.deepEqual(fired.source, []);
  const launched = find(events('A missile was launched at the base by militants.'), 'launched');
  assert.equal(launched.source[0]?.span.text, 'militants');
  assert.deepEqual(names(find(events('A missile fired by Northern Dawn rebels struck the base.'), 'struck').source), ['Northern Dawn rebels']);
  const headline = find(events('Rockets hit northern town as tensions rise'), 'hit');
  assert.deepEqual(headline.source, [], 'the rockets are the weapon, not the actor');
});

test('an -ing form with an object is the verb ("wounding two people", "denied firing the rockets")', () => {
  const doc = events('Shells struck the market in Varno on Monday, wounding two people. The Red Hand denied firing the shells.');
  assert.equal(find(doc, 'wounding').type, 'ASSAULT');
  assert.equal(find(doc, 'firing').modality, 'denied');
});

test('a place after a participle that modifies a noun is where that noun is, not where the event was', () => {
  const doc = events('An official said factions based in the Dessa camp were behind the attack.');
  assert.deepEqual(find(doc, 'attack').place, []);
});

test('a verb after a report is not done by a subject inside that report ("said … which side fired first and urged …")', () => {
  const doc = events('The envoy, Maria Feld, said it was too early to determine which side fired first and urged both governments to respect the truce.');
  assert.deepEqual(names(find(doc, 'urged').source), ['Maria Feld']);
});

test('text cut off mid-clause analyses without error, whatever word it ends on', () => {
  const cut = [
    'He said in a piece appearing',
    'The report is further evidence of the pay-to-',
    'Officials said the rocket attacks highlight the threat',
    'During the event, the minister unveiled a',
    'An attack on a convoy near Dura that killed two drivers was carried out by',
    'Two suspects were held, according to the agency, which cited',
  ];
  for (const text of cut) {
    for (let end = 1; end <= text.length; end++) {
      const part = text.slice(0, end);
      if (part.trim() === '') continue;
      assert.doesNotThrow(() => analyzeText(part, { published: '2022-05-10' }), part);
    }
  }
});
