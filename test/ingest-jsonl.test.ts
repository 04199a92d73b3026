import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { InputError } from '../src/errors.js';
import { articleOf, errorOf, fixture, readAll, readError, tempDir } from './fixtures/ingest/collect.js';
import { send, startServer, type TestServer } from './fixtures/ingest/server.js';

// JSONL batches: one {text|html|url, title?, published?} per line; a bad line fails alone.

test('a JSONL file: text kept exactly, html reduced, bad lines fail alone with file:LINE', async () => {
  const results = await readAll([fixture('batch.jsonl')]);
  const origins = results.map((r) => (r.ok ? r.article.origin : r.origin).replace(/^.*\//, ''));
  assert.deepEqual(origins, ['batch.jsonl:1', 'batch.jsonl:3', 'batch.jsonl:4', 'batch.jsonl:5', 'batch.jsonl:6', 'batch.jsonl:7', 'batch.jsonl:8'], 'blank line 2 skipped');

  const first = articleOf(results[0]);
  assert.equal(first.text, 'The council said on Monday it would review parking charges.');
  assert.deepEqual(first.meta, { title: 'Parking review', published: '2023-05-02' });

  const html = articleOf(results[1]);
  assert.equal(html.text, 'Residents said the new bus route had cut their journey in half.');
  assert.deepEqual(html.meta, { published: '2023-05-03' });

  assert.match(errorOf(results[2]).message, /batch\.jsonl:4: invalid JSON/);
  assert.match(errorOf(results[3]).message, /batch\.jsonl:5: needs one of "text", "html" or "url"$/);

  const exact = articleOf(results[4]);
  assert.equal(exact.text, 'Line endings stay.\r\nExactly as given.');
  assert.deepEqual(exact.meta, { url: 'https://example.org/a' }, 'a url beside text is metadata, not fetched');

  assert.match(errorOf(results[5]).message, /batch\.jsonl:7: empty text \(only whitespace\)$/);
  assert.match(errorOf(results[6]).message, /batch\.jsonl:8: "published" is not a date: "next Tuesday"/);
  for (const r of results) if (!r.ok) assert.ok(r.error instanceof InputError);
});

test('JSONL: CRLF line endings, non-object lines, wrong field types', async (t) => {
  const file = tempDir(t);
  const path = file('mixed.jsonl', '{"text": "One."}\r\n[1, 2]\r\n{"text": 42}\r\n{"html": "<p>Two.</p>", "title": "T"}\r\n');
  const results = await readAll([path]);
  assert.equal(articleOf(results[0]).text, 'One.');
  assert.match(errorOf(results[1]).message, /mixed\.jsonl:2: expected a JSON object$/);
  assert.match(errorOf(results[2]).message, /mixed\.jsonl:3: "text" must be a string$/);
  assert.deepEqual(articleOf(results[3]), { text: 'Two.', meta: { title: 'T' }, origin: `${path}:4` });
});

test('JSONL: an empty batch, or one with only blank lines, is an error', async (t) => {
  const file = tempDir(t);
  assert.match((await readError(file('none.jsonl', ''))).message, /none\.jsonl: empty input$/);
  assert.match((await readError(file('blank.jsonl', '\n\n  \n'))).message, /blank\.jsonl: empty input/);
});

test('JSONL: the batch file itself is capped by maxBytes', async (t) => {
  const file = tempDir(t);
  const path = file('big.jsonl', `{"text": "${'a'.repeat(3000)}"}\n`);
  assert.match((await readError(path, { maxBytes: 1000 })).message, /big\.jsonl: larger than the 1000-byte limit/);
});

let server: TestServer;
before(async () => {
  server = await startServer({
    '/story': send('<html><head><title>From the page</title><meta name="date" content="2022-02-02"></head><body><p>The page body.</p></body></html>', { 'content-type': 'text/html' }),
  });
});
after(() => server.close());

test('JSONL url lines are fetched under the same rules; given title/published override the page', async (t) => {
  const file = tempDir(t);
  const lines = [
    { url: `${server.origin}/story` },
    { url: `${server.origin}/story`, title: 'Given title', published: '2021-01-01' },
    { url: `${server.origin}/nothing-here` },
    { url: 'file:///etc/passwd' },
    { url: `${server.origin}/story` },
  ];
  const path = file('urls.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
  const results = await readAll([path], { allowPrivate: true });
  assert.deepEqual(articleOf(results[0]).meta, { title: 'From the page', published: '2022-02-02', url: `${server.origin}/story` });
  assert.equal(articleOf(results[0]).text, 'The page body.');
  assert.deepEqual(articleOf(results[1]).meta, { title: 'Given title', published: '2021-01-01', url: `${server.origin}/story` });
  assert.match(errorOf(results[2]).message, new RegExp(`urls\\.jsonl:3: ${server.origin}/nothing-here: HTTP 404`));
  assert.match(errorOf(results[3]).message, /urls\.jsonl:4: file:\/\/\/etc\/passwd: refused: only http and https/);
  assert.equal(articleOf(results[4]).origin, `${path}:5`);
  // Without allowPrivate the same loopback URLs are refused, line by line.
  const refused = await readAll([path], { allowPrivate: false });
  assert.match(errorOf(refused[0]).message, /refused: 127\.0\.0\.1 is a loopback address/);
});
