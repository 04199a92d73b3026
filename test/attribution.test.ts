import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAttributions } from '../src/attribution/extract.js';
import { CueModel } from '../src/attribution/model.js';
import { makeSpan } from '../src/doc/doc.js';
import type { Attribution, Entity } from '../src/doc/types.js';
import { analyzeText } from '../src/pipeline/index.js';

/**
 * The attribution layer on short sentences written for these tests, one phenomenon each
 * (docs/attribution.md). Extraction runs on the tokens stage's output alone; entities are
 * given by hand where a test needs them.
 */

function extract(text: string, entities: Entity[] = []): Attribution[] {
  const doc = analyzeText(text, {}, { until: 'tokens' });
  doc.entities = entities;
  return extractAttributions(doc);
}

function byCue(found: Attribution[], cue: string): Attribution {
  const a = found.find((x) => x.cue.text === cue);
  assert.ok(a, `no attribution with cue "${cue}" among: ${found.map((x) => x.cue.text).join(', ')}`);
  return a;
}

function entity(text: string, id: string, type: Entity['type'], ...names: string[]): Entity {
  const mentions = names.flatMap((name) => {
    const out = [];
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) out.push(makeSpan(text, i, i + name.length));
    return out;
  });
  return { id, type, name: names[0]!, aliases: [], mentions };
}

test('direct quote, cue after, subject before the verb', () => {
  const [a, ...rest] = extract('“The bridge is safe,” the engineer said.');
  assert.equal(rest.length, 0);
  assert.equal(a!.source?.text, 'the engineer');
  assert.equal(a!.cue.text, 'said');
  assert.equal(a!.content.text, '“The bridge is safe,”');
  assert.equal(a!.direct, true);
  assert.equal(a!.cueType, 'assert');
});

test('direct quote with the verb before its subject, straight quotes', () => {
  const a = byCue(extract('"We will rebuild the school," said Mayor Ana Costa.'), 'said');
  assert.equal(a.source?.text, 'Mayor Ana Costa');
  assert.equal(a.content.text, '"We will rebuild the school,"');
  assert.equal(a.direct, true);
});

test('cue before a quote, with a colon and with a comma', () => {
  const colon = byCue(extract('The minister said: “Prices will fall next year.”'), 'said:');
  assert.equal(colon.source?.text, 'The minister');
  assert.equal(colon.content.text, '“Prices will fall next year.”');
  assert.equal(colon.direct, true);
  const comma = byCue(extract('As the sirens wailed, the announcer said, “Stay inside your homes.”'), 'said');
  assert.equal(comma.source?.text, 'the announcer');
  assert.equal(comma.content.text, '“Stay inside your homes.”');
});

test('a split quote is one attribution whose content covers both parts', () => {
  const found = extract('“The port is closed,” the captain said, “and it will stay closed until Friday.”');
  assert.equal(found.length, 1);
  const a = found[0]!;
  assert.equal(a.source?.text, 'the captain');
  assert.ok(a.content.text.startsWith('“The port is closed,”'));
  assert.ok(a.content.text.endsWith('until Friday.”'));
  assert.equal(a.direct, true);
});

test('a quoted sentence after an attributed quote continues it', () => {
  const found = extract('“We are ready,” she said. “The trucks leave at dawn.”');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.content.text, '“We are ready,” she said. “The trucks leave at dawn.”');
});

test('a quote over several paragraphs: a paragraph left open continues in the next', () => {
  const text = 'The coach said:\n\n“We trained for months in the cold.\n\n“Now we will win the cup.”\n\nThe match starts at noon.';
  const a = byCue(extract(text), 'said:');
  assert.equal(a.source?.text, 'The coach');
  assert.equal(a.content.text, '“We trained for months in the cold.\n\n“Now we will win the cup.”');
  assert.equal(a.direct, true);
});

test('two apostrophes as quotation marks', () => {
  const a = byCue(extract("''Nothing was taken,'' the curator said."), 'said');
  assert.equal(a.content.text, "''Nothing was taken,''");
  assert.equal(a.direct, true);
});

test('a headline speaker and a transcript speaker label', () => {
  const headline = extract('Mayor Rivera: Budget Cuts Will Hurt Our Schools\n\nThe council meets on Monday.');
  const h = byCue(headline, ':');
  assert.equal(h.source?.text, 'Mayor Rivera');
  assert.equal(h.content.text, 'Budget Cuts Will Hurt Our Schools');
  const transcript = extract('The interview follows.\n\nHOST: Will the plant close?\n\nLEE: Not this year.');
  assert.deepEqual(transcript.map((a) => [a.source?.text, a.content.text]), [
    ['HOST', 'Will the plant close?'],
    ['LEE', 'Not this year.'],
  ]);
});

test('a quote credited after a dash', () => {
  const a = byCue(extract('“The river took everything we had.” ― Maria Lopez\n'), '―');
  assert.equal(a.source?.text, 'Maria Lopez');
  assert.equal(a.content.text, '“The river took everything we had.”');
});

test('indirect speech with and without "that": the content keeps its complementiser', () => {
  const withThat = byCue(extract('The ministry said that the talks had failed.'), 'said');
  assert.equal(withThat.source?.text, 'The ministry');
  assert.equal(withThat.content.text, 'that the talks had failed');
  assert.equal(withThat.direct, false);
  const without = byCue(extract('Doctors say the outbreak is slowing.'), 'say');
  assert.equal(without.content.text, 'the outbreak is slowing');
});

