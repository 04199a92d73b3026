import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanProblems, toJson } from '../src/doc/doc.js';
import type { Doc, Responsibility } from '../src/doc/types.js';
import { analyzeText } from '../src/pipeline/index.js';

function analyse(text: string): Doc {
  const doc = analyzeText(text, { published: '2022-05-10' });
  assert.deepEqual(spanProblems(toJson(doc)), []);
  return doc;
}

const who = (r: Responsibility) => (r.speaker.author ? '(author)' : r.speaker.span?.text ?? '(unnamed)');
const stances = (doc: Doc) => doc.responsibility.map((r) => `${who(r)}:${r.stance}${r.target ? `>${r.target.span.text}` : ''}`);

test('claim: an actor says it did it', () => {
  const doc = analyse('A bomb exploded at the Varno bus station on Monday. The Red Hand claimed responsibility for the bombing.');
  assert.ok(doc.responsibility.some((r) => r.stance === 'claim' && /Red Hand/.test(who(r))), stances(doc).join(' | '));
});

test('deny: an actor says it did not', () => {
  const doc = analyse('Gunmen attacked a police post near Karsk on Sunday. The Free Hills Front denied any involvement in the attack.');
  assert.ok(doc.responsibility.some((r) => r.stance === 'deny' && /Free Hills Front/.test(who(r))), stances(doc).join(' | '));
  // "Gunmen" describes, it does not identify: the article accuses nobody.
  assert.ok(!doc.responsibility.some((r) => r.speaker.author), stances(doc).join(' | '));
});

test('accuse: a speaker names the perpetrator, with the accused as target', () => {
  const doc = analyse('Gunmen attacked a police post near Karsk on Sunday. The interior minister accused the Free Hills Front of carrying out the attack. Officials later blamed the attack on the Free Hills Front.');
  const accusations = doc.responsibility.filter((r) => r.stance === 'accuse');
  assert.ok(accusations.length >= 1, stances(doc).join(' | '));
  assert.ok(accusations.every((r) => r.target?.span.text === 'Free Hills Front'), stances(doc).join(' | '));
  assert.ok(accusations.some((r) => /interior minister/.test(who(r))), stances(doc).join(' | '));
});

test('accuse X of attacking Y: X is the accused, never the victims Y', () => {
  const doc = analyse('The miners union accused the border guards of beating striking workers at the gate.');
  const accusations = doc.responsibility.filter((r) => r.stance === 'accuse');
  assert.ok(accusations.length >= 1, stances(doc).join(' | '));
  assert.ok(accusations.every((r) => r.target?.span.text === 'border guards'), stances(doc).join(' | '));
});

test('uncertain: the speaker cannot yet say who did it', () => {
  const a = analyse('A car bomb exploded outside the ministry on Monday. The government is still dragging its feet to assign blame for the bombing.');
  assert.ok(a.responsibility.some((r) => r.stance === 'uncertain' && /government/.test(who(r))), stances(a).join(' | '));
  const b = analyse('A car bomb exploded outside the ministry on Monday. A police spokesman said it was too early to say who was behind the bombing.');
  assert.ok(b.responsibility.some((r) => r.stance === 'uncertain' && /spokesman/.test(who(r))), stances(b).join(' | '));
});

test('suspect: the speaker thinks someone likely did it', () => {
  const doc = analyse('A car bomb exploded outside the ministry on Monday. Investigators said the bombing was likely the work of the Red Hand, which bears the hallmarks of the group.');
  assert.ok(doc.responsibility.some((r) => r.stance === 'suspect' && /Investigators/.test(who(r)) && r.target?.span.text.includes('Red Hand')), stances(doc).join(' | '));
});

test('the author as speaker: the article names the perpetrator in its own voice', () => {
  const doc = analyse('Government troops burned three villages in the Kessa valley on Friday.');
  const r = doc.responsibility.find((x) => x.speaker.author);
  assert.equal(r?.stance, 'accuse');
  assert.equal(r?.target?.span.text, 'Government troops');
});

test('several mentions of one incident are one incident; a new indefinite one is another', () => {
  const doc = analyse('The most recent rocket attacks on the air base near Karsk wounded two guards. The Free Hills Front denied the attacks. The Red Hand praised the attacks. A separate bombing hit the port of Varno in April.');
  const ids = new Set(doc.responsibility.filter((r) => r.stance === 'deny').map((r) => r.incident));
  const rocket = doc.events.find((e) => e.trigger.text === 'rocket attacks');
  assert.ok(rocket);
  assert.deepEqual([...ids], [rocket!.id]);
  const bombing = doc.events.find((e) => e.trigger.text === 'bombing');
  assert.ok(bombing);
  assert.ok(!doc.responsibility.some((r) => r.incident === bombing!.id && r.stance === 'deny'));
});

