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

let instance: ReturnType<typeof winkNLP> | null = null;

/**
 * The one wink-nlp instance of the process, with WINK_PIPE. Loading the model takes
 * ~100 ms, so it is made on first use and shared by every stage.
 */
export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, WINK_PIPE);
  return instance;
}

/** wink-nlp with its default (full) pipe: the bench baseline and the check on WINK_PIPE. */
export function winkWithDefaultPipe(): ReturnType<typeof winkNLP> {
  return winkNLP(model);
}