test('a partial quote inside indirect speech is not direct', () => {
  const a = byCue(extract('The senator said the plan was “dead on arrival.”'), 'said');
  assert.equal(a.content.text, 'the plan was “dead on arrival.”');
  assert.equal(a.direct, false);
});

test('an addressee is neither source nor content', () => {
  const a = byCue(extract('The pilot told reporters on Tuesday that the engine had failed.'), 'told');
  assert.equal(a.source?.text, 'The pilot');
  assert.equal(a.content.text, 'that the engine had failed');
  // without "that": a bare-plural addressee, then the clause with its subject
  assert.equal(byCue(extract('Colonel Ria Sand told reporters the shells had come from the east.'), 'told').content.text, 'the shells had come from the east');
  assert.equal(byCue(extract('The guard told her she could not stay.'), 'told').content.text, 'she could not stay');
});

test('content before the cue: "C, X said" and "C, according to X"', () => {
  const said = byCue(extract('The bridge will reopen in May, the transport office said.'), 'said');
  assert.equal(said.source?.text, 'the transport office');
  assert.equal(said.content.text, 'The bridge will reopen in May');
  const according = byCue(extract('The convoy was hit near the border, according to two officials.'), 'according to');
  assert.equal(according.source?.text, 'two officials');
  assert.equal(according.content.text, 'The convoy was hit near the border');
  assert.equal(according.anonymous, true);
  const front = byCue(extract('According to the ministry, the dam is safe.'), 'According to');
  assert.equal(front.source?.text, 'the ministry');
  assert.equal(front.content.text, 'the dam is safe');
  assert.equal(front.anonymous, false);
});

test('passives: an impersonal report, a raised subject, quoted as saying', () => {
  const impersonal = byCue(extract('It was reported that the dam had cracked.'), 'was reported');
  assert.equal(impersonal.source, null);
  assert.equal(impersonal.content.text, 'that the dam had cracked');
  const raised = byCue(extract('The general is said to favor a ceasefire.'), 'is said');
  assert.equal(raised.source, null);
  assert.equal(raised.content.text, 'The general is said to favor a ceasefire');
  const quoted = byCue(extract('The colonel was quoted as saying that the convoy was hit.'), 'was quoted as saying');
  assert.equal(quoted.source?.text, 'The colonel');
  assert.equal(quoted.content.text, 'that the convoy was hit');
});

test('nominal cues: a statement noun with its speaker and content', () => {
  const statement = byCue(extract("The company's statement that no data was lost calmed investors."), 'statement');
  assert.equal(statement.source?.text, 'The company');
  assert.ok(statement.content.text.startsWith('that no data was lost'));
  const insistence = byCue(extract('The governor’s insistence on blaming the drought angered the farmers.'), 'insistence on blaming');
  assert.equal(insistence.source?.text, 'The governor');
  assert.equal(insistence.cueType, 'accuse');
  assert.ok(insistence.content.text.startsWith('the drought'));
});

test('a predicate noun takes the subject as its source', () => {
  const a = byCue(extract('The council is intent on closing the old library.'), 'intent on');
  assert.equal(a.source?.text, 'The council');
  assert.equal(a.cueType, 'intend');
  assert.equal(a.content.text, 'closing the old library');
});

test('"in a statement, X said" keeps X as the source', () => {
  const a = byCue(extract('In a statement, the agency said it would appeal the ruling.'), 'said');
  assert.equal(a.source?.text, 'the agency');
  assert.equal(a.content.text, 'it would appeal the ruling');
});

test('beliefs and intentions', () => {
  const belief = byCue(extract('The residents believe the water is unsafe.'), 'believe');
  assert.equal(belief.cueType, 'believe');
  assert.equal(belief.content.text, 'the water is unsafe');
  const intention = byCue(extract('The union plans to strike next week.'), 'plans');
  assert.equal(intention.cueType, 'intend');
  assert.equal(intention.content.text, 'to strike next week');
});

test('cue types follow the verb and its complement', () => {
  const type = (text: string, cue: string) => byCue(extract(text), cue).cueType;
  assert.equal(type('The army denied that it had shelled the village.', 'denied'), 'deny');
  assert.equal(type('The rebels warned that the road was mined.', 'warned'), 'warn');
  assert.equal(type('The mayor promised that the school would reopen.', 'promised'), 'promise');
  assert.equal(type('The council demanded that the factory close.', 'demanded'), 'demand');
  assert.equal(type('The reporter asked whether the plant was safe.', 'asked'), 'question');
  assert.equal(type('The police confirmed that two men were arrested.', 'confirmed'), 'confirm');
  assert.equal(type('The firm admitted that it had lost the files.', 'admitted'), 'admit');
  assert.equal(type('The group claimed that it had downed the drone.', 'claimed'), 'claim');
  assert.equal(type('The paper reported that the minister had resigned.', 'reported'), 'report');
  assert.equal(type('The union called for a new vote on the contract.', 'called for'), 'demand');
});

test('accusations: the verb is the cue, the accused and the preposition open the content', () => {
  const a = byCue(extract('The opposition accused the mayor of hiding the report.'), 'accused');
  assert.equal(a.cueType, 'accuse');
  assert.equal(a.content.text, 'the mayor of hiding the report');
});

