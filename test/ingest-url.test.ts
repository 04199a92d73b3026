import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { InputError } from '../src/errors.js';
import type { Resolver } from '../src/ingest/safe-url.js';
import { readAll, readError, readOne } from './fixtures/ingest/collect.js';
import { redirect, send, startServer, type TestServer } from './fixtures/ingest/server.js';

// URLs against a loopback server. allowPrivate:true reaches it directly; the refusal rules are
// exercised with allowPrivate:false, an injected resolver and allowAddresses for 127.0.0.1.

const PAGE = '<!DOCTYPE html><html><head><title>Dam inspection</title><link rel="canonical" href="/news/dam"></head><body><article><p>Inspectors found no cracks in the dam on Friday.</p><p>The water authority said the reservoir would stay open.</p></article></body></html>';
const QUOTES = 'The mayor\u2019s \u201cplan\u201d was approved in the caf\u00e9.';

let server: TestServer;
const held: Array<() => void> = [];

before(async () => {
  const legacy = iconv.encode(`<html><body><p>${QUOTES}</p></body></html>`, 'windows-1252');
  const legacyMeta = iconv.encode(`<html><head><meta charset="windows-1252"></head><body><p>${QUOTES}</p></body></html>`, 'windows-1252');
  server = await startServer({
    '/page.html': send(PAGE, { 'content-type': 'text/html; charset=utf-8' }),
    '/cp1252-header': send(legacy, { 'content-type': 'text/html; charset=windows-1252' }),
    '/latin1-header': send(legacy, { 'content-type': 'text/html; charset=ISO-8859-1' }),
    '/cp1252-meta': send(legacyMeta, { 'content-type': 'text/html' }),
    '/header-beats-meta': send(Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from('Zoë’s café', 'utf8'), Buffer.from('</p>')]), { 'content-type': 'text/html; charset=utf-8' }),
    '/plain': send('First line.\r\nSecond line.\r\n', { 'content-type': 'text/plain' }),
    '/plain-cp1252': send(iconv.encode(QUOTES, 'windows-1252'), { 'content-type': 'text/plain; charset=windows-1252' }),
    '/undecodable': send(iconv.encode(QUOTES, 'windows-1252'), { 'content-type': 'text/plain' }),
    '/no-type': send('<!doctype html><p>Sniffed as a page.</p>'),
    '/gzip': send(zlib.gzipSync(PAGE), { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
    '/image.png': send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), { 'content-type': 'image/png' }),
    '/missing-page': send('gone', { 'content-type': 'text/plain' }, 404),
    '/broken': send('oops', { 'content-type': 'text/plain' }, 500),
    '/empty-page': send('<html><body>   </body></html>', { 'content-type': 'text/html' }),
    '/hop-1': redirect('/hop-2', 301),
    '/hop-2': redirect('/hop-3', 307),
    '/hop-3': redirect('/page.html'),
    '/loop': redirect('/loop'),
    '/to-private': (request, response) => {
      response.writeHead(302, { location: `http://intranet.test:${server.port}/secret` });
      response.end();
    },
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-file': redirect('file:///etc/passwd'),
    '/slow-headers': () => held.push(() => undefined),
    '/slow-body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('The first half arrives');
      held.push(() => response.end());
    },
    '/big-declared': send('x'.repeat(200_000), { 'content-type': 'text/plain', 'content-length': '200000' }),
    '/big-chunked': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const more = (): void => {
        if (sent++ >= 50 || response.destroyed) return void response.end();
        response.write('y'.repeat(10_000), () => setImmediate(more));
      };
      more();
    },
    '/gzip-bomb': send(zlib.gzipSync(Buffer.alloc(5_000_000, 0x7a)), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }),
  });
});

after(async () => {
  for (const release of held) release();
  await server.close();
});

/** Resolves test names: site.test is the loopback server, intranet.test a private address. */
function testResolver(calls: string[] = []): Resolver {
  const answers: Record<string, string> = { 'site.test': '127.0.0.1', 'intranet.test': '10.0.0.5', 'metadata.test': '169.254.169.254' };
  return async (hostname) => {
    calls.push(hostname);
    const address = answers[hostname];
    if (!address) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return [{ address, family: 4 }];
  };
}

