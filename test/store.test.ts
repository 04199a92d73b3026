import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDoc, toJson } from '../src/doc/doc.js';
import type { DocJson, DocMeta } from '../src/doc/types.js';
import { InputError } from '../src/errors.js';
import { analyzeText } from '../src/pipeline/index.js';
import { APPLICATION_ID, MIGRATIONS, latestVersion, migrate, type Migration } from '../src/store/migrations.js';
import { parseQuery, toFtsQuery } from '../src/store/query.js';
import { SqliteStore } from '../src/store/sqlite.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ascribe-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function openTemp(t: { after(fn: () => void): void }): { store: SqliteStore; path: string } {
  const path = join(tempDir(t), 'test.db');
  const store = SqliteStore.open(path);
  t.after(() => store.close());
  return { store, path };
}

function plainDoc(text: string, meta: Partial<DocMeta> = {}): DocJson {
  return toJson(createDoc(text, meta));
}

const FERRY = 'Ferry sinks off the northern cape. Rescuers pulled twelve people from the water on Sunday, the coast guard said.';
const MILITIA =
  "A spokesman for Kata'ib al-Sabr denied that the group fired rockets at the U.S. consulate. " +
  'Prime Minister Omar al-Rashidi said the attack "will not go unanswered."';
const HARBOUR = 'Dock workers in the harbour town went on strike over pay. The port authority said talks would resume next week.';

test('put stores a document once and get returns it exactly', (t) => {
  const { store } = openTemp(t);
  const doc = toJson(analyzeText(MILITIA, { title: 'Rocket attack denied', published: '2023-05-04', url: 'https://news.example/a' }));
  assert.ok(doc.attributions.length > 0, 'the fixture should carry analysis layers worth round-tripping');
  assert.deepEqual(store.put(doc), { stored: true });
  assert.equal(store.count(), 1);
  assert.ok(store.has(doc.id));
  const back = store.get(doc.id);
  assert.deepEqual(back, doc);
  // Same key order too: show prints exactly what analyze printed.
  assert.equal(JSON.stringify(back), JSON.stringify(doc));
});

test('the same content again is a duplicate and changes nothing', (t) => {
  const { store, path } = openTemp(t);
  const first = plainDoc(FERRY, { title: 'First title' });
  assert.deepEqual(store.put(first), { stored: true });
  const again = plainDoc(FERRY, { title: 'Another title', published: '2020-01-01' });
  assert.equal(again.id, first.id);
  assert.deepEqual(store.put(again), { stored: false });
  assert.equal(store.count(), 1);
  assert.equal(store.get(first.id)?.meta.title, 'First title');
  const raw = new Database(path, { readonly: true });
  t.after(() => raw.close());
  assert.equal((raw.prepare('SELECT count(*) AS n FROM documents_fts').get() as { n: number }).n, 1);
  assert.deepEqual(store.search('Another').length, 0);
});

test('put refuses a document whose id is not the hash of its text', (t) => {
  const { store } = openTemp(t);
  const doc = { ...plainDoc(FERRY), text: FERRY + ' Edited.' };
  assert.throws(() => store.put(doc), /content hash/);
  assert.equal(store.count(), 0);
});

test('get accepts a full id, an id without sha256:, or a unique prefix', (t) => {
  const { store } = openTemp(t);
  const docs = [FERRY, MILITIA, HARBOUR].map((text) => plainDoc(text));
  for (const d of docs) store.put(d);
  const target = docs[1]!;
  const hex = target.id.slice('sha256:'.length);
  assert.equal(store.get(target.id)?.id, target.id);
  assert.equal(store.get(hex)?.id, target.id);
  assert.equal(store.get(hex.toUpperCase())?.id, target.id);
  // The shortest prefix that no other id shares.
  const others = docs.filter((d) => d !== target).map((d) => d.id.slice(7));
  let len = 4;
  while (others.some((o) => o.startsWith(hex.slice(0, len)))) len++;
  assert.equal(store.get(hex.slice(0, len))?.id, target.id);
  assert.equal(store.get(`sha256:${hex.slice(0, len)}`)?.id, target.id);
  assert.equal(store.get('0'.repeat(64)), null);
});

test('an ambiguous prefix is an InputError with the count; a malformed id too', (t) => {
  const { store } = openTemp(t);
  // Find three texts whose ids share their first four hex digits with some other: generate until two collide.
  const byPrefix = new Map<string, DocJson[]>();
  let shared: DocJson[] | undefined;
  for (let i = 0; !shared; i++) {
    const d = plainDoc(`Report number ${i} from the river district.`);
    const key = d.id.slice(7, 11);
    const group = [...(byPrefix.get(key) ?? []), d];
    byPrefix.set(key, group);
    if (group.length === 2) shared = group;
  }
  for (const d of shared) store.put(d);
  const prefix = shared[0]!.id.slice(7, 11);
  assert.throws(() => store.get(prefix), (e: unknown) => e instanceof InputError && /ambiguous: 2 documents/.test(e.message));
  assert.throws(() => store.get('abc'), InputError, 'three digits are too few');
  assert.throws(() => store.get('sha256:not-hex'), InputError);
  assert.throws(() => store.get(''), InputError);
});

