import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { type AgentCode, type CodeRestriction, type DatedCodes, normaliseCode } from './codes.js';
import { wordKey } from './normalize.js';

/**
 * Reader for PETRARCH/TABARI actor and agent dictionaries (the format of the Phoenix
 * dictionaries; PETRARCH's dictionaries.rst). What it accepts:
 *
 * - Comments: `#` to the end of the line; a line starting with `<!`; `<!-- … -->`,
 *   also over several lines.
 * - Actors: a primary phrase with optional codes (`AFGHANISTAN_ [AFG]`), then synonym
 *   lines (`+KABUL_`), then restriction lines (`\t[AFGGOV 011222-041207]`). A code is
 *   `[CODE]` (the default), `[CODE <date]`, `[CODE >date]` or `[CODE date-date]`,
 *   dates YYMMDD (00–30 → 20YY) or YYYYMMDD; several may share a line. `[---]` is the
 *   null code.
 * - Agents: `phrase {plural} [~CODE]` (code after the actor's) or `[CODE~]` (before);
 *   `{}` means no plural, no braces means the regular plural (…Y → …IES, …S → …SES,
 *   else …S); `!NAME! = A, B, C` defines a substitution set used as `FOREIGN_!NAME!`.
 * - Phrases: words joined by `_` or blanks. In actor phrases a word not closed by `_`
 *   is a stem (TABARI: `IRAN` also matches Iranian); agent words match exactly, with
 *   their plurals, as in PETRARCH 2.
 *
 * Anything else that cannot be read — an unclosed `[`, `{` or comment, a malformed
 * date, a restriction with no phrase before it, an undefined substitution set — is an
 * InputError `file:line: message`. An agent with no code is skipped with a warning,
 * as PETRARCH does (the Phoenix agents file has one).
 */

export interface DictionaryPhrase {
  words: string[];
  stems: boolean[];
}

export interface ActorEntry {
  /** The primary phrase as written (underscores as spaces): the actor's dictionary name. */
  name: string;
  phrases: DictionaryPhrase[];
  codes: DatedCodes;
  /** Where the entry starts, for messages. */
  line: number;
}

export interface ActorDictionary {
  file: string;
  entries: ActorEntry[];
  warnings: string[];
}

export interface AgentEntry {
  phrase: DictionaryPhrase;
  /** The phrase as written, for reports. */
  text: string;
  code: AgentCode;
  line: number;
}

export interface AgentDictionary {
  file: string;
  entries: AgentEntry[];
  warnings: string[];
}

interface SourceLine {
  number: number;
  /** The line with comments removed and trailing blanks trimmed; leading blanks kept. */
  text: string;
}

function fail(file: string, line: number, message: string): never {
  throw new InputError(`${file}:${line}: ${message}`);
}

/** The lines that carry content, comments removed, with their 1-based numbers. */
function contentLines(text: string, file: string): SourceLine[] {
  const out: SourceLine[] = [];
  const lines = text.split(/\r?\n/);
  let commentFrom = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (commentFrom > 0) {
      const close = line.indexOf('-->');
      if (close === -1) continue;
      commentFrom = 0;
      line = line.slice(close + 3);
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('<!') && !trimmed.startsWith('<!--')) continue;
    // Inline and multi-line <!-- … --> comments.
    for (let open = line.indexOf('<!--'); open !== -1; open = line.indexOf('<!--')) {
      const close = line.indexOf('-->', open + 4);
      if (close === -1) {
        commentFrom = i + 1;
        line = line.slice(0, open);
        break;
      }
      line = line.slice(0, open) + line.slice(close + 3);
    }
    const hash = line.indexOf('#');
    if (hash !== -1) line = line.slice(0, hash);
    line = line.trimEnd();
    if (line.trim() !== '') out.push({ number: i + 1, text: line });
  }
  if (commentFrom > 0) fail(file, commentFrom, 'comment "<!--" is never closed with "-->"');
  return out;
}

/**
 * Splits a dictionary phrase into word keys. `stemWords` says whether a word not
 * closed by `_` is a stem. Parentheses become words of their own, as the tokenizer
 * makes them; hyphens split words, as in the text's word stream.
 */
export function parsePhrase(raw: string, stemWords: boolean): DictionaryPhrase {
  const words: string[] = [];
  const stems: boolean[] = [];
  const re = /([^\s_]+)(_?)/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const closed = m[2] === '_';
    const pieces = m[1]!
      .replace(/([()])/g, ' $1 ')
      .split(/[\s\-‐‑]+/)
      .filter((p) => p !== '');
    pieces.forEach((piece, k) => {
      words.push(wordKey(piece));
      const last = k === pieces.length - 1;
      stems.push(stemWords && last && !closed && /[a-z]$/i.test(piece) && piece.length >= 3);
    });
  }
  return { words, stems };
}

