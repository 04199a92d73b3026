import { createDoc } from '../doc/doc.js';
import type { Doc, DocMeta } from '../doc/types.js';
import { tokensStage } from './stages/tokens.js';
import { entitiesStage } from './stages/entities.js';
import { attributionsStage } from './stages/attributions.js';
import { labelsStage } from './stages/labels.js';
import { eventsStage } from './stages/events.js';
import { responsibilityStage } from './stages/responsibility.js';
import { contradictionsStage } from './stages/contradictions.js';

/** What a pipeline is configured with: extra knowledge files an analyst supplies. */
export interface PipelineOptions {
  /** PETRARCH/TABARI-format actor dictionaries, added to the built-in actor lexicon. */
  actorDictionaries?: string[];
  /** PETRARCH/TABARI-format agent dictionaries. */
  agentDictionaries?: string[];
  /** PETRARCH/TABARI-format verb dictionaries: they code the verbs they list; the built-in lexicon codes the rest. */
  verbDictionaries?: string[];
  /** Code events with the verb dictionaries alone, as PETRARCH does (no built-in trigger lexicon). */
  verbDictionaryOnly?: boolean;
}

/** Shared by every document a pipeline analyses: its options and the resources loaded from them. */
export interface PipelineContext {
  readonly options: PipelineOptions;
  /** Loads a resource once per pipeline (dictionaries, lexicons, models) and keeps it. */
  memo<T>(key: string, load: () => T): T;
}

/** A pipeline stage reads the document and adds one layer to it. */
export interface Stage {
  name: string;
  /** The layer this stage fills. */
  layer: keyof Doc;
  run(doc: Doc, context: PipelineContext): void;
}

/**
 * The pipeline, in order: the one place that lists the stages. Each stage may read
 * the layers of those before it.
 */
export const STAGES: readonly Stage[] = [
  { name: 'tokens', layer: 'tokens', run: tokensStage },
  { name: 'entities', layer: 'entities', run: entitiesStage },
  { name: 'attributions', layer: 'attributions', run: attributionsStage },
  { name: 'labels', layer: 'labels', run: labelsStage },
  { name: 'events', layer: 'events', run: eventsStage },
  { name: 'responsibility', layer: 'responsibility', run: responsibilityStage },
  { name: 'contradictions', layer: 'contradictions', run: contradictionsStage },
];

export interface RunOptions {
  /** Stop after the named stage (to measure one stage, or a baseline). */
  until?: string;
}

export interface Pipeline {
  readonly context: PipelineContext;
  analyze(text: string, meta?: Partial<DocMeta>, run?: RunOptions): Doc;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const resources = new Map<string, unknown>();
  const context: PipelineContext = {
    options,
    memo<T>(key: string, load: () => T): T {
      if (!resources.has(key)) resources.set(key, load());
      return resources.get(key) as T;
    },
  };
  return {
    context,
    analyze(text, meta = {}, run = {}) {
      if (run.until !== undefined && !STAGES.some((s) => s.name === run.until)) {
        throw new Error(`no pipeline stage named "${run.until}"`);
      }
      const doc = createDoc(text, meta);
      for (const stage of STAGES) {
        stage.run(doc, context);
        if (stage.name === run.until) break;
      }
      return doc;
    },
  };
}

let defaultPipeline: Pipeline | null = null;

/** Runs every stage of the default pipeline (built-in lexicons only) over `text`. */
export function analyzeText(text: string, meta: Partial<DocMeta> = {}, run: RunOptions = {}): Doc {
  defaultPipeline ??= createPipeline();
  return defaultPipeline.analyze(text, meta, run);
}