test('sources keep their titles, appositives and relative clauses', () => {
  const title = byCue(extract('Harbor police chief Tom Ellis said the boat had sunk.'), 'said');
  assert.equal(title.source?.text, 'Harbor police chief Tom Ellis');
  const appositive = byCue(extract('Ana Costa, a spokeswoman for the ministry, said the border was open.'), 'said');
  assert.equal(appositive.source?.text, 'Ana Costa, a spokeswoman for the ministry');
  const participle = byCue(extract('The mayor, speaking in the square, said the flood had passed.'), 'said');
  assert.equal(participle.source?.text, 'The mayor');
});

test('a person named in apposition makes the source named; the source ends with its last word', () => {
  const text = 'A spokesman for the rebels, Marek Holt, denied the report.';
  const linked = byCue(extract(text, [entity(text, 'e1', 'PERSON', 'Marek Holt')]), 'denied');
  assert.equal(linked.source?.text, 'A spokesman for the rebels, Marek Holt');
  assert.equal(linked.anonymous, false);
  assert.equal(linked.sourceEntity, 'e1');
  // without entities, two name words in apposition still name the person
  assert.equal(byCue(extract(text), 'denied').anonymous, false);
  const roled = 'The port reopened on Monday. Its director, Lena Brandt, wrote on social media that ships were unloading.';
  const director = byCue(extract(roled, [entity(roled, 'e2', 'PERSON', 'Lena Brandt')]), 'wrote');
  assert.equal(director.source?.text, 'Its director, Lena Brandt');
  assert.equal(director.sourceEntity, 'e2');
  assert.equal(director.anonymous, false);
  // an appositive naming the group, not the person, leaves the speaker unnamed
  const group = 'A fighter for the militia, the Northern Front, said the town had fallen.';
  const fighter = byCue(extract(group, [entity(group, 'e3', 'GROUP', 'Northern Front')]), 'said');
  assert.equal(fighter.anonymous, true);
  assert.equal(fighter.source?.text, 'A fighter for the militia, the Northern Front');
});

test('unnamed sources are anonymous; named people, organisations and outlets are not', () => {
  const anonymous = (text: string, cue: string) => byCue(extract(text), cue).anonymous;
  assert.equal(anonymous('An official said the camp was full.', 'said'), true);
  assert.equal(anonymous('Sources familiar with the matter said the deal was close.', 'said'), true);
  assert.equal(anonymous('A senior diplomat, who spoke on condition of anonymity, said the deal was close.', 'said'), true);
  assert.equal(anonymous('Officials said the camp was full.', 'said'), true);
  assert.equal(anonymous('Harbor police chief Tom Ellis said the boat had sunk.', 'said'), false);
  assert.equal(anonymous('The ministry said the camp was full.', 'said'), false);
  assert.equal(anonymous('The Daily Ledger reported that the camp was full.', 'reported'), false);
});

test('a pronoun source is linked to the entity it refers back to, and inherits its anonymity', () => {
  const text = 'Mayor Ana Costa visited the dam on Monday. She said the walls were sound.';
  const found = extract(text, [entity(text, 'e1', 'PERSON', 'Ana Costa')]);
  const a = byCue(found, 'said');
  assert.equal(a.source?.text, 'She');
  assert.equal(a.sourceEntity, 'e1');
  assert.equal(a.anonymous, false);
  const unnamed = extract('An aide said the mayor would resign. He added that the vote was lost.');
  assert.equal(byCue(unnamed, 'added').anonymous, true);
});

test('a source whose head names an entity is linked to it; a modifier is not enough', () => {
  const text = 'Kerrow Energy said the pipeline was safe. The Kerrow Energy union said it was not.';
  const found = extract(text, [entity(text, 'e7', 'ORG', 'Kerrow Energy')]);
  assert.equal(found[0]!.sourceEntity, 'e7');
  assert.equal(found[1]!.sourceEntity, null);
});

test('a description source is linked by its role, not by mere recency', () => {
  const text = 'President Ana Costa met Defense Minister Bo Lund. The president said the talks went well.';
  const found = extract(text, [entity(text, 'e1', 'PERSON', 'Ana Costa'), entity(text, 'e2', 'PERSON', 'Bo Lund')]);
  assert.equal(byCue(found, 'said').sourceEntity, 'e1');
});

test('an institution described ("the interior ministry") is not any group named before; "the group" may be', () => {
  const text = 'The Red Hand claimed the bombing. The interior ministry said the claim was false. The group said it would strike again.';
  const found = extract(text, [entity(text, 'e1', 'GROUP', 'Red Hand')]);
  assert.equal(found.find((a) => a.source?.text === 'The interior ministry')?.sourceEntity, null);
  assert.equal(found.find((a) => a.source?.text === 'The group')?.sourceEntity, 'e1');
});

test('chains: a report inside a relaying report points to it with via', () => {
  const nested = extract('The newspaper reported that police officials said the fire was set deliberately.');
  const outer = byCue(nested, 'reported');
  const inner = byCue(nested, 'said');
  assert.equal(inner.via, outer.id);
  assert.equal(inner.anonymous, true);
  assert.equal(outer.via, null);
  const according = extract('Rebel commanders said they had left the town, according to the agency.');
  assert.equal(byCue(according, 'said').via, byCue(according, 'according to').id);
});

test('chains: "X, citing an unnamed official, said C" relays the official through X', () => {
  const found = extract('The agency, citing an unnamed official, said the convoy was hit.');
  const relay = byCue(found, 'said');
  const origin = byCue(found, 'citing');
  assert.equal(relay.source?.text, 'The agency');
  assert.equal(origin.source?.text, 'an unnamed official');
  assert.equal(origin.content.text, relay.content.text);
  assert.equal(origin.anonymous, true);
  assert.equal(origin.via, relay.id);
  // a cited reason is not a source
  const reason = extract('The bank cut its forecast, citing weak exports.');
  assert.equal(byCue(reason, 'citing').content.text, 'weak exports');
});

