import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isHostileType, ploverTypeOf, ploverTypes } from '../src/events/cameo.js';
import { loadModalityLexicon, loadTriggerLexicon } from '../src/events/lexicon.js';

/** The official CAMEO -> PLOVER table, read from the shared data (never copied into the project). */
const OFFICIAL = '../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt';

/** Our names for the 2021 table's types: the PLOVER gold-standard vocabulary. */
function compatible(official: string, mode: string, code: string): string[] {
  if (official === 'REQUEST') return ['DEMAND'];
  if (official === 'ACCUSE') return mode === 'investigate' ? ['INVESTIGATE'] : ['DISAPPROVE'];
  if (official === 'ASSAULT' && code.startsWith('19')) return ['FIGHT', 'ASSAULT'];
  if (code === '163') return ['SANCTION'];
  return [official];
}

test('every CAMEO code of the official table maps to a consistent PLOVER type', () => {
  const lines = readFileSync(OFFICIAL, 'utf8').split('\n');
  let checked = 0;
  for (const line of lines) {
    const m = /^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)/.exec(line);
    if (!m) continue;
    const [, code, type, mode] = m;
    assert.ok(compatible(type!, mode!.trim(), code!).includes(ploverTypeOf(code!) ?? 'none'), `CAMEO ${code}: table says ${type}, we say ${ploverTypeOf(code!)}`);
    checked++;
  }
  assert.ok(checked > 200, `read ${checked} codes`);
});

test('statements have no PLOVER type; appeals are demands; non-CAMEO codes have none', () => {
  assert.equal(ploverTypeOf('010'), null);
  assert.equal(ploverTypeOf('020'), 'DEMAND');
  assert.equal(ploverTypeOf('---'), null);
  assert.equal(ploverTypeOf('075A'), null);
  assert.equal(ploverTypeOf('1712'), 'ASSAULT');
  assert.equal(ploverTypeOf('191'), 'COERCE');
  assert.equal(ploverTypeOf('193'), 'FIGHT');
});

test('the trigger lexicon covers every PLOVER type with verbs and nouns', () => {
  const lex = loadTriggerLexicon();
  for (const type of ploverTypes()) {
    const verbs = [...lex.verbs.values()].filter((s) => s.type === type).length;
    const nouns = [...lex.nouns.values()].filter((s) => s.type === type).length;
    assert.ok(verbs + nouns >= 4, `${type}: ${verbs} verbs, ${nouns} nouns`);
  }
  // The examples are all there.
  for (const [lemma, type] of [['attack', 'ASSAULT'], ['strike', 'ASSAULT'], ['shelling', 'FIGHT'], ['demand', 'DEMAND'],
    ['ultimatum', 'THREATEN'], ['threaten', 'THREATEN'], ['meet', 'CONSULT'], ['mediate', 'CONSULT'], ['agree', 'AGREE'],
    ['withdraw', 'RETREAT'], ['sanction', 'SANCTION'], ['protest', 'PROTEST']] as const) {
    assert.equal((lex.verbs.get(lemma) ?? lex.nouns.get(lemma))?.type, type, lemma);
  }
  assert.equal(lex.phrases.get('rocket')?.[0]?.sense.type, 'ASSAULT');
  assert.equal(lex.phrases.get('drone')?.some((p) => p.sense.type === 'ASSAULT'), true);
});

test('hostile types are the incidents of the responsibility layer', () => {
  assert.ok(isHostileType('ASSAULT') && isHostileType('FIGHT') && isHostileType('COERCE') && isHostileType('THREATEN'));
  assert.ok(!isHostileType('AGREE') && !isHostileType('CONSULT'));
  assert.ok(loadModalityLexicon().governors.intent.has('pledge'));
});
