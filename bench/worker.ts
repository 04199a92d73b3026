/**
 * One measurement of `npm run bench`, in its own process so that peak RSS belongs to
 * it alone. Started by bench/run.ts with `fork`; receives its task as an IPC message
 * and sends one result message back. A task runs its warm-up texts untimed (once or
 * more), then times one pass over its timed texts.
 *
 * Modes:
 *   baseline  wink-nlp's own readDoc (its default, full pipe) over each text, tokens read out
 *   pipeline  createPipeline().analyze over each text (every stage)
 *   stages    every STAGE run by hand over createDoc docs, CPU time kept per stage
 */
import { readFileSync } from 'node:fs';
import { createDoc } from '../src/doc/doc.js';
import { type Pipeline, STAGES, createPipeline } from '../src/pipeline/index.js';
import { winkWithDefaultPipe } from '../src/pipeline/nlp.js';

export type Mode = 'baseline' | 'pipeline' | 'stages';

export interface Task {
  mode: Mode;
  /** Texts run untimed first (model and lexicon loading, JIT warm-up)… */
  warm: string[];
  /** …this many times over. */
  warmPasses: number;
  /** Texts of the timed pass. */
  timed: string[];
}

export interface Measurement {
  mode: Mode;
  documents: number;
  /** wink-nlp tokens of the timed texts (baseline only; the same texts give the same count). */
  tokens: number | null;
  /** The timed pass. */
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMb: number;
  /** Documents the pipeline threw on (their time up to the throw still counts). */
  failed: number;
  /** The first such error, "file: message". */
  firstError: string | null;
  /** Per-stage CPU and wall seconds (stages mode only). */
  stages: { name: string; cpuSeconds: number; wallSeconds: number }[] | null;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

function runBaseline(texts: string[]): number {
  const nlp = winkWithDefaultPipe();
  let tokens = 0;
  for (const text of texts) tokens += (nlp.readDoc(text).tokens().out() as string[]).length;
  return tokens;
}

/**
 * A document the pipeline throws on is counted and reported, not allowed to stop the
 * measurement: the bench is about speed, the failure is shown beside the figures.
 */
interface Failures {
  count: number;
  first: string | null;
}

function fail(failures: Failures, file: string, error: unknown): void {
  failures.count++;
  failures.first ??= `${file}: ${error instanceof Error ? error.message : String(error)}`;
}

/** One pipeline per process, as in a long `ingest` run: warm-up and timed pass share it. */
let pipeline: Pipeline | null = null;

function runPipeline(texts: string[], files: string[], failures: Failures): void {
  pipeline ??= createPipeline();
  for (const [i, text] of texts.entries()) {
    try {
      pipeline.analyze(text);
    } catch (error) {
      fail(failures, files[i]!, error);
    }
  }
}

function runStages(texts: string[], files: string[], failures: Failures, totals: Map<string, { cpu: number; wall: number }>): void {
  pipeline ??= createPipeline();
  const { context } = pipeline;
  for (const [i, text] of texts.entries()) {
    const doc = createDoc(text);
    for (const stage of STAGES) {
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      try {
        stage.run(doc, context);
      } catch (error) {
        fail(failures, files[i]!, error);
        break;
      } finally {
        const t = totals.get(stage.name)!;
        t.cpu += cpuSecondsSince(cpu0);
        t.wall += (performance.now() - wall0) / 1000;
      }
    }
  }
}

function measure(task: Task): Measurement {
  const read = (files: string[]) => files.map((f) => readFileSync(f, 'utf8'));
  const warm = read(task.warm);
  const timed = read(task.timed);
  const totals = new Map(STAGES.map((s) => [s.name, { cpu: 0, wall: 0 }]));
  let failures: Failures = { count: 0, first: null };
  const run = (texts: string[], files: string[]) => {
    if (task.mode === 'baseline') return runBaseline(texts);
    if (task.mode === 'pipeline') runPipeline(texts, files, failures);
    else runStages(texts, files, failures, totals);
    return null;
  };
  for (let pass = 0; pass < task.warmPasses; pass++) run(warm, task.warm);
  for (const t of totals.values()) {
    t.cpu = 0;
    t.wall = 0;
  }
  failures = { count: 0, first: null };
  (globalThis as { gc?: () => void }).gc?.();

  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const tokens = run(timed, task.timed);
  const cpuSeconds = cpuSecondsSince(cpu0);
  const wallSeconds = (performance.now() - wall0) / 1000;
  return {
    mode: task.mode,
    documents: timed.length,
    tokens,
    cpuSeconds,
    wallSeconds,
    // maxRSS is in kilobytes
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    failed: failures.count,
    firstError: failures.first,
    stages:
      task.mode === 'stages'
        ? [...totals.entries()].map(([name, t]) => ({ name, cpuSeconds: t.cpu, wallSeconds: t.wall }))
        : null,
  };
}

if (!process.send) throw new Error('bench/worker.ts is started by bench/run.ts (npm run bench)');
process.once('message', (task: Task) => {
  const result = measure(task);
  process.send!(result, () => process.disconnect());
});
