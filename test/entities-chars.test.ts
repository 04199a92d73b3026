import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApostropheS, isHyphen, isPossessiveMark, isWordChar, startsLetter, startsLowerAscii, startsUpper, startsUpperAscii, startsUpperOrTitle } from '../src/actors/chars.js';

const SAMPLES = [
  '', '-', '‐', '‑', '–', '—', '--', 'a', 'A', 'z', 'Z', '0', '_', "'", '’', "'s", "'S", '’s', '’S', "'t", 'ss', 'É', 'é', 'ǅ', 'Ǆ', 'ǆ',
  'Ω', 'ω', '中', '𝐀', '𝐚', 'İ', 'ß', ' ', '"', 'Iran', 'iran', 'ÉTAT', 'étant', 'Ⅻ', 'ⅻ', '\u0301a', 'ᾈ',
];

test('character tests agree with the regular expressions they replace', () => {
  const cases: [string, (s: string) => boolean, RegExp][] = [
    ['isHyphen', isHyphen, /^[-‐‑–]$/],
    ['startsLowerAscii', startsLowerAscii, /^[a-z]/],
    ['startsUpperAscii', startsUpperAscii, /^[A-Z]/],
    ['startsUpperOrTitle', startsUpperOrTitle, /^[\p{Lu}\p{Lt}]/u],
    ['startsUpper', startsUpper, /^\p{Lu}/u],
    ['startsLetter', startsLetter, /^\p{L}/u],
    ['isPossessiveMark', isPossessiveMark, /^['’]s?$/i],
    ['isApostropheS', isApostropheS, /^['’]s?$/],
  ];
  for (const [name, fn, re] of cases) for (const s of SAMPLES) assert.equal(fn(s), re.test(s), `${name}(${JSON.stringify(s)})`);
  for (let c = 0; c < 0x3000; c++) assert.equal(isWordChar(c), /\w/.test(String.fromCharCode(c)), `isWordChar(${c})`);
});