test('a headline and its report are one incident when one place names the other', () => {
  const doc = analyse('Drone strike hits warehouse near Port Dalmar\n\nA drone struck a warehouse outside the river town of Port Dalmar late on Monday, officials said. The Iron Coast Front denied any role in the attack.');
  const hostile = doc.events.filter((e) => e.type === 'ASSAULT');
  assert.ok(hostile.length >= 2, hostile.map((e) => e.trigger.text).join(', '));
  assert.equal(new Set(hostile.map((e) => e.incident)).size, 1, hostile.map((e) => `${e.trigger.text}:${e.incident}:${e.place.map((p) => p.text)}`).join(' | '));
});

test('deny: "a charge the ministry denies" after an accusation', () => {
  const doc = analyse('Rights groups accused the army of shelling the village of Orno, a charge the defence ministry denies.');
  assert.ok(doc.responsibility.some((r) => r.stance === 'accuse' && r.target?.span.text === 'army'), stances(doc).join(' | '));
  assert.ok(doc.responsibility.some((r) => r.stance === 'deny' && /defence ministry/.test(who(r))), stances(doc).join(' | '));
  // "charged" as a verb is no accusation noun.
  const verb = analyse('Gunmen shelled the village of Orno on Monday. Police charged the protesters who denied wrongdoing.');
  assert.ok(!verb.responsibility.some((r) => r.stance === 'deny'), stances(verb).join(' | '));
});

test('a headline claim ("Red Hand claims/NOUN bombing") is a claim, and the headline and its lead are one incident', () => {
  const doc = analyse('Red Hand claims deadly bombing at Orno market\n\nA suicide bomber killed 12 people at a market in the town of Orno on Friday, police said. Investigators were still examining all possibilities.');
  const claims = doc.responsibility.filter((r) => r.stance === 'claim');
  assert.ok(claims.some((r) => /Red Hand/.test(who(r))), stances(doc).join(' | '));
  const hostile = doc.events.filter((e) => e.type === 'ASSAULT');
  assert.equal(new Set(hostile.map((e) => e.incident)).size, 1, hostile.map((e) => `${e.trigger.text}:${e.incident}`).join(' | '));
  assert.equal(doc.events.find((e) => e.trigger.text === 'killed')?.cameo, '1831', 'a suicide bomber makes a suicide bombing');
  assert.ok(doc.responsibility.some((r) => r.stance === 'uncertain'), stances(doc).join(' | '));
});

test('a headline with compressed targets and "the attackers" later on stay one incident', () => {
  const doc = analyse('Militants kill 9 soldiers in ambush on army convoy\n\nGunmen ambushed an army convoy near the town of Orno on Thursday, killing nine soldiers, officials said. The Iron Coast Front denied any role. According to two security sources, the attackers used roadside bombs before opening fire.');
  const hostile = doc.events.filter((e) => e.type === 'ASSAULT');
  assert.equal(new Set(hostile.map((e) => e.incident)).size, 1, hostile.map((e) => `${e.trigger.text}:${e.incident}`).join(' | '));
});

test('"This was a deliberate strike on civilians" characterises the incident told, it is no new one', () => {
  const doc = analyse('Drone strike on Orno power plant leaves town in darkness\n\nA drone struck the power plant in the town of Orno overnight, injuring two workers, officials said. The governor blamed the attack on the Iron Coast Front. "This was a deliberate strike on civilians," she said.');
  const hostile = doc.events.filter((e) => e.type === 'ASSAULT');
  assert.ok(hostile.some((e) => e.trigger.text === 'strike'));
  assert.equal(new Set(hostile.map((e) => e.incident)).size, 1, hostile.map((e) => `${e.trigger.text}:${e.incident}`).join(' | '));
});

test('responsibility records carry ids r1, r2 … and evidence spans', () => {
  const doc = analyse('Gunmen attacked a police post near Karsk on Sunday. The Free Hills Front denied any involvement in the attack.');
  doc.responsibility.forEach((r, i) => assert.equal(r.id, `r${i + 1}`));
  assert.ok(doc.responsibility.every((r) => doc.text.slice(r.evidence.start, r.evidence.end) === r.evidence.text));
});

