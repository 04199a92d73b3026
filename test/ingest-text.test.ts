import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import test from 'node:test';
import iconv from 'iconv-lite';
import { InputError } from '../src/errors.js';
import { firstInvalidUtf8, normalizeCharset } from '../src/ingest/decode.js';
import { normalizeDate } from '../src/ingest/dates.js';
import { fixture, readAll, readError, readOne, tempDir } from './fixtures/ingest/collect.js';

// Plain text, stdin, decoding, and every bad-input case for local files.

test('plain text is kept exactly: CRLF, trailing spaces, non-ASCII', async (t) => {
  const file = tempDir(t);
  const text = 'Minister Ã…sa Lind said:\r\n“We will act.”  \r\n\r\nNo trailing newline — 😀';
  const article = await readOne(file('a.txt', text));
  assert.equal(article.text, text);
  assert.deepEqual(article.meta, {});
  assert.match(article.origin, /a\.txt$/);
});

test('a .txt file is text even when it looks like HTML', async (t) => {
  const file = tempDir(t);
  const text = '<html><body><p>Not parsed</p></body></html>\n';
  assert.equal((await readOne(file('markup.txt', text))).text, text);
});

test('a file without a telling extension is sniffed: <!doctype html> means HTML', async (t) => {
  const file = tempDir(t);
  const article = await readOne(file('page', '<!DOCTYPE html><html><body><p>The port reopened on Friday.</p></body></html>'));
  assert.equal(article.text, 'The port reopened on Friday.');
});

test('a UTF-8 byte-order mark is removed; the rest is kept exactly', async (t) => {
  const file = tempDir(t);
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café opens.\r\n')]);
  assert.equal((await readOne(file('bom.txt', bytes))).text, 'Café opens.\r\n');
});

test('UTF-16 with a byte-order mark (LE and BE) is decoded', async (t) => {
  const file = tempDir(t);
  const text = 'Zoë said “yes”.\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  assert.equal((await readOne(file('le.txt', le))).text, text);
  assert.equal((await readOne(file('be.txt', be))).text, text);
});

test('undecodable bytes: a clear error naming the offset and suggesting --encoding', async (t) => {
  const file = tempDir(t);
  const bytes = iconv.encode('The mayor\u2019s “plan” for the café.', 'windows-1252');
  const path = file('cp1252.txt', bytes);
  const error = await readError(path);
  assert.ok(error instanceof InputError);
  assert.match(error.message, /cp1252\.txt: not valid UTF-8 \(bad byte 0x92 at offset 9\).*--encoding windows-1252/);
  assert.doesNotMatch(error.message, /\n/);
});

test('ReadOptions.encoding decodes legacy bytes (windows-1252, iso-8859-1 as windows-1252)', async (t) => {
  const file = tempDir(t);
  const text = 'The mayor\u2019s “plan” for the café.';
  const path = file('cp1252.txt', iconv.encode(text, 'windows-1252'));
  assert.equal((await readOne(path, { encoding: 'windows-1252' })).text, text);
  assert.equal((await readOne(path, { encoding: 'ISO-8859-1' })).text, text);
  assert.match((await readError(path, { encoding: 'klingon-8' })).message, /unknown encoding "klingon-8"/);
});

test('UTF-16 without a BOM is refused as binary with a hint, and read with encoding utf-16le', async (t) => {
  const file = tempDir(t);
  const path = file('u16.txt', Buffer.from('Plain words.\n', 'utf16le'));
  assert.match((await readError(path)).message, /looks binary \(contains NUL bytes\).*utf-16le/);
  assert.equal((await readOne(path, { encoding: 'utf-16le' })).text, 'Plain words.\n');
});

test('missing file, directory: one clear line each', async (t) => {
  const file = tempDir(t);
  const dir = file('x', '').replace(/x$/, '');
  const missing = await readError(fixture('does-not-exist.txt'));
  assert.ok(missing instanceof InputError);
  assert.match(missing.message, /does-not-exist\.txt: no such file$/);
  assert.match((await readError(dir)).message, /is a directory, not a file$/);
  assert.match((await readError('www.example.com/news/story-1')).message, /no such file \(for a web page, give the full URL: https:\/\/www\.example\.com\/news\/story-1\)$/);
});

test('empty and whitespace-only input are refused', async (t) => {
  const file = tempDir(t);
  assert.match((await readError(file('empty.txt', ''))).message, /empty\.txt: empty input$/);
  assert.match((await readError(file('blank.txt', ' \r\n\t\u00a0\n'))).message, /blank\.txt: empty input \(only whitespace\)$/);
  assert.match((await readError(file('blank.html', '<html><body>  </body></html>'))).message, /no article text/);
});

test('binary input is refused: NUL bytes, or many control characters without NUL', async (t) => {
  const file = tempDir(t);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.match((await readError(file('image.png', png))).message, /image\.png: looks binary \(contains NUL bytes\)/);
  const controls = Buffer.from('ab\x01\x02cd\x03\x04ef\x05\x06gh\x07\x08ij\x0e\x0fkl\x10\x11mn', 'latin1');
  assert.match((await readError(file('ctrl.dat', controls))).message, /looks binary \(\d+% control characters\)/);
  // A few control characters in real text are fine (form feeds, a stray escape).
  const text = 'Page one.\fPage two with one \x1b stray escape and plenty of ordinary words around it.\n';
  assert.equal((await readOne(file('ok.txt', text))).text, text);
});

