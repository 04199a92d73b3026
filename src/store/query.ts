import { InputError } from '../errors.js';

/** One thing the user looks for: a word (possibly a prefix, `attack*`) or a "quoted phrase". */
export interface QueryTerm {
  text: string;
  prefix: boolean;
}

/** A term is searchable only if the tokenizer will find a word in it. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Splits user text into terms. Users type arbitrary text, so nothing in it is FTS5
 * syntax except "double quotes" around a phrase and a `*` ending a word. Words of
 * punctuation only (`-`, `—`, `'`) are dropped: they hold no token to match.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /"([^"]*)"?|([^\s"]+)/g;
  for (const m of query.matchAll(pattern)) {
    const phrase = m[1];
    const word = m[2];
    let text = phrase ?? word ?? '';
    let prefix = false;
    if (word !== undefined && word.length > 1 && word.endsWith('*')) {
      text = word.replace(/\*+$/, '');
      prefix = true;
    }
    text = text.trim();
    if (WORD_CHARACTER.test(text)) terms.push({ text, prefix });
  }
  return terms;
}

/**
 * The FTS5 MATCH expression for a user query: every term as an FTS5 string (so `U.S.`,
 * `Kata'ib` or `al-Kadhimi` become phrases of their tokens, never syntax), all required.
 */
export function toFtsQuery(query: string): string {
  const terms = parseQuery(query);
  if (terms.length === 0) {
    throw new InputError(query.trim() === '' ? 'empty search query' : `search query "${query}" has no words to look for`);
  }
  return terms.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? ' *' : ''}`).join(' ');
}
