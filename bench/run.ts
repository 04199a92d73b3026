/**
 * `npm run bench [-- --limit N] [--rounds R] [--json] [--data DIR]`
 *
 * Throughput and memory of the full pipeline beside wink-nlp's own readDoc, over the
 * PolNeAR train texts, in one run. Every measurement is a fresh child process (so its
 * peak RSS is its own); baseline and pipeline alternate for R rounds (default 3), then
 * one more child times each stage. Two kinds of measurement: the first pass (a fresh
 * process, V8 still compiling hot code) and the steady state of a long run (texts timed
 * after two untimed passes over other texts). Medians are reported.
 * Definitions: docs/evaluation.md.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../eval/metrics.js';
import { table } from '../eval/report.js';
import type { Measurement, Mode, Task } from './worker.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** Texts each child runs untimed first: loads the model and lexicons, warms the JIT. */
const WARMUP_TEXTS = 20;

function measureInChild(task: Task): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(WORKER, [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Measurement | null = null;
    child.on('message', (m) => {
      result = m as Measurement;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result && code === 0) resolvePromise(result);
      else reject(new Error(`bench ${task.mode} child exited with code ${code}`));
    });
    child.send(task);
  });
}

/** First pass: a fresh process, 20 warm-up texts, then every text once. */
function firstPassTask(mode: Mode, files: string[]): Task {
  return { mode, warm: files.slice(0, Math.min(WARMUP_TEXTS, files.length)), warmPasses: 1, timed: files };
}

/**
 * Steady state: the first half of the texts run twice untimed, so V8 has compiled the
 * hot code (it takes about two passes over a few hundred articles), then the second
 * half, texts this process has not seen, timed: the throughput of a long run.
 */
function steadyTask(mode: Mode, files: string[]): Task {
  const half = Math.ceil(files.length / 2);
  const timed = files.length > 1 ? files.slice(half) : files;
  return { mode, warm: files.slice(0, half), warmPasses: 2, timed };
}

interface Summary {
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMb: number;
  tokensPerCpuSecond: number;
}