test('contradiction: denying attacks while pledging to stop them', () => {
  const doc = analyse('Rocket attacks hit the air base near Karsk last week. The Free Hills Front said it had nothing to do with the attacks. The Free Hills Front also said it would stop attacking the base if the foreign troops left within a year.');
  const c = doc.contradictions.find((x) => x.kind === 'deny-and-pledge');
  assert.ok(c, JSON.stringify(doc.contradictions));
  const [r, v] = c!.refs;
  assert.equal(doc.responsibility.find((x) => x.id === r)?.stance, 'deny');
  const pledge = doc.events.find((e) => e.id === v);
  assert.equal(pledge?.condition?.text, 'if the foreign troops left within a year');
});

test('contradiction: claim and denial by the same actor', () => {
  const doc = analyse('A bomb exploded at the Varno bus station on Monday. The Red Hand claimed responsibility for the bombing. On Tuesday the Red Hand denied any role in the bombing.');
  assert.ok(doc.contradictions.some((c) => c.kind === 'claim-and-deny'), JSON.stringify(doc.contradictions) + stances(doc).join(' | '));
});

test('contradiction: speakers accusing different actors', () => {
  const doc = analyse('Gunmen attacked a police post near Karsk on Sunday. The interior minister blamed the attack on the Free Hills Front. The opposition leader blamed the attack on the army.');
  const c = doc.contradictions.find((x) => x.kind === 'conflicting-accusations');
  assert.ok(c, JSON.stringify(doc.contradictions) + stances(doc).join(' | '));
  assert.match(c!.explanation, /Free Hills Front/);
  assert.match(c!.explanation, /army/);
});

test('contradiction: a denial contradicted later in the article', () => {
  const doc = analyse('Gunmen attacked a police post near Karsk on Sunday. The Free Hills Front denied any involvement in the attack. The interior minister accused the Free Hills Front of carrying out the attack.');
  const c = doc.contradictions.find((x) => x.kind === 'denial-contradicted');
  assert.ok(c, JSON.stringify(doc.contradictions) + stances(doc).join(' | '));
});

test('a denial or accusation with no mention of the attack refers to the latest incident', () => {
  const doc = analyse('A car bomb exploded in a crowded market in Tarsa on Saturday, killing 12 people. No group has claimed responsibility. The government blamed the Tiger Front, which denied any involvement.');
  const incidents = new Set(doc.responsibility.map((r) => r.incident));
  assert.equal(incidents.size, 1, stances(doc).join(' | '));
  assert.ok(doc.responsibility.some((r) => r.stance === 'uncertain' && r.speaker.author), 'no one has claimed it, says the article');
  assert.ok(doc.responsibility.some((r) => r.stance === 'accuse' && /government/.test(who(r)) && r.target?.span.text === 'Tiger Front'), stances(doc).join(' | '));
  assert.ok(doc.responsibility.some((r) => r.stance === 'deny' && /Tiger Front/.test(who(r))), stances(doc).join(' | '));
  assert.ok(!doc.responsibility.some((r) => /^no group/i.test(who(r))), 'a negative quantifier is nobody');
});

test('disputed perpetrators of one attack stay one incident, each account listed once', () => {
  const doc = analyse('The Coastal Rebels said they had launched drones at an oil depot in Vessa, but officials said the attack was carried out by the Northern Army. The Northern Army denied the accusation.');
  const incidents = new Set(doc.responsibility.map((r) => r.incident));
  assert.equal(incidents.size, 1, stances(doc).join(' | '));
  assert.ok(doc.responsibility.some((r) => r.stance === 'claim' && /Coastal Rebels/.test(who(r))), stances(doc).join(' | '));
  assert.ok(doc.responsibility.some((r) => r.stance === 'accuse' && /officials/.test(who(r)) && /Northern Army/.test(r.target?.span.text ?? '')), stances(doc).join(' | '));
  const conflict = doc.contradictions.filter((c) => c.kind === 'conflicting-accusations');
  assert.equal(conflict.length, 1, JSON.stringify(doc.contradictions));
  assert.match(conflict[0]!.explanation, /Coastal Rebels: themselves \(claim\)/);
});

