import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

/**
 * Bytes from files and standard input, never more than the cap: a regular file's size is
 * checked before it is read; streams (stdin, FIFOs) stop as soon as they exceed the cap.
 */

function tooLarge(maxBytes: number, size?: number): InputError {
  return new InputError(`larger than the ${maxBytes}-byte limit${size !== undefined ? ` (${size} bytes)` : ''}; raise it with --max-bytes`);
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'no such file (a parent is not a directory)',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

function fileError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && FILE_ERRORS[code]) return new InputError(FILE_ERRORS[code]!, { cause: error });
  return error as Error;
}

/** Reads up to maxBytes from a stream; refuses the input when there is more. */
export async function readStreamCapped(stream: Readable | AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buffer.length;
    if (total > maxBytes) {
      if ('destroy' in stream && typeof stream.destroy === 'function' && stream !== process.stdin) stream.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a file, checking that it is a file and within the cap first. */
export async function readFileCapped(path: string, maxBytes: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(error);
  }
  if (info.isDirectory()) throw new InputError(FILE_ERRORS['EISDIR']!);
  if (info.isFile() && info.size > maxBytes) throw tooLarge(maxBytes, info.size);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(error);
  }
  try {
    // Regular files were checked above, but may grow; pipes and devices have no size: read capped.
    return await readStreamCapped(handle.createReadStream({ autoClose: false }), maxBytes);
  } catch (error) {
    throw fileError(error);
  } finally {
    await handle.close();
  }
}
