import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDoc } from '../src/doc/doc.js';
import type { Doc, DocMeta } from '../src/doc/types.js';
import type { Pipeline, PipelineOptions } from '../src/pipeline/index.js';

/** What every eval suite receives. */
export interface SuiteOptions {
  /** The gold data folder (default ../shared/data from the repo root). */
  dataDir: string;
  /** Evaluate only the first N documents / records (quick runs). */
  limit: number | null;
  /** Where to write a JSONL of errors, when asked (PolNeAR). */
  errorsFile: string | null;
  /** Builds a pipeline; suites that need dictionaries pass options. */
  pipeline: (options?: PipelineOptions) => Pipeline;
}

/** What every eval suite returns: a report for people and one for machines. */
export interface SuiteResult {
  name: string;
  /** Documents or records evaluated. */
  n: number;
  /** Wall time of the suite, seconds. */
  seconds: number;
  /** The printed tables. */
  text: string;
  /** The same figures for machines. */
  json: Record<string, unknown>;
}

/** Resolves a path under the data folder and fails with one clear line if it is missing. */
export function dataPath(options: SuiteOptions, ...parts: string[]): string {
  const path = resolve(join(options.dataDir, ...parts));
  if (!existsSync(path)) throw new Error(`eval data not found: ${path} (use --data DIR to point at the shared data folder)`);
  return path;
}

export function limited<T>(items: T[], limit: number | null): T[] {
  return limit === null ? items : items.slice(0, limit);
}

/** Seconds since `t0` (a `performance.now()` reading). */
export function secondsSince(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/**
 * Documents the pipeline throws on: each is scored as if nothing were predicted (an
 * empty document) and reported, so one bad document cannot hide every other figure.
 */
export class Failures {
  count = 0;
  first: string | null = null;

  analyze(pipeline: Pipeline, label: string, text: string, meta: Partial<DocMeta>): Doc {
    try {
      return pipeline.analyze(text, meta);
    } catch (error) {
      this.count++;
      this.first ??= `${label}: ${error instanceof Error ? error.message : String(error)}`;
      return createDoc(text, meta);
    }
  }

  /** A warning line for the report, or '' when nothing failed. */
  warning(): string {
    return this.count === 0 ? '' : `WARNING: the pipeline threw on ${this.count} document(s), scored as empty; first: ${this.first}\n`;
  }
}
