/**
 * Character tests that the actor and label passes make on every token. Each is what
 * the regular expression in its comment says, with a hand-written path for ASCII
 * (nearly every token) and the expression itself for anything else: regular
 * expressions with Unicode classes run per token were a measurable share of the stage.
 */

/** /^[-‐‑–]$/: a hyphen token (hyphen-minus, U+2010, U+2011, en dash). */
export function isHyphen(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/** /^[a-z]/ */
export function startsLowerAscii(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** /^[A-Z]/ */
export function startsUpperAscii(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

const UPPER_OR_TITLE = /^[\p{Lu}\p{Lt}]/u;
const UPPER = /^\p{Lu}/u;
const LETTER = /^\p{L}/u;

/** /^[\p{Lu}\p{Lt}]/u: starts with an upper-case or title-case letter. */
export function startsUpperOrTitle(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_OR_TITLE.test(text);
}

/** /^\p{Lu}/u */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text);
}

/** /^\p{L}/u */
export function startsLetter(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text);
}

/** /^['’]s?$/i: a lone apostrophe or a possessive ending. */
export function isPossessiveMark(text: string): boolean {
  if (text.length === 0 || text.length > 2) return false;
  const c = text.charCodeAt(0);
  if (c !== 0x27 && c !== 0x2019) return false;
  return text.length === 1 || text[1] === 's' || text[1] === 'S';
}

/** /^['’]s?$/ (case-sensitive): ' ’ 's ’s. */
export function isApostropheS(text: string): boolean {
  if (text.length === 0 || text.length > 2) return false;
  const c = text.charCodeAt(0);
  if (c !== 0x27 && c !== 0x2019) return false;
  return text.length === 1 || text[1] === 's';
}

/** A regular expression's \w: ASCII letters, digits, underscore. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
