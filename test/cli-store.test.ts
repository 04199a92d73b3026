import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocJson } from '../src/doc/types.js';
import type { SearchHit } from '../src/store/types.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { wantsProgressBar } from '../src/cli/commands/ingest.js';

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
// Resolved here, so the CLI can run with its working directory in a temp dir outside the repo.
const TSX = import.meta.resolve('tsx');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ascribe …` from source with `cwd` as the working directory, stdout and stderr piped. */
function ascribe(cwd: string, args: string[], input = ''): Run {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ascribe-cli-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'ferry.txt'), 'Ferry sinks off the northern cape\n\nRescuers pulled twelve people from the water on Sunday. "Everyone is accounted for," the harbour master said.\n');
  writeFileSync(join(dir, 'strike.txt'), 'Dock workers at the eastern harbour walked out over pay on Monday. "We will stay out until the offer improves," said union leader Mara Voss.\n');
  writeFileSync(join(dir, 'ferry-copy.txt'), 'Ferry sinks off the northern cape\n\nRescuers pulled twelve people from the water on Sunday. "Everyone is accounted for," the harbour master said.\n');
  return dir;
}

const ID_LINE = /^sha256:[0-9a-f]{64}$/;

test('ingest stores new content, reports duplicates and failures, and keeps going', (t) => {
  const dir = workspace(t);
  const r = ascribe(dir, ['ingest', 'ferry.txt', 'missing.txt', 'strike.txt', 'ferry-copy.txt']);
  assert.equal(r.status, 1, 'a failed input makes the exit code 1');
  const lines = r.stderr.trimEnd().split('\n');
  assert.ok(lines.includes('stored 2, duplicates 1, failed 1'), r.stderr);
  assert.ok(lines.some((l) => l.startsWith('  missing.txt: ')), r.stderr);
  assert.doesNotMatch(r.stderr, /\x1b\[/, 'no progress bar or escape codes when stderr is piped');
  const ids = r.stdout.trimEnd().split('\n');
  assert.equal(ids.length, 3, 'one id per input now in the store, in input order');
  for (const id of ids) assert.match(id, ID_LINE);
  assert.equal(ids[2], ids[0], 'the copy has the id of the original');
  assert.ok(existsSync(join(dir, 'ascribe.db')), 'the default database is ./ascribe.db');
  const store = SqliteStore.open(join(dir, 'ascribe.db'), { create: false });
  t.after(() => store.close());
  assert.equal(store.count(), 2);
  assert.ok(store.has(ids[0]!) && store.has(ids[1]!));
});

test('a single input says what happened to it; a duplicate is not a failure', (t) => {
  const dir = workspace(t);
  const first = ascribe(dir, ['ingest', 'strike.txt', '--db', 'news.db']);
  assert.equal(first.status, 0, first.stderr);
  const id = first.stdout.trim();
  assert.match(id, ID_LINE);
  assert.match(first.stderr, new RegExp(`^strike\\.txt: stored as ${id}\\nstored 1, duplicates 0, failed 0\\n$`));
  const again = ascribe(dir, ['ingest', 'strike.txt', '--db', 'news.db']);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout.trim(), id);
  assert.match(again.stderr, new RegExp(`strike\\.txt: duplicate of ${id}`));
  assert.match(again.stderr, /stored 0, duplicates 1, failed 0/);
  const failed = ascribe(dir, ['ingest', 'nothing-here.txt', '--db', 'news.db']);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /^nothing-here\.txt: failed: /);
  assert.equal(failed.stdout, '');
});

test('a batch yields several items; its bad lines fail alone and the rest are stored with their metadata', (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'batch.jsonl'), [
    JSON.stringify({ text: 'The mayor said the bridge would reopen on Friday.', title: 'Bridge', published: '2024-03-01' }),
    '{ this is not json',
    JSON.stringify({ text: 'Farmers protested outside parliament, police said.', title: 'Protest' }),
  ].join('\n') + '\n');
  const r = ascribe(dir, ['ingest', 'batch.jsonl', 'ferry.txt']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^stored 3, duplicates 0, failed 1\n  batch\.jsonl:2: /m);
  assert.equal(r.stdout.trim().split('\n').length, 3);
  const hits = JSON.parse(ascribe(dir, ['search', 'bridge']).stdout) as SearchHit[];
  assert.deepEqual(hits.map((h) => [h.title, h.published]), [['Bridge', '2024-03-01']]);
});

test('ingest reads standard input and applies --published', (t) => {
  const dir = workspace(t);
  const r = ascribe(dir, ['ingest', '-', '--published', '2024-02-29'], 'The river rose two metres overnight, officials said.\n');
  assert.equal(r.status, 0, r.stderr);
  const shown = ascribe(dir, ['show', r.stdout.trim()]);
  assert.equal((JSON.parse(shown.stdout) as DocJson).meta.published, '2024-02-29');
  assert.notEqual(ascribe(dir, ['ingest', '-', '--published', '2023-02-29'], 'x').status, 0, 'an impossible date is refused');
});

test('ingest into a directory that does not exist is one clear error', (t) => {
  const dir = workspace(t);
  const r = ascribe(dir, ['ingest', 'ferry.txt', '--db', 'no/such/dir/x.db']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^ascribe: cannot create database .*does not exist\n$/);
});

test('search prints the contract JSON, best match first, and a table on request', (t) => {
  const dir = workspace(t);
  const ids = ascribe(dir, ['ingest', 'ferry.txt', 'strike.txt']).stdout.trim().split('\n');
  const json = ascribe(dir, ['search', 'harbour']);
  assert.equal(json.status, 0, json.stderr);
  const hits = JSON.parse(json.stdout) as SearchHit[];
  assert.equal(hits.length, 2);
  for (const hit of hits) assert.deepEqual(Object.keys(hit), ['id', 'title', 'published', 'url', 'snippet']);
  assert.match(hits[0]!.snippet, /\[harbour\]/);

  const phrase = JSON.parse(ascribe(dir, ['search', '"union leader"', 'Voss']).stdout) as SearchHit[];
  assert.deepEqual(phrase.map((h) => h.id), [ids[1]]);
  const words = JSON.parse(ascribe(dir, ['search', 'twelve', 'rescuers']).stdout) as SearchHit[];
  assert.deepEqual(words.map((h) => h.id), [ids[0]]);
  assert.equal((JSON.parse(ascribe(dir, ['search', 'harbour', '--limit', '1']).stdout) as SearchHit[]).length, 1);
  assert.deepEqual(JSON.parse(ascribe(dir, ['search', "O'Neill's", 'U.S.-led']).stdout), []);

  const table = ascribe(dir, ['search', 'walked', '--format', 'table']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^ID +PUBLISHED +TITLE\n/);
  assert.ok(table.stdout.includes(ids[1]!.slice(7, 19)), 'the short id is shown');
  assert.match(table.stdout, /\[walked\]/);
});

test('search refuses an empty query and an unknown format', (t) => {
  const dir = workspace(t);
  ascribe(dir, ['ingest', 'ferry.txt']);
  const empty = ascribe(dir, ['search', '   ']);
  assert.equal(empty.status, 1);
  assert.equal(empty.stderr, 'ascribe: empty search query\n');
  const format = ascribe(dir, ['search', 'ferry', '--format', 'xml']);
  assert.equal(format.status, 1);
  assert.match(format.stderr, /unknown format "xml"/);
});

test('show prints exactly what analyze prints for the same file', (t) => {
  const dir = workspace(t);
  const id = ascribe(dir, ['ingest', 'strike.txt', '--published', '2025-11-03']).stdout.trim();
  const analyzed = ascribe(dir, ['analyze', 'strike.txt', '--published', '2025-11-03']);
  assert.equal(analyzed.status, 0, analyzed.stderr);
  const shown = ascribe(dir, ['show', id]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stdout, analyzed.stdout);
  assert.ok((JSON.parse(shown.stdout) as DocJson).attributions.length > 0);
  // A unique prefix, with or without sha256:, finds it too.
  assert.equal(ascribe(dir, ['show', id.slice(7, 15)]).stdout, analyzed.stdout);
});

test('show --format md prints the readable report; unknown ids and formats are clear errors', (t) => {
  const dir = workspace(t);
  const id = ascribe(dir, ['ingest', 'ferry.txt']).stdout.trim();
  const md = ascribe(dir, ['show', id, '--format', 'md']);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# /);
  assert.ok(md.stdout.includes(`\`${id}\``));
  assert.match(md.stdout, /## Attributions/);
  const missing = ascribe(dir, ['show', 'ffff0000']);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'ascribe: no document ffff0000 in ascribe.db\n');
  const bad = ascribe(dir, ['show', 'not-an-id']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /is not a document id/);
  assert.match(ascribe(dir, ['show', id, '--format', 'pdf']).stderr, /unknown format "pdf": use json, md or html/);
});

