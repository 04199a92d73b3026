import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spanProblems } from '../src/doc/doc.js';
import type { DocJson } from '../src/doc/types.js';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ascribe-analyze-'));
const ARTICLE = 'Flooding closed the river road on Monday.\r\n\r\n"We are working day and night," the mayor said.\r\n';
const first = join(dir, 'first.txt');
const second = join(dir, 'second.txt');
writeFileSync(first, ARTICLE);
writeFileSync(second, 'The council met again on Friday. "Nothing was decided," said Ana Ruiz.\n');

test('analyze prints one contract document whose text is the file, byte for byte', () => {
  const r = runCli(['analyze', first, '--published', '2026-03-02']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as DocJson;
  assert.equal(doc.schema, 1);
  assert.equal(doc.text, ARTICLE);
  assert.match(doc.id, /^sha256:[0-9a-f]{64}$/);
  assert.equal(doc.meta.published, '2026-03-02');
  for (const layer of ['sentences', 'entities', 'attributions', 'events', 'responsibility', 'contradictions', 'labels'] as const) {
    assert.ok(Array.isArray(doc[layer]), layer);
  }
  assert.deepEqual(spanProblems(doc), []);
  assert.ok(doc.attributions.some((a) => a.direct && a.cue.text === 'said'));
});

test('the same content gets the same id, from a file or from stdin', () => {
  const fromFile = JSON.parse(runCli(['analyze', first]).stdout) as DocJson;
  const fromStdin = runCli(['analyze', '-'], { input: ARTICLE });
  assert.equal(fromStdin.status, 0, fromStdin.stderr);
  assert.equal((JSON.parse(fromStdin.stdout) as DocJson).id, fromFile.id);
});

test('several inputs print JSON lines in input order', () => {
  const r = runCli(['analyze', second, first]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as DocJson);
  assert.equal(lines.length, 2);
  assert.ok(lines[0]!.text.startsWith('The council'));
  assert.equal(lines[1]!.text, ARTICLE);
});

test('a bad input among good ones: one clear line, the others still analysed, exit non-zero', () => {
  const r = runCli(['analyze', first, join(dir, 'missing.txt'), second]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').length, 2);
  const errorLines = r.stderr.trim().split('\n');
  assert.equal(errorLines.length, 1);
  assert.match(errorLines[0]!, /missing\.txt/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace without --debug');
});

test('md prints a readable report of every layer', () => {
  const r = runCli(['analyze', first, '--format', 'md']);
  assert.equal(r.status, 0, r.stderr);
  for (const heading of ['Attributions', 'Entities', 'Events', 'Responsibility', 'Contradictions', 'Labels']) {
    assert.match(r.stdout, new RegExp(`^## ${heading}`, 'm'));
  }
});

test('invalid options are refused with a clear message', () => {
  const badDate = runCli(['analyze', first, '--published', '2026-02-30']);
  assert.notEqual(badDate.status, 0);
  assert.match(badDate.stderr, /YYYY-MM-DD/);
  const badFormat = runCli(['analyze', first, '--format', 'xml']);
  assert.notEqual(badFormat.status, 0);
  assert.match(badFormat.stderr, /format/);
  const onlyWithout = runCli(['analyze', first, '--verbs-only']);
  assert.notEqual(onlyWithout.status, 0);
  assert.match(onlyWithout.stderr, /--verbs-only needs a verb dictionary/);
});

test('--encoding decodes a legacy file that strict UTF-8 refuses', () => {
  const legacy = join(dir, 'legacy.txt');
  // "Café owners said prices rose." in windows-1252: é is the single byte 0xE9.
  writeFileSync(legacy, Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owners said prices rose.\n')]));
  const refused = runCli(['analyze', legacy]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /--encoding/);
  const decoded = runCli(['analyze', legacy, '--encoding', 'windows-1252']);
  assert.equal(decoded.status, 0, decoded.stderr);
  assert.equal((JSON.parse(decoded.stdout) as DocJson).text, 'Café owners said prices rose.\n');
});
