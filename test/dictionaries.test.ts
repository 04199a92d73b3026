import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { codeOn, combineCodes, dateNumber } from '../src/actors/codes.js';
import {
  loadActorDictionary,
  loadAgentDictionary,
  parseActorDictionary,
  parseAgentDictionary,
} from '../src/actors/petrarch-dictionary.js';
import { PhraseIndex } from '../src/actors/phrase-index.js';
import { InputError } from '../src/errors.js';

const PETRARCH = '../shared/data/petrarch2/';

const ACTORS = `# a small fictional dictionary
<!-- a comment
     over two lines -->
ZEBULIA_  [ZEB]  # the country
+ZEBULIAN
+PORT_OLWEN_
MARA_TESK_
+PRESIDENT_TESK_
	[ZEBELI 19900101-951231]
	[ZEBGOV >960101]
	[ZEBOPP]
ORDER OF THE LAMP [---]
<! -- an old-style comment line -->
`;

test('actor entries: phrases, synonyms, default and dated codes, comments', () => {
  const d = parseActorDictionary(ACTORS, 'mini.actors');
  assert.equal(d.entries.length, 3);
  const [zeb, tesk, lamp] = d.entries;
  assert.equal(zeb!.name, 'ZEBULIA');
  assert.deepEqual(zeb!.phrases.map((p) => p.words.join(' ')), ['zebulia', 'zebulian', 'port olwen']);
  assert.equal(zeb!.codes.defaultCode, 'ZEB');
  assert.equal(zeb!.line, 4);
  // ZEBULIA_ is closed by "_" (exact); ZEBULIAN is not (a stem).
  assert.deepEqual(zeb!.phrases[0]!.stems, [false]);
  assert.deepEqual(zeb!.phrases[1]!.stems, [true]);
  assert.equal(tesk!.codes.defaultCode, 'ZEBOPP');
  assert.deepEqual(tesk!.codes.restrictions, [
    { code: 'ZEBELI', from: 19900101, to: 19951231 },
    { code: 'ZEBGOV', from: 19960101, to: null },
  ]);
  assert.equal(lamp!.codes.defaultCode, null, '[---] is the null code');
});

test('date restrictions choose the code in force; without a date the latest role', () => {
  const tesk = parseActorDictionary(ACTORS, 'mini.actors').entries[1]!;
  assert.equal(codeOn(tesk.codes, dateNumber('1993-05-01')), 'ZEBELI');
  assert.equal(codeOn(tesk.codes, dateNumber('2001-01-01')), 'ZEBGOV');
  assert.equal(codeOn(tesk.codes, dateNumber('1980-01-01')), 'ZEBOPP', 'outside every range: the default');
  const noDefault = parseActorDictionary('ANA_VOSS_\n\t[ABCGOV 900101-991231]\n\t[ABCELI >000101]\n', 'x').entries[0]!;
  assert.equal(codeOn(noDefault.codes, null), 'ABCELI');
  // Six-digit years: 00-30 are 20YY, the rest 19YY.
  const yy = parseActorDictionary('X_ [AAA <300101]\n', 'x').entries[0]!;
  assert.deepEqual(yy.codes.restrictions[0], { code: 'AAA', from: null, to: 20300101 });
});

test('agents: regular and irregular plurals, null plural, substitution sets, code position', () => {
  const d = parseAgentDictionary(
    [
      '!PERSON! = MAN, WOMAN, PERSON',
      'HARBOUR_MASTER [~GOV]',
      'DEPUTY {DEPUTIES_} [~LEG]',
      'GENDARMERIE {} [~COP]',
      'LIFEBOAT!PERSON! [~CVL]',
      'RELIEF_SOCIETY [NGO~]',
      'ADDRESS_BOOK [~BUS]',
    ].join('\n'),
    'mini.agents',
  );
  const phrases = d.entries.map((e) => e.phrase.words.join(' '));
  assert.ok(phrases.includes('harbour master') && phrases.includes('harbour masters'));
  assert.ok(phrases.includes('deputies') && !phrases.includes('deputys'));
  assert.ok(phrases.includes('gendarmerie') && !phrases.includes('gendarmeries'));
  assert.ok(['lifeboatman', 'lifeboatwoman', 'lifeboatperson'].every((p) => phrases.includes(p)));
  assert.ok(!phrases.includes('lifeboatpersons'), 'substituted forms get no extra plural');
  assert.ok(phrases.includes('relief societies') && phrases.includes('address bookes') === false && phrases.includes('address books'));
  assert.deepEqual(d.entries.find((e) => e.text === 'RELIEF SOCIETY')!.code, { code: 'NGO', position: 'before' });
  assert.deepEqual(d.entries.find((e) => e.text === 'HARBOUR MASTER')!.code, { code: 'GOV', position: 'after' });
});

function syntaxError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InputError, 'an InputError');
    assert.match((error as Error).message, pattern);
    return true;
  });
}

