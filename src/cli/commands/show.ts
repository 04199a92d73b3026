import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderHtml } from '../../report/html.js';
import { SqliteStore } from '../../store/sqlite.js';
import { addDbOption } from '../options.js';

interface ShowFlags {
  db: string;
  format: string;
}

export function registerShow(program: Command): void {
  const command = program
    .command('show')
    .description('print one stored document: the same JSON analyze prints, or a readable report')
    .argument('<id>', 'document id (sha256:…), or a unique prefix of it of at least 4 hex digits')
    .option('-f, --format <format>', 'json (docs/contract.md), md or html (an analyst\'s brief)', 'json');
  addDbOption(command, 'SQLite database to read').action((id: string, flags: ShowFlags) => {
    if (!['json', 'md', 'html'].includes(flags.format)) throw new InputError(`unknown format "${flags.format}": use json, md or html`);
    const store = SqliteStore.open(flags.db, { create: false });
    try {
      const doc = store.get(id);
      if (!doc) throw new InputError(`no document ${id} in ${flags.db}`);
      process.stdout.write(flags.format === 'md' ? renderMarkdown(doc) : flags.format === 'html' ? renderHtml(doc) : JSON.stringify(doc, null, 2) + '\n');
    } finally {
      store.close();
    }
  });
}
