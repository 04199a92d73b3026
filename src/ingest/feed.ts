import { XMLParser } from 'fast-xml-parser';
import type { DocMeta } from '../doc/types.js';
import { InputError } from '../errors.js';
import { normalizeDate } from './dates.js';
import { htmlToText } from './html.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed with fast-xml-parser into items. An item
 * carries its content reduced to text (content:encoded, Atom content, description/summary —
 * the longest wins), its link, title and date. Deciding between the content and a fetch of
 * the link is the caller's job (index.ts).
 */

export interface FeedItem {
  /** 1-based position in the feed. */
  index: number;
  /** The item's text from the feed, '' when it has none. */
  text: string;
  link: string | null;
  meta: Partial<DocMeta>;
}

type XmlNode = Record<string, unknown>;

/** Elements that may hold markup are kept raw (stopNodes) and decoded here, whatever their form. */
const RAW_ELEMENTS = ['description', 'content:encoded', 'content', 'summary'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name) => ['item', 'entry', 'link'].includes(localName(name)),
});

function localName(name: string): string {
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

/** The first child whose local name is one of `names` (namespace prefixes vary between feeds). */
function child(node: XmlNode, ...names: string[]): unknown {
  for (const name of names) {
    if (name in node) return node[name];
    for (const key of Object.keys(node)) if (!key.startsWith('@_') && localName(key) === name) return node[key];
  }
  return undefined;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return '';
}

function attr(value: unknown, name: string): string {
  return value && typeof value === 'object' && !Array.isArray(value) ? String((value as XmlNode)[`@_${name}`] ?? '') : '';
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Raw element content as the markup (or text) it stands for: CDATA kept literally, entities decoded elsewhere. */
function unwrapRaw(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXmlEntities(part)))
    .join('');
}

/** Text of a raw content element according to its Atom `type` (text, html, xhtml) or RSS habits (HTML). */
function contentText(value: unknown): string {
  const raw = textOf(value);
  if (raw.trim() === '') return '';
  const type = attr(value, 'type').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlToText(raw);
  const decoded = unwrapRaw(raw);
  if (type === 'text' || type === 'text/plain') return decoded.trim();
  return /<[a-z!/]/i.test(decoded) ? htmlToText(decoded) : decoded.replace(/[ \t]+/g, ' ').trim();
}

function titleText(value: unknown): string | null {
  const raw = textOf(value).trim();
  if (raw === '') return null;
  const type = attr(value, 'type').toLowerCase();
  const text = type === 'html' || type === 'xhtml' ? htmlToText(raw) : raw;
  return text.replace(/\s+/g, ' ').trim() || null;
}

function resolveLink(href: string, base: string | null): string | null {
  if (!href.trim()) return null;
  try {
    return (base ? new URL(href.trim(), base) : new URL(href.trim())).href;
  } catch {
    return null;
  }
}

/** RSS <link>text</link>, Atom <link rel="alternate" href>, or a permalink <guid>. */
function itemLink(item: XmlNode, base: string | null): string | null {
  const links = (child(item, 'link') as unknown[] | undefined) ?? [];
  const candidates: string[] = [];
  for (const link of links) {
    if (typeof link === 'string') candidates.push(link);
    else {
      const rel = attr(link, 'rel') || 'alternate';
      const href = attr(link, 'href') || textOf(link);
      if (rel === 'alternate' && href) candidates.unshift(href);
    }
  }
  const guid = child(item, 'guid');
  if (guid !== undefined && attr(guid, 'isPermaLink') !== 'false' && /^https?:/i.test(textOf(guid))) candidates.push(textOf(guid));
  for (const href of candidates) {
    const url = resolveLink(href, base);
    if (url) return url;
  }
  return null;
}

/** The items of a feed, in document order. Throws InputError when the XML is no feed. */
export function parseFeed(xml: string, feedUrl: string | null): FeedItem[] {
  let tree: XmlNode;
  try {
    tree = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new InputError(`not a readable feed (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  const rss = child(tree, 'rss') as XmlNode | undefined;
  const rdf = child(tree, 'RDF') as XmlNode | undefined;
  const atom = child(tree, 'feed') as XmlNode | undefined;
  let items: unknown[] | undefined;
  if (rss && typeof rss === 'object') items = child((child(rss, 'channel') as XmlNode | undefined) ?? {}, 'item') as unknown[] | undefined;
  else if (rdf && typeof rdf === 'object') items = child(rdf, 'item') as unknown[] | undefined;
  else if (atom && typeof atom === 'object') items = child(atom, 'entry') as unknown[] | undefined;
  else throw new InputError('not an RSS or Atom feed');
  if (!items || items.length === 0) throw new InputError('the feed has no items');

  return items.map((value, i) => {
    const item = value && typeof value === 'object' ? (value as XmlNode) : {};
    const texts = ['encoded', 'content', 'description', 'summary']
      .map((name) => contentText(child(item, name)))
      .sort((a, b) => b.length - a.length);
    const meta: Partial<DocMeta> = {};
    const title = titleText(child(item, 'title'));
    if (title) meta.title = title;
    const published = normalizeDate(textOf(child(item, 'pubDate', 'published', 'issued', 'date', 'created', 'updated', 'modified')));
    if (published) meta.published = published;
    const link = itemLink(item, feedUrl);
    if (link) meta.url = link;
    return { index: i + 1, text: texts[0] ?? '', link, meta };
  });
}
