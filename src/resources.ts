import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Data files shipped with the package (lexicons/, models/). This module sits one level
 * below the package root both as source (src/) and built (dist/), so one relative URL
 * serves both.
 */
const PACKAGE_ROOT = new URL('../', import.meta.url);

export function resourcePath(relative: string): string {
  return fileURLToPath(new URL(relative, PACKAGE_ROOT));
}

const cache = new Map<string, unknown>();

/** Parses a JSON resource once per process. */
export function loadJsonResource<T>(relative: string): T {
  let value = cache.get(relative);
  if (value === undefined) {
    value = JSON.parse(readFileSync(resourcePath(relative), 'utf8'));
    cache.set(relative, value);
  }
  return value as T;
}
