import type { Command } from 'commander';
import { toJson } from '../../doc/doc.js';
import { InputError } from '../../errors.js';
import { readInputs } from '../../ingest/index.js';
import { createPipeline } from '../../pipeline/index.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderHtmlPage } from '../../report/html.js';
import {
  addDictionaryOptions,
  addInputOptions,
  parseDateOption,
  pipelineOptionsFrom,
  readOptionsFrom,
  type DictionaryFlags,
  type InputFlags,
} from '../options.js';

interface AnalyzeFlags extends DictionaryFlags, InputFlags {
  format?: 'json' | 'jsonl' | 'md' | 'html';
  published?: string;
  title?: string;
}

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description('analyse articles and print the analysis (docs/contract.md); nothing is stored')
    .argument('<inputs...>', 'text or HTML files, http(s) URLs, RSS/Atom feeds, .jsonl batches, or - for standard input')
    .option('-f, --format <format>', 'json (one input), jsonl (several, in input order), md or html (an analyst\'s brief)')
    .option('--published <date>', 'publication date (YYYY-MM-DD) that anchors relative dates', parseDateOption)
    .option('--title <text>', 'document title');
  addDictionaryOptions(addInputOptions(command)).action(async (inputs: string[], flags: AnalyzeFlags) => {
      const format = flags.format ?? (inputs.length === 1 ? 'json' : 'jsonl');
      if (!['json', 'jsonl', 'md', 'html'].includes(format)) throw new InputError(`unknown format "${format}": use json, jsonl, md or html`);
      const pages: ReturnType<typeof toJson>[] = [];
      const pipeline = createPipeline(pipelineOptionsFrom(flags));
      let failed = 0;
      let printed = 0;
      for await (const result of readInputs(inputs, readOptionsFrom(flags))) {
        if (!result.ok) {
          failed++;
          console.error(`ascribe: ${result.error.message}`);
          continue;
        }
        const { article } = result;
        const meta = {
          ...article.meta,
          ...(flags.published ? { published: flags.published } : {}),
          ...(flags.title ? { title: flags.title } : {}),
        };
        const doc = pipeline.analyze(article.text, meta);
        const json = toJson(doc);
        if (format === 'html') pages.push(json);
        else if (format === 'md') process.stdout.write((printed > 0 ? '\n---\n\n' : '') + renderMarkdown(json));
        else if (format === 'json') process.stdout.write(JSON.stringify(json, null, 2) + '\n');
        else process.stdout.write(JSON.stringify(json) + '\n');
        printed++;
      }
      // One self-contained page, however many inputs.
      if (format === 'html' && pages.length > 0) process.stdout.write(renderHtmlPage(pages));
      if (failed > 0) process.exitCode = 1;
    });
}
