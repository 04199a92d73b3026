import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import type { Resolver } from '../src/ingest/safe-url.js';
import { articleOf, errorOf, fixture, readAll, readError, tempDir } from './fixtures/ingest/collect.js';
import { send, startServer, type TestServer } from './fixtures/ingest/server.js';

// RSS 2.0, Atom and RSS 1.0 feeds, from files and over HTTP: one article per item, content when
// substantial, else the item's page; a bad item fails alone.

const okTexts = (results: Awaited<ReturnType<typeof readAll>>) => results.map((r) => (r.ok ? r.article.text : `FAIL ${r.error.message}`));

test('an RSS file: full content:encoded as paragraphs, item title and date as meta, origin feed#N', async () => {
  const results = await readAll([fixture('feed-rss.xml')]);
  assert.equal(results.length, 3);
  const [first, second] = results.slice(0, 2).map(articleOf);
  const third = errorOf(results[2]);
  assert.match(first!.origin, /feed-rss\.xml#1$/);
  assert.deepEqual(first!.meta, { title: 'Ferry timetable changes from Monday', published: '2023-11-05', url: 'https://ledger.example/news/ferry' });
  const paragraphs = first!.text.split('\n\n');
  assert.equal(paragraphs.length, 4 + 1);
  assert.equal(paragraphs[2], 'Islanders object');
  assert.equal(paragraphs[4], 'The county transport committee meets on Thursday & is expected to discuss the request.');
  // A short item without a link is read from its description; its dc:date is the date.
  assert.equal(second!.text, 'The market square will be closed on Saturday for the lantern parade.');
  assert.deepEqual(second!.meta, { title: 'Short note & no page', published: '2023-11-06' });
  assert.match(third.message, /feed-rss\.xml#3: item has neither content nor a link$/);
});

test('an Atom file: html, xhtml and text content; html titles reduced to text; published before updated', async () => {
  const results = await readAll([fixture('feed-atom.xml')]);
  assert.deepEqual(okTexts(results), [
    'The river bridge reopened to traffic on Tuesday, two weeks ahead of schedule.\n\nEngineers said the repairs to the central pier had gone faster than planned because the water level stayed low all month.',
    "The primary school's roof will be replaced over the summer holidays.\n\nThe head teacher said pupils had been moved out of two classrooms after leaks.",
    'Snow is expected on the high roads tonight, the weather service warned.',
  ]);
  assert.deepEqual(results.map((r) => r.ok && r.article.meta), [
    { title: 'Bridge reopens early', published: '2024-01-09' },
    { title: 'School roof to be replaced', published: '2024-01-08' },
    { title: 'Plain summary', published: '2024-01-07' },
  ]);
});

test('an RSS 1.0 (RDF) file', async () => {
  const results = await readAll([fixture('feed-rdf.xml')]);
  assert.equal(results.length, 1);
  const only = articleOf(results[0]);
  assert.equal(only.meta.published, '2021-09-14');
  assert.match(only.text, /^The autumn sheep fair has been postponed/);
});

test('a feed with no items, and a file that only claims to be a feed, are errors', async (t) => {
  const file = tempDir(t);
  assert.match((await readError(file('none.xml', '<rss version="2.0"><channel><title>Quiet</title></channel></rss>'))).message, /the feed has no items$/);
  assert.match((await readError(file('empty.rss', '<?xml version="1.0"?>\n'))).message, /empty\.rss: not an RSS or Atom feed$/);
});

test('a malformed feed (unclosed tags, no closing root) still yields its items', async (t) => {
  const file = tempDir(t);
  const xml = '<rss><channel><item><title>x</title><description>Broken &amp; unclosed <b>tag</description></item><item><title>Second</title><description>Still here.</description></item></channel>';
  assert.deepEqual(okTexts(await readAll([file('broken.xml', xml)])), ['Broken & unclosed tag', 'Still here.']);
});

// --- over HTTP -------------------------------------------------------------------------

const LONG = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the full story says the tunnel repairs will take another month.</p>`).join('');
const STORY = (n: number) =>
  `<html><head><title>Page title ${n}</title><meta property="article:published_time" content="2020-01-0${n}"></head><body><article><p>Story ${n} as published on its own page, with the full text.</p><p>A second paragraph for story ${n}.</p></article></body></html>`;

let server: TestServer;

function rss(origin: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test feed</title>
<item><title>Full</title><link>${origin}/story-1</link><pubDate>Tue, 07 Jan 2020 08:00:00 GMT</pubDate><content:encoded><![CDATA[${LONG}]]></content:encoded></item>
<item><title>Teaser only</title><link>${origin}/story-2</link><pubDate>Wed, 08 Jan 2020 08:00:00 GMT</pubDate><description>A teaser.</description></item>
<item><title>Gone</title><link>${origin}/gone</link><description>Short.</description></item>
<item><title>Slow</title><link>/story-3</link></item>
<item><title>Private</title><link>http://intranet.test/story</link></item>
<item><title>Nested feed</title><link>${origin}/feed.rss</link></item>
</channel></rss>`;
}

before(async () => {
  server = await startServer({
    '/story-1': send(STORY(1), { 'content-type': 'text/html' }),
    '/story-2': send(STORY(2), { 'content-type': 'text/html' }),
    '/story-3': (_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(STORY(3));
      }, 150);
    },
    '/atom': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.end(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <entry><title>Linked</title><link rel="enclosure" href="/audio.mp3"/><link rel="alternate" href="/story-2"/><updated>2020-02-01T00:00:00Z</updated></entry></feed>`);
    },
  });
  const feed = rss(server.origin);
  const routes = {
    '/feed.rss': send(feed, { 'content-type': 'application/rss+xml' }),
    '/feed-textxml': send(feed, { 'content-type': 'text/xml' }),
    '/feed-octet': send(feed, { 'content-type': 'application/octet-stream' }),
    '/feed-html-type': send(feed, { 'content-type': 'text/html' }),
    '/feed-1252': send(
      iconv.encode(`<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><title>Caf\u00e9 \u201cnews\u201d</title><description>The caf\u00e9\u2019s terrace reopens.</description></item></channel></rss>`, 'windows-1252'),
      { 'content-type': 'application/xml' },
    ),
  };
  Object.assign(server.routes, routes);
});

after(() => server.close());

const resolver: Resolver = async (hostname) => {
  if (hostname === 'intranet.test') return [{ address: '10.0.0.5', family: 4 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};
const strict = () => ({ allowPrivate: false, allowAddresses: ['127.0.0.1'], resolver });

test('a feed by URL: substantial content used; teasers replaced by their page; feed meta beats page meta', async () => {
  const results = await readAll([`${server.origin}/feed.rss`], strict());
  assert.equal(results.length, 6);
  assert.deepEqual(results.map((r) => (r.ok ? r.article.origin : r.origin)), [1, 2, 3, 4, 5, 6].map((n) => `${server.origin}/feed.rss#${n}`));
  const [full, teaser] = results.slice(0, 2).map(articleOf);
  assert.match(full!.text, /^Paragraph 1 of the full story/);
  assert.equal(full!.text.split('\n\n').length, 8);
  assert.ok(!server.requests.some((r) => r.path === '/story-1'), 'substantial content: the page is not fetched');
  assert.equal(teaser!.text, 'Story 2 as published on its own page, with the full text.\n\nA second paragraph for story 2.');
  assert.deepEqual(teaser!.meta, { title: 'Teaser only', published: '2020-01-08', url: `${server.origin}/story-2` });
});

test('a feed by URL: each failing item fails alone, naming the item and its link', async () => {
  const results = await readAll([`${server.origin}/feed.rss`], strict());
  const messages = results.map((r) => (r.ok ? 'ok' : r.error.message));
  assert.match(messages[2]!, new RegExp(`feed\\.rss#3: ${server.origin}/gone: HTTP 404 Not Found$`));
  assert.equal(messages[3], 'ok', 'a relative link resolves against the feed URL; a slow page keeps its place');
  assert.ok(results[3]!.ok && results[3]!.article.text.startsWith('Story 3'));
  assert.match(messages[4]!, /feed\.rss#5: http:\/\/intranet\.test\/story: refused: intranet\.test resolves to 10\.0\.0\.5, a private address/);
  assert.match(messages[5]!, /feed\.rss#6: .*feed\.rss: is a feed, not an article page/);
});

test('feeds are recognised by content when the type is generic or wrong (text/xml, octet-stream, text/html)', async () => {
  for (const path of ['/feed-textxml', '/feed-octet', '/feed-html-type']) {
    const results = await readAll([server.origin + path], strict());
    assert.equal(results.length, 6, path);
    assert.ok(results[0]!.ok, path);
  }
});

test('a feed in windows-1252, declared in its XML declaration', async () => {
  const item = articleOf((await readAll([`${server.origin}/feed-1252`], strict()))[0]);
  assert.equal(item.text, 'The caf\u00e9\u2019s terrace reopens.');
  assert.equal(item.meta.title, 'Caf\u00e9 \u201cnews\u201d');
});

test('Atom by URL: the alternate link (not the enclosure) is fetched, relative to the feed', async () => {
  const results = await readAll([`${server.origin}/atom`], strict());
  assert.equal(results.length, 1);
  const entry = articleOf(results[0]);
  assert.match(entry.text, /^Story 2/);
  assert.equal(entry.meta.url, `${server.origin}/story-2`);
  assert.equal(entry.meta.published, '2020-02-01');
  assert.equal(entry.meta.title, 'Linked');
  assert.ok(!server.requests.some((r) => r.path === '/audio.mp3'));
});
