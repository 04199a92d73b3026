import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { InputError } from '../errors.js';

/**
 * Which URLs may be fetched. Only http and https; the host is resolved first and every
 * address it resolves to must be public (no loopback, private, link-local — which includes
 * the cloud metadata address 169.254.169.254 — CGNAT, multicast, reserved, or IPv6 forms that
 * embed such an IPv4 address). The caller then connects to the address checked here, so a
 * second DNS answer cannot swap it (DNS rebinding).
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export interface AddressPolicy {
  allowPrivate: boolean;
  /** CIDR ranges (or single addresses) allowed even when allowPrivate is false. */
  allowAddresses: string[];
  resolver: Resolver;
}

/** True when the spec names a URL (a scheme followed by a colon) rather than a file path. */
export function looksLikeUrl(spec: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(spec);
}

/** Parses an http(s) URL; anything else (file:, ftp:, data:, javascript:, …) is refused. */
export function parseHttpUrl(spec: string): URL {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new InputError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`refused: only http and https URLs are fetched, not ${url.protocol}`);
  }
  if (url.hostname === '') throw new InputError('refused: URL has no host');
  return url;
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'shared (CGNAT)',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'private (unique local)',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  ipv4Compatible: 'IPv4-compatible',
  teredo: 'Teredo tunnel',
  benchmarking: 'benchmarking',
  rfc6052: 'local-use NAT64',
};

/** IPv4 ranges that are globally routed. Everything else is refused. */
const PUBLIC_V4 = new Set(['unicast', 'as112', 'amt']);

function v4FromBits(parts: number[], high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([parts[high]! >> 8, parts[high]! & 0xff, parts[low]! >> 8, parts[low]! & 0xff]);
}

/** The kind of non-public range an address is in, or null when it is public. */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') {
    const range = (parsed as ipaddr.IPv4).range();
    return PUBLIC_V4.has(range) ? null : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const parts = v6.parts;
  const range = v6.range();
  // Forms that carry an IPv4 address: judge the IPv4 address.
  if (range === 'ipv4Mapped' || range === 'rfc6145') return nonPublicRange(v4FromBits(parts, 6, 7).toString());
  if (range === 'rfc6052') {
    // 64:ff9b::/96 embeds an IPv4 address; 64:ff9b:1::/48 is for local use.
    return parts[2] === 0 ? nonPublicRange(v4FromBits(parts, 6, 7).toString()) : 'rfc6052';
  }
  if (range === '6to4') return nonPublicRange(v4FromBits(parts, 1, 2).toString());
  if (range === 'unicast' && parts.slice(0, 6).every((p) => p === 0)) return 'ipv4Compatible';
  return range === 'unicast' ? null : range;
}

function inAllowedRanges(address: string, ranges: string[]): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return ranges.some((range) => {
    const [net, bits] = range.includes('/') ? ipaddr.parseCIDR(range) : (() => {
      const a = ipaddr.parse(range);
      return [a, a.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    })();
    return net.kind() === parsed.kind() && parsed.match(net, bits);
  });
}

/** Checks the allow-list syntax once, so a typo is reported as such. */
export function validateAllowAddresses(ranges: string[]): void {
  for (const range of ranges) {
    const ok = range.includes('/') ? ipaddr.isValidCIDR(range) : ipaddr.isValid(range);
    if (!ok) throw new InputError(`invalid address range "${range}" (expected an address or CIDR such as 10.1.0.0/16)`);
  }
}

/** Why an address may not be fetched, or null when it may. */
export function refusalReason(address: string, policy: Pick<AddressPolicy, 'allowPrivate' | 'allowAddresses'>): string | null {
  if (policy.allowPrivate) return null;
  const range = nonPublicRange(address);
  if (range === null) return null;
  if (range !== 'invalid' && inAllowedRanges(address, policy.allowAddresses)) return null;
  return `${RANGE_NAMES[range] ?? range} address`;
}

/**
 * Resolves the URL's host and checks every address. Returns the address to connect to.
 * All answers must pass: an attacker's DNS could otherwise list a public and a private one.
 */
export async function resolveAllowed(url: URL, policy: AddressPolicy): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await policy.resolver(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot resolve host ${host}${code ? ` (${code})` : ''}`, { cause: error });
    }
    if (addresses.length === 0) throw new InputError(`cannot resolve host ${host} (no addresses)`);
  }
  for (const { address } of addresses) {
    const reason = refusalReason(address, policy);
    if (reason) {
      const article = /^[aeiou]/i.test(reason) ? 'an' : 'a';
      const where = literal ? `${host} is ${article} ${reason}` : `${host} resolves to ${address}, ${article} ${reason}`;
      throw new InputError(`refused: ${where} (use --allow-private to allow)`);
    }
  }
  return addresses[0]!;
}
