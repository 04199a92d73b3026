import type { Doc } from '../../doc/types.js';
import { extractEvents } from '../../events/extract.js';
import { dictionaryCoder } from '../../events/verbdict/load.js';
import type { PipelineContext } from '../index.js';

/**
 * Stage `events`: who did what to whom (PLOVER types, CAMEO codes), with place,
 * time, modality, condition and deadline (docs/events.md). Verb dictionaries given
 * to the pipeline (`verbDictionaries`) are read once per pipeline; they code the verbs
 * they list, the built-in lexicon the rest (`verbDictionaryOnly`: the dictionaries alone).
 */
export function eventsStage(doc: Doc, context: PipelineContext): void {
  const files = context.options.verbDictionaries ?? [];
  const dictionary = files.length > 0 ? context.memo(`verb-dictionaries:${files.join('\n')}`, () => dictionaryCoder(files)) : null;
  doc.events = extractEvents(doc, { dictionary, dictionaryOnly: context.options.verbDictionaryOnly === true });
}
