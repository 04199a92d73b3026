/**
 * An HTML subtree as plain text that sentence splitting can work with: one block per
 * paragraph, heading, list item, quote or table row, separated by a blank line; whitespace
 * inside a block collapsed to single spaces; <br> kept as a line break; <pre> kept verbatim.
 */

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'button',
  'select', 'textarea', 'input', 'head', 'title', 'meta', 'link',
]);
/** Table cells are blocks in the DOM but read better as one line per row. */
const CELLS = new Set(['td', 'th']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Spaces that HTML collapses, plus NBSP, which reads as a space in running text. */
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/g;
/** Invisible characters that only break words apart: zero-width space, soft hyphen, word joiner. */
const INVISIBLE = /[\u200b\u00ad\u2060\ufeff]/g;

class BlockWriter {
  readonly blocks: string[] = [];
  private current = '';

  text(value: string): void {
    this.current += value.replace(INVISIBLE, '').replace(COLLAPSIBLE, ' ');
  }

  lineBreak(): void {
    this.current += '\n';
  }

  /** Verbatim text (pre), as its own block. */
  verbatim(value: string): void {
    this.flush();
    const kept = value.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
    if (kept.trim() !== '') this.blocks.push(kept);
  }

  flush(): void {
    const block = this.current
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (block !== '') this.blocks.push(block);
    this.current = '';
  }
}

function walk(node: Node, out: BlockWriter): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      out.text(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    if (SKIPPED.has(tag) || element.hasAttribute('hidden')) continue;
    if (tag === 'br') out.lineBreak();
    else if (tag === 'pre') out.verbatim(element.textContent ?? '');
    else if (CELLS.has(tag)) {
      out.text(' ');
      walk(element, out);
      out.text(' ');
    } else if (BLOCKS.has(tag)) {
      out.flush();
      walk(element, out);
      out.flush();
    } else walk(element, out);
  }
}

/** The text of an element's blocks, blank line between blocks. */
export function blockText(root: Node): string {
  const out = new BlockWriter();
  walk(root, out);
  out.flush();
  return out.blocks.join('\n\n');
}
