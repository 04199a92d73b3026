import assert from 'node:assert/strict';
import test from 'node:test';
import { InputError } from '../src/errors.js';
import { declaredCharset, extractArticle, withSkeleton } from '../src/ingest/html.js';
import { fixture, readError, readOne, tempDir } from './fixtures/ingest/collect.js';

// HTML files: the article body as paragraphs, metadata, malformed markup, pages without text.

test('a news page: article body only, blank line between paragraphs, heading on its own line', async () => {
  const article = await readOne(fixture('article.html'));
  const paragraphs = article.text.split('\n\n');
  assert.ok(paragraphs.includes('Fishermen divided'), 'subheading is its own paragraph');
  assert.ok(paragraphs.some((p) => p.startsWith('"We cannot keep sandbagging the fish market every February," said Mayor Tobias Renn')));
  assert.ok(paragraphs.at(-1)!.startsWith('The regional water board'));
  for (const furniture of ['Sport', 'Copyright', 'Tide tables', 'tracking', 'font-family']) {
    assert.ok(!article.text.includes(furniture), `no page furniture: ${furniture}`);
  }
  assert.doesNotMatch(article.text, /[ \t]\n|\n{3}|  /, 'whitespace is clean');
});

test('metadata: og:title beats <title>; article date from JSON-LD @graph; og:url when the canonical is relative without a page URL', async () => {
  const { meta } = await readOne(fixture('article.html'));
  assert.deepEqual(meta, {
    title: 'Harbour council approves flood wall after long debate',
    published: '2023-11-14',
    url: 'https://ledger.example/news/flood-wall?utm=feed',
  });
});

test('metadata: a relative canonical link resolves against the page URL', () => {
  const html = '<html><head><link rel="canonical" href="/story/9"></head><body><p>Text of the story.</p></body></html>';
  assert.equal(extractArticle(html, 'https://paper.example/amp/story/9?x=1').meta.url, 'https://paper.example/story/9');
});

test('metadata: JSON-LD headline and datePublished in a top-level array with type lists', async () => {
  const { meta } = await readOne(fixture('jsonld-only.html'));
  assert.equal(meta.title, 'Rail strike called off at the last minute');
  assert.equal(meta.published, '2020-02-29');
});

test('metadata: <time datetime> when nothing else gives a date; <title> as the title', async () => {
  const { meta } = await readOne(fixture('time-only.html'));
  assert.equal(meta.title, 'Library extends opening hours');
  assert.equal(meta.published, '2022-06-01');
});

test('metadata: name=date, DC.date and itemprop forms, first usable wins', () => {
  const page = (head: string) => `<html><head>${head}</head><body><p>Body text here.</p></body></html>`;
  assert.equal(extractArticle(page('<meta name="date" content="2019-07-04">')).meta.published, '2019-07-04');
  assert.equal(extractArticle(page('<meta name="DC.date.issued" content="2018-01-02T00:00">')).meta.published, '2018-01-02');
  assert.equal(extractArticle(page('<meta itemprop="datePublished" content="17 May 2017">')).meta.published, '2017-05-17');
  assert.equal(extractArticle(page('<meta name="pubdate" content="soon"><meta name="dc.date" content="2016-12-31">')).meta.published, '2016-12-31');
  assert.deepEqual(extractArticle(page('')).meta, {}, 'no metadata: no keys');
});

test('malformed HTML still yields its text (misnested and unclosed tags)', () => {
  const html = '<div><p>The mill reopened on Monday.<p>Workers were <b>glad <i>to be</b> back</i>.<div>More soon';
  assert.equal(extractArticle(html).text, 'The mill reopened on Monday.\n\nWorkers were glad to be back.\n\nMore soon');
});

test('malformed HTML whose unclosed <title> swallows the page still yields the text', async () => {
  const article = await readOne(fixture('malformed.html'));
  assert.equal(article.meta.title, 'Broken page');
  assert.match(article.text, /The mill reopened on Monday after a fire closed it in spring\./);
  assert.match(article.text, /The owner promised new sprinklers/);
  assert.doesNotMatch(article.text, /<|>/);
});

test('an HTML page with no article text is a clear error, not its menu', async () => {
  const error = await readError(fixture('no-article.html'));
  assert.ok(error instanceof InputError);
  assert.match(error.message, /no-article\.html: no article text found in the HTML$/);
});

test('a script-rendered shell with the text only in JSON-LD articleBody yields that text', () => {
  const html = '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"The bakery on Mill Lane closed after forty years. Its owner retired."}</script></head><body><div id="root"></div><script>render()</script></body></html>';
  const article = extractArticle(html);
  assert.equal(article.text, 'The bakery on Mill Lane closed after forty years. Its owner retired.');
  assert.equal(article.meta.title, 'H');
});

test('fragments without <html>/<body> are parsed (linkedom needs the skeleton rebuilt)', () => {
  assert.equal(extractArticle('<p>One.</p><p>Two &amp; three.</p>').text, 'One.\n\nTwo & three.');
  assert.equal(extractArticle('<head><title>T</title></head><p>Body.</p>').meta.title, 'T');
  assert.match(withSkeleton('<html lang="fr"><p>x</p></html>'), /^<!DOCTYPE html><html lang="fr"><head><\/head><body><p>x<\/p><\/body><\/html>$/);
});

test('line breaks, lists, tables and <pre> become readable blocks', () => {
  const html = '<body><p>Line one<br>line two</p><ul><li>First item</li><li>Second item</li></ul><table><tr><td>A1</td><td>B1</td></tr></table><pre>  kept\n    as is</pre><p>a&nbsp;b\u00adc</p></body>';
  assert.equal(extractArticle(html).text, 'Line one\nline two\n\nFirst item\n\nSecond item\n\nA1 B1\n\n  kept\n    as is\n\na bc');
});

test('HTML charset: <meta charset> and http-equiv declarations are read; files decode by them', async (t) => {
  assert.equal(declaredCharset(Buffer.from('<html><head><meta charset="windows-1252">')), 'windows-1252');
  assert.equal(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">')), 'ISO-8859-15');
  assert.equal(declaredCharset(Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss/>'), 'xml'), 'iso-8859-1');
  assert.equal(declaredCharset(Buffer.from('<rss><item><description><![CDATA[<meta charset="koi8-r">]]>'), 'xml'), null, 'a feed declares only in its XML declaration');
  assert.equal(declaredCharset(Buffer.from('<meta charset="utf-16">')), 'utf-8', 'an ASCII-readable page is not UTF-16');
  const file = tempDir(t);
  const bytes = Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>The mayor'),
    Buffer.from([0x92, 0x73, 0x20, 0x93]),
    Buffer.from('plan'),
    Buffer.from([0x94, 0x20, 0x70, 0x61, 0x73, 0x73, 0xe9, 0x64, 0x2e]),
    Buffer.from('</p></body></html>'),
  ]);
  assert.equal((await readOne(file('legacy.html', bytes))).text, 'The mayor\u2019s \u201cplan\u201d passéd.');
});
