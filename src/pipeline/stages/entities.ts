import type { Doc } from '../../doc/types.js';
import { dateNumber } from '../../actors/codes.js';
import { buildActorLexicon, type ActorLexicon } from '../../actors/lexicon.js';
import { loadActorDictionary, loadAgentDictionary } from '../../actors/petrarch-dictionary.js';
import { recognise } from '../../actors/recognize.js';
import { resolveEntities } from '../../actors/resolve.js';
import type { PipelineContext } from '../index.js';

/**
 * Stage `entities`: actors and places (docs/entities.md). Mentions are recognised
 * from the actor lexicon, capitalisation and role nouns (src/actors/recognize.ts),
 * then grouped into entities with codes and coordinates (src/actors/resolve.ts).
 * The lexicon — built-in data plus the PETRARCH dictionaries the pipeline was given —
 * is compiled once per pipeline.
 */
export function actorLexicon(context: PipelineContext): ActorLexicon {
  return context.memo('actors:lexicon', () =>
    buildActorLexicon(
      (context.options.actorDictionaries ?? []).map(loadActorDictionary),
      (context.options.agentDictionaries ?? []).map(loadAgentDictionary),
    ),
  );
}

export function entitiesStage(doc: Doc, context: PipelineContext): void {
  const lexicon = actorLexicon(context);
  const { mentions } = recognise(doc.tokens, doc.text, { lexicon, date: dateNumber(doc.meta.published) });
  doc.entities = resolveEntities(mentions, { lexicon, text: doc.text, tokens: doc.tokens }).map((r) => r.entity);
}
