import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The wink-nlp annotations the tokens stage reads: sentence boundaries, and POS tags
 * (which give lemmas). wink's default pipe also runs its own NER, negation, sentiment
 * and custom-entity passes; nothing here reads them, and they cost about 40% of a
 * readDoc. Tokens, tags, lemmas and sentences are the same with or without them
 * (checked over the PolNeAR train texts; test/tokens.test.ts keeps checking).
 */
export const WINK_PIPE = ['sbd', 'pos'];

/** The part of wink's language model that grows as it reads: its word list and index. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
}

type Wink = ReturnType<typeof winkNLP>;
type WinkReader = (nlp: Wink) => void;

/**
 * Words wink-nlp has learnt from earlier documents, past which the instance is made
 * afresh (~100 ms). See `readWithoutMemory`: each document's words are forgotten, but
 * wink's private per-word features stay allocated, so the table only grows.
 */
const MAX_LEARNT_WORDS = 200_000;

let instance: Wink | null = null;
let lexemes: LexemeTable | null = null;
let builtInWords = 0;

/**
 * The one wink-nlp instance of the process, with WINK_PIPE. Loading the model takes
 * ~100 ms, so it is made on first use and shared by every stage.
 */
function wink(): Wink {
  if (instance && lexemes && lexemes.list.length - builtInWords < MAX_LEARNT_WORDS) return instance;
  // wink builds its model object inside winkNLP(); we keep a handle on its word table.
  const watched = Object.create(model) as typeof model & { core(): unknown };
  watched.core = () => {
    const core = (model as unknown as { core(): { features: { lexeme: LexemeTable & { intrinsicSize: number } } } }).core();
    lexemes = core.features.lexeme;
    builtInWords = core.features.lexeme.intrinsicSize;
    return core;
  };
  instance = winkNLP(watched, WINK_PIPE);
  return instance;
}

/**
 * Runs `read` over the shared wink-nlp instance, then makes wink forget the words it
 * learnt meanwhile. wink adds every unknown word to its lexicon and afterwards treats
 * it as a known word, which changes how it tokenizes ("Clinton’s" is split into
 * "Clinton" + "’s" until a text has taught wink the whole form). Without this, an
 * article's analysis depended on what the process had read before it. `read` must take
 * everything it needs out of wink's document before returning.
 */
export function readWithoutMemory(read: WinkReader): void {
  const nlp = wink();
  const table = lexemes!;
  const known = table.list.length;
  try {
    read(nlp);
  } finally {
    // The list keeps the entries (wink's private features are aligned with it); only
    // the lookup forgets them, so the next document meets these words as unknown again.
    const { hash, list } = table;
    for (let i = known; i < list.length; i++) {
      if (hash[list[i]!] === i) delete hash[list[i]!];
    }
  }
}

/** Whether `word` (lower case) is in wink-nlp's built-in English lexicon, not one it learnt from a text. */
export function isKnownWord(word: string): boolean {
  wink();
  const index = lexemes!.hash[word];
  return index !== undefined && index < builtInWords;
}

/** wink-nlp with its default (full) pipe: the bench baseline and the check on WINK_PIPE. */
export function winkWithDefaultPipe(): Wink {
  return winkNLP(model);
}