test('syntax errors fail with file:line and a clear message', () => {
  syntaxError(() => parseActorDictionary('ZEBULIA_ [ZEB\n', 'bad.actors'), /^bad\.actors:1: code "\[" is never closed/);
  syntaxError(() => parseActorDictionary('# header\n\t[ZEB]\n', 'bad.actors'), /^bad\.actors:2: code restriction with no actor phrase/);
  syntaxError(() => parseActorDictionary('A_\n\t[ZEB 991341-000101]\n', 'bad.actors'), /^bad\.actors:2: "991341" is not a valid date/);
  syntaxError(() => parseActorDictionary('A_\n\t[ZEB since-1990]\n', 'bad.actors'), /^bad\.actors:2: cannot read the date restriction/);
  syntaxError(() => parseActorDictionary('A_ [ZEB]\n<!-- never closed\nB_ [ZEC]\n', 'bad.actors'), /^bad\.actors:2: comment "<!--" is never closed/);
  syntaxError(() => parseActorDictionary('+SYNONYM_FIRST\n', 'bad.actors'), /^bad\.actors:1: synonym "\+" with no actor phrase/);
  syntaxError(() => parseAgentDictionary('FOREIGN_!MINIST! [~GOV]\n', 'bad.agents'), /^bad\.agents:1: substitution set !MINIST! is not defined/);
  syntaxError(() => parseAgentDictionary('TROOP {TROOPS [~MIL]\n', 'bad.agents'), /^bad\.agents:1: plural "\{" is never closed/);
  syntaxError(() => parseAgentDictionary('\n\nTROOP [MIL]\n', 'bad.agents'), /^bad\.agents:3: agent code "\[MIL\]" must start or end with "~"/);
});

test('an agent without a code is skipped with a warning, as PETRARCH does', () => {
  const d = parseAgentDictionary('STEVEDORE\nDOCKER [~LAB]\n', 'w.agents');
  assert.equal(d.entries.length, 2);
  assert.match(d.warnings[0]!, /^w\.agents:1: agent "STEVEDORE" has no \[code\]/);
});

test('a missing dictionary file is an InputError naming the file', () => {
  syntaxError(() => loadActorDictionary('/nonexistent/x.actors'), /cannot read actor dictionary \/nonexistent\/x\.actors: no such file/);
});

test('combining actor and agent codes, PETRARCH style', () => {
  assert.equal(combineCodes('IRQ', [{ code: 'COP', position: 'after' }]), 'IRQCOP');
  assert.equal(combineCodes('ARN', [{ code: 'NGO', position: 'before' }, { code: 'GOV', position: 'after' }]), 'NGOARNGOV');
  assert.equal(combineCodes('USAMIL', [{ code: 'GOV', position: 'after' }]), 'USAMIL', 'an institution keeps its sector');
  assert.equal(combineCodes(null, [{ code: 'REB', position: 'after' }]), 'REB');
  assert.equal(combineCodes(null, []), null);
});

test('phrase index: longest match, stems with short suffixes only', () => {
  const index = new PhraseIndex<string>();
  index.add(['gulf'], [true], 'GULF');
  index.add(['gulf', 'cooperation', 'council'], [false, false, false], 'GCC');
  index.add(['iran'], [true], 'IRN');
  const keys = ['the', 'gulf', 'cooperation', 'council', 'and', 'iranian', 'irani', 'iranxyzzy'];
  assert.equal(index.longestAt(keys, 1)!.phrases[0]!.value, 'GCC');
  assert.equal(index.longestAt(keys, 1, 3)!.phrases[0]!.value, 'GULF', 'the limit bounds the match');
  assert.equal(index.longestAt(keys, 5)!.phrases[0]!.value, 'IRN');
  assert.equal(index.longestAt(keys, 5)!.exact, false);
  assert.equal(index.longestAt(keys, 7), null, 'a long unknown suffix is not a stem match');
  assert.equal(index.longestAt(keys, 0), null);
});

const phoenix = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
const haveData = existsSync(PETRARCH + phoenix[0]);

test('the Phoenix dictionaries load, fast, with their few known irregularities as warnings', { skip: !haveData }, () => {
  const started = performance.now();
  const actors = phoenix.map((f) => loadActorDictionary(PETRARCH + f));
  const agents = loadAgentDictionary(PETRARCH + 'Phoenix.agents.txt');
  const ms = performance.now() - started;
  const entries = actors.reduce((n, d) => n + d.entries.length, 0);
  assert.ok(entries > 25000, `${entries} actor entries`);
  assert.ok(agents.entries.length > 4000, `${agents.entries.length} agent phrases`);
  assert.ok(ms < 5000, `loaded in ${ms.toFixed(0)} ms`);
  const countries = actors[0]!;
  const afghanistan = countries.entries.find((e) => e.name === 'AFGHANISTAN')!;
  assert.equal(afghanistan.codes.defaultCode, 'AFG');
  assert.ok(afghanistan.phrases.some((p) => p.words.join(' ') === 'kabul'));
  const karzai = countries.entries.find((e) => e.name === 'HAMID KARZAI')!;
  assert.equal(codeOn(karzai.codes, dateNumber('2005-06-01')), 'AFGGOV');
  assert.ok(countries.warnings.length > 0 && countries.warnings.every((w) => /Phoenix\.Countries\.actors\.txt:\d+: /.test(w)));
  assert.ok(agents.entries.some((e) => e.text === 'MINISTER OF DEFENSE' && e.code.code === 'GOVMIL'), '!MINIST! expanded');
});

test('the PETRARCH validation dictionaries load; their dated actors code by date', { skip: !haveData }, () => {
  const actors = loadActorDictionary(PETRARCH + 'PETR.Validate.actors.txt');
  const agents = loadAgentDictionary(PETRARCH + 'PETR.Validate.agents.txt');
  assert.deepEqual(actors.warnings, []);
  const gollum = actors.entries.find((e) => e.name === 'GOLLUM')!;
  assert.equal(codeOn(gollum.codes, 19940101), 'HOB');
  assert.equal(codeOn(gollum.codes, 19970101), 'HOBGOV');
  assert.equal(codeOn(gollum.codes, 20000101), 'HOBREB');
  assert.ok(agents.entries.some((e) => e.text === 'MINISTRY OF SILLY WALKS'));
  assert.ok(agents.entries.some((e) => e.text === 'POLICE' && e.code.code === 'COP'));
});
