/**
 * Keys under which names are compared. Newswire spells the same name many ways
 * (Kata'ib / Kataib / Kait’ib / Kataeb; al-Kadhimi / Kadhimi; São / Sao), so
 * matching works on keys rather than on raw text:
 *
 * - `wordKey`: one word, lower case, diacritics and apostrophes removed.
 * - `nameKey`: a whole name, its words' keys joined by spaces, with Arabic-style
 *   article prefixes (al-, el-, ad-, …) dropped from each word.
 * - `skeletonKey`: the name key with vowels (and y, w, h) removed and doubled letters
 *   collapsed, word by word. Transliterations of one Arabic or Persian name
 *   usually differ only in vowels and in h/w/y glides (Hezbollah / Hizbullah,
 *   Kataib / Kataeb), so multiword names that share a skeleton and first letters are
 *   treated as one name. Single words are never compared by skeleton: too loose.
 */

const APOSTROPHES = /['’‘`ʼʻ´]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

const PLAIN = /^[\x20-\x26\x28-\x5f\x61-\x7e]*$/;

export function wordKey(word: string): string {
  // Fast path: plain ASCII without apostrophes or backticks needs only lower-casing.
  if (PLAIN.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/** Article prefixes that Arabic names carry or drop at will: al-Kadhimi = Kadhimi. */
const ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ul']);

/** Splits a name into word keys: on white space, underscores and hyphens. */
export function nameWords(name: string): string[] {
  return name
    .replace(/['’]s\b/gi, '')
    .split(/[\s_\-‐‑–]+/)
    .map(wordKey)
    .filter((w) => w !== '');
}

/** The word keys of a name with article prefixes removed (al-Kadhimi → kadhimi). */
export function nameKeyWords(name: string): string[] {
  const words = nameWords(name);
  const kept = words.filter((w, i) => !(ARTICLES.has(w) && i < words.length - 1));
  return kept.length > 0 ? kept : words;
}

export function nameKey(name: string): string {
  return nameKeyWords(name).join(' ');
}

/** Consonant skeleton of one word key: vowels and glides out, doubles collapsed. */
export function wordSkeleton(key: string): string {
  const first = key[0] ?? '';
  const rest = key.slice(1).replace(/[aeiouyhw.]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/** Skeleton of a multiword name; null for one-word names (never compared loosely). */
export function skeletonKey(name: string): string | null {
  const words = nameKeyWords(name);
  if (words.length < 2) return null;
  return words.map(wordSkeleton).join(' ');
}

/** True when the text starts with an upper-case letter (or is a number). */
export function isCapitalised(text: string): boolean {
  const c = text[0] ?? '';
  return c !== c.toLowerCase() || (c >= '0' && c <= '9');
}

/** True for all-capital words of two or more letters (acronyms: KH, MEE, U.S.). */
export function isAcronym(text: string): boolean {
  const letters = text.replace(/[.&\-]/g, '');
  return letters.length >= 2 && /^[A-Z][A-Z0-9]*$/.test(letters) && /[A-Z].*[A-Z]|^[A-Z]\d/.test(letters);
}