test('a denier is no perpetrator, and "who is behind this" asks rather than accuses', () => {
  const doc = analyse('A drone hit a fuel depot near Mervano on Monday. "We did not carry out this attack," a spokesman for the Red Hand said. An expert said the drone appeared to have come from the south. "It is too early to say who is behind this," said Ana Dorn, a researcher.');
  const s = stances(doc);
  assert.ok(s.includes('a spokesman for the Red Hand:deny'), s.join(' | '));
  assert.ok(s.some((x) => /^Ana Dorn.*:uncertain$/.test(x)), s.join(' | '));
  assert.ok(!doc.responsibility.some((r) => r.stance === 'accuse' || r.stance === 'suspect'), s.join(' | '));
});

test('a long relative clause between the denier and "denied" keeps the denier', () => {
  const doc = analyse('A drone hit a fuel depot near Mervano on Monday. The Red Hand, which has fought the government in the hills since 2019, denied any involvement.');
  assert.ok(stances(doc).some((x) => /Red Hand:deny/.test(x)), stances(doc).join(' | '));
});

test('a headline and its first report are one incident even with a byline and dateline between them', () => {
  const doc = analyse('Drone strike hits fuel depot in Varnia; rebels deny role\n\nBy Staff Reporter\n\nMERVANO, June 3 (Wire) — A drone struck a fuel depot outside Mervano on Tuesday, killing two guards.');
  const incidents = new Set(doc.responsibility.map((r) => r.incident));
  const struck = doc.events.find((e) => e.trigger.text === 'struck')!;
  assert.ok(doc.responsibility.some((r) => r.stance === 'deny' && r.incident === struck.incident), stances(doc).join(' | '));
  assert.equal(incidents.size, 1);
});

test('an account naming no target, time or place of its own retells the incident, never one whose victim is its perpetrator', () => {
  const doc = analyse('Police opened fire on marchers in Varno on Saturday, killing three people, a rights group said. The ministry said 12 officers had been injured by rioters. Witnesses said officers fired live rounds without warning. The opposition called the killings "a massacre".');
  const opened = doc.events.find((e) => e.trigger.text === 'opened fire')!;
  for (const trigger of ['fired', 'killings']) {
    assert.equal(doc.events.find((e) => e.trigger.text === trigger)?.incident, opened.incident, trigger);
  }
  const injured = doc.events.find((e) => e.trigger.text === 'injured')!;
  assert.notEqual(injured.incident, opened.incident);
});

test('a denial by an actor\'s ministry or spokesman is contradicted by an accusation of the actor', () => {
  const doc = analyse("Karsk accused Orvel of shelling three border villages on Tuesday. Orvel's defence ministry denied its forces had fired across the border.");
  assert.ok(doc.contradictions.some((c) => c.kind === 'denial-contradicted'), JSON.stringify(doc.contradictions));
  const spokesman = analyse('Police blamed the Red Hand for the bombing of the market on Monday. A spokesman for the Red Hand denied the group was involved in the bombing.');
  assert.ok(spokesman.contradictions.some((c) => c.kind === 'denial-contradicted'), stances(spokesman).join(' | '));
});

test('a roundup: incidents at different places stay apart; "the Dessa attack", "the checkpoint attack" and "any air strikes" find their own', () => {
  const doc = analyse([
    'A roadside bomb killed three soldiers near the town of Dessa on Saturday, the army said, hours after gunmen attacked a police checkpoint outside Mervano.',
    'In the Dessa attack, the bomb struck an armoured vehicle, a military spokesman said.',
    'Separately, an air strike hit a market in the village of Kolan on Friday, killing six civilians, officials said. The army denied carrying out any air strikes in the area.',
    'The Black Banner movement said its fighters had carried out the checkpoint attack to avenge the deaths in Kolan.',
  ].join(' '));
  const incidentOf = (trigger: string, nth = 0) => doc.events.filter((e) => e.trigger.text === trigger)[nth]!.incident;
  assert.notEqual(incidentOf('roadside bomb'), incidentOf('attacked'));
  assert.equal(incidentOf('attack', 0), incidentOf('roadside bomb'));
  assert.ok(!doc.events.find((e) => e.trigger.text === 'attack')!.source.some((r) => r.span.text === 'Dessa'));
  assert.equal(incidentOf('air strikes'), incidentOf('air strike'));
  assert.equal(incidentOf('attack', 1), incidentOf('attacked'));
  assert.ok(doc.responsibility.some((r) => r.stance === 'claim' && r.incident === incidentOf('attacked') && /Black Banner/.test(who(r))), stances(doc).join(' | '));
});

