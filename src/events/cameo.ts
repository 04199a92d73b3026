import { loadJsonResource } from '../resources.js';

/**
 * CAMEO code -> PLOVER event type (lexicons/events/cameo-plover.json): the longest
 * code prefix in the table decides. Codes that are not CAMEO digits (a verb
 * dictionary's private codes, the null code `---`) have no type.
 */

interface CameoTable {
  prefixes: Record<string, string | null>;
  hostile: string[];
  types: string[];
}

function table(): CameoTable {
  return loadJsonResource<CameoTable>('lexicons/events/cameo-plover.json');
}

export function ploverTypeOf(cameo: string | null | undefined): string | null {
  if (!cameo || !/^\d{2,4}$/.test(cameo)) return null;
  const prefixes = table().prefixes;
  for (let n = cameo.length; n >= 2; n--) {
    const key = cameo.slice(0, n);
    if (key in prefixes) return prefixes[key] ?? null;
  }
  return null;
}

/** The PLOVER event types Ascribe emits (the PLOVER gold-standard vocabulary). */
export function ploverTypes(): readonly string[] {
  return table().types;
}

/** Types whose events are incidents someone can be blamed for (responsibility layer). */
export function isHostileType(type: string): boolean {
  return table().hostile.includes(type);
}

/** Material hostile types: an author's plain assertion names a perpetrator. */
export const MATERIAL_HOSTILE = new Set(['ASSAULT', 'FIGHT', 'COERCE']);

/** Cooperative types: in the future or promised, PLOVER codes them AGREE (manual 3.1). */
export const COOPERATIVE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE', 'AGREE']);

/** Hostile material acts: promised or in the future, they are threats (PLOVER: THREATEN). */
export const HOSTILE_ACTS = new Set(['ASSAULT', 'FIGHT', 'COERCE', 'SANCTION', 'MOBILIZE']);