test('read commands on a missing database fail clearly and create nothing', (t) => {
  const dir = workspace(t);
  for (const args of [['search', 'ferry'], ['show', 'abcd1234'], ['search', 'ferry', '--db', 'elsewhere.db']]) {
    const r = ascribe(dir, args);
    assert.equal(r.status, 1, args.join(' '));
    assert.match(r.stderr, /^ascribe: no database at (ascribe|elsewhere)\.db /, args.join(' '));
    assert.equal(r.stdout, '');
  }
  assert.equal(existsSync(join(dir, 'ascribe.db')), false);
  assert.equal(existsSync(join(dir, 'elsewhere.db')), false);
});

test('help texts describe every option', (t) => {
  const dir = workspace(t);
  const ingest = ascribe(dir, ['ingest', '--help']).stdout;
  for (const option of ['--db', '--published', '--max-bytes', '--allow-private', '--actors', 'Exit code']) assert.ok(ingest.includes(option), option);
  const search = ascribe(dir, ['search', '--help']).stdout;
  for (const option of ['--db', '--format', '--limit', 'phrase']) assert.ok(search.includes(option), option);
  const show = ascribe(dir, ['show', '--help']).stdout;
  for (const option of ['--db', '--format', 'prefix']) assert.ok(show.includes(option), option);
});

test('the progress bar is for interactive terminals only', () => {
  assert.equal(wantsProgressBar({ isTTY: true }, {}), true);
  assert.equal(wantsProgressBar({ isTTY: false }, {}), false);
  assert.equal(wantsProgressBar({}, {}), false);
  assert.equal(wantsProgressBar({ isTTY: true }, { CI: 'true' }), false);
  assert.equal(wantsProgressBar({ isTTY: true }, { TERM: 'dumb' }), false);
});
