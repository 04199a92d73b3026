import { createDoc } from '../doc/doc.js';
import type { Doc, DocMeta } from '../doc/types.js';
import { tokensStage } from './stages/tokens.js';
import { attributionsStage } from './stages/attributions.js';

/** A pipeline stage reads the document and adds one layer to it. */
export interface Stage {
  name: string;
  /** The layer this stage fills. */
  layer: keyof Doc;
  run(doc: Doc): void;
}

/**
 * The pipeline, in order: the one place that lists the stages. Each stage may read
 * the layers of those before it.
 */
export const STAGES: readonly Stage[] = [
  { name: 'tokens', layer: 'tokens', run: tokensStage },
  { name: 'attributions', layer: 'attributions', run: attributionsStage },
];

export interface AnalyzeOptions {
  /** Stop after the named stage (for measuring one stage, or a baseline). */
  until?: string;
}

/** Runs every stage over a new document made of `text`. */
export function analyzeText(text: string, meta: Partial<DocMeta> = {}, options: AnalyzeOptions = {}): Doc {
  const doc = createDoc(text, meta);
  for (const stage of STAGES) {
    stage.run(doc);
    if (stage.name === options.until) break;
  }
  return doc;
}
