import { existsSync } from 'node:fs';
import { loadJsonResource, resourcePath } from '../resources.js';
import type { AttrContext } from './context.js';
import type { Cue } from './cues.js';
import { cueFeatures, ScoreSink, WeightTable } from './features.js';
import type { Draft } from './frames.js';

/**
 * The cue model: an averaged perceptron over the features of features.ts that decides
 * whether a framed cue candidate is an attribution. Trained on PolNeAR train by
 * `npm run train:attribution` (scripts/train-attribution.ts); the file carries its
 * provenance (data, command, date, features, dev score).
 */

export const CUE_MODEL_PATH = 'models/attribution/cue-model.json';

export interface CueModelFile {
  provenance: Record<string, unknown>;
  threshold: number;
  weights: Record<string, number>;
}

export class CueModel {
  /** Weights by feature hash (features.ts), so scoring needs no feature strings. */
  private readonly weights: WeightTable;
  constructor(
    weights: ReadonlyMap<string, number> | Record<string, number>,
    readonly threshold: number,
  ) {
    this.weights = new WeightTable(weights instanceof Map ? weights.entries() : Object.entries(weights));
  }

  /** The score of a framed cue candidate. */
  score(ctx: AttrContext, cue: Cue, draft: Draft): number {
    const sink = new ScoreSink(this.weights);
    cueFeatures(ctx, cue, draft, sink);
    return sink.score;
  }

  accepts(ctx: AttrContext, cue: Cue, draft: Draft): boolean {
    return this.score(ctx, cue, draft) > this.threshold;
  }
}

let cached: CueModel | null | undefined;

/** The shipped cue model, or null when the package has none (rules alone then). */
export function shippedCueModel(): CueModel | null {
  if (cached !== undefined) return cached;
  if (!existsSync(resourcePath(CUE_MODEL_PATH))) return (cached = null);
  const file = loadJsonResource<CueModelFile>(CUE_MODEL_PATH);
  cached = new CueModel(file.weights, file.threshold);
  return cached;
}
