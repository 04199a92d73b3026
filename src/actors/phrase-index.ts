/**
 * Phrase lookup for dictionaries of tens of thousands of multiword entries: phrases
 * are kept in Maps keyed by their first word, so matching at a position costs one
 * Map lookup (plus a few for stems) and a scan of the phrases that start with that
 * word — no per-token regular expressions over the whole list.
 *
 * A word may be a stem (TABARI/PETRARCH: a word not closed by `_`), matching any
 * word that starts with it and continues with a short suffix: `IRAN` matches
 * Iranian, `ARGENTIN` matches Argentina, `MINIST` matches ministers.
 */
export interface Phrase<V> {
  words: string[];
  /** Per word: true when the word is a stem. */
  stems: boolean[];
  value: V;
}

export interface PhraseMatch<V> {
  /** Number of words matched. */
  length: number;
  /** Every phrase of that length matching here, exact matches first. */
  phrases: Phrase<V>[];
  /** True when no word of the best phrase matched only as a stem. */
  exact: boolean;
}

/** Suffixes a short stem (under five letters) may take: inflection and nationality endings. */
const SHORT_STEM_SUFFIXES = new Set([
  's', 'es', 'a', 'e', 'i', 'is', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ese', 'ish', 'ia', 'ic', 'ics', 'ite', 'ites',
  'er', 'ers', 'ry', 'ries', 'y', 'ies', 'ni', 'nis', 'li', 'lis',
]);
const MAX_SUFFIX = 4;

export function stemMatches(stem: string, word: string): boolean {
  if (!word.startsWith(stem)) return false;
  const suffix = word.slice(stem.length);
  if (suffix === '') return true;
  if (suffix.length > MAX_SUFFIX || !/^[a-z]+$/.test(suffix)) return false;
  return stem.length >= 5 || SHORT_STEM_SUFFIXES.has(suffix);
}

interface Found<V> {
  length: number;
  exact: Phrase<V>[];
  stem: Phrase<V>[];
}

export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, Phrase<V>[]>();
  private readonly byFirstStem = new Map<string, Phrase<V>[]>();
  size = 0;

  add(words: string[], stems: boolean[], value: V): void {
    if (words.length === 0) return;
    const phrase: Phrase<V> = { words, stems, value };
    const map = stems[0] ? this.byFirstStem : this.byFirst;
    const list = map.get(words[0]!);
    if (list) list.push(phrase);
    else map.set(words[0]!, [phrase]);
    this.size++;
  }

  /** The longest phrase(s) starting at word `i` and ending before word `limit`. */
  longestAt(keys: readonly string[], i: number, limit: number = keys.length): PhraseMatch<V> | null {
    const first = keys[i];
    if (first === undefined || i >= limit) return null;
    const list = this.byFirst.get(first);
    // Most words start no phrase: nothing to allocate for them.
    if (!list && this.byFirstStem.size === 0) return null;
    const found: Found<V> = { length: 0, exact: [], stem: [] };
    if (list) this.consider(list, keys, i, limit, found);
    // Stems only where the dictionary has any (PETRARCH actor files); none in the built-in lexicon.
    if (this.byFirstStem.size > 0) {
      for (let cut = 0; cut <= MAX_SUFFIX && first.length - cut >= 2; cut++) {
        const stems = this.byFirstStem.get(cut === 0 ? first : first.slice(0, first.length - cut));
        if (stems) this.consider(stems, keys, i, limit, found);
      }
    }
    if (found.length === 0) return null;
    const phrases = found.stem.length === 0 ? found.exact : [...found.exact, ...found.stem];
    return { length: found.length, phrases, exact: found.exact.length > 0 };
  }

  private consider(list: Phrase<V>[], keys: readonly string[], i: number, limit: number, found: Found<V>): void {
    for (const phrase of list) {
      const n = phrase.words.length;
      if (n < found.length || i + n > limit) continue;
      const exact = this.matchesFrom(phrase, keys, i);
      if (exact === null) continue;
      if (n > found.length) {
        found.length = n;
        found.exact = [];
        found.stem = [];
      }
      (exact ? found.exact : found.stem).push(phrase);
    }
  }

  /** null when the phrase does not match at i; else whether every word matched exactly. */
  private matchesFrom(phrase: Phrase<V>, keys: readonly string[], i: number): boolean | null {
    let exact = true;
    for (let k = 0; k < phrase.words.length; k++) {
      const word = keys[i + k]!;
      const want = phrase.words[k]!;
      if (word === want) continue;
      if (phrase.stems[k] && stemMatches(want, word)) {
        exact = false;
        continue;
      }
      return null;
    }
    return exact;
  }
}