test('an accusation of another deed is not about the incident; a weapon\'s owner is its actor', () => {
  const doc = analyse('An air strike hit a school in Tarn on Wednesday, killing 14 people, officials said. The military accused the Crescent Brigades of using civilians as human shields. Israeli aircraft struck a depot near Tarn on Thursday.');
  assert.ok(!doc.responsibility.some((r) => r.stance === 'accuse' && /Crescent/.test(r.target?.span.text ?? '')), stances(doc).join(' | '));
  assert.deepEqual(doc.events.find((e) => e.trigger.text === 'struck')!.source.map((r) => r.span.text), ['Israeli']);
});

test('a military that says its jets struck claims the strike, told as the incident already reported', () => {
  const doc = analyse('An air strike set a fuel depot ablaze in Dessa on Monday, killing three workers, officials said. The Kelvian military said its jets struck a storage site used by the Red Hand.');
  const struck = doc.events.find((e) => e.trigger.text === 'struck')!;
  const strike = doc.events.find((e) => e.trigger.text === 'air strike')!;
  assert.equal(struck.incident, strike.incident, 'one strike, two accounts');
  assert.ok(doc.responsibility.some((r) => r.stance === 'claim' && /Kelvian military/.test(who(r))), stances(doc).join(' | '));
  // a "separate" strike is another incident
  const other = analyse('An air strike set a fuel depot ablaze in Dessa on Monday, officials said. In a separate attack, the army said its jets struck a camp used by the Red Hand.');
  assert.notEqual(other.events.find((e) => e.trigger.text === 'struck')!.incident, other.events.find((e) => e.trigger.text === 'air strike')!.incident);
});

test('a bare "military" subject is a phrase, also in a headline clause after a semicolon', () => {
  const doc = analyse('Drone strike hits depot in Dessa; military says it targeted rebel supplies\n\nA drone strike hit a depot in Dessa on Monday.');
  assert.equal(doc.tokens.find((t) => t.text === 'military')!.pos, 'NOUN');
  assert.ok(doc.responsibility.some((r) => r.stance === 'claim' && who(r) === 'military'), stances(doc).join(' | '));
  assert.ok(!doc.events.some((e) => e.source.some((s) => s.span.text === 'Dessa')), 'the town is no actor');
});

test('"denied …, and accused X of …": the denier accuses, not the article; the accusation is not denied', () => {
  const doc = analyse('An air strike hit a depot in Dessa on Monday. The Red Hand denied that the depot had any military use and accused Kelvia of striking civilian sites.');
  const accused = doc.events.find((e) => e.trigger.text === 'accused')!;
  assert.equal(accused.modality, 'asserted');
  assert.match(accused.source[0]?.span.text ?? '', /Red Hand/);
  assert.ok(doc.responsibility.some((r) => r.stance === 'accuse' && /Red Hand/.test(who(r)) && r.target?.span.text === 'Kelvia'), stances(doc).join(' | '));
  assert.ok(!doc.responsibility.some((r) => r.speaker.author), stances(doc).join(' | '));
  // denying a clause about something else, or a link to an actor, is no denial of the strike
  assert.ok(!doc.responsibility.some((r) => r.stance === 'deny'), stances(doc).join(' | '));
  const owner = analyse('A bomb hit a depot in Dessa on Monday. The owner denied any link to the rebels.');
  assert.ok(!owner.responsibility.some((r) => r.stance === 'deny'), stances(owner).join(' | '));
  const front = analyse('A bomb hit a depot in Dessa on Monday. The Red Hand denied any link to the bombing.');
  assert.ok(front.responsibility.some((r) => r.stance === 'deny'), stances(front).join(' | '));
});

test('a headline\'s bare-plural subject with "claim" tagged a noun claims the deed ("separatists claim abduction")', () => {
  const doc = analyse('Gunmen seize passengers from bus in Varnia; separatists claim abduction\n\nArmed men stopped a bus near Orval on Monday and abducted 20 passengers, police said.');
  assert.ok(doc.responsibility.some((r) => r.stance === 'claim' && who(r) === 'separatists'), stances(doc).join(' | '));
  const abducted = doc.events.find((e) => e.trigger.text === 'abducted')!;
  const abduction = doc.events.find((e) => e.trigger.text === 'abduction')!;
  assert.equal(abducted.incident, abduction.incident);
});