test('search ranks by bm25, highlights the match and returns the contract fields', (t) => {
  const { store } = openTemp(t);
  const often = plainDoc('Storm warning. The storm hit the coast; the storm flooded roads and the storm cut power.', { title: 'Coast braces' });
  const once = plainDoc(
    'The council met on Tuesday to discuss the budget, the new library, road repairs, school transport, ' +
      'parking fees, a storm drain on Mill Street, and the schedule for the summer festival in the park.',
    { title: 'Council notes', published: '2022-06-01', url: 'https://news.example/council' },
  );
  store.put(once);
  store.put(often);
  store.put(plainDoc(HARBOUR));
  const hits = store.search('storm');
  assert.deepEqual(hits.map((h) => h.id), [often.id, once.id]);
  assert.deepEqual(Object.keys(hits[0]!), ['id', 'title', 'published', 'url', 'snippet']);
  assert.deepEqual({ ...hits[1]!, snippet: '' }, { id: once.id, title: 'Council notes', published: '2022-06-01', url: 'https://news.example/council', snippet: '' });
  assert.match(hits[0]!.snippet, /\[storm\]/i);
  assert.match(hits[1]!.snippet, /a \[storm\] drain on Mill Street/);
  assert.doesNotMatch(hits[1]!.snippet, /\n/);
  assert.equal(store.search('storm', 1).length, 1);
  assert.throws(() => store.search('storm', 0), InputError);
});

test('a title match outranks the same match in the text', (t) => {
  const { store } = openTemp(t);
  const inText = plainDoc('Officials discussed the drought and water rationing for farms across the valley.', { title: 'Valley farms' });
  const inTitle = plainDoc('Officials discussed water rationing for farms across the valley this summer, again.', { title: 'Drought talks' });
  store.put(inText);
  store.put(inTitle);
  assert.deepEqual(store.search('drought').map((h) => h.id), [inTitle.id, inText.id]);
});

test('search requires every word, supports phrases, prefixes, stems and diacritics', (t) => {
  const { store } = openTemp(t);
  const ferry = plainDoc(FERRY);
  const harbour = plainDoc(HARBOUR);
  const accents = plainDoc('The minister met the délégation in Bogotá on Friday.');
  for (const d of [ferry, harbour, accents]) store.put(d);
  assert.deepEqual(store.search('rescuers water').map((h) => h.id), [ferry.id]);
  assert.deepEqual(store.search('rescuers strike'), []);
  assert.deepEqual(store.search('"coast guard"').map((h) => h.id), [ferry.id]);
  assert.deepEqual(store.search('"guard coast"'), []);
  assert.deepEqual(store.search('harb*').map((h) => h.id), [harbour.id]);
  assert.deepEqual(store.search('sinking').map((h) => h.id), [ferry.id], 'porter stemming: sinking ~ sinks');
  assert.deepEqual(store.search('bogota delegation').map((h) => h.id), [accents.id]);
});

test('words with punctuation, quotes and hyphens never cause FTS syntax errors', (t) => {
  const { store } = openTemp(t);
  const militia = plainDoc(MILITIA);
  store.put(militia);
  store.put(plainDoc(FERRY));
  for (const q of ["Kata'ib", 'Kata’ib', 'al-Rashidi', 'U.S.', 'U.S. consulate', '"will not go unanswered"', 'al-Sabr denied',
    'rockets (at', 'NOT rockets', 'rockets -', 'rockets^', '"fired rockets', 'rockets"at',
    'rockets;', '{rockets}', 'rockets +consulate', "'rockets'", 'rock* *']) {
    const hits = store.search(q);
    assert.deepEqual(hits.map((h) => h.id), [militia.id], `query ${q}`);
  }
  assert.deepEqual(store.search('"al-Sabr fired"'), []);
  // FTS5 functions and column filters are plain words too: "NEAR(rockets" is the phrase "near rockets".
  assert.deepEqual(store.search('NEAR(rockets consulate)'), []);
  // Column filters are not syntax either: "title:rockets" is the phrase "title rockets".
  assert.deepEqual(store.search('title:rockets'), []);
  // Operator words are plain words: "OR" is required like any other, so this is not a disjunction.
  assert.deepEqual(store.search('rockets OR rescuers'), []);
  assert.deepEqual(store.search('rockets AND rescuers'), []);
});

test('an empty or wordless query is an InputError', (t) => {
  const { store } = openTemp(t);
  for (const q of ['', '   ', '""', '- — \'', '*']) assert.throws(() => store.search(q), InputError, `query ${JSON.stringify(q)}`);
});

