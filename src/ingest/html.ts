import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocMeta } from '../doc/types.js';
import { InputError } from '../errors.js';
import { detectBom } from './decode.js';
import { extractMeta, jsonLdArticleBody } from './html-meta.js';
import { blockText } from './html-text.js';

/**
 * HTML pages reduced to their article: Readability finds the body over a linkedom DOM and
 * blockText turns it into paragraphs. When Readability finds nothing (fragments, odd
 * markup) the whole body minus navigation, headers, footers and forms is used instead, then
 * a JSON-LD articleBody, then (for markup an unclosed <title>/<script> swallowed) the source
 * with its tags stripped, so malformed HTML still yields whatever text it has. No text at
 * all is an error.
 */

export interface HtmlArticle {
  text: string;
  meta: Partial<DocMeta>;
}

/**
 * linkedom is not an HTML5 tree builder: without an <html><head><body> skeleton it drops
 * content (a bare fragment comes out with an empty body). Rebuild the skeleton around the
 * source so any input parses: head content before <body> (or </head>), the rest as body.
 */
export function withSkeleton(html: string): string {
  const source = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const htmlTag = /<html\b([^>]*)>/i.exec(source);
  const stripped = source.replace(/<!doctype[^>]*>/gi, '').replace(/<\/?html\b[^>]*>/gi, '');
  const bodyTag = /<body\b([^>]*)>/i.exec(stripped);
  let head = '';
  let body: string;
  if (bodyTag) {
    head = stripped.slice(0, bodyTag.index);
    body = stripped.slice(bodyTag.index + bodyTag[0].length);
  } else {
    const headEnd = /<\/head\s*>/i.exec(stripped);
    if (headEnd) {
      head = stripped.slice(0, headEnd.index);
      body = stripped.slice(headEnd.index + headEnd[0].length);
    } else body = stripped;
  }
  head = head.replace(/<\/?head\b[^>]*>/gi, '');
  body = body.replace(/<\/?body\b[^>]*>/gi, '').replace(/<\/?head\b[^>]*>/gi, '');
  return `<!DOCTYPE html><html${htmlTag?.[1] ?? ''}><head>${head}</head><body${bodyTag?.[1] ?? ''}>${body}</body></html>`;
}

export function parseDocument(html: string): Document {
  return parseHTML(withSkeleton(html)).document as unknown as Document;
}

/**
 * Page furniture, removed before extraction so that a page without an article does not
 * come out as its menu. <header> goes only outside the article (an article's own header
 * holds its headline).
 */
const FURNITURE =
  'nav, aside, footer, form, menu, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]';

function removeFurniture(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(FURNITURE))) element.remove();
  for (const header of Array.from(document.querySelectorAll('header'))) {
    if (!header.closest('article, main, [role="main"]')) header.remove();
  }
}

function readabilityText(document: Document): string {
  try {
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    return article?.content ? blockText(article.content) : '';
  } catch {
    // Readability can throw on unusual trees; the fallbacks still read the body.
    return '';
  }
}

function bodyText(document: Document): string {
  const body = document.body ?? document.documentElement;
  return body ? blockText(body) : '';
}

/**
 * Last resort for markup no tree builder makes sense of (an unclosed <title> or <script>
 * swallows the page): drop closed non-text elements, strip every tag, decode entities.
 */
function tagSoupText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template|noscript|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|br|h[1-6]|li|tr|article|section|blockquote|title|head|body|html)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ');
  const decoder = parseHTML('<!DOCTYPE html><html><body><textarea></textarea></body></html>').document;
  const textarea = decoder.querySelector('textarea')!;
  textarea.innerHTML = stripped.replace(/</g, '&lt;');
  return (textarea.textContent ?? '')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim())
    .filter((block) => block !== '')
    .join('\n\n');
}

/** An element whose content is raw text (title, script, …) opened and never closed: it swallows the rest. */
function hasUnclosedRawText(html: string): boolean {
  const source = html.replace(/<!--[\s\S]*?-->/g, '').toLowerCase();
  return ['title', 'script', 'style', 'textarea', 'xmp', 'plaintext'].some((tag) => {
    const open = Math.max(source.lastIndexOf(`<${tag}>`), source.lastIndexOf(`<${tag} `));
    return open >= 0 && source.lastIndexOf(`</${tag}`) < open;
  });
}

/** The article text and metadata of an HTML page. Throws InputError when there is no text. */
export function extractArticle(html: string, pageUrl: string | null = null): HtmlArticle {
  const document = parseDocument(html);
  const meta = extractMeta(document, pageUrl);
  const ldBody = jsonLdArticleBody(document);
  removeFurniture(document);
  // Readability mutates the tree, so the body fallback reads a fresh one.
  let text = readabilityText(document);
  if (text.trim() === '') {
    const fresh = parseDocument(html);
    removeFurniture(fresh);
    text = bodyText(fresh);
  }
  if (text.trim() === '' && ldBody) text = ldBody;
  if (text.trim() === '' && hasUnclosedRawText(html)) text = tagSoupText(html);
  if (text.trim() === '') throw new InputError('no article text found in the HTML');
  return { text, meta };
}

/** Text of a small HTML snippet (feed content, a title with markup), without Readability. */
export function htmlToText(html: string): string {
  const document = parseDocument(html);
  return document.body ? blockText(document.body) : '';
}

/**
 * The charset a document declares in its first bytes: for HTML a <meta charset> or
 * http-equiv (else an XML declaration, for XHTML); for XML (feeds) only the XML declaration,
 * since escaped HTML inside an item may carry its own <meta>.
 */
export function declaredCharset(bytes: Uint8Array, kind: 'html' | 'xml' = 'html'): string | null {
  if (detectBom(bytes)) return null;
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  const xml = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (kind === 'xml') return xml ? xml[1]! : null;
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  // A page that can declare its charset in ASCII is not UTF-16, whatever it says (WHATWG).
  if (meta) return /^utf-?16/i.test(meta[1]!) ? 'utf-8' : meta[1]!;
  return xml ? xml[1]! : null;
}
