/**
 * The headline of a plain-text article, if its first line is one: plain text has no
 * <title>, but news copy commonly opens with a headline line set off by a blank line.
 *
 * A headline is the first non-empty line when a blank line follows it, it has at most
 * MAX_HEADLINE_WORDS words, does not end a sentence with . : ; , (headlines carry no
 * final full stop; a question or exclamation mark is allowed), and is not a dateline
 * or byline ("By Jane Roe", "BAGHDAD (Reuters) -"). The text itself is never changed.
 */
const MAX_HEADLINE_WORDS = 25;
const BYLINE = /^(by|from|updated|published|posted)\b/i;
const DATELINE = /^[\p{Lu}][\p{Lu}\s.,'’-]+(\([^)]*\))?\s*[—–-]\s*$/u;

export function headlineOf(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/);
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (first >= lines.length - 1) return null;
  // A blank line must follow, with more text after it: the line is not the article.
  if (lines[first + 1]!.trim() !== '' || !lines.slice(first + 2).some((l) => l.trim() !== '')) return null;
  const line = lines[first]!.trim().replace(/\s+/g, ' ');
  const words = line.split(' ').length;
  if (words > MAX_HEADLINE_WORDS || /[.:;,]$/.test(line) || !/\p{L}/u.test(line)) return null;
  if (BYLINE.test(line) || DATELINE.test(line)) return null;
  return line;
}