const DATE_SPEC = /^(?:([<>]?)(\d{6,})|(\d{6,})-(\d{6,}))$/;

/** A dictionary date → YYYYMMDD number, PETRARCH's reading: up to 7 digits are YYMMDD. */
function parseDate(digits: string, file: string, line: number): number {
  let year: number;
  let month: number;
  let day: number;
  if (digits.length <= 7) {
    const yy = Number(digits.slice(0, 2));
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    month = Number(digits.slice(2, 4));
    day = Number(digits.slice(4, 6));
  } else {
    year = Number(digits.slice(0, 4));
    month = Number(digits.slice(4, 6));
    day = Number(digits.slice(6, 8));
  }
  const monthDays = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1]!) {
    fail(file, line, `"${digits}" is not a valid date (YYMMDD or YYYYMMDD)`);
  }
  return year * 10000 + month * 100 + day;
}

/** The `[…]` groups of a line and the text before the first one. */
function splitCodes(text: string, file: string, line: number, warnings: string[]): { phrase: string; groups: string[] } {
  const groups: string[] = [];
  const first = text.indexOf('[');
  // PETRARCH reads a stray "]" inside a phrase as part of a word (the Phoenix
  // countries file has one such typo); so do we, with a warning.
  if (text.includes(']') && (first === -1 || text.indexOf(']') < first)) {
    warnings.push(`${file}:${line}: stray "]" in a phrase; read as part of the word`);
  }
  if (first === -1) return { phrase: text, groups };
  let rest = text.slice(first);
  while (rest.length > 0) {
    if (rest[0] !== '[') {
      // Notes after the codes (the Phoenix international file has a few) are ignored.
      warnings.push(`${file}:${line}: text after the code ignored: "${rest.trim()}"`);
      break;
    }
    let close = rest.indexOf(']');
    if (close === -1 && rest.indexOf('}') !== -1) {
      // "[~ENV}": a typo PETRARCH reads as a closed code (Phoenix agents has one).
      close = rest.indexOf('}');
      warnings.push(`${file}:${line}: code "[" closed by "}"; read as "]"`);
    }
    if (close === -1) fail(file, line, 'code "[" is never closed with "]"');
    const inner = rest.slice(1, close);
    if (inner.includes('[')) fail(file, line, 'code "[" is never closed with "]"');
    groups.push(inner);
    rest = rest.slice(close + 1).trimStart();
  }
  return { phrase: text.slice(0, first), groups };
}

function parseRestriction(group: string, file: string, line: number, warnings: string[]): CodeRestriction {
  const parts = group.trim().split(/\s+/);
  const code = parts[0] ?? '';
  if (code === '') fail(file, line, 'empty code "[]"');
  const spec = parts.slice(1).join('');
  if (spec === '') return { code: normaliseCode(code), from: null, to: null };
  const m = DATE_SPEC.exec(spec);
  if (!m) fail(file, line, `cannot read the date restriction "${spec}" (use <date, >date or date-date)`);
  if (m[1] === '<') return { code: normaliseCode(code), from: null, to: parseDate(m[2]!, file, line) };
  if (m[1] === '') {
    // A bare date (two in the Phoenix countries file) marks when the role began.
    warnings.push(`${file}:${line}: date "${m[2]}" without < or >; read as >${m[2]}`);
    return { code: normaliseCode(code), from: parseDate(m[2]!, file, line), to: null };
  }
  if (m[1] === '>') return { code: normaliseCode(code), from: parseDate(m[2]!, file, line), to: null };
  return { code: normaliseCode(code), from: parseDate(m[3]!, file, line), to: parseDate(m[4]!, file, line) };
}

function addCodes(codes: DatedCodes, groups: string[], file: string, line: number, warnings: string[]): void {
  for (const group of groups) {
    const r = parseRestriction(group, file, line, warnings);
    if (r.from === null && r.to === null) codes.defaultCode = r.code;
    else codes.restrictions.push(r);
  }
}

