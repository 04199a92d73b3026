import type { Readable } from 'node:stream';
import { systemResolver, type Resolver } from './safe-url.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;
/** Feed items and JSONL lines that need a fetch are fetched this many at a time (results stay in order). */
export const DEFAULT_CONCURRENCY = 4;

export interface ReadOptions {
  /** Largest input accepted, in bytes (files, stdin, HTTP bodies after decompression). */
  maxBytes: number;
  /** Allow URLs that resolve to loopback, private, link-local and other non-public addresses. */
  allowPrivate: boolean;
  /** Extra address ranges allowed even when allowPrivate is false, e.g. ["10.1.0.0/16"] for an intranet. */
  allowAddresses?: string[];
  /** Whole-fetch timeout per URL (all redirects and the body), in milliseconds. Default 15 000. */
  timeoutMs?: number;
  /** Most redirects followed per URL. Default 5. */
  maxRedirects?: number;
  /** Character encoding to use when the input has no byte-order mark, e.g. "windows-1252" (any iconv-lite label). */
  encoding?: string;
  /** Host name resolver; default: every address from dns.promises.lookup. Injected by tests. */
  resolver?: Resolver;
  /** Parallel fetches for feed items and JSONL URL lines. Default 4. */
  concurrency?: number;
  /** Where `-` reads from; default process.stdin. */
  stdin?: Readable | AsyncIterable<Uint8Array>;
  /** User-Agent header for HTTP requests. */
  userAgent?: string;
}

/** ReadOptions with every default filled in. */
export interface Settings {
  maxBytes: number;
  allowPrivate: boolean;
  allowAddresses: string[];
  timeoutMs: number;
  maxRedirects: number;
  encoding: string | null;
  resolver: Resolver;
  concurrency: number;
  stdin: Readable | AsyncIterable<Uint8Array>;
  userAgent: string;
}

export function settingsFrom(options: ReadOptions): Settings {
  return {
    maxBytes: options.maxBytes > 0 ? options.maxBytes : DEFAULT_MAX_BYTES,
    allowPrivate: options.allowPrivate,
    allowAddresses: options.allowAddresses ?? [],
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    encoding: options.encoding ?? null,
    resolver: options.resolver ?? systemResolver,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    stdin: options.stdin ?? process.stdin,
    userAgent: options.userAgent ?? 'ascribe/0.1 (article reader)',
  };
}
