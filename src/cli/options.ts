import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, type ReadOptions } from '../ingest/options.js';
import { InputError } from '../errors.js';
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
  verbsOnly?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The PETRARCH/TABARI dictionary options shared by every command that analyses text. */
export function addDictionaryOptions(command: Command): Command {
  return command
    .option('--actors <file>', 'PETRARCH/TABARI actor dictionary to add (repeatable)', collect)
    .option('--agents <file>', 'PETRARCH/TABARI agent dictionary to add (repeatable)', collect)
    .option('--verbs <file>', 'PETRARCH/TABARI verb dictionary: codes the verbs it lists, the built-in lexicon the rest (repeatable)', collect)
    .option('--verbs-only', 'code events with the --verbs dictionaries alone, as PETRARCH does (no built-in event words)');
}

export function pipelineOptionsFrom(flags: DictionaryFlags): PipelineOptions {
  if (flags.verbsOnly && !flags.verbs) throw new InputError('--verbs-only needs a verb dictionary: --verbs FILE');
  return {
    ...(flags.actors ? { actorDictionaries: flags.actors } : {}),
    ...(flags.agents ? { agentDictionaries: flags.agents } : {}),
    ...(flags.verbs ? { verbDictionaries: flags.verbs } : {}),
    ...(flags.verbsOnly ? { verbDictionaryOnly: true } : {}),
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

export interface InputFlags {
  maxBytes: number;
  allowPrivate?: boolean;
  allowAddress?: string[];
  encoding?: string;
  timeout?: number;
  maxRedirects?: number;
}

/** How inputs are read (sizes, encodings, URL safety): shared by every command that reads articles. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--max-bytes <n>', 'refuse inputs larger than this (bytes; k/M suffixes)', parseSizeOption, DEFAULT_MAX_BYTES)
    .option('--encoding <name>', 'decode inputs with this encoding (e.g. windows-1252) unless they start with a byte-order mark; overrides a declared charset')
    .option('--timeout <seconds>', `give up on a URL after this many seconds (default ${DEFAULT_TIMEOUT_MS / 1000})`, parsePositiveNumber)
    .option('--max-redirects <n>', `follow at most this many redirects per URL (default ${DEFAULT_MAX_REDIRECTS})`, parseNonNegativeInteger)
    .option('--allow-private', 'allow URLs on loopback, private and link-local addresses')
    .option('--allow-address <cidr>', 'allow this address range even without --allow-private, e.g. 10.1.0.0/16 (repeatable)', collect);
}

export function readOptionsFrom(flags: InputFlags): ReadOptions {
  return {
    maxBytes: flags.maxBytes,
    allowPrivate: flags.allowPrivate === true,
    ...(flags.allowAddress ? { allowAddresses: flags.allowAddress } : {}),
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
    ...(flags.maxRedirects !== undefined ? { maxRedirects: flags.maxRedirects } : {}),
  };
}

function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function parseNonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}