test('"their disputed border" is no denial: a participle before a noun describes it', () => {
  const doc = analyse('Karsk and Orvel accused each other of shelling villages on both sides of their disputed border, killing five civilians.');
  assert.ok(!doc.events.some((e) => e.modality === 'denied'), doc.events.map((e) => `${e.trigger.text}:${e.modality}`).join(' '));
  assert.ok(!doc.responsibility.some((r) => r.stance === 'deny'), stances(doc).join(' | '));
});

test('"two groups claim attack" is not the named group\'s claim; a claim "it was behind" is the speaker\'s; "we" in a quote is its speaker', () => {
  const doc = analyse([
    'Suicide bomber kills 23 at mosque in Kassar; two groups claim attack',
    '',
    'A suicide bomber killed 23 worshippers at a mosque in Kassar on Friday, officials said.',
    'The Black Banner movement claimed responsibility in a statement. Hours later, a local faction, the Sword of Truth, also said it was behind the bombing.',
    '"We are examining every possibility," Interior Minister Omar Saleh said.',
  ].join('\n'));
  const claims = doc.responsibility.filter((r) => r.stance === 'claim').map(who);
  assert.ok(claims.some((w) => /Black Banner/.test(w)), stances(doc).join(' | '));
  assert.ok(claims.some((w) => /Sword of Truth|local faction/.test(w)), stances(doc).join(' | '));
  assert.ok(doc.responsibility.some((r) => r.stance === 'uncertain' && /Omar Saleh/.test(who(r))), stances(doc).join(' | '));
});

test('a claim followed by a conditional vow: the condition governs the vow, the claim stands', () => {
  const doc = analyse('Mortars hit the Dessa depot on Monday. The Sons of Rain later claimed the attack in a video, vowing to strike again unless the troops leave.');
  assert.deepEqual(stances(doc), ['The Sons of Rain:claim']);
  const vow = doc.events.find((e) => e.trigger.text.startsWith('vowing'))!;
  assert.equal(vow.modality, 'conditional');
  assert.equal(vow.condition?.text, 'unless the troops leave');
});

test('"it was not clear which side fired first" is the author\'s uncertainty about the incident; "which group" is nobody', () => {
  const first = analyse('Shells hit the village of Lusk on Thursday, killing nine people. It was not clear which side fired first.');
  assert.deepEqual(stances(first), ['(author):uncertain']);
  assert.equal(new Set(first.events.map((e) => e.incident)).size, 1);
  const which = analyse('A bomb exploded in the Dessa market on Monday. It is unclear which group carried out the attack.');
  assert.deepEqual(stances(which), ['(author):uncertain']);
  const shotFirst = analyse('Guards and protesters clashed outside the Varno prison on Friday. The guards shot first, witnesses said.');
  assert.deepEqual(stances(shotFirst), ['witnesses:accuse>guards']);
});

test('a place that locates the place before it is not the event\'s ("the village of Lusk near the Orvel-Karsk frontier"): headline, lead and accounts are one incident', () => {
  const doc = analyse(`Shelling kills nine in border village

Shells slammed into the village of Lusk near the Orvel-Karsk frontier on Thursday, killing nine civilians. Orvel blamed Karsk for the shelling. Karsk rejected the charge. It was not clear which side fired first.`);
  const killing = doc.events.find((e) => e.trigger.text === 'killing')!;
  assert.deepEqual(killing.place.map((p) => p.text), []);
  assert.equal(new Set(doc.events.filter((e) => e.incident).map((e) => e.incident)).size, 1);
  assert.deepEqual(stances(doc).sort(), ['(author):uncertain', 'Karsk:deny', 'Orvel:accuse>Karsk']);
});

test('"X and Y trade blame/accusations": each accuses the other; a two-word weapon\'s first word is no perpetrator ("Suicide bomber kills 23")', () => {
  const mutual = analyse('Shells hit the town of Mera on Monday. Karsk and Orvel traded blame for the attack.');
  assert.deepEqual(stances(mutual).sort(), ['Karsk:accuse>Orvel', 'Orvel:accuse>Karsk']);
  const headline = analyse('Karsk and Orvel trade accusations over shelling of Mera\n\nShells hit the town of Mera on Monday.');
  assert.ok(headline.events.some((e) => e.trigger.text === 'hit'), 'the report after a headline ending in a verb keeps its event');
  const bomber = analyse('Suicide bomber kills 23 at Dessa market\n\nA suicide bomber blew himself up in the Dessa market on Friday, police said.');
  assert.deepEqual(stances(bomber), []);
});