test('chains: "C, according to X, which cited Y" and "According to X, which cited Y, C" relay Y through X; a cited document stays as it is', () => {
  for (const text of ['Two suspects were held, according to the agency, which cited a security source.', 'According to the agency, which cited a security source, two suspects were held.']) {
    const found = extract(text);
    const relay = found.find((a) => a.cue.text.toLowerCase() === 'according to')!;
    const origin = byCue(found, 'cited');
    assert.equal(relay.source?.text, 'the agency');
    assert.equal(relay.content.text.toLowerCase(), 'two suspects were held');
    assert.equal(origin.source?.text, 'a security source');
    assert.equal(origin.content.text, relay.content.text);
    assert.equal(origin.via, relay.id);
    assert.equal(origin.anonymous, true);
  }
  const document = extract('Two suspects were held, according to the agency, which cited a transcript.');
  assert.equal(byCue(document, 'according to').content.text, 'Two suspects were held');
  assert.equal(byCue(document, 'cited').via, null);
});

test('an attitude inside a quotation is the quoted speaker’s, not a separate attribution', () => {
  const found = extract('“I think the vote was fair,” the judge said.');
  assert.deepEqual(found.map((a) => a.cue.text), ['said']);
});

test('a participle after the main clause shares its subject', () => {
  const found = extract('The minister defended the budget, saying that it protected jobs.');
  const a = byCue(found, 'saying');
  assert.equal(a.source?.text, 'The minister');
  assert.equal(a.content.text, 'that it protected jobs');
});

test('every span indexes the text, and ids are a1..an in order', () => {
  const text = 'Officials said the road was closed. “It will reopen,” an engineer said. According to the ministry, repairs cost $2 million.';
  const found = extract(text);
  assert.ok(found.length >= 3);
  for (const [i, a] of found.entries()) {
    assert.equal(a.id, `a${i + 1}`);
    for (const s of [a.source, a.cue, a.content]) if (s) assert.equal(text.slice(s.start, s.end), s.text);
  }
});

test('text without tokens or cues gives no attributions', () => {
  assert.deepEqual(extract('The river rose two metres overnight.'), []);
  assert.deepEqual(extract(' '), []);
});

test('a neutral cue whose content denies involvement is a denial', () => {
  const doc = analyzeText('The rebel council said that it had nothing to do with the bombing of the bridge.');
  const a = doc.attributions.find((x) => x.cue.text === 'said');
  assert.ok(a, 'an attribution with the cue "said"');
  assert.equal(a.cueType, 'deny');
  const plain = analyzeText('The rebel council said that the bridge had been closed for repairs.');
  assert.equal(plain.attributions.find((x) => x.cue.text === 'said')?.cueType, 'assert');
});

// Cue-span conventions (docs/attribution.md, "Cue-span conventions"), each counted over PolNeAR train.

test('cue span: an aspectual or conative verb makes one cue with the act it governs', () => {
  const tried = byCue(extract('The banker tried to explain that the losses were small.'), 'tried to explain');
  assert.equal(tried.content.text, 'that the losses were small');
  assert.equal(tried.source?.text, 'The banker');
  const continued = byCue(extract('The mayor continues to insist that the budget is balanced.'), 'continues to insist');
  assert.equal(continued.cueType, 'claim');
  assert.equal(continued.content.text, 'that the budget is balanced');
  // an intention verb keeps its to-infinitive as the content
  const wants = byCue(extract('The union wants to end the strike by Friday.'), 'wants');
  assert.equal(wants.content.text, 'to end the strike by Friday');
});

test('cue span: a predicate adjective joins the cue with its copula', () => {
  const quick = byCue(extract('The coach was quick to point out that the team had improved.'), 'was quick to point out');
  assert.equal(quick.source?.text, 'The coach');
  assert.equal(quick.content.text, 'that the team had improved');
});

test('cue span: a floating quantifier or "since" after an auxiliary stays in the verb group', () => {
  const both = byCue(extract('The two senators have both argued that the tariff hurts farmers.'), 'have both argued');
  assert.equal(both.content.text, 'that the tariff hurts farmers');
  byCue(extract('The governor has since said that she regrets the vote.'), 'has since said');
});

test('cue span: a preposition that opens the content belongs to the verb', () => {
  const spoke = byCue(extract('The nurse spoke about the long shifts in the ward.'), 'spoke about');
  assert.equal(spoke.content.text, 'the long shifts in the ward');
  // a clause opener stays in the content
  const asked = byCue(extract('The reporter asked whether the bridge was safe.'), 'asked');
  assert.equal(asked.content.text, 'whether the bridge was safe');
});

test('a parenthetical cue attributes its whole host clause', () => {
  const mid = byCue(extract('The new park, the mayor said, will open in the spring.'), 'said');
  assert.equal(mid.source?.text, 'the mayor');
  assert.equal(mid.content.text, 'The new park, the mayor said, will open in the spring');
  const initial = byCue(extract('The mayor said, the new park will open in the spring.'), 'said');
  assert.equal(initial.content.text, 'the new park will open in the spring');
  // a participle after the comma is a report of its own, not the host clause
  const tail = extract('Prices rose, the minister said, adding that wages fell.');
  assert.equal(byCue(tail, 'said').content.text, 'Prices rose');
});

