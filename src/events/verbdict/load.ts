import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { DictionaryCoder } from './coder.js';
import { emptyDictionary, parseVerbDictionary } from './parse.js';

/** Reads PETRARCH/TABARI verb dictionaries (several files make one dictionary). */
export function dictionaryCoder(files: readonly string[]): DictionaryCoder {
  const dict = emptyDictionary();
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read verb dictionary ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    parseVerbDictionary(content, file, dict);
  }
  return new DictionaryCoder(dict);
}
