import assert from 'node:assert/strict';
import test from 'node:test';
import { InputError } from '../src/errors.js';
import { nonPublicRange, parseHttpUrl, refusalReason, resolveAllowed, type Resolver } from '../src/ingest/safe-url.js';

// The address validator on its own: no connection is ever made here.

const fixedResolver = (answers: Record<string, string[]>): Resolver => async (hostname) => {
  const list = answers[hostname];
  if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const policy = (answers: Record<string, string[]>, extra: Partial<{ allowPrivate: boolean; allowAddresses: string[] }> = {}) => ({
  allowPrivate: false,
  allowAddresses: [],
  resolver: fixedResolver(answers),
  ...extra,
});

test('only http and https URLs are accepted', () => {
  assert.equal(parseHttpUrl('https://news.example/a?b=c').hostname, 'news.example');
  for (const spec of ['file:///etc/passwd', 'ftp://files.example/a.txt', 'javascript:alert(1)', 'data:text/plain,hello', 'gopher://x.example/']) {
    assert.throws(() => parseHttpUrl(spec), (e: unknown) => e instanceof InputError && /only http and https/.test(e.message), spec);
  }
  assert.throws(() => parseHttpUrl('http://'), InputError);
});

test('non-public IPv4 ranges are named; public addresses pass', () => {
  const cases: Record<string, string | null> = {
    '127.0.0.1': 'loopback', '127.8.9.10': 'loopback', '10.0.0.5': 'private', '172.16.3.4': 'private',
    '192.168.1.1': 'private', '169.254.169.254': 'linkLocal', '100.64.0.1': 'carrierGradeNat', '0.0.0.0': 'unspecified',
    '224.0.0.251': 'multicast', '255.255.255.255': 'broadcast', '192.0.2.10': 'reserved', '240.0.0.1': 'reserved',
    '93.184.216.34': null, '8.8.8.8': null, '172.32.0.1': null, '100.128.0.1': null,
  };
  for (const [address, range] of Object.entries(cases)) assert.equal(nonPublicRange(address), range, address);
});

test('non-public IPv6 ranges, including forms that embed a private IPv4 address', () => {
  const cases: Record<string, string | null> = {
    '::1': 'loopback', '::': 'unspecified', 'fe80::1': 'linkLocal', 'fc00::1': 'uniqueLocal', 'fd12:3456::1': 'uniqueLocal',
    'ff02::1': 'multicast', '::ffff:127.0.0.1': 'loopback', '::ffff:169.254.169.254': 'linkLocal', '::ffff:10.1.2.3': 'private',
    '64:ff9b::a00:1': 'private', '2002:7f00:1::': 'loopback', '::7f00:1': 'ipv4Compatible', '2001:db8::1': 'reserved',
    '2606:4700:4700::1111': null, '::ffff:93.184.216.34': null, '2002:5db8:d822::1': null,
  };
  for (const [address, range] of Object.entries(cases)) assert.equal(nonPublicRange(address), range, address);
});

test('a name that resolves to a public address passes validation and that address is returned', async () => {
  const url = new URL('https://news.example/story');
  assert.deepEqual(await resolveAllowed(url, policy({ 'news.example': ['93.184.216.34', '2606:2800:220:1::1'] })), {
    address: '93.184.216.34',
    family: 4,
  });
});

test('names resolving to private, metadata, loopback or mapped addresses are refused with the reason', async () => {
  const answers = {
    'intranet.test': ['10.0.0.5'],
    'metadata.test': ['169.254.169.254'],
    'six.test': ['::1'],
    'mapped.test': ['::ffff:127.0.0.1'],
    'mixed.test': ['93.184.216.34', '192.168.0.10'],
  };
  const expect = {
    'intranet.test': /intranet\.test resolves to 10\.0\.0\.5, a private address \(use --allow-private to allow\)/,
    'metadata.test': /resolves to 169\.254\.169\.254, a link-local address/,
    'six.test': /resolves to ::1, a loopback address/,
    'mapped.test': /resolves to ::ffff:127\.0\.0\.1, a loopback address/,
    'mixed.test': /resolves to 192\.168\.0\.10, a private address/,
  };
  for (const [host, pattern] of Object.entries(expect)) {
    await assert.rejects(resolveAllowed(new URL(`http://${host}/`), policy(answers)), (e: unknown) => e instanceof InputError && pattern.test(e.message), host);
  }
});

test('literal IP hosts are checked too, whatever their spelling', async () => {
  for (const spec of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.0.0.1/', 'http://[::1]/', 'http://[::ffff:a9fe:a9fe]/', 'http://169.254.169.254/latest/meta-data/']) {
    await assert.rejects(resolveAllowed(parseHttpUrl(spec), policy({})), /refused: .* is an? (loopback|link-local) address/, spec);
  }
});

test('allowPrivate lets everything through; allowAddresses lets listed ranges through', async () => {
  const answers = { 'intranet.test': ['10.1.2.3'], 'other.test': ['10.2.0.1'] };
  assert.equal((await resolveAllowed(new URL('http://intranet.test/'), policy(answers, { allowPrivate: true }))).address, '10.1.2.3');
  const listed = policy(answers, { allowAddresses: ['10.1.0.0/16'] });
  assert.equal((await resolveAllowed(new URL('http://intranet.test/'), listed)).address, '10.1.2.3');
  await assert.rejects(resolveAllowed(new URL('http://other.test/'), listed), /private address/);
  assert.equal(refusalReason('::ffff:10.1.9.9', { allowPrivate: false, allowAddresses: ['10.1.0.0/16'] }), null);
});

test('a name that does not resolve is a clear error', async () => {
  await assert.rejects(resolveAllowed(new URL('http://nowhere.test/'), policy({})), /cannot resolve host nowhere\.test \(ENOTFOUND\)/);
  await assert.rejects(resolveAllowed(new URL('http://empty.test/'), policy({ 'empty.test': [] })), /no addresses/);
});