test('a participle after a report takes the source of the report it hangs on', () => {
  // the report's subject is not the sentence's first noun phrase
  const tail = extract('Prices rose, the minister said, adding that wages fell.');
  assert.equal(byCue(tail, 'adding').source?.text, 'the minister');
  const quoted = extract('“Fares will rise,” the director said on Monday, adding that buses would run late.');
  assert.equal(byCue(quoted, 'adding').source?.text, 'the director');
  // the nearest report before it, not an earlier one in the sentence
  const two = extract('The union said talks had failed, while the owner insisted they would resume, noting that offers remained open.');
  assert.equal(byCue(two, 'noting').source?.text, 'the owner');
  // a coordinated verb still takes the subject of the main clause
  const coordinated = extract('The mayor criticized the plan and said it would fail.');
  assert.equal(byCue(coordinated, 'said').source?.text, 'The mayor');
});

test('a cue verb the tagger took for a noun is still a verb cue', () => {
  const claims = byCue(extract('The Morning Ledger claims the new tax is a burden on farmers.'), 'claims');
  assert.equal(claims.source?.text, 'The Morning Ledger');
  assert.equal(claims.content.text, 'the new tax is a burden on farmers');
  const show = byCue(extract('The budget was cut twice, the audits show.'), 'show');
  assert.equal(show.source?.text, 'the audits');
  assert.equal(show.content.text, 'The budget was cut twice');
  // a noun after a determiner or a possessor stays a noun, and a compound noun is no verb
  assert.equal(extract('Her claims were false.').length, 0);
  assert.equal(extract('He watched a cooking show about bread.').length, 0);
});

test('a participle the tagger took for an adjective is a verb cue', () => {
  const promising = byCue(extract('The mayor won the vote by promising to cut taxes.'), 'promising');
  assert.equal(promising.content.text, 'to cut taxes');
  assert.equal(promising.cueType, 'promise');
  // an adjective in predicate position is not
  assert.equal(extract('The early results were promising.').length, 0);
});

test('the context gives each token the type of the entity mention that holds it', async () => {
  const { buildContext } = await import('../src/attribution/context.js');
  const text = 'Ana Costa of Veltro said the plant would close.';
  const doc = analyzeText(text, {}, { until: 'tokens' });
  doc.entities = [entity(text, 'e1', 'PERSON', 'Ana Costa'), entity(text, 'e2', 'ORG', 'Veltro')];
  const ctx = buildContext(doc);
  const typeOf = (word: string) => ctx.entityType[ctx.tokens.findIndex((t) => t.text === word)];
  assert.equal(typeOf('Costa'), 'PERSON');
  assert.equal(typeOf('Veltro'), 'ORG');
  assert.equal(typeOf('said'), null);
});

test('raising verbs: an impression with no named source, the raised subject in the content', () => {
  const infinitive = byCue(extract('The new bridge appears to have cracked under the weight.'), 'appears');
  assert.equal(infinitive.source, null);
  assert.equal(infinitive.cueType, 'believe');
  assert.equal(infinitive.content.text, 'The new bridge appears to have cracked under the weight');
  const adjective = byCue(extract('The council members seemed unsure of the plan.'), 'seemed');
  assert.equal(adjective.content.text, 'The council members seemed unsure of the plan');
  const expletive = byCue(extract('It seems that the harbour will stay closed.'), 'It seems');
  assert.equal(expletive.source, null);
  assert.equal(expletive.content.text, 'that the harbour will stay closed');
  // not an impression: a physical appearance, and a report in the infinitive
  assert.equal(extract('The mayor appeared on television last night.').length, 0);
  const report = byCue(extract('The mayor seemed to confirm that the harbour will close.'), 'seemed to confirm');
  assert.equal(report.source?.text, 'The mayor');
  // inside a quotation the impression is the speaker's, attributed once with the quote
  const quoted = extract('“The plan seems doomed,” the engineer said.');
  assert.equal(quoted.length, 1);
  assert.equal(quoted[0]!.cue.text, 'said');
});

test('a report in a relative clause inside the subject: both reports, the inner one ends with the subject', () => {
  const found = extract('Ann Lee, who criticized the plan in May, now says it will work.');
  const inner = byCue(found, 'criticized');
  assert.equal(inner.content.text, 'the plan in May');
  const main = byCue(found, 'now says');
  assert.equal(main.source?.text, 'Ann Lee, who criticized the plan in May');
  assert.equal(main.content.text, 'it will work');
  const told = byCue(extract('The governor, who has denied any wrongdoing, told reporters that the audit was flawed.'), 'told');
  assert.equal(told.source?.text, 'The governor, who has denied any wrongdoing');
});

test('"As X reported, C" and "C, as X said": the clause the as-clause hangs on is the content', () => {
  const before = byCue(extract('As the Ledger reported on Monday, the mill will close in May.'), 'reported');
  assert.equal(before.source?.text, 'the Ledger');
  assert.equal(before.content.text, 'the mill will close in May');
  const after = byCue(extract('The mill will close in May, as the Ledger reported.'), 'reported');
  assert.equal(after.content.text, 'The mill will close in May');
  // `as` of time is no attribution
  assert.ok(!extract('As the mayor spoke, the crowd grew restless.').some((a) => a.cue.text === 'spoke'));
});