/** allowPrivate false, but the loopback server itself allowed by address. */
const strict = (calls?: string[]) => ({ allowPrivate: false, allowAddresses: ['127.0.0.1/32'], resolver: testResolver(calls) });
const open = { allowPrivate: true };

test('an HTML page by URL: the article text, <title>, canonical URL resolved against the page', async () => {
  const article = await readOne(`${server.origin}/page.html`, open);
  assert.equal(article.text, 'Inspectors found no cracks in the dam on Friday.\n\nThe water authority said the reservoir would stay open.');
  assert.equal(article.meta.title, 'Dam inspection');
  assert.equal(article.meta.url, `${server.origin}/news/dam`);
  assert.equal(article.origin, `${server.origin}/page.html`);
});

test('charset: from the HTTP header, latin1 labels as windows-1252, else from <meta>; the header wins over <meta>', async () => {
  for (const path of ['/cp1252-header', '/latin1-header', '/cp1252-meta']) {
    assert.equal((await readOne(server.origin + path, open)).text, QUOTES, path);
  }
  assert.equal((await readOne(`${server.origin}/header-beats-meta`, open)).text, 'Zoë’s café');
});

test('text/plain by URL is kept exactly, decoded by its charset; the final URL is the meta url', async () => {
  const article = await readOne(`${server.origin}/plain`, open);
  assert.equal(article.text, 'First line.\r\nSecond line.\r\n');
  assert.equal(article.meta.url, `${server.origin}/plain`);
  assert.equal((await readOne(`${server.origin}/plain-cp1252`, open)).text, QUOTES);
});

test('undecodable text by URL is an error suggesting --encoding; the encoding option fixes it', async () => {
  assert.match((await readError(`${server.origin}/undecodable`, open)).message, /not valid UTF-8 .*--encoding/);
  assert.equal((await readOne(`${server.origin}/undecodable`, { ...open, encoding: 'windows-1252' })).text, QUOTES);
});

test('no Content-Type: sniffed; gzip bodies are decompressed; images are refused', async () => {
  assert.equal((await readOne(`${server.origin}/no-type`, open)).text, 'Sniffed as a page.');
  assert.match((await readOne(`${server.origin}/gzip`, open)).text, /^Inspectors found no cracks/);
  assert.match((await readError(`${server.origin}/image.png`, open)).message, /unsupported content type image\/png/);
});

test('HTTP error statuses and empty pages are clear errors', async () => {
  const missing = await readError(`${server.origin}/missing-page`, open);
  assert.ok(missing instanceof InputError);
  assert.equal(missing.message, `${server.origin}/missing-page: HTTP 404 Not Found`);
  assert.match((await readError(`${server.origin}/broken`, open)).message, /HTTP 500 Internal Server Error$/);
  assert.match((await readError(`${server.origin}/empty-page`, open)).message, /no article text found/);
});

test('redirects: a chain is followed (relative Location, 301/307/302); the final URL counts', async () => {
  const article = await readOne(`${server.origin}/hop-1`, open);
  assert.match(article.text, /^Inspectors/);
  assert.equal(article.meta.url, `${server.origin}/news/dam`);
});

test('redirects: more than maxRedirects is refused; a loop stops at the limit', async () => {
  assert.match((await readOne(`${server.origin}/hop-1`, { ...open, maxRedirects: 3 })).text, /^Inspectors/);
  assert.match((await readError(`${server.origin}/hop-1`, { ...open, maxRedirects: 2 })).message, /too many redirects \(more than 2\)$/);
  const before = server.requests.filter((r) => r.path === '/loop').length;
  assert.match((await readError(`${server.origin}/loop`, open)).message, /too many redirects \(more than 5\)$/);
  assert.equal(server.requests.filter((r) => r.path === '/loop').length - before, 6, 'first request plus five redirects');
});

test('the socket goes to the validated address: a test-only name reaches the server, Host header intact', async () => {
  const calls: string[] = [];
  const article = await readOne(`http://site.test:${server.port}/page.html`, strict(calls));
  assert.match(article.text, /^Inspectors/);
  assert.deepEqual(calls, ['site.test']);
  assert.equal(server.requests.at(-1)!.host, `site.test:${server.port}`);
});

