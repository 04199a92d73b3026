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
 *
 * Speed: these run for every token and every name mention, and on every gazetteer
 * name at load, so plain-ASCII text (nearly all of it) takes hand-written fast paths
 * with the same results as the general (Unicode) path, and the keys of a name are
 * kept in a bounded cache: the same names recur within and across documents.
 */

const APOSTROPHES = /['’‘`ʼʻ´]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Printable ASCII without apostrophe and backtick: lower-casing is the whole key. */
const PLAIN = /^[\x20-\x26\x28-\x5f\x61-\x7e]*$/;

/** A cache that forgets everything when full: cheap, and bounded whatever the input. */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
}

const wordKeys = new BoundedCache<string>(20_000);

export function wordKey(word: string): string {
  // Plain ASCII (nearly every token): the word itself, or its lower case.
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x27 || c === 0x60) return wordKeyCached(word);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? word.toLowerCase() : word;
}

function wordKeyCached(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = wordKeyGeneral(word);
    wordKeys.set(word, key);
  }
  return key;
}

function wordKeyGeneral(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/** Article prefixes that Arabic names carry or drop at will: al-Kadhimi = Kadhimi. */
const ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ul']);

const SPACE = 32;
const HYPHEN_MINUS = 45;
const UNDERSCORE = 95;

/** Splits a name into word keys: on white space, underscores and hyphens. */
export function nameWords(name: string): string[] {
  if (!PLAIN.test(name)) return nameWordsGeneral(name);
  // Plain ASCII: no apostrophes (so no possessive 's), white space is only ' ', and
  // every word's key is its lower case.
  const lower = name.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === SPACE || c === HYPHEN_MINUS || c === UNDERSCORE) {
      if (start >= 0) out.push(lower.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

function nameWordsGeneral(name: string, key: (word: string) => string = wordKey): string[] {
  return name
    .replace(/['’]s\b/gi, '')
    .split(/[\s_\-‐‑–]+/)
    .map(key)
    .filter((w) => w !== '');
}

function wordKeyUncached(word: string): string {
  return PLAIN.test(word) ? word.toLowerCase() : wordKeyGeneral(word);
}

/** Article prefixes out, except a last word (al-Kadhimi → kadhimi; a name that is all articles stays). */
function articlesDropped(words: string[]): string[] {
  for (let i = 0; i < words.length - 1; i++) {
    if (ARTICLES.has(words[i]!)) {
      const kept = words.filter((w, j) => !(ARTICLES.has(w) && j < words.length - 1));
      return kept.length > 0 ? kept : words;
    }
  }
  return words;
}

interface NameKeys {
  words: readonly string[];
  key: string;
  /** Computed on first use; null for one-word names. */
  skeleton?: string | null;
}

const nameKeys = new BoundedCache<NameKeys>(20_000);

function keysOf(name: string): NameKeys {
  let keys = nameKeys.get(name);
  if (keys === undefined) {
    const words = articlesDropped(nameWords(name));
    keys = { words, key: words.join(' ') };
    nameKeys.set(name, keys);
  }
  return keys;
}

/** The word keys of a name with article prefixes removed (al-Kadhimi → kadhimi). */
export function nameKeyWords(name: string): readonly string[] {
  return keysOf(name).words;
}

export function nameKey(name: string): string {
  return keysOf(name).key;
}

/** `nameKey` without the cache, for bulk loads (the gazetteer) that would only flush it. */
export function nameKeyUncached(name: string): string {
  return articlesDropped(PLAIN.test(name) ? nameWords(name) : nameWordsGeneral(name, wordKeyUncached)).join(' ');
}

/** Letters a skeleton leaves out after the first: vowels, glides, dots. */
function dropped(c: number): boolean {
  // a e i o u y h w .
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121 || c === 104 || c === 119 || c === 46;
}

/** Line terminators: a regular expression's `.` does not match them, so they never collapse. */
function lineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Consonant skeleton of one word key: vowels and glides out, doubles collapsed. */
export function wordSkeleton(key: string): string {
  if (key.length === 0) return '';
  let out = key[0]!;
  let last = key.charCodeAt(0);
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (dropped(c)) continue;
    if (c === last && !lineTerminator(c)) continue;
    out += key[i];
    last = c;
  }
  return out;
}

/** Skeleton of a multiword name; null for one-word names (never compared loosely). */
export function skeletonKey(name: string): string | null {
  const keys = keysOf(name);
  if (keys.skeleton === undefined) keys.skeleton = keys.words.length < 2 ? null : keys.words.map(wordSkeleton).join(' ');
  return keys.skeleton;
}

/** True when the text starts with an upper-case letter (or is a number). */
export function isCapitalised(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  const c = text[0]!;
  return c !== c.toLowerCase();
}

/** True for all-capital words of two or more letters (acronyms: KH, MEE, U.S.). */
export function isAcronym(text: string): boolean {
  // Ignoring . & -: at least two characters, all A–Z or 0–9, the first a letter, and a
  // second capital or a digit right after the first.
  let n = 0;
  let capitals = 0;
  let secondIsDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 38 || c === 45) continue;
    const capital = c >= 65 && c <= 90;
    const digit = c >= 48 && c <= 57;
    if (!capital && !digit) return false;
    if (n === 0 && !capital) return false;
    if (n === 1) secondIsDigit = digit;
    if (capital) capitals++;
    n++;
  }
  return n >= 2 && (capitals >= 2 || secondIsDigit);
}
