import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAcronym, isCapitalised, nameKey, nameKeyWords, nameWords, skeletonKey, wordKey, wordSkeleton } from '../src/actors/normalize.js';

/**
 * The name keys take fast paths for plain ASCII and keep results in caches; these are
 * the definitions they must agree with, written the plain (regular-expression) way.
 */
const reference = {
  wordKey(word: string): string {
    return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’‘`ʼʻ´]/g, '').toLowerCase();
  },
  nameWords(name: string): string[] {
    return name.replace(/['’]s\b/gi, '').split(/[\s_\-‐‑–]+/).map(reference.wordKey).filter((w) => w !== '');
  },
  nameKeyWords(name: string): string[] {
    const articles = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ul']);
    const words = reference.nameWords(name);
    const kept = words.filter((w, i) => !(articles.has(w) && i < words.length - 1));
    return kept.length > 0 ? kept : words;
  },
  wordSkeleton(key: string): string {
    const first = key[0] ?? '';
    return (first + key.slice(1).replace(/[aeiouyhw.]/g, '')).replace(/(.)\1+/g, '$1');
  },
  skeletonKey(name: string): string | null {
    const words = reference.nameKeyWords(name);
    return words.length < 2 ? null : words.map(reference.wordSkeleton).join(' ');
  },
  isCapitalised(text: string): boolean {
    const c = text[0] ?? '';
    return c !== c.toLowerCase() || (c >= '0' && c <= '9');
  },
  isAcronym(text: string): boolean {
    const letters = text.replace(/[.&\-]/g, '');
    return letters.length >= 2 && /^[A-Z][A-Z0-9]*$/.test(letters) && /[A-Z].*[A-Z]|^[A-Z]\d/.test(letters);
  },
};

const SAMPLES = [
  '', ' ', 'a', 'A', '7', 'Baghdad', 'al-Kadhimi', 'Mustafa al-Kadhimi', "Kata'ib Hezbollah", 'Kait’ib Hezbollah',
  'Kataeb  Hezbollah', '  Leading and trailing  ', 'São Paulo', 'Zürich', 'İstanbul', 'Đà Nẵng', 'Workers’ Party',
  "People's Republic", "PEOPLE'S REPUBLIC", 'the Shire', 'Al Basrah', 'Ar Raqqah', 'As', 'al-', 'al al', 'AL_QAEDA',
  'ISLAMIC_STATE_', 'Asia-Pacific', 'Ki‐moon', 'north–south', 'tab\there', 'line\nbreak', 'U.S.', 'UN', 'KH', 'MEE',
  'G7', 'A1', 'AT&T', 'F-16', 'Mr.', 'Hizbullah', 'Hezbollaah', 'aaa bbb', 'Hamas', 'O`Neil', 'ʻOumuamua', 'Abu´l',
  'Haddad Aal', 'école normale', 'Ⅻ', 'ǅemal', 'Ωmega', '\u00a0nbsp\u00a0name', 'x\u2028\u2028y z', 'Sh.aa.ll', 'Naïve Café',
];

test('name keys agree with their plain definitions, fast paths and caches included', () => {
  for (let round = 0; round < 2; round++) {
    for (const s of SAMPLES) {
      assert.equal(wordKey(s), reference.wordKey(s), `wordKey ${JSON.stringify(s)}`);
      assert.deepEqual(nameWords(s), reference.nameWords(s), `nameWords ${JSON.stringify(s)}`);
      assert.deepEqual([...nameKeyWords(s)], reference.nameKeyWords(s), `nameKeyWords ${JSON.stringify(s)}`);
      assert.equal(nameKey(s), reference.nameKeyWords(s).join(' '), `nameKey ${JSON.stringify(s)}`);
      assert.equal(skeletonKey(s), reference.skeletonKey(s), `skeletonKey ${JSON.stringify(s)}`);
      assert.equal(wordSkeleton(s.toLowerCase()), reference.wordSkeleton(s.toLowerCase()), `wordSkeleton ${JSON.stringify(s)}`);
      assert.equal(isCapitalised(s), reference.isCapitalised(s), `isCapitalised ${JSON.stringify(s)}`);
      assert.equal(isAcronym(s), reference.isAcronym(s), `isAcronym ${JSON.stringify(s)}`);
    }
  }
});

test('name keys: al- prefixes drop, transliteration variants share a skeleton', () => {
  assert.equal(nameKey('Mustafa al-Kadhimi'), 'mustafa kadhimi');
  assert.equal(skeletonKey("Kata'ib Hezbollah"), skeletonKey('Kataeb Hizbullah'));
  assert.equal(skeletonKey('Hezbollah'), null);
  assert.ok(isAcronym('U.S.') && isAcronym('G7') && !isAcronym('Mr.') && !isAcronym('A'));
});