test('a quote that ends the sentence before a cue is its content only when it is that whole sentence', () => {
  const whole = byCue(extract('The town is calm. “We are not leaving.” The farmer insisted.'), 'insisted');
  assert.equal(whole.content.text, '“We are not leaving.”');
  // a word quoted inside the sentence before belongs to that sentence's report
  const found = extract('The rebels said they had shot down a jet flown by "invaders." The claim could not be independently verified.');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.cue.text, 'said');
  const praised = extract('The mayor thanked the "heroes." The volunteers denied.');
  assert.deepEqual(praised.map((a) => a.cue.text), ['thanked']);
});

test('a remark on the report itself ends its content: ", a charge X denies", ", which X denied"', () => {
  const charge = byCue(extract('Aid groups have accused the navy of sinking fishing boats near Varna, a charge the defence ministry denies.'), 'have accused');
  assert.equal(charge.content.text, 'the navy of sinking fishing boats near Varna');
  const which = byCue(extract('Villagers said the militia burned the granary, which the militia leadership denied on Sunday.'), 'said');
  assert.equal(which.content.text, 'the militia burned the granary');
  // `an allegation that the army has rejected` is a relative clause, not the allegation's content
  const found = extract('The report said soldiers fired on the crowd, an allegation that the army has rejected.');
  assert.deepEqual(found.map((a) => a.cue.text), ['said']);
  assert.equal(found[0]!.content.text, 'soldiers fired on the crowd');
  // a relative clause about something else, or a noun with its own content, stays in the content
  const runs = byCue(extract('Nurses said the army shelled the clinic, which the ministry runs.'), 'said');
  assert.equal(runs.content.text, 'the army shelled the clinic, which the ministry runs');
  const own = byCue(extract('The mayor said the flood was over, a claim that the army denied aid to the town.'), 'said');
  assert.equal(own.content.text, 'the flood was over, a claim that the army denied aid to the town');
});

test('wire-report sources: medium adjuncts, outlets as addressees, anonymous sources, a named commander', () => {
  const statement = byCue(extract('The border crossing was closed overnight, the interior ministry said in a statement.'), 'said');
  assert.equal(statement.source?.text, 'the interior ministry');
  assert.equal(statement.content.text, 'The border crossing was closed overnight');
  assert.equal(statement.anonymous, false);
  const phone = byCue(extract('Colonel Ivo Marek told Reuters by phone that the bridge had been destroyed.'), 'told');
  assert.equal(phone.source?.text, 'Colonel Ivo Marek');
  assert.equal(phone.content.text, 'that the bridge had been destroyed');
  assert.equal(phone.via, null);
  const sources = byCue(extract('The convoy was hit by a drone, according to two security sources who asked not to be named.'), 'according to');
  assert.equal(sources.source?.text, 'two security sources who asked not to be named');
  assert.equal(sources.anonymous, true);
  const text = 'The brigade pulled back. Its commander, Rada Ilic, wrote on social media that his men were safe.';
  const wrote = byCue(extract(text, [entity(text, 'e1', 'PERSON', 'Rada Ilic')]), 'wrote');
  assert.equal(wrote.source?.text, 'Its commander, Rada Ilic');
  assert.equal(wrote.sourceEntity, 'e1');
  assert.equal(wrote.anonymous, false);
});

test('a request not to be named describes the source and reports nothing', () => {
  const found = extract('A local commander, who asked not to be named, told a news agency that his unit had withdrawn.');
  assert.deepEqual(found.map((a) => a.cue.text), ['told']);
  assert.equal(found[0]!.source?.text, 'A local commander, who asked not to be named');
  assert.equal(found[0]!.anonymous, true);
  // a report made on condition of anonymity is still a report
  const described = byCue(extract('An aide described the talks on condition of anonymity.'), 'described');
  assert.equal(described.content.text, 'the talks on condition of anonymity');
});

test('an accusation verb whose object is a place, vehicle or post reports force, not speech', () => {
  assert.deepEqual(extract('Rebels attacked an army checkpoint near the border on Sunday.'), []);
  assert.deepEqual(extract('Militants targeted a police convoy outside the town.'), []);
  const verbal = byCue(extract('The senator attacked the governor over the budget.'), 'attacked');
  assert.equal(verbal.cueType, 'accuse');
  assert.equal(verbal.content.text, 'the governor over the budget');
  assert.equal(byCue(extract('The minister attacked the plan.'), 'attacked').content.text, 'the plan');
});

test('"X claimed responsibility for Y, saying C": the participle is its own report, the claim ends before it', () => {
  const found = extract('The group claimed responsibility for the ambush, saying its fighters had struck the convoy.');
  const claimed = byCue(found, 'claimed');
  assert.equal(claimed.content.text, 'responsibility for the ambush');
  const saying = byCue(found, 'saying');
  assert.equal(saying.source?.text, 'The group');
  assert.equal(saying.content.text, 'its fighters had struck the convoy');
  // a participle after a noun in an appositive still modifies it (`a lawyer hired last year`)
  assert.equal(byCue(extract('Ana Costa, a lawyer hired last year, said the deal was legal.'), 'said').source?.text, 'Ana Costa, a lawyer hired last year');
  // an -ing participle keeps its object (`a farmer visiting the market`, `one of the towns suing the state`)
  assert.equal(
    byCue(extract('“We ran,” Omar Kell, a farmer visiting the market with his sons, said at the clinic.'), 'said').source?.text,
    'Omar Kell, a farmer visiting the market with his sons',
  );
  assert.equal(
    byCue(extract('Lina Vos, the mayor of Tarn, one of the towns suing the state, said the levy was unlawful.'), 'said').source?.text,
    'Lina Vos, the mayor of Tarn, one of the towns suing the state',
  );
});

