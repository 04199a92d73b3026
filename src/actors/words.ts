import type { Token } from '../doc/types.js';
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

const HYPHEN = /^[-‐‑–]$/;

export function wordStream(tokens: Token[]): WordStream {
  const keys: string[] = [];
  const token: number[] = [];
  const firstWordOfToken = new Int32Array(tokens.length + 1);
  for (let t = 0; t < tokens.length; t++) {
    firstWordOfToken[t] = keys.length;
    const text = tokens[t]!.text;
    // Hyphens connect; a possessive ending or a lone apostrophe is not a word of a name
    // (Kurdistan Workers' Party, Democratic People's Republic).
    if (HYPHEN.test(text) || /^['’]s?$/i.test(text)) continue;
    if (text.length > 1 && /[-‐‑]/.test(text) && /\w[-‐‑]\w/.test(text)) {
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
