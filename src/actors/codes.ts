/**
 * CAMEO-style actor codes (the convention of the CAMEO actor codebook and the
 * Phoenix/PETRARCH dictionaries): a sequence of three-letter segments, usually a
 * country (ISO-3166 alpha-3, e.g. IRQ) or an international type (IGO, NGO, IMG, …),
 * then sector segments (GOV, MIL, REB, COP, MED, …): IRQGOV, USAMIL, IGOUNO.
 */

/** A code valid over a date range (dates as YYYYMMDD numbers, both ends inclusive). */
export interface CodeRestriction {
  code: string | null;
  from: number | null;
  to: number | null;
}

/** An actor's codes: a default and date-restricted alternatives, in dictionary order. */
export interface DatedCodes {
  defaultCode: string | null;
  restrictions: CodeRestriction[];
}

/** Three-letter CAMEO codes that are no country: international types and sectors. */
const NOT_A_COUNTRY = new Set([
  'IGO', 'NGO', 'NGM', 'IMG', 'MNC', 'UIS', 'UAF', 'INS', 'SEP', 'REB', 'GOV', 'MIL', 'COP', 'OPP', 'PTY', 'JUD', 'SPY',
  'MED', 'EDU', 'BUS', 'CRM', 'CVL', 'LAB', 'LEG', 'HLH', 'REF', 'AGR', 'ELI', 'HRI', 'REL', 'MOD', 'RAD',
]);

/**
 * A bare country code: three letters and no international type or sector. In CAMEO
 * dictionaries that is a country-level actor, whether or not ISO knows it (a
 * dictionary may code invented or historical states).
 */
export function isCountryCode(code: string | null): boolean {
  return code !== null && code.length === 3 && /^[A-Z]{3}$/.test(code) && !NOT_A_COUNTRY.has(code);
}

/** `---` is the dictionaries' null code: the phrase is known but codes to nothing. */
export function normaliseCode(code: string): string | null {
  const c = code.trim().toUpperCase();
  return c === '' || c === '---' ? null : c;
}

/** YYYY-MM-DD (or a date-time) → YYYYMMDD as a number; null when absent or unreadable. */
export function dateNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Number(m[1]! + m[2]! + m[3]!) : null;
}

/**
 * The code that applies on `date`: the first restriction (in dictionary order) whose
 * range holds the date, else the default. Without a date: the default, else the
 * restriction that runs latest (the actor's current role, as news is mostly current).
 */
export function codeOn(codes: DatedCodes, date: number | null): string | null {
  if (date !== null) {
    for (const r of codes.restrictions) {
      if ((r.from === null || date >= r.from) && (r.to === null || date <= r.to)) return r.code;
    }
    return codes.defaultCode;
  }
  if (codes.defaultCode !== null || codes.restrictions.length === 0) return codes.defaultCode;
  let latest = codes.restrictions[0]!;
  for (const r of codes.restrictions) {
    if ((r.to ?? Infinity) >= (latest.to ?? Infinity)) latest = r;
  }
  return latest.code;
}

/** An agent code and where it goes: `~GOV` after the actor code, `NGO~` before it. */
export interface AgentCode {
  code: string;
  position: 'after' | 'before';
}

function segments(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i += 3) out.push(code.slice(i, i + 3));
  return out;
}

/**
 * Combines an actor code with agent codes, PETRARCH style: `IRQ` + `~COP` = IRQCOP,
 * `NGO~` + `ARN` + `~GOV` = NGOARNGOV. A segment the code already has is not
 * repeated (USAMIL + ~MIL stays USAMIL), and when the actor is an institution that
 * already carries a sector (the Pentagon, USAMIL), a role's sector does not replace
 * it: the Pentagon's spokesman is USAMIL.
 */
export function combineCodes(actor: string | null, agents: AgentCode[]): string | null {
  let before = '';
  let after = '';
  const base = actor ?? '';
  const hasSector = base.length > 3;
  for (const a of agents) {
    if (a.position === 'before') {
      if (!segments(base).includes(a.code.slice(0, 3))) before += a.code;
    } else if (!hasSector) {
      const fresh = segments(a.code).filter((s) => !segments(base + after).includes(s));
      after += fresh.join('');
    }
  }
  const code = before + base + after;
  return code === '' ? null : code;
}

/** The country part of a code when its first segment is one of the known countries. */
export function countryOf(code: string | null, isCountry: (alpha3: string) => boolean): string | null {
  if (!code || code.length < 3) return null;
  const first = code.slice(0, 3);
  if (isCountry(first)) return first;
  // NGO~ and IGO codes put the organisation type first: NGOARN, IGOUNO.
  const second = code.slice(3, 6);
  return second.length === 3 && isCountry(second) ? second : null;
}
