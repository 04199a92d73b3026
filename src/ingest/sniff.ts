import { detectBom } from './decode.js';

/**
 * What kind of document an input is. The file extension decides when it is unambiguous
 * (.txt is always plain text, kept exactly), then the HTTP Content-Type, then the first
 * bytes: `<!doctype html` / `<html` / a leading HTML element is HTML; an `<rss>`, `<feed>`
 * or `<rdf:RDF>` root is a feed; a first line that is a JSON object with text/html/url is a
 * JSONL batch (only for stdin and files without a telling extension).
 */
export type Kind = 'text' | 'html' | 'feed' | 'jsonl';

export interface SniffInput {
  bytes: Uint8Array;
  /** File name or URL path, for the extension. */
  name?: string;
  /** HTTP Content-Type header. */
  contentType?: string | null;
  /** Whether a JSONL batch is plausible here (files and stdin, not URLs). */
  allowJsonl?: boolean;
}

const HTML_ROOTS = new Set([
  'html', 'head', 'body', 'title', 'meta', 'link', 'base', 'article', 'main', 'section', 'div', 'p', 'span',
  'header', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'script', 'style', 'a', 'b', 'i', 'em', 'strong', 'br',
]);

/** The first characters of the input as text, enough to read a root element. */
function head(bytes: Uint8Array): string {
  const bom = detectBom(bytes);
  const start = bom?.length ?? 0;
  const slice = bytes.subarray(start, start + 4096);
  if (bom?.encoding === 'utf-16le') return Buffer.from(slice).toString('utf16le');
  if (bom?.encoding === 'utf-16be') return Buffer.from(slice).swap16().toString('utf16le');
  return Buffer.from(slice).toString('latin1');
}

/** The name of the first element, skipping the XML declaration, comments, PIs and doctype. */
export function rootElement(text: string): { name: string; doctype: string | null } | null {
  let rest = text.replace(/^\s+/, '');
  let doctype: string | null = null;
  for (;;) {
    const m = /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype\s+([^\s>[]+)[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*/i.exec(rest);
    if (!m) break;
    if (m[2]) doctype = m[2].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const el = /^<([a-z][\w:.-]*)/i.exec(rest);
  if (!el) return doctype ? { name: '', doctype } : null;
  return { name: el[1]!, doctype };
}

function feedRoot(name: string): boolean {
  const local = name.toLowerCase().split(':').pop()!;
  return local === 'rss' || local === 'feed' || local === 'rdf';
}

function kindFromMarkup(text: string): Kind | null {
  const root = rootElement(text);
  if (!root) return null;
  if (root.name && feedRoot(root.name)) return 'feed';
  if (root.doctype === 'html' || HTML_ROOTS.has(root.name.toLowerCase())) return 'html';
  return null;
}

/** A first line that opens a JSON object with a text, html or url member. */
function looksLikeJsonl(text: string): boolean {
  return /^\s*\{\s*"/.test(text) && /"(?:text|html|url)"\s*:/.test(text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '');
}

function extensionOf(name: string | undefined): string {
  if (!name) return '';
  const path = name.replace(/[?#].*$/, '');
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

/** The MIME type of a Content-Type header, lower case, without parameters. */
export function mimeType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** What the input is; 'unsupported' for media types and XML that is not a feed (the caller refuses those). */
export function sniffKind(input: SniffInput): Kind | 'unsupported' {
  const ext = extensionOf(input.name);
  const text = head(input.bytes);
  if (!input.contentType) {
    if (ext === 'txt' || ext === 'text') return 'text';
    if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
    if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
    if (ext === 'rss' || ext === 'atom') return 'feed';
  }
  const mime = mimeType(input.contentType);
  if (mime === 'text/plain') return 'text';
  if (/^(image|audio|video|font)\//.test(mime) || ['application/pdf', 'application/zip', 'application/gzip'].includes(mime)) return 'unsupported';
  const fromMarkup = kindFromMarkup(text);
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return fromMarkup === 'feed' ? 'feed' : 'html';
  if (/(rss|atom|rdf)\+xml$/.test(mime)) return 'feed';
  if (fromMarkup) return fromMarkup;
  if (mime.endsWith('/xml') || mime.endsWith('+xml') || ext === 'xml') return 'unsupported';
  if (input.allowJsonl && looksLikeJsonl(text)) return 'jsonl';
  return 'text';
}
