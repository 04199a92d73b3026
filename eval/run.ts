/**
 * `npm run eval [-- --only polnear,plover,petrarch,seed] [--limit N] [--json] [--data DIR] [--errors FILE]`
 *
 * Scores the pipeline on the gold data in ../shared/data (read at run time, never copied)
 * and on the seed article's analyst checklist. Measures: docs/evaluation.md.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createPipeline } from '../src/pipeline/index.js';
import { runPetrarch } from './petrarch.js';
import { runPlover } from './plover.js';
import { runPolnear } from './polnear.js';
import { runSeed } from './seed.js';
import type { SuiteOptions, SuiteResult } from './suite.js';

const SUITES: Record<string, (options: SuiteOptions) => Promise<SuiteResult>> = {
  polnear: runPolnear,
  plover: runPlover,
  petrarch: runPetrarch,
  seed: runSeed,
};

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      data: { type: 'string' },
      errors: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run eval -- [--only ' + Object.keys(SUITES).join(',') + '] [--limit N] [--json] [--data DIR] [--errors FILE]\n',
    );
    return 0;
  }
  const names = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : Object.keys(SUITES);
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) {
    process.stderr.write(`eval: unknown suite ${unknown.join(', ')} (known: ${Object.keys(SUITES).join(', ')})\n`);
    return 2;
  }
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      process.stderr.write(`eval: --limit wants a positive whole number, got "${values.limit}"\n`);
      return 2;
    }
  }
  const options: SuiteOptions = {
    dataDir: values.data ? resolve(values.data) : resolve(REPO_ROOT, '../shared/data'),
    limit,
    errorsFile: values.errors ? resolve(values.errors) : null,
    pipeline: (pipelineOptions) => createPipeline(pipelineOptions),
  };

  const t0 = performance.now();
  const results: Record<string, unknown> = {};
  let failed = false;
  for (const name of names) {
    try {
      const result = await SUITES[name]!(options);
      results[name] = result.json;
      if (!values.json) process.stdout.write(`\n${result.text}`);
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      results[name] = { error: message };
      process.stderr.write(`eval ${name}: ${message}\n`);
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (values.json) process.stdout.write(JSON.stringify({ seconds, ...results }) + '\n');
  else process.stdout.write(`\neval finished in ${seconds.toFixed(1)} s\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