test('a noun-tagged verb with its infinitive is a verb cue; a subject noun cue\'s content ends at the clause\'s verb', () => {
  // the frame, whatever the cue model decides for this one intention
  const doc = analyzeText('The coalition plans to hold talks in Varno next week.', {}, { until: 'tokens' });
  doc.entities = [];
  const plans = byCue(extractAttributions(doc, { model: new CueModel(new Map(), -Infinity) }), 'plans');
  assert.equal(plans.source?.text, 'The coalition');
  assert.equal(plans.content.text, 'to hold talks in Varno next week');
  const insistence = extract("Halvorsen's insistence on blaming the attacks on rogue units was telling.")[0]!;
  assert.equal(insistence.source?.text, 'Halvorsen');
  assert.equal(insistence.content.text, 'the attacks on rogue units');
  // a "that" clause of the subject ends before the main verb, unless its own verb reports another clause
  assert.equal(byCue(extract("The army's claim that rebels fired rockets at the town drew criticism."), 'claim').content.text, 'that rebels fired rockets at the town');
  assert.equal(byCue(extract("Halvorsen's insistence that the militias were Orvel-backed was telling."), 'insistence').content.text, 'that the militias were Orvel-backed');
});

test('"he" never goes back to a woman, and may go back to an unnamed man quoted before', () => {
  const text = 'Minister Ana Sol said troops would move in. She gave the rebels a day to leave. A village elder, who asked not to be named, said the road was closed. "We are trapped," he said.';
  const found = extract(text, [entity(text, 'e1', 'PERSON', 'Ana Sol', 'She')]);
  const trapped = found.find((a) => a.content.text.includes('trapped'))!;
  assert.equal(trapped.source?.text, 'he');
  assert.notEqual(trapped.sourceEntity, 'e1');
  assert.equal(trapped.anonymous, true);
});

test('no inverted source after a verb with a modal, and no report in "if confirmed as"', () => {
  const found = extract('Analysts said the strike, if confirmed as the work of the rebels, would mark an escalation.');
  assert.deepEqual(found.map((a) => a.cue.text), ['said']);
  assert.equal(found[0]!.content.text, 'the strike, if confirmed as the work of the rebels, would mark an escalation');
});

test('"…, warning that C": a participle tagged as a noun shares the clause subject', () => {
  const a = byCue(extract('The minister gave the rebels a day to leave, warning that troops would attack.'), 'warning');
  assert.equal(a.source?.text, 'The minister');
  assert.equal(a.cueType, 'warn');
});

test('a dated phrase between source and cue is not part of the source', () => {
  assert.equal(byCue(extract("Karsk's foreign ministry on Wednesday accused Orvel of shelling the border villages."), 'accused').source?.text, "Karsk's foreign ministry");
});

test('a parenthetical between the cue and its "that" clause: commas, dashes, a relative clause', () => {
  for (const [text, source] of [
    ['The governor said, however, that the bridge would reopen in May.', 'The governor'],
    ['The mayor said, among other things, that the bridge would reopen in May.', 'The mayor'],
    ['Her deputy said — in a radio interview, as it happened — that the bridge would reopen in May.', 'Her deputy'],
    ['Ana Ruiz said on Radio Sur, where she hosts a weekly show, that the bridge would reopen in May.', 'Ana Ruiz'],
  ] as const) {
    const a = byCue(extract(text), 'said');
    assert.equal(a.source?.text, source, text);
    assert.equal(a.content.text, 'that the bridge would reopen in May', text);
  }
  // a clause of its own between them is no parenthetical: the cue is parenthetical itself
  const a = byCue(extract('The report, officials said, ignored the warning — that the dam was failing.'), 'said');
  assert.notEqual(a.content.text, 'that the dam was failing');
});

test('content before the cue, and an adverbial clause after it that says when', () => {
  const told = byCue(extract('The talks are over, the envoy told his aides as he left the hotel.'), 'told');
  assert.equal(told.source?.text, 'the envoy');
  assert.equal(told.content.text, 'The talks are over');
  const said = byCue(extract('The bridge will not reopen, the mayor said when asked about the repairs.'), 'said');
  assert.equal(said.content.text, 'The bridge will not reopen');
  // an introductory phrase is no content, and `as` before a noun phrase is a preposition
  assert.ok(!extract('In another case, a man was charged after he struck a guard.').some((a) => a.content.text === 'In another case'));
  assert.ok(!extract('Back in the capital, the minister said as a rule that talks take time.').some((a) => a.content.text === 'Back in the capital'));
});

test('a semicolon between independent clauses bounds a cue\'s content on each side', () => {
  const found = extract('Shelling kills four in Varna, officials say; army says it hit a depot');
  assert.equal(byCue(found, 'say').content.text, 'Shelling kills four in Varna');
  assert.equal(byCue(found, 'says').content.text, 'it hit a depot');
  const later = extract('The talks failed; the minister said the army would respond.');
  assert.equal(byCue(later, 'said').content.text, 'the army would respond');
});

test('a prepositional phrase between the auxiliary and the verb stays in the cue, and the subject before it is the source', () => {
  const a = byCue(extract('Its leader has in the past accused the army of shelling villages.'), 'has in the past accused');
  assert.equal(a.source?.text, 'Its leader');
  assert.equal(a.cueType, 'accuse');
  assert.equal(byCue(extract('The ministry had on Monday denied the report.'), 'had on Monday denied').source?.text, 'The ministry');
});