test('parseQuery and toFtsQuery quote every term', () => {
  assert.deepEqual(parseQuery(`U.S. "coast guard" harb* - al-Rashidi`), [
    { text: 'U.S.', prefix: false },
    { text: 'coast guard', prefix: false },
    { text: 'harb', prefix: true },
    { text: 'al-Rashidi', prefix: false },
  ]);
  assert.equal(toFtsQuery(`say "he said ""no"""`), '"say" "he said" "no"');
  assert.equal(toFtsQuery('a"b'), '"a" "b"');
});

test('the database uses WAL, foreign keys and a busy timeout, and records its schema version', (t) => {
  const { store, path } = openTemp(t);
  store.put(plainDoc(FERRY));
  const raw = new Database(path);
  t.after(() => raw.close());
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(raw.pragma('user_version', { simple: true }), latestVersion());
  assert.equal(raw.pragma('application_id', { simple: true }), APPLICATION_ID);
  // Connection settings are per connection: look at the store's own.
  const db = (store as unknown as { db: Database.Database }).db;
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
});

test('reopening keeps the data and does not migrate again', (t) => {
  const path = join(tempDir(t), 'reopen.db');
  const doc = plainDoc(HARBOUR, { title: 'Strike' });
  const first = SqliteStore.open(path);
  first.put(doc);
  first.close();
  const second = SqliteStore.open(path, { create: false });
  t.after(() => second.close());
  assert.equal(second.count(), 1);
  assert.deepEqual(second.get(doc.id), doc);
  assert.equal(second.search('strike')[0]?.id, doc.id);
  assert.deepEqual(second.put(doc), { stored: false });
});

test('migrations run in order, only once, and a failing one leaves the previous version', (t) => {
  const path = join(tempDir(t), 'migrate.db');
  const calls: number[] = [];
  const m = (version: number, sql: string): Migration => ({
    version,
    description: `step ${version}`,
    up(db) {
      calls.push(version);
      db.exec(sql);
      if (version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  });
  const v1 = m(1, 'CREATE TABLE a (x INTEGER)');
  const v2 = m(2, 'CREATE TABLE b (y INTEGER)');
  const broken = m(3, 'CREATE TABLE c (z INTEGER); INSERT INTO missing VALUES (1)');
  const db = new Database(path);
  t.after(() => db.close());
  migrate(db, path, [v1]);
  migrate(db, path, [v2, v1]);
  assert.deepEqual(calls, [1, 2]);
  assert.equal(db.pragma('user_version', { simple: true }), 2);
  assert.throws(() => migrate(db, path, [v1, v2, broken]), /missing/);
  assert.equal(db.pragma('user_version', { simple: true }), 2);
  assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'c'").get() as { n: number }).n, 0);
});

test('a database newer than the code is refused with a clear error', (t) => {
  const path = join(tempDir(t), 'future.db');
  SqliteStore.open(path).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${latestVersion() + 1}`);
  raw.close();
  assert.throws(() => SqliteStore.open(path), (e: unknown) => e instanceof InputError && /newer than this ascribe/.test(e.message));
});

test('files that are not Ascribe databases are refused, and are left alone', (t) => {
  const dir = tempDir(t);
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'just some notes, not a database at all '.repeat(200));
  assert.throws(() => SqliteStore.open(text), InputError);
  const other = join(dir, 'other.db');
  const raw = new Database(other);
  raw.exec('CREATE TABLE contacts (name TEXT)');
  raw.close();
  assert.throws(() => SqliteStore.open(other), /not an Ascribe one/);
  const check = new Database(other, { readonly: true });
  t.after(() => check.close());
  assert.equal(check.pragma('user_version', { simple: true }), 0);
  assert.throws(() => SqliteStore.open(dir), /directory/);
});

test('open without create refuses a missing file and creates nothing', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'absent.db');
  assert.throws(() => SqliteStore.open(path, { create: false }), (e: unknown) => e instanceof InputError && /no database at/.test(e.message));
  assert.throws(() => SqliteStore.open(join(dir, 'no', 'such', 'dir.db')), /does not exist/);
  assert.throws(() => new Database(path, { fileMustExist: true }));
});

test('a write that fails inside put rolls back: nothing half-written', (t) => {
  const { store, path } = openTemp(t);
  store.put(plainDoc(FERRY));
  // Another connection adds a trigger that fails after the document row and its FTS rows are written.
  const raw = new Database(path);
  t.after(() => raw.close());
  raw.exec(`CREATE TRIGGER poison AFTER INSERT ON documents WHEN new.title = 'poison'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  const poisoned = plainDoc(HARBOUR, { title: 'poison' });
  assert.throws(() => store.put(poisoned), /injected failure/);
  assert.equal(store.count(), 1);
  assert.equal(store.has(poisoned.id), false);
  assert.deepEqual(store.search('harbour'), []);
  raw.exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')");
  raw.exec('DROP TRIGGER poison');
  // The store is still usable, and the same document now goes in whole.
  assert.deepEqual(store.put(poisoned), { stored: true });
  assert.equal(store.search('harbour')[0]?.id, poisoned.id);
});

test('the shipped migrations are numbered 1..n without gaps', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
});
