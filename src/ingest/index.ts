import { existsSync } from 'node:fs';
import type { DocMeta } from '../doc/types.js';
import { InputError } from '../errors.js';
import { assertHasText, assertNotBinaryBytes, assertNotBinaryText, decodeBytes } from './decode.js';
import { headlineOf } from './headline.js';
import { parseFeed, type FeedItem } from './feed.js';
import { fetchUrl, type Fetched } from './fetch.js';
import { declaredCharset, extractArticle } from './html.js';
import { parseJsonl, type JsonlLine } from './jsonl.js';
import { settingsFrom, type ReadOptions, type Settings } from './options.js';
import { mapOrdered } from './ordered.js';
import { looksLikeUrl, validateAllowAddresses } from './safe-url.js';
import { readFileCapped, readStreamCapped } from './sources.js';
import { mimeType, sniffKind, type Kind } from './sniff.js';
import type { Article, ReadResult } from './types.js';

export { DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, type ReadOptions } from './options.js';
export type { Article, ReadResult } from './types.js';
export type { Resolver, ResolvedAddress } from './safe-url.js';

/**
 * Reads each input spec — a file, `-` for standard input, an http(s) URL — into articles, in
 * input order. A spec may hold several articles (a feed, a JSONL batch); each yields its own
 * result, and a failure is a result too ({ok:false}), never an exception, so one bad input
 * never stops the others. Every error message starts with the input's origin. See
 * docs/ingestion.md.
 */
export async function* readInputs(specs: string[], options: ReadOptions): AsyncGenerator<ReadResult> {
  const settings = settingsFrom(options);
  try {
    validateAllowAddresses(settings.allowAddresses);
  } catch (error) {
    for (const spec of specs) yield failure(spec, error);
    return;
  }
  for (const spec of specs) {
    try {
      yield* readSpec(spec, settings);
    } catch (error) {
      yield failure(spec, error);
    }
  }
}

/** Where raw bytes came from and what is known about them. */
interface Loaded {
  origin: string;
  bytes: Buffer;
  /** File name or URL, for the extension. */
  name?: string;
  /** The URL the bytes were fetched from, after redirects. */
  url: string | null;
  contentType: string | null;
}

async function* readSpec(spec: string, settings: Settings): AsyncGenerator<ReadResult> {
  let loaded: Loaded;
  if (spec === '-') {
    loaded = { origin: '-', bytes: await readStreamCapped(settings.stdin, settings.maxBytes), url: null, contentType: null };
  } else if (looksLikeUrl(spec) && !existsSync(spec)) {
    const fetched = await fetchUrl(spec, fetchOptions(settings));
    loaded = { origin: spec, bytes: fetched.body, name: new URL(fetched.url).pathname, url: fetched.url, contentType: fetched.contentType };
  } else {
    loaded = { origin: spec, bytes: await readFile(spec, settings.maxBytes), name: spec, url: null, contentType: null };
  }
  const kind = sniffKind({ bytes: loaded.bytes, name: loaded.name, contentType: loaded.contentType, allowJsonl: loaded.url === null });
  if (kind === 'unsupported') {
    const what = loaded.contentType ? `content type ${mimeType(loaded.contentType)}` : 'XML document';
    throw new InputError(`unsupported ${what}: expected text, HTML, an RSS/Atom feed or JSONL`);
  }
  if (kind === 'feed') yield* readFeed(loaded, settings);
  else if (kind === 'jsonl') yield* readJsonl(loaded, settings);
  else yield { ok: true, article: articleFromBytes(loaded, kind, settings) };
}

/** A file; a missing one that looks like a web address gets a hint to add the scheme. */
async function readFile(spec: string, maxBytes: number): Promise<Buffer> {
  try {
    return await readFileCapped(spec, maxBytes);
  } catch (error) {
    if (error instanceof InputError && error.message === 'no such file' && /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i.test(spec)) {
      throw new InputError(`no such file (for a web page, give the full URL: https://${spec})`, { cause: error });
    }
    throw error;
  }
}

function fetchOptions(settings: Settings) {
  return {
    maxBytes: settings.maxBytes,
    timeoutMs: settings.timeoutMs,
    maxRedirects: settings.maxRedirects,
    allowPrivate: settings.allowPrivate,
    allowAddresses: settings.allowAddresses,
    resolver: settings.resolver,
    userAgent: settings.userAgent,
  };
}

