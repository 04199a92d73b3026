/**
 * A news dateline opening a paragraph: the place in capitals, perhaps a state or
 * country, a date and the agency, then a dash ("WASHINGTON (AP) —", "KANDAR, March 4
 * (Wire) —", "TRENTON, N.J. (AP) —", "PARIS, Aug 31 (Reuters) -"). The tokens stage makes
 * it a sentence of its own; entities read its first words as a place.
 */
export const DATELINE = /^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*)*(?:,\s+[A-Z][A-Za-z.]{1,12}(?:\s+\d{1,2})?)*(?:\s+\([^()\n]{1,40}\))?\s+[—–-]{1,2}(?=\s)/;

/** Whether `offset` starts a line (the text's start, or only spaces since a line break). */
export function startsLine(text: string, offset: number): boolean {
  return offset === 0 || /\n[ \t]*$/.test(text.slice(Math.max(0, offset - 40), offset));
}

/** The dateline starting at `offset` (at a line start), or null. */
export function datelineAt(text: string, offset: number): string | null {
  if (!startsLine(text, offset)) return null;
  const m = DATELINE.exec(text.slice(offset, offset + 120));
  return m && /[A-Z]{2}/.test(m[0]) ? m[0] : null;
}