test('every hop is checked: a redirect to a name resolving to a private address is refused before connecting', async () => {
  const calls: string[] = [];
  const error = await readError(`http://site.test:${server.port}/to-private`, strict(calls));
  assert.ok(error instanceof InputError);
  assert.match(error.message, new RegExp(`redirect to http://intranet\\.test:${server.port}/secret: refused: intranet\\.test resolves to 10\\.0\\.0\\.5, a private address`));
  assert.deepEqual(calls, ['site.test', 'intranet.test']);
  assert.ok(!server.requests.some((r) => r.path === '/secret'));
});

test('redirects to the cloud metadata address or to file: are refused', async () => {
  assert.match((await readError(`http://site.test:${server.port}/to-metadata`, strict())).message, /redirect to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: refused: 169\.254\.169\.254 is a link-local address/);
  assert.match((await readError(`http://site.test:${server.port}/to-file`, strict())).message, /redirect to file:\/\/\/etc\/passwd: refused: only http and https/);
  // allowPrivate does not open up other schemes.
  assert.match((await readError(`${server.origin}/to-file`, open)).message, /only http and https/);
});

test('without allowPrivate the loopback server itself is refused and never contacted', async () => {
  const count = server.requests.length;
  assert.match((await readError(`${server.origin}/page.html`, { allowPrivate: false })).message, /refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to allow\)$/);
  assert.match((await readError(`http://metadata.test/`, { allowPrivate: false, resolver: testResolver() })).message, /169\.254\.169\.254, a link-local address/);
  assert.equal(server.requests.length, count);
});

test('non-http schemes are refused as inputs', async () => {
  for (const spec of ['file:///etc/hostname', 'ftp://example.org/a.txt', 'javascript:alert(1)', 'data:text/plain,hello']) {
    assert.match((await readError(spec, open)).message, /refused: only http and https URLs are fetched/, spec);
  }
});

test('timeout: slow headers and a stalled body both stop at timeoutMs', async () => {
  const started = Date.now();
  assert.match((await readError(`${server.origin}/slow-headers`, { ...open, timeoutMs: 300 })).message, /slow-headers: timed out after 300 ms$/);
  assert.match((await readError(`${server.origin}/slow-body`, { ...open, timeoutMs: 300 })).message, /timed out after 300 ms$/);
  assert.ok(Date.now() - started < 3000);
});

test('size cap: a declared Content-Length over maxBytes is refused up front; a chunked body stops when it passes the cap', async () => {
  assert.match((await readError(`${server.origin}/big-declared`, { ...open, maxBytes: 100_000 })).message, /larger than the 100000-byte limit \(Content-Length 200000\)/);
  assert.match((await readError(`${server.origin}/big-chunked`, { ...open, maxBytes: 100_000 })).message, /larger than the 100000-byte limit \(stopped reading\)/);
  assert.equal((await readOne(`${server.origin}/big-chunked`, { ...open, maxBytes: 1_000_000 })).text.length, 500_000);
});

test('size cap applies after decompression (a small gzip body that inflates past the cap)', async () => {
  assert.match((await readError(`${server.origin}/gzip-bomb`, { ...open, maxBytes: 100_000 })).message, /larger than the 100000-byte limit/);
});

test('connection refused and unresolvable names are one-line errors; later inputs still run', async () => {
  const closed = await startServer({});
  const port = closed.port;
  await closed.close();
  const results = await readAll([`http://127.0.0.1:${port}/`, 'http://nowhere.test/', `${server.origin}/plain`], { ...open, resolver: testResolver() });
  assert.deepEqual(results.map((r) => r.ok), [false, false, true]);
  assert.match(!results[0]!.ok ? results[0]!.error.message : '', /fetch failed: connection refused$/);
  assert.match(!results[1]!.ok ? results[1]!.error.message : '', /cannot resolve host nowhere\.test \(ENOTFOUND\)$/);
});

test('an invalid allowAddresses entry fails every input with a clear message', async () => {
  const results = await readAll([`${server.origin}/plain`], { allowPrivate: false, allowAddresses: ['10.0.0.0/99'] });
  assert.match(!results[0]!.ok ? results[0]!.error.message : '', /invalid address range "10\.0\.0\.0\/99"/);
});