/** Decodes bytes as the kind says; declared charsets count for HTML and feeds only. */
function decodeFor(loaded: Loaded, kind: Kind, settings: Settings): string {
  // With a user-chosen encoding (UTF-16, say) NUL bytes can be text: judge the decoded text only.
  if (!settings.encoding) assertNotBinaryBytes(loaded.bytes);
  const headerCharset = /charset\s*=\s*["']?([^;"'\s]+)/i.exec(loaded.contentType ?? '')?.[1] ?? null;
  const declared =
    headerCharset ?? (kind === 'html' ? declaredCharset(loaded.bytes, 'html') : kind === 'feed' ? declaredCharset(loaded.bytes, 'xml') : null);
  const text = decodeBytes(loaded.bytes, { encoding: settings.encoding, declared });
  assertNotBinaryText(text);
  return text;
}

/** What plain text says about itself: its headline line, if it opens with one. */
function textMeta(text: string, url: string | null): Partial<DocMeta> {
  const meta: Partial<DocMeta> = {};
  const title = headlineOf(text);
  if (title) meta.title = title;
  if (url) meta.url = url;
  return meta;
}

/** A single article from text or HTML bytes. */
function articleFromBytes(loaded: Loaded, kind: 'text' | 'html', settings: Settings): Article {
  const text = decodeFor(loaded, kind, settings);
  assertHasText(text);
  if (kind === 'text') return { text, meta: textMeta(text, loaded.url), origin: loaded.origin };
  const article = extractArticle(text, loaded.url);
  return { text: article.text, meta: article.meta, origin: loaded.origin };
}

/**
 * A page named by a feed item or a JSONL line: fetched and read as one article. A feed
 * there is refused rather than expanded, so one item stays one article.
 */
async function fetchArticle(url: string, settings: Settings): Promise<Article> {
  const fetched: Fetched = await fetchUrl(url, fetchOptions(settings));
  const loaded: Loaded = { origin: url, bytes: fetched.body, name: new URL(fetched.url).pathname, url: fetched.url, contentType: fetched.contentType };
  const kind = sniffKind({ bytes: fetched.body, contentType: fetched.contentType, name: loaded.name });
  if (kind === 'feed') throw new InputError('is a feed, not an article page (give the feed as its own input)');
  if (kind === 'unsupported' || kind === 'jsonl') throw new InputError(`unsupported content type ${mimeType(fetched.contentType)}`);
  return articleFromBytes(loaded, kind, settings);
}

/** Feed content shorter than this is a teaser: the item's page is fetched instead. */
export const FEED_FULL_TEXT_CHARS = 500;

async function* readFeed(loaded: Loaded, settings: Settings): AsyncGenerator<ReadResult> {
  const xml = decodeFor(loaded, 'feed', settings);
  const items = parseFeed(xml, loaded.url);
  yield* mapOrdered(items, settings.concurrency, (item) => readFeedItem(item, loaded.origin, settings));
}

async function readFeedItem(item: FeedItem, feedOrigin: string, settings: Settings): Promise<ReadResult> {
  const origin = `${feedOrigin}#${item.index}`;
  try {
    if (item.link && item.text.length < FEED_FULL_TEXT_CHARS) {
      let page: Article;
      try {
        page = await fetchArticle(item.link, settings);
      } catch (error) {
        throw new InputError(`${item.link}: ${(error as Error).message}`, { cause: error });
      }
      return { ok: true, article: { text: page.text, meta: mergeMeta(page.meta, item.meta), origin } };
    }
    if (item.text.trim() === '') throw new InputError('item has neither content nor a link');
    return { ok: true, article: { text: item.text, meta: item.meta, origin } };
  } catch (error) {
    return failure(origin, error);
  }
}

/** Page metadata, with the feed's or batch's values taking precedence where given. */
function mergeMeta(page: Partial<DocMeta>, given: Partial<DocMeta>): Partial<DocMeta> {
  const merged: Partial<DocMeta> = { ...page };
  for (const key of ['title', 'published', 'url'] as const) if (given[key]) merged[key] = given[key];
  return merged;
}

async function* readJsonl(loaded: Loaded, settings: Settings): AsyncGenerator<ReadResult> {
  const text = decodeFor(loaded, 'jsonl', settings);
  assertHasText(text);
  const lines = parseJsonl(text);
  if (lines.length === 0) throw new InputError('empty input (no JSON lines)');
  yield* mapOrdered(lines, settings.concurrency, (line) => readJsonlLine(line, loaded.origin, settings));
}

async function readJsonlLine(entry: JsonlLine, batchOrigin: string, settings: Settings): Promise<ReadResult> {
  const origin = `${batchOrigin}:${entry.line}`;
  if ('error' in entry) return failure(origin, entry.error);
  const { record } = entry;
  try {
    const given: Partial<DocMeta> = {};
    if (record.title) given.title = record.title;
    if (record.published) given.published = record.published;
    if (record.url) given.url = record.url;
    let article: { text: string; meta: Partial<DocMeta> };
    if ('text' in record.source) {
      assertNotBinaryText(record.source.text);
      assertHasText(record.source.text, 'text');
      article = { text: record.source.text, meta: textMeta(record.source.text, null) };
    } else if ('html' in record.source) {
      article = extractArticle(record.source.html, record.url);
    } else {
      try {
        article = await fetchArticle(record.source.url, settings);
      } catch (error) {
        throw new InputError(`${record.source.url}: ${(error as Error).message}`, { cause: error });
      }
    }
    return { ok: true, article: { text: article.text, meta: mergeMeta(article.meta, given), origin } };
  } catch (error) {
    return failure(origin, error);
  }
}

/** A failed result whose message names the input. Unexpected errors keep their type (they are bugs). */
function failure(origin: string, error: unknown): ReadResult {
  const message = error instanceof Error ? error.message : String(error);
  const wrapped =
    error instanceof InputError
      ? new InputError(`${origin}: ${message}`, { cause: error })
      : new Error(`${origin}: ${message}`, { cause: error });
  return { ok: false, origin, error: wrapped };
}
