import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { toJson } from '../../doc/doc.js';
import { readInputs } from '../../ingest/index.js';
import type { Article } from '../../ingest/types.js';
import { createPipeline } from '../../pipeline/index.js';
import { storeAll, summarise, type StoreOutcome } from '../../store/batch.js';
import { SqliteStore } from '../../store/sqlite.js';
import {
  addDbOption, addDictionaryOptions, addInputOptions, parseDateOption, pipelineOptionsFrom, readOptionsFrom,
  type DictionaryFlags, type InputFlags,
} from '../options.js';

interface IngestFlags extends DictionaryFlags, InputFlags {
  db: string;
  published?: string;
}

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('analyse articles and store them in the database; the same content is stored once')
    .argument('<inputs...>', 'text or HTML files, http(s) URLs, RSS/Atom feeds, .jsonl batches, or - for standard input')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for every input, anchoring relative dates', parseDateOption)
    .addHelpText('after', `
Prints the id of every input now in the database (newly stored or already there) on
standard output, one per line, in input order. On standard error: a progress bar when
it is a terminal, then "stored N, duplicates N, failed N" and one line per failure.
Exit code: 0 when every input was stored or was already there, 1 when any failed
(the others are still stored).`);
  addDictionaryOptions(addInputOptions(addDbOption(command, 'SQLite database to store into, created if missing'))).action(
    async (inputs: string[], flags: IngestFlags) => {
      const pipeline = createPipeline(pipelineOptionsFrom(flags));
      const analyze = (article: Article) =>
        toJson(pipeline.analyze(article.text, { ...article.meta, ...(flags.published ? { published: flags.published } : {}) }));
      const store = SqliteStore.open(flags.db, { create: true });
      const outcomes: StoreOutcome[] = [];
      const progress = new Progress(inputs.length);
      try {
        const reads = readInputs(inputs, readOptionsFrom(flags));
        for await (const outcome of storeAll(reads, analyze, store)) {
          outcomes.push(outcome);
          progress.advance(outcome);
          if (outcome.status !== 'failed') progress.printId(outcome.id);
        }
      } finally {
        progress.stop();
        store.close();
      }
      reportSummary(outcomes);
      if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
    },
  );
}

/** The summary on standard error: what happened to a single input, or the counts and every failure. */
function reportSummary(outcomes: StoreOutcome[]): void {
  const summary = summarise(outcomes);
  const lines: string[] = [];
  const only = outcomes.length === 1 ? outcomes[0]! : null;
  if (only?.status === 'stored') lines.push(`${only.origin}: stored as ${only.id}`);
  else if (only?.status === 'duplicate') lines.push(`${only.origin}: duplicate of ${only.id}, already stored`);
  else if (only?.status === 'failed') lines.push(`${only.origin}: failed: ${only.reason}`);
  lines.push(`stored ${summary.stored}, duplicates ${summary.duplicates}, failed ${summary.failed.length}`);
  if (!only) for (const f of summary.failed) lines.push(`  ${f.origin}: ${f.reason}`);
  process.stderr.write(lines.join('\n') + '\n');
}

/** A progress bar belongs on an interactive terminal only: not in pipes, logs or CI. */
export function wantsProgressBar(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

/**
 * The batch's progress bar on standard error. Feeds and JSONL files hold an unknown number
 * of items, so the total starts at the number of inputs and grows as items keep coming.
 * It appears once there is more than one item. Ids for a terminal standard output wait
 * until the bar is gone, so the two never garble each other.
 */
class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private readonly enabled = wantsProgressBar(process.stderr, process.env);
  private readonly heldIds: string[] = [];
  private done = 0;
  private readonly counts = { stored: 0, duplicates: 0, failed: 0 };

  constructor(private readonly inputCount: number) {
    if (inputCount > 1) this.start();
  }

  advance(outcome: StoreOutcome): void {
    this.done++;
    if (outcome.status === 'stored') this.counts.stored++;
    else if (outcome.status === 'duplicate') this.counts.duplicates++;
    else this.counts.failed++;
    if (!this.bar && this.done > 1) this.start();
    if (!this.bar) return;
    this.bar.setTotal(Math.max(this.inputCount, this.done + 1));
    this.bar.update(this.done, { ...this.counts, origin: shorten(outcome.origin, 40) });
  }

  printId(id: string): void {
    if (this.bar && process.stdout.isTTY) this.heldIds.push(id);
    else process.stdout.write(id + '\n');
  }

  stop(): void {
    if (this.bar) {
      this.bar.setTotal(this.done);
      this.bar.update(this.done);
      this.bar.stop();
      this.bar = null;
    }
    for (const id of this.heldIds.splice(0)) process.stdout.write(id + '\n');
  }

  private start(): void {
    if (!this.enabled) return;
    this.bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'ingest [{bar}] {value}/{total} | stored {stored}, duplicates {duplicates}, failed {failed} | {origin}',
        barsize: 24,
        clearOnComplete: true,
        hideCursor: true,
      },
      cliProgress.Presets.legacy,
    );
    this.bar.start(Math.max(this.inputCount, this.done + 1), this.done, { ...this.counts, origin: '' });
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : '…' + text.slice(text.length - max + 1);
}
