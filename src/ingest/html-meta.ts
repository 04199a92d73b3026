import type { DocMeta } from '../doc/types.js';
import { normalizeDate } from './dates.js';

/**
 * Title, publication date and canonical URL of an HTML page, from what publishers
 * actually write: <meta> (Open Graph, article:*, Dublin Core, Twitter, itemprop), JSON-LD
 * (headline, datePublished; @graph arrays and nested mainEntity included), <time datetime>,
 * <link rel=canonical>, and <title>/<h1> as a last resort for the title.
 */

/** <meta> keys for the title, most reliable first. */
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'headline', 'title'];
/** <meta> keys for the publication date, most specific first. */
const DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'publishdate',
  'publish-date', 'published-date', 'pubdate', 'date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date',
  'dcterms.created', 'dc.date.created', 'sailthru.date', 'parsely-pub-date', 'article:published', 'og:published_time',
];
const URL_KEYS = ['og:url', 'twitter:url'];

/** Every <meta> content by its property/name/itemprop, lower-cased; the first occurrence wins. */
function metaMap(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.trim());
    }
  }
  return map;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /article|posting|report|news|blog/i;

/** Every JSON-LD object on the page, article-like types first. */
function jsonLdNodes(document: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const node = value as JsonObject;
    found.push(node);
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) visit(node[key], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const source = (script.textContent ?? '').replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, '');
    try {
      visit(JSON.parse(source), 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  const isArticle = (node: JsonObject): boolean => {
    const type = node['@type'];
    return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  };
  return [...found.filter(isArticle), ...found.filter((node) => !isArticle(node))];
}

function firstString(values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function cleanTitle(value: string | null): string | null {
  if (value === null) return null;
  const title = value.replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

/** An absolute http(s) URL, resolved against the page address, or null. */
function absoluteHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function publishedFromTime(document: Document): string | null {
  const times = Array.from(document.querySelectorAll('time[datetime]'));
  const preferred = times.filter((t) => t.hasAttribute('pubdate') || /datepublished/i.test(t.getAttribute('itemprop') ?? ''));
  for (const time of [...preferred, ...times]) {
    const date = normalizeDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/**
 * The page's metadata. `pageUrl` is where the page came from (after redirects), used to
 * resolve a relative canonical link and as the URL when the page names none.
 */
export function extractMeta(document: Document, pageUrl: string | null): Partial<DocMeta> {
  const metas = metaMap(document);
  const ld = jsonLdNodes(document);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const base = absoluteHttpUrl(baseHref, pageUrl) ?? pageUrl;

  const title = cleanTitle(
    firstString([
      metas.get('og:title'),
      ...ld.map((node) => node['headline']),
      ...TITLE_KEYS.slice(1).map((key) => metas.get(key)),
      // An unclosed <title> swallows the page: keep what precedes the first tag.
      document.querySelector('title')?.textContent?.split('<')[0],
      document.querySelector('h1')?.textContent,
    ]),
  );

  let published: string | null = null;
  const candidates = [
    metas.get('article:published_time'),
    ...ld.map((node) => node['datePublished']),
    ...DATE_KEYS.slice(1).map((key) => metas.get(key)),
    ...ld.map((node) => node['dateCreated']),
  ];
  for (const candidate of candidates) {
    published = normalizeDate(candidate);
    if (published) break;
  }
  published ??= publishedFromTime(document);

  const canonical = Array.from(document.querySelectorAll('link[href]')).find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const url =
    absoluteHttpUrl(canonical?.getAttribute('href'), base) ??
    firstString(URL_KEYS.map((key) => absoluteHttpUrl(metas.get(key), base))) ??
    pageUrl;

  const meta: Partial<DocMeta> = {};
  if (title) meta.title = title;
  if (published) meta.published = published;
  if (url) meta.url = url;
  return meta;
}

/**
 * The JSON-LD `articleBody` of the page's article, if any: script-rendered pages often ship
 * an empty shell with the full text only there.
 */
export function jsonLdArticleBody(document: Document): string | null {
  for (const node of jsonLdNodes(document)) {
    const body = node['articleBody'];
    if (typeof body === 'string' && body.trim() !== '') return body.trim();
  }
  return null;
}