/** Medians over rounds. */
function summarise(runs: Measurement[], tokens: number): Summary {
  const cpuSeconds = median(runs.map((r) => r.cpuSeconds));
  return {
    cpuSeconds,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    tokensPerCpuSecond: tokens / cpuSeconds,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      limit: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      data: { type: 'string' },
    },
  });
  const dataDir = values.data ? resolve(values.data) : resolve(REPO_ROOT, '../shared/data');
  const textDir = join(dataDir, 'polnear', 'train', 'text');
  if (!existsSync(textDir)) {
    process.stderr.write(`bench: texts not found: ${textDir} (use --data DIR)\n`);
    return 2;
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  const rounds = Number(values.rounds);
  if (!(limit >= 1) || !Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write('bench: --limit and --rounds want positive whole numbers\n');
    return 2;
  }
  const files = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit)
    .map((f) => join(textDir, f));
  const log = (s: string) => {
    if (!values.json) process.stderr.write(s);
  };

  const t0 = performance.now();
  const baseline: Measurement[] = [];
  const pipeline: Measurement[] = [];
  const steadyBaseline: Measurement[] = [];
  const steadyPipeline: Measurement[] = [];
  for (let round = 1; round <= rounds; round++) {
    log(`round ${round}/${rounds}: first pass: baseline… `);
    baseline.push(await measureInChild(firstPassTask('baseline', files)));
    log('pipeline… steady state: baseline… ');
    pipeline.push(await measureInChild(firstPassTask('pipeline', files)));
    steadyBaseline.push(await measureInChild(steadyTask('baseline', files)));
    log('pipeline… ');
    steadyPipeline.push(await measureInChild(steadyTask('pipeline', files)));
    log('done\n');
  }
  log('per-stage timing… ');
  const stages = await measureInChild(firstPassTask('stages', files));
  log('done\n');

  const tokens = baseline[0]!.tokens ?? 0;
  const base = summarise(baseline, tokens);
  const full = summarise(pipeline, tokens);
  // The ratio of each round's adjacent measurements, then their median: a machine that
  // slows down for a while moves both sides of a round together.
  const roundRatios = (b: Measurement[], p: Measurement[]) => b.map((x, i) => x.cpuSeconds / p[i]!.cpuSeconds);
  const ratioRounds = roundRatios(baseline, pipeline);
  const ratio = median(ratioRounds);
  const steadyTokens = steadyBaseline[0]!.tokens ?? 0;
  const steadyBase = summarise(steadyBaseline, steadyTokens);
  const steadyFull = summarise(steadyPipeline, steadyTokens);
  const steadyRatioRounds = roundRatios(steadyBaseline, steadyPipeline);
  const steadyRatio = median(steadyRatioRounds);
  const stageTotal = stages.stages!.reduce((s, x) => s + x.cpuSeconds, 0);
  const json = {
    documents: files.length,
    tokens,
    rounds,
    seconds: (performance.now() - t0) / 1000,
    baseline: base,
    pipeline: full,
    ratio,
    ratioRounds,
    steady: { documents: steadyPipeline[0]!.documents, tokens: steadyTokens, baseline: steadyBase, pipeline: steadyFull, ratio: steadyRatio, ratioRounds: steadyRatioRounds },
    stages: stages.stages!.map((s) => ({ ...s, share: stageTotal === 0 ? 0 : s.cpuSeconds / stageTotal })),
    runs: { baseline, pipeline, steadyBaseline, steadyPipeline },
  };
  const failed = Math.max(0, ...pipeline.map((r) => r.failed), stages.failed);
  const firstError = [...pipeline, stages].find((r) => r.firstError)?.firstError ?? null;
  Object.assign(json, { failedDocuments: failed, firstError });
  if (values.json) {
    process.stdout.write(JSON.stringify(json) + '\n');
    return 0;
  }
  const row = (name: string, s: Summary, n = tokens) => [name, n, s.cpuSeconds, Math.round(s.tokensPerCpuSecond), s.wallSeconds, s.cpuSeconds - s.wallSeconds, s.peakRssMb];
  const columns = ['measurement', 'tokens', 'CPU s', 'tokens/s/core', 'wall s', 'CPU-wall s', 'peak RSS MB'];
  process.stdout.write(
    `\nBench — PolNeAR train texts, n=${files.length} documents, ${tokens} wink tokens; medians of ${rounds} rounds; ${json.seconds.toFixed(1)} s wall in all\n` +
      table('Throughput, first pass (after 20 warm-up texts)', columns, [
        row('wink-nlp readDoc (baseline)', base),
        row('full pipeline', full),
      ]) +
      `pipeline / baseline throughput, first pass: ${ratio.toFixed(3)} (median of the rounds' ratios: ${ratioRounds.map((r) => r.toFixed(3)).join(', ')})\n\n` +
      table(`Throughput, steady state (the last ${steadyPipeline[0]!.documents} texts, ${steadyTokens} tokens, after two passes over the others)`, columns, [
        row('wink-nlp readDoc (baseline)', steadyBase, steadyTokens),
        row('full pipeline', steadyFull, steadyTokens),
      ]) +
      `pipeline / baseline throughput, steady state: ${steadyRatio.toFixed(3)} (rounds: ${steadyRatioRounds.map((r) => r.toFixed(3)).join(', ')})\n` +
      (failed > 0 ? `WARNING: the pipeline threw on ${failed} document(s); first: ${firstError}\n` : '') +
      '\n' +
      table(
        'Per stage (one run)',
        ['stage', 'CPU s', 'share', 'tokens/s/core'],
        stages.stages!.map((s) => [s.name, s.cpuSeconds, stageTotal === 0 ? 0 : s.cpuSeconds / stageTotal, Math.round(tokens / s.cpuSeconds)]),
      ),
  );
  return 0;
}

process.exitCode = await main();
