#!/usr/bin/env node
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';

/**
 * The `ascribe` command line: a thin shell over the library. Each command lives in
 * ./commands and registers itself here.
 */
export function buildProgram(): Command {
  const program = new Command('ascribe')
    .description('Who said what, who did what to whom, and who blames whom — from news text, every finding tied to its words.')
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError();
  registerAnalyze(program);
  registerIngest(program);
  registerSearch(program);
  registerShow(program);
  return program;
}

/** Prints one clear line for an error; the stack only with --debug. */
export function reportError(error: unknown, debug: boolean): void {
  const err = error instanceof Error ? error : new Error(String(error));
  if (debug) console.error(err.stack ?? err.message);
  else console.error(`ascribe: ${err instanceof InputError ? err.message : `${err.name}: ${err.message}`}`);
}

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    reportError(error, program.opts<{ debug?: boolean }>().debug === true || process.argv.includes('--debug'));
    process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
  }
}

await main();
