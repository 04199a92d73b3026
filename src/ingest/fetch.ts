import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { InputError } from '../errors.js';
import { parseHttpUrl, resolveAllowed, type AddressPolicy, type ResolvedAddress } from './safe-url.js';

/**
 * Fetching one URL safely: every hop's host is resolved and checked (safe-url.ts), the socket
 * connects to exactly that address, redirects are followed by hand up to a limit, one
 * deadline covers the whole fetch, and the body (after decompression) is capped.
 */

export interface FetchOptions extends AddressPolicy {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  url: string;
  /** The Content-Type header, or null. */
  contentType: string | null;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A `lookup` for http.request that answers with the already-validated address only. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

class Timeout extends Error {}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Rejects when the signal aborts, so DNS lookups cannot outlive the deadline. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Timeout());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Timeout());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}

function send(url: URL, target: ResolvedAddress, options: FetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(target),
      signal,
      headers: {
        'user-agent': options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    request.once('response', resolve);
    // `on`, not `once`: a second error after the first (abort, then socket close) must not go unhandled.
    request.on('error', reject);
    request.end();
  });
}

function decompressor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case '': case 'identity': return null;
    case 'gzip': case 'x-gzip': return zlib.createGunzip();
    case 'deflate': return zlib.createInflate();
    case 'br': return zlib.createBrotliDecompress();
    default: throw new InputError(`unsupported content encoding "${encoding}"`);
  }
}

async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const inflate = decompressor(response.headers['content-encoding']);
  if (!inflate && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new InputError(`larger than the ${maxBytes}-byte limit (Content-Length ${declared})`);
  }
  const stream: Readable = inflate ? response.pipe(inflate) : response;
  if (inflate) response.on('error', (error) => inflate.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new InputError(`larger than the ${maxBytes}-byte limit (stopped reading)`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as { code?: string }).code?.startsWith('Z_')) throw new InputError('corrupt compressed body', { cause: error });
    throw error;
  } finally {
    response.destroy();
    inflate?.destroy();
  }
  return Buffer.concat(chunks);
}

/** Network failures as one clear line. */
function describeNetworkError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const messages: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
    EPROTO: 'TLS protocol error',
    HPE_INVALID_CONSTANT: 'malformed HTTP response',
  };
  const text = (code && messages[code]) ?? (error as Error).message ?? String(error);
  return new InputError(`fetch failed: ${text}`, { cause: error });
}

/** Fetches an http(s) URL under the safety rules above. Throws InputError with a one-line reason. */
export async function fetchUrl(spec: string, options: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const { signal } = controller;
  try {
    let url = parseHttpUrl(spec);
    for (let hop = 0; ; hop++) {
      const hopUrl = url;
      const target = await untilAborted(resolveAllowed(hopUrl, options), signal).catch((error: unknown) => {
        throw hop > 0 && error instanceof InputError ? new InputError(`redirect to ${hopUrl.href}: ${error.message}`, { cause: error }) : error;
      });
      const response = await send(url, target, options, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (hop >= options.maxRedirects) throw new InputError(`too many redirects (more than ${options.maxRedirects})`);
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          throw new InputError(`redirect to an invalid URL "${location}"`);
        }
        try {
          url = parseHttpUrl(next);
        } catch (error) {
          throw new InputError(`redirect to ${next}: ${(error as Error).message}`);
        }
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new InputError(`HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}${hop > 0 ? ` from ${url.href}` : ''}`);
      }
      const contentType = response.headers['content-type'] ?? null;
      const body = await readBody(response, options.maxBytes);
      return { url: url.href, contentType, body };
    }
  } catch (error) {
    if (signal.aborted) throw new InputError(`timed out after ${seconds(options.timeoutMs)}`, { cause: error });
    if (error instanceof InputError) throw error;
    throw describeNetworkError(error);
  } finally {
    clearTimeout(timer);
  }
}
