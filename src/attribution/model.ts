import { existsSync } from 'node:fs';
import { loadJsonResource, resourcePath } from '../resources.js';

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
  private readonly weights: Map<string, number>;
  constructor(
    weights: Map<string, number> | Record<string, number>,
    readonly threshold: number,
  ) {
    this.weights = weights instanceof Map ? weights : new Map(Object.entries(weights));
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }

  accepts(features: readonly string[]): boolean {
    return this.score(features) > this.threshold;
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
