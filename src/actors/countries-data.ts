import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

/**
 * The world-countries package (ISO-3166 codes, English names, demonyms, capitals,
 * coordinates of ~250 countries). It ships as CommonJS JSON; reading it through
 * require keeps the types right under NodeNext resolution.
 */
let data: Country[] | null = null;

export function worldCountries(): Country[] {
  data ??= createRequire(import.meta.url)('world-countries') as Country[];
  return data;
}
