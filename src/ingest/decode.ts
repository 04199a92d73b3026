import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

/**
 * Turning bytes into text. Order of precedence: a byte-order mark (always wins, and is
 * removed), then the user's encoding, then a declared charset (HTTP header, <meta>, XML
 * declaration), then strict UTF-8. Nothing is guessed silently: bytes that are not valid in
 * the chosen encoding are an error that names the offset and suggests an encoding option.
 */

export interface DecodeHints {
  /** The user's explicit encoding (ReadOptions.encoding). */
  encoding?: string | null;
  /** A charset the document or server declared; ignored when iconv-lite does not know it. */
  declared?: string | null;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding named by a leading byte-order mark, and the mark's length. */
export function detectBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/**
 * WHATWG maps these labels to windows-1252 (browsers decode "iso-8859-1" pages that way, and
 * real pages rely on it for curly quotes in 0x80–0x9F); iconv-lite would not.
 */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', iso_8859_1: 'windows-1252', 'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252', l1: 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252', cp819: 'windows-1252', ibm819: 'windows-1252',
  'iso-8859-9': 'windows-1254', latin5: 'windows-1254',
  'iso-8859-11': 'windows-874', 'tis-620': 'windows-874',
  utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
};

/** A normalised charset label iconv-lite can decode, or null. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (cleaned === '') return null;
  const name = LABEL_ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : null;
}

function isUtf8Label(name: string): boolean {
  return name === 'utf-8' || name === 'utf8';
}

/** Offset of the first byte that breaks UTF-8, for error messages. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { extra = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { extra = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { extra = 3; min = 0x10000; }
    else return i;
    if (i + extra >= bytes.length) return i; // truncated sequence at the end
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function decodeUtf8Strict(bytes: Uint8Array, why: string): string {
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      `not valid UTF-8${why} (bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}); ` +
        'if the file uses another encoding, name it, e.g. --encoding windows-1252',
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (isUtf8Label(encoding)) return decodeUtf8Strict(bytes, '');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Decodes bytes to text following the precedence above. Throws InputError when it cannot. */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): string {
  const bom = detectBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding);
  if (hints.encoding) {
    const name = normalizeCharset(hints.encoding);
    if (!name) throw new InputError(`unknown encoding "${hints.encoding}" (use a name such as utf-8, windows-1252, iso-8859-2, shift_jis)`);
    return decodeWith(bytes, name);
  }
  const declared = normalizeCharset(hints.declared);
  if (declared && !isUtf8Label(declared)) return decodeWith(bytes, declared);
  const unknown = hints.declared && !declared ? ` (declared charset "${hints.declared}" is unknown)` : '';
  return decodeUtf8Strict(bytes, unknown);
}

/** C0 controls other than tab, newline, vertical tab, form feed and carriage return; and DEL. */
function isControlCode(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** Share of control characters above which an input is treated as binary. Text has ~0. */
const BINARY_CONTROL_SHARE = 0.05;
const BINARY_SAMPLE = 64 * 1024;

/**
 * Refuses binary data before decoding, so an image gets "binary" rather than "not UTF-8".
 * Skipped for UTF-16 with a BOM (its ASCII half is NUL bytes).
 */
export function assertNotBinaryBytes(bytes: Uint8Array): void {
  const bom = detectBom(bytes);
  if (bom && bom.encoding !== 'utf-8') return;
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (bytes.includes(0)) {
    throw new InputError('looks binary (contains NUL bytes); if it is UTF-16 text without a byte-order mark, pass --encoding utf-16le');
  }
  let controls = 0;
  for (const b of sample) if (isControlCode(b)) controls++;
  if (sample.length > 0 && controls / sample.length > BINARY_CONTROL_SHARE) {
    throw new InputError(`looks binary (${Math.round((100 * controls) / sample.length)}% control characters)`);
  }
}

/** The same test on decoded text, which also covers UTF-16 and user-chosen encodings. */
export function assertNotBinaryText(text: string): void {
  if (text.includes('\u0000')) throw new InputError('looks binary (contains NUL characters)');
  const sample = text.slice(0, BINARY_SAMPLE);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) if (isControlCode(sample.charCodeAt(i))) controls++;
  if (sample.length > 0 && controls / sample.length > BINARY_CONTROL_SHARE) {
    throw new InputError(`looks binary (${Math.round((100 * controls) / sample.length)}% control characters)`);
  }
}

/** Refuses text with nothing but whitespace. */
export function assertHasText(text: string, what = 'input'): void {
  if (text.trim() === '') throw new InputError(text.length === 0 ? `empty ${what}` : `empty ${what} (only whitespace)`);
}