test('a file larger than maxBytes is refused by its size, before reading; exactly maxBytes is fine', async (t) => {
  const file = tempDir(t);
  const big = file('big.txt', 'x'.repeat(2000));
  assert.match((await readError(big, { maxBytes: 1000 })).message, /big\.txt: larger than the 1000-byte limit \(2000 bytes\); raise it with --max-bytes/);
  assert.equal((await readOne(big, { maxBytes: 2000 })).text.length, 2000);
});

test('results come in input order and one failure never stops the others', async (t) => {
  const file = tempDir(t);
  const a = file('a.txt', 'First.');
  const b = file('b.txt', 'Second.');
  const results = await readAll([a, fixture('nope.txt'), file('empty.txt', ''), b]);
  assert.deepEqual(results.map((r) => r.ok), [true, false, false, true]);
  assert.equal(results[0]!.ok && results[0]!.article.text, 'First.');
  assert.equal(results[3]!.ok && results[3]!.article.text, 'Second.');
  for (const r of results) if (!r.ok) assert.ok(r.error instanceof InputError && r.error.message.startsWith(r.origin + ': '));
});

test('stdin (-): text kept exactly, HTML and JSONL sniffed, size capped', async () => {
  const stdin = (s: string | Buffer) => Readable.from([Buffer.from(s)]);
  const text = 'From a pipe.\r\nSecond line.';
  const plain = await readOne('-', { stdin: stdin(text) });
  assert.equal(plain.text, text);
  assert.equal(plain.origin, '-');
  const html = await readOne('-', { stdin: stdin('<!doctype html><title>T</title><p>Piped page text.</p>') });
  assert.equal(html.text, 'Piped page text.');
  assert.equal(html.meta.title, 'T');
  const batch = await readAll(['-'], { stdin: stdin('{"text": "One."}\n{"url": 5}\n{"text": "Two."}\n') });
  assert.deepEqual(batch.map((r) => (r.ok ? r.article.origin : r.origin)), ['-:1', '-:2', '-:3']);
  assert.equal(batch[1]!.ok, false);
  const chunks = Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x62)]);
  assert.match((await readError('-', { stdin: chunks, maxBytes: 1000 })).message, /^-: larger than the 1000-byte limit/);
  assert.match((await readError('-', { stdin: stdin('') })).message, /^-: empty input$/);
});

test('XML that is not a feed is refused as unsupported', async (t) => {
  const file = tempDir(t);
  const error = await readError(file('data.xml', '<?xml version="1.0"?><catalog><book>Tides</book></catalog>'));
  assert.match(error.message, /unsupported XML document/);
});

test('firstInvalidUtf8 finds overlong, surrogate, truncated and stray bytes', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('ok ✓')), -1);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf])), 1); // overlong '/'
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2); // UTF-16 surrogate
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x9c])), 1); // truncated
  assert.equal(firstInvalidUtf8(Buffer.from([0x80])), 0);
});

test('charset labels follow browsers: latin1 and ascii mean windows-1252; unknown labels are null', () => {
  assert.equal(normalizeCharset('ISO-8859-1'), 'windows-1252');
  assert.equal(normalizeCharset('"us-ascii"'), 'windows-1252');
  assert.equal(normalizeCharset('Shift_JIS'), 'shift_jis');
  assert.equal(normalizeCharset('x-nonsense'), null);
  assert.equal(normalizeCharset(''), null);
});

test('dates: the calendar date as written, in the common machine and English forms', () => {
  assert.equal(normalizeDate('2021-03-08T23:30:00-05:00'), '2021-03-08');
  assert.equal(normalizeDate('2021/3/8'), '2021-03-08');
  assert.equal(normalizeDate('20210308T101500Z'), '2021-03-08');
  assert.equal(normalizeDate('Mon, 08 Mar 2021 23:59:00 -0800'), '2021-03-08');
  assert.equal(normalizeDate('8th March 2021'), '2021-03-08');
  assert.equal(normalizeDate('Sept. 14, 2021'), '2021-09-14');
  assert.equal(normalizeDate('Tuesday, March 9 2021'), '2021-03-09');
  assert.equal(normalizeDate('2021-02-30'), null);
  assert.equal(normalizeDate('03/08/2021'), null, 'ambiguous day/month order is not guessed');
  assert.equal(normalizeDate('yesterday'), null);
  assert.equal(normalizeDate(20210308), null);
});

test('a plain-text headline line becomes the title; the text is kept whole', async (t) => {
  const file = tempDir(t);
  const text = '  Flood waters reach the old harbour of Velm\r\n\r\nVELM — The river rose two metres overnight, officials said.\r\n';
  const article = await readOne(file('flood.txt', text));
  assert.equal(article.text, text);
  assert.equal(article.meta.title, 'Flood waters reach the old harbour of Velm');
  // No title when the first line is a sentence, a byline, a dateline, or the whole text.
  for (const opening of ['The river rose two metres overnight, officials said.', 'By Mara Quist', 'VELM (Wire) —', 'Flood waters reach Velm']) {
    const rest = opening === 'Flood waters reach Velm' ? '' : '\n\nThe harbour was closed on Tuesday.';
    assert.equal((await readOne(file('x.txt', opening + rest))).meta.title, undefined, opening);
  }
});
