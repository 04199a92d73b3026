/**
 * `npm run bench [-- --limit N] [--rounds R] [--json] [--data DIR]`
 *
 * Throughput and memory of the full pipeline beside wink-nlp's own readDoc, over the
 * PolNeAR train texts, in one run. Every measurement is a fresh child process (so its
 * peak RSS is its own); baseline and pipeline alternate for R rounds (default 3), then
 * one more child times each stage. Each child times two passes over the texts: the first
 * (V8 still compiling hot code) and a second (steady state). Medians are reported.
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

function measureInChild(mode: Mode, files: string[]): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(WORKER, [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Measurement | null = null;
    child.on('message', (m) => {
      result = m as Measurement;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result && code === 0) resolvePromise(result);
      else reject(new Error(`bench ${mode} child exited with code ${code}`));
    });
    const task: Task = { mode, files, warmup: Math.min(WARMUP_TEXTS, files.length) };
    child.send(task);
  });
}

interface Summary {
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMb: number;
  tokensPerCpuSecond: number;
}

/** Medians over rounds of the first pass, or of the second (steady-state) pass. */
function summarise(runs: Measurement[], tokens: number, pass: 'first' | 'steady'): Summary {
  const of = (r: Measurement) => (pass === 'first' ? r : r.steady!);
  const cpuSeconds = median(runs.map((r) => of(r).cpuSeconds));
  return {
    cpuSeconds,
    wallSeconds: median(runs.map((r) => of(r).wallSeconds)),
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
  for (let round = 1; round <= rounds; round++) {
    log(`round ${round}/${rounds}: baseline… `);
    baseline.push(await measureInChild('baseline', files));
    log('pipeline… ');
    pipeline.push(await measureInChild('pipeline', files));
    log('done\n');
  }
  log('per-stage timing… ');
  const stages = await measureInChild('stages', files);
  log('done\n');

  const tokens = baseline[0]!.tokens ?? 0;
  const base = summarise(baseline, tokens, 'first');
  const full = summarise(pipeline, tokens, 'first');
  const ratio = full.tokensPerCpuSecond / base.tokensPerCpuSecond;
  const steadyBase = summarise(baseline, tokens, 'steady');
  const steadyFull = summarise(pipeline, tokens, 'steady');
  const steadyRatio = steadyFull.tokensPerCpuSecond / steadyBase.tokensPerCpuSecond;
  const stageTotal = stages.stages!.reduce((s, x) => s + x.cpuSeconds, 0);
  const json = {
    documents: files.length,
    tokens,
    rounds,
    seconds: (performance.now() - t0) / 1000,
    baseline: base,
    pipeline: full,
    ratio,
    steady: { baseline: steadyBase, pipeline: steadyFull, ratio: steadyRatio },
    stages: stages.stages!.map((s) => ({ ...s, share: stageTotal === 0 ? 0 : s.cpuSeconds / stageTotal })),
    runs: { baseline, pipeline },
  };
  const failed = Math.max(0, ...pipeline.map((r) => r.failed), stages.failed);
  const firstError = [...pipeline, stages].find((r) => r.firstError)?.firstError ?? null;
  Object.assign(json, { failedDocuments: failed, firstError });
  if (values.json) {
    process.stdout.write(JSON.stringify(json) + '\n');
    return 0;
  }
  const row = (name: string, s: Summary) => [name, tokens, s.cpuSeconds, Math.round(s.tokensPerCpuSecond), s.wallSeconds, s.cpuSeconds - s.wallSeconds, s.peakRssMb];
  const columns = ['measurement', 'tokens', 'CPU s', 'tokens/s/core', 'wall s', 'CPU-wall s', 'peak RSS MB'];
  process.stdout.write(
    `\nBench — PolNeAR train texts, n=${files.length} documents, ${tokens} wink tokens; medians of ${rounds} rounds; ${json.seconds.toFixed(1)} s wall in all\n` +
      table('Throughput, first pass (after 20 warm-up texts)', columns, [
        row('wink-nlp readDoc (baseline)', base),
        row('full pipeline', full),
      ]) +
      `pipeline / baseline throughput, first pass: ${ratio.toFixed(3)}\n\n` +
      table('Throughput, steady state (a second pass over the same texts)', columns, [
        row('wink-nlp readDoc (baseline)', steadyBase),
        row('full pipeline', steadyFull),
      ]) +
      `pipeline / baseline throughput, steady state: ${steadyRatio.toFixed(3)}\n` +
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
