import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { DEFAULT_SEARCH_LIMIT, SqliteStore } from '../../store/sqlite.js';
import type { SearchHit } from '../../store/types.js';
import { addDbOption, parsePositiveInteger } from '../options.js';

interface SearchFlags {
  db: string;
  format: string;
  limit: number;
}

export function registerSearch(program: Command): void {
  const command = program
    .command('search')
    .description('full-text search over the stored documents, best match first')
    .argument('<query...>', 'words to look for (all must occur), "a phrase" in quotes, word* for a prefix')
    .option('-f, --format <format>', 'json (an array of {id, title, published, url, snippet}) or table (for reading)', 'json')
    .option('-n, --limit <n>', 'show at most this many matches', parsePositiveInteger, DEFAULT_SEARCH_LIMIT)
    .addHelpText('after', `
Matches are case-insensitive, ignore accents, and match word forms (attack ~ attacks).
Punctuation inside a word is part of it: U.S., al-Rashidi and Kata'ib are searched as
written. Snippets mark the matching words [like this]. A shell needs the phrase quotes
protected: ascribe search '"coast guard" rescue'`);
  addDbOption(command, 'SQLite database to search').action((words: string[], flags: SearchFlags) => {
    if (!['json', 'table'].includes(flags.format)) throw new InputError(`unknown format "${flags.format}": use json or table`);
    const store = SqliteStore.open(flags.db, { create: false });
    let hits: SearchHit[];
    try {
      hits = store.search(words.join(' '), flags.limit);
    } finally {
      store.close();
    }
    if (flags.format === 'json') process.stdout.write(JSON.stringify(hits, null, 2) + '\n');
    else if (hits.length === 0) process.stderr.write('no stored document matches\n');
    else process.stdout.write(renderTable(hits, process.stdout.columns ?? 100));
  });
}

/** Short ids are prefixes `show` accepts; long enough to stay unique in any realistic store. */
const SHORT_ID_HEX = 12;

/**
 * One entry per hit: id, date and title on one line, the snippet wrapped beneath,
 * fitted to the terminal width.
 */
export function renderTable(hits: SearchHit[], width: number): string {
  const columns = Math.max(60, width);
  const idWidth = SHORT_ID_HEX;
  const dateWidth = Math.max(9, ...hits.map((h) => (h.published ?? '').length));
  const indent = ' '.repeat(idWidth + 2);
  const titleWidth = columns - idWidth - dateWidth - 4;
  const lines = [`${'ID'.padEnd(idWidth)}  ${'PUBLISHED'.padEnd(dateWidth)}  TITLE`];
  for (const hit of hits) {
    const id = hit.id.replace(/^sha256:/, '').slice(0, SHORT_ID_HEX);
    const title = fit(hit.title ?? '(untitled)', titleWidth);
    lines.push(`${id.padEnd(idWidth)}  ${(hit.published ?? '').padEnd(dateWidth)}  ${title}`);
    for (const line of wrap(hit.snippet, columns - indent.length)) lines.push(indent + line);
  }
  return lines.join('\n') + '\n';
}

function fit(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= width ? oneLine : oneLine.slice(0, Math.max(1, width - 1)) + '…';
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