test('an object relative clause between commas: its report ends at the closing comma, and the main report keeps its source', () => {
  // the frames and the nesting, whatever the cue model decides for the naming
  const doc = analyzeText('The Red Hand, which the government calls a terrorist group, said on its channel that its fighters had taken the hostages.', {}, { until: 'entities' });
  const found = extractAttributions(doc, { model: new CueModel(new Map(), -Infinity) });
  assert.equal(byCue(found, 'calls').content.text, 'a terrorist group');
  const said = byCue(found, 'said');
  assert.equal(said.source?.text, 'The Red Hand, which the government calls a terrorist group');
  assert.equal(said.content.text, 'that its fighters had taken the hostages');
});

test('a report inside the condition of another report does not displace it', () => {
  const found = analyzeText('The rebels have stated that they will stop the attacks if the governor formally demands that the army withdraws.').attributions;
  const stated = byCue(found, 'have stated');
  assert.equal(stated.source?.text, 'The rebels');
  assert.match(stated.content.text, /^that they will stop the attacks if the governor/);
});

test('a person named in apposition after a title is the named source ("a military spokesman, Major Lev Antic")', () => {
  const doc = analyzeText('"We responded," a military spokesman, Major Lev Antic, told state television.');
  const told = byCue(doc.attributions, 'told');
  assert.equal(told.anonymous, false);
  assert.equal(doc.entities.find((e) => e.id === told.sourceEntity)?.name, 'Lev Antic');
});

test('a time phrase opening the sentence is no part of a source with appositives', () => {
  assert.equal(byCue(extract('Hours later, a local faction, the Sword of Truth, also said it was behind the bombing.'), 'also said').source?.text, 'a local faction, the Sword of Truth');
});

test('partitive and relative-clause sources: "one of them", "two officers who took part, speaking on condition of anonymity,"', () => {
  const one = byCue(extract('The guards were questioned. One of them said the gate had been left open.'), 'said');
  assert.equal(one.source?.text, 'One of them');
  assert.equal(one.anonymous, true);
  const two = byCue(extract('But two officers who took part, speaking on condition of anonymity, said the orders had come from the top.'), 'said');
  assert.equal(two.source?.text, 'two officers who took part');
  assert.equal(two.cue.text, 'said');
  assert.equal(two.anonymous, true);
});

test('a headline opening with a single-quoted sentence is a direct quote; apostrophes in running text are not quotes', () => {
  const found = extract("'We did not order the raid,' says army commander as questions mount\n\nThe soldiers' families say they don't believe him.");
  const says = byCue(found, 'says');
  assert.equal(says.source?.text, 'army commander');
  assert.equal(says.content.text, "'We did not order the raid,'");
  assert.equal(says.direct, true);
  const curly = byCue(extract('‘We won’t leave,’ rebels tell Karsk\n\nThe talks resumed.'), 'tell');
  assert.equal(curly.content.text, '‘We won’t leave,’');
  assert.equal(byCue(found, 'say').direct, false);
});

test('a coordinated verb after an opening phrase shares the subject; an opening phrase without its comma leaves the name after it', () => {
  const found = extract('In his speech, Omar Vance urged the council to act, and criticized the mayor for his silence.');
  assert.equal(byCue(found, 'criticized').source?.text, 'Omar Vance');
  assert.equal(byCue(extract('In an interview Omar Vance declared that the plan was dead.'), 'declared').source?.text, 'Omar Vance');
  assert.equal(byCue(extract('Omar Vance often takes credit for the plan, and has promised that he would finish it.'), 'has promised').source?.text, 'Omar Vance');
});

test('a time phrase run into the subject is left out of the source ("The army last week said")', () => {
  assert.equal(byCue(extract('The army last week said that it would withdraw.'), 'said').source?.text, 'The army');
  assert.equal(byCue(extract('The ministry late Tuesday said the border was shut.'), 'said').source?.text, 'The ministry');
  assert.equal(byCue(extract('Officials this week said the talks had failed.'), 'said').source?.text, 'Officials');
});

test('a prepositional aside between subject and verb is left out ("The ministry, in a statement, said"); a quoted phrase ends before a participle report ("hailed it as "fantastic," telling …")', () => {
  assert.equal(byCue(extract('The ministry, in a statement, said the border was shut.'), 'said').source?.text, 'The ministry');
  const found = extract('The mayor hailed the vote as "fantastic," telling reporters that the city would thrive.');
  assert.equal(byCue(found, 'hailed').content.text, 'the vote as "fantastic,"');
  assert.equal(byCue(found, 'telling').source?.text, 'The mayor');
  assert.equal(byCue(found, 'telling').content.text, 'that the city would thrive');
  // the relative pronoun before a prepositional phrase is the relative clause's subject
  assert.equal(byCue(extract('Ana Lee, who in the past has voiced doubts about the plan, spoke on Monday.'), 'has voiced').source?.text, 'who');
});

test('"a self-described socialist": the compound reports the phrase after it, and the appositive holding it stays in the main report\'s source', () => {
  const found = extract('Ana Ruiz, a lawyer and self-described pacifist, said the strike was unlawful.');
  assert.equal(byCue(found, 'described').content.text, 'pacifist');
  assert.equal(byCue(found, 'said').source?.text, 'Ana Ruiz, a lawyer and self-described pacifist');
});
