import { InputError } from '../errors.js';
import { normalizeDate } from './dates.js';

/**
 * JSONL batches: one JSON object per line, `{text|html|url, title?, published?}`. Blank lines
 * are skipped. Each line becomes a record or, when it is not valid, an InputError for that
 * line alone, so one bad line never stops the batch.
 */

export interface JsonlRecord {
  /** 1-based line number in the batch. */
  line: number;
  source: { text: string } | { html: string } | { url: string };
  /** `url` given alongside text or html: the page address (metadata, base for relative links). */
  url: string | null;
  title: string | null;
  published: string | null;
}

export type JsonlLine = { line: number; record: JsonlRecord } | { line: number; error: InputError };

function optionalString(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError(`"${key}" must be a string`);
  return value;
}

function parseLine(source: string, line: number): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new InputError(`invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('expected a JSON object');
  const object = value as Record<string, unknown>;
  const text = optionalString(object, 'text');
  const html = optionalString(object, 'html');
  const url = optionalString(object, 'url');
  const title = optionalString(object, 'title');
  const publishedRaw = optionalString(object, 'published');
  let published: string | null = null;
  if (publishedRaw !== null) {
    published = normalizeDate(publishedRaw);
    if (!published) throw new InputError(`"published" is not a date: "${publishedRaw}" (use YYYY-MM-DD)`);
  }
  const src = text !== null ? { text } : html !== null ? { html } : url !== null ? { url } : null;
  if (!src) throw new InputError('needs one of "text", "html" or "url"');
  return { line, source: src, url: 'url' in src ? null : url, title, published };
}

/** Every non-blank line of the batch, parsed or failed. */
export function parseJsonl(text: string): JsonlLine[] {
  const results: JsonlLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!.replace(/\r$/, '');
    if (source.trim() === '') continue;
    try {
      results.push({ line: i + 1, record: parseLine(source, i + 1) });
    } catch (error) {
      results.push({ line: i + 1, error: error as InputError });
    }
  }
  return results;
}
