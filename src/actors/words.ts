import type { Token } from '../doc/types.js';
import { isHyphen, isPossessiveMark, isWordChar } from './chars.js';
import { wordKey } from './normalize.js';

/**
 * The word stream that dictionary phrases are matched against: one entry per word,
 * keyed by `wordKey`. Hyphens are connectors, not words: wink-nlp splits `al-Qaeda`
 * into `al`, `-`, `Qaeda`, and keeps `pro-Iran` whole; both become the words
 * `al qaeda` / `pro iran`, which is also how dictionary phrases (`AL-QAEDA`,
 * `AL_QAEDA`, `AL QAEDA`) are split. Each word remembers its token, so a match maps
 * back to a token range.
 */
export interface WordStream {
  keys: string[];
  /** Index of the token each word comes from. */
  token: number[];
  /** First word index of each token (tokens that hold no word point at the next word). */
  firstWordOfToken: Int32Array;
}

/** -, ‐ or ‑ (not –): the hyphens that join the parts of one written word. */
function isJoiningHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** A hyphen between two word characters: al-Qaeda, pro-Iran. */
function hasInnerHyphen(text: string): boolean {
  for (let i = 1; i < text.length - 1; i++) {
    if (isJoiningHyphen(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

export function wordStream(tokens: Token[]): WordStream {
  const keys: string[] = [];
  const token: number[] = [];
  const firstWordOfToken = new Int32Array(tokens.length + 1);
  for (let t = 0; t < tokens.length; t++) {
    firstWordOfToken[t] = keys.length;
    const text = tokens[t]!.text;
    // Hyphens connect; a possessive ending or a lone apostrophe is not a word of a name
    // (Kurdistan Workers' Party, Democratic People's Republic).
    if (isHyphen(text) || isPossessiveMark(text)) continue;
    if (text.length > 1 && hasInnerHyphen(text)) {
      for (const part of text.split(/[-‐‑]+/)) {
        if (part === '') continue;
        keys.push(wordKey(part));
        token.push(t);
      }
    } else {
      keys.push(wordKey(text));
      token.push(t);
    }
  }
  firstWordOfToken[tokens.length] = keys.length;
  return { keys, token, firstWordOfToken };
}