test('an operation to find or rescue people is no fighting; one to drive out rebels is', () => {
  const search = analyse('Gunmen seized 12 hostages in Varno on Monday. Police launched an operation to find the hostages, the minister said.');
  assert.ok(!search.events.some((e) => e.trigger.text === 'operation'));
  assert.deepEqual(stances(search), []);
  const offensive = analyse('The army launched an operation to drive the rebels out of Varno.');
  assert.equal(offensive.events.find((e) => e.trigger.text === 'operation')?.type, 'FIGHT');
});

test('a town does not act; "the capital, Velm," places the bombing; "suspects" arrested are no suspicion; "in connection with the bombing" names no bomber', () => {
  const doc = analyse(`A car bomb exploded at a market in the capital, Velm, on Sunday, killing 11 people, hospital officials said. The minister said police had arrested four suspects in connection with the Velm bombing.`);
  const killing = doc.events.find((e) => e.trigger.text === 'killing')!;
  assert.deepEqual(killing.source, []);
  assert.deepEqual(killing.place.map((p) => p.text), ['Velm']);
  const bombing = doc.events.find((e) => e.trigger.text === 'bombing')!;
  assert.deepEqual(bombing.source, []);
  assert.equal(bombing.incident, killing.incident);
  assert.ok(!doc.responsibility.some((r) => r.stance === 'suspect'), stances(doc).join(' | '));
  const suspicion = analyse('A bomb hit the market on Monday. Police suspect the Front carried out the attack.');
  assert.deepEqual(stances(suspicion), ['Police:suspect>Front']);
});

test('a passive headline "Attack blamed on rebels" has no speaker "Attack"; "was carried out by fighters of X" past a relative clause accuses X; "several attacks" claimed before are not this one', () => {
  const doc = analyse(`Attack on aid convoy blamed on rebels, UN says

DESSA (Wire) — An attack on an aid convoy near Dura that killed two drivers was carried out by fighters of the Black Hills Army, the UN's aid office said on Tuesday.

The Black Hills Army, which has claimed several attacks on government forces, did not respond. The government blamed the attack on "foreign-backed terrorists." Officials in Kadria rejected the insinuation.`);
  const convoy = doc.events.find((e) => e.trigger.text === 'attack' && e.target.some((t) => /convoy/.test(t.span.text)))!;
  const onConvoy = doc.responsibility.filter((r) => r.incident === convoy.incident).map((r) => `${who(r)}:${r.stance}${r.target ? `>${r.target.span.text}` : ''}`);
  assert.ok(!stances(doc).some((s) => s.startsWith('Attack')), stances(doc).join(' | '));
  assert.ok(onConvoy.includes("the UN's aid office:accuse>fighters of the Black Hills Army"), onConvoy.join(' | '));
  assert.ok(onConvoy.includes('The government:accuse>foreign-backed terrorists'), onConvoy.join(' | '));
  assert.ok(onConvoy.includes('Officials:deny'), onConvoy.join(' | '));
  assert.ok(!onConvoy.some((s) => s.includes(':claim')), onConvoy.join(' | '));
  const fighters = convoy.source[0]!;
  assert.equal(doc.entities.find((e) => e.id === fighters.entity)?.name, 'Black Hills Army');
});

test('"our forces" in a spokesman\'s quotation are the group he speaks for: his account is a claim', () => {
  const doc = analyse(`The Coastal Movement said on Saturday it had fired two missiles at a tanker in the Red Strait.

"Our naval forces targeted the tanker Marisol with two missiles," the group's military spokesman, Yahya Sarem, said.`);
  const targeted = doc.events.find((e) => e.trigger.text === 'targeted')!;
  assert.equal(doc.entities.find((e) => e.id === targeted.source[0]?.entity)?.name, 'Coastal Movement');
  assert.deepEqual(stances(doc), ['The Coastal Movement:claim', "the group's military spokesman, Yahya Sarem:claim"]);
});

test('"blamed armed infiltrators for the deaths" accuses them of the incident: deaths are what it did, infiltrators are actors', () => {
  const doc = analyse('Police fired on protesters in Varno on Saturday, killing two. The ministry blamed armed infiltrators for the deaths.');
  assert.deepEqual(stances(doc), ['ministry:accuse>armed infiltrators']);
});