export function parseActorDictionary(text: string, file: string): ActorDictionary {
  const entries: ActorEntry[] = [];
  const warnings: string[] = [];
  let current: ActorEntry | null = null;
  for (const { number, text: raw } of contentLines(text, file)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      if (!current) fail(file, number, 'code restriction with no actor phrase before it');
      addCodes(current.codes, splitCodes(line, file, number, warnings).groups, file, number, warnings);
      continue;
    }
    const synonym = line.startsWith('+');
    const { phrase, groups } = splitCodes(synonym ? line.slice(1) : line, file, number, warnings);
    const parsed = parsePhrase(phrase.trim(), true);
    if (parsed.words.length === 0) fail(file, number, synonym ? 'synonym "+" with no phrase' : 'entry with no phrase');
    if (synonym) {
      if (!current) fail(file, number, 'synonym "+" with no actor phrase before it');
      current.phrases.push(parsed);
    } else {
      current = {
        name: phrase.replace(/_/g, ' ').replace(/\s+/g, ' ').trim(),
        phrases: [parsed],
        codes: { defaultCode: null, restrictions: [] },
        line: number,
      };
      entries.push(current);
    }
    addCodes(current.codes, groups, file, number, warnings);
  }
  return { file, entries, warnings };
}

function regularPlural(phrase: string): string {
  const t = phrase.trimEnd();
  if (/Y$/i.test(t)) return t.slice(0, -1) + 'IES';
  if (/S$/i.test(t)) return t + 'ES';
  return t + 'S';
}

function parseAgentCode(group: string, file: string, line: number): AgentCode | null {
  const code = group.trim().replace(/\s+/g, '');
  if (code.startsWith('~') && code.length > 1) return { code: code.slice(1).toUpperCase(), position: 'after' };
  if (code.endsWith('~') && code.length > 1) return { code: code.slice(0, -1).toUpperCase(), position: 'before' };
  fail(file, line, `agent code "[${group}]" must start or end with "~" ([~GOV] or [NGO~])`);
}

export function parseAgentDictionary(text: string, file: string): AgentDictionary {
  const entries: AgentEntry[] = [];
  const warnings: string[] = [];
  const sets = new Map<string, string[]>();
  const add = (phraseText: string, code: AgentCode, line: number): void => {
    const phrase = parsePhrase(phraseText.trim(), false);
    if (phrase.words.length > 0) entries.push({ phrase, text: phraseText.replace(/_/g, ' ').trim(), code, line });
  };
  for (const { number, text: raw } of contentLines(text, file)) {
    const line = raw.trim();
    const definition = /^!([^!\s]+)!\s*=(.*)$/.exec(line);
    if (definition) {
      const items = definition[2]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (items.length === 0) fail(file, number, `substitution set !${definition[1]}! has no members`);
      sets.set(definition[1]!.toUpperCase(), items);
      continue;
    }
    if (line.includes('=') && line.startsWith('!')) fail(file, number, 'substitution set must read !NAME! = A, B, C');
    const { phrase, groups } = splitCodes(line, file, number, warnings);
    if (groups.length === 0) {
      warnings.push(`${file}:${number}: agent "${phrase.trim()}" has no [code]; skipped`);
      continue;
    }
    const code = parseAgentCode(groups[0]!, file, number);
    if (!code) continue;
    let body = phrase;
    let plural: string | null = null;
    const open = body.indexOf('{');
    if (open !== -1) {
      const close = body.indexOf('}', open);
      if (close === -1) fail(file, number, 'plural "{" is never closed with "}"');
      plural = body.slice(open + 1, close).trim();
      body = body.slice(0, open) + body.slice(close + 1);
    } else if (body.includes('}')) {
      fail(file, number, 'unexpected "}" with no "{" before it');
    }
    const marker = /!([^!\s]*)!/.exec(body);
    if (marker) {
      const members = sets.get(marker[1]!.toUpperCase());
      if (!members) fail(file, number, `substitution set !${marker[1]}! is not defined above this line`);
      for (const member of members) add(body.replace(marker[0], member), code, number);
      continue;
    }
    if (body.includes('!')) fail(file, number, 'substitution marker must read !NAME!');
    add(body, code, number);
    const pluralForm = plural === null ? regularPlural(body) : plural;
    if (pluralForm !== '') add(pluralForm, code, number);
  }
  return { file, entries, warnings };
}

function readDictionaryFile(path: string, kind: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError(`cannot read ${kind} dictionary ${path}: ${reason}`, { cause: error });
  }
}

export function loadActorDictionary(path: string): ActorDictionary {
  return parseActorDictionary(readDictionaryFile(path, 'actor'), path);
}

export function loadAgentDictionary(path: string): AgentDictionary {
  return parseAgentDictionary(readDictionaryFile(path, 'agent'), path);
}
