import { InvalidArgumentError, type Command } from 'commander';
import type { PipelineOptions } from '../pipeline/index.js';

/** `--published`: a calendar date, YYYY-MM-DD, that really exists. */
export function parseDateOption(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
  return value;
}

/** A byte count with an optional k/M/G suffix (powers of 1024). */
export function parseSizeOption(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 500000, 512k or 20M');
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes <= 0) throw new InvalidArgumentError('size must be positive');
  return bytes;
}

export interface DictionaryFlags {
  actors?: string[];
  agents?: string[];
  verbs?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The PETRARCH/TABARI dictionary options shared by every command that analyses text. */
export function addDictionaryOptions(command: Command): Command {
  return command
    .option('--actors <file>', 'PETRARCH/TABARI actor dictionary to add (repeatable)', collect)
    .option('--agents <file>', 'PETRARCH/TABARI agent dictionary to add (repeatable)', collect)
    .option('--verbs <file>', 'PETRARCH/TABARI verb dictionary to add (repeatable)', collect);
}

export function pipelineOptionsFrom(flags: DictionaryFlags): PipelineOptions {
  return {
    ...(flags.actors ? { actorDictionaries: flags.actors } : {}),
    ...(flags.agents ? { agentDictionaries: flags.agents } : {}),
    ...(flags.verbs ? { verbDictionaries: flags.verbs } : {}),
  };
}

/** The store the store commands use unless --db says otherwise: ascribe.db in the working directory. */
export const DEFAULT_DB_PATH = 'ascribe.db';

/** `--db PATH`, shared by ingest, search and show. */
export function addDbOption(command: Command, help = 'SQLite database file'): Command {
  return command.option('--db <path>', help, DEFAULT_DB_PATH);
}

/** A whole number of at least 1 (`--limit`). */
export function parsePositiveInteger(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}
