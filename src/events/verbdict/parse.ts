import { InputError } from '../../errors.js';

/**
 * Reader for PETRARCH/TABARI verb dictionaries (PETRARCH's dictionaries.rst, "Verb
 * Dictionary"), both the TABARI-style files (PETR.Validate.verbs.txt) and PETRARCH 2's
 * CAMEO.2.0.txt:
 *
 *   &SYNSET            a synonym set, members on the following `+WORD PHRASE` lines
 *   --- NAME [CODE] ---  a verb block; CODE (`---` for none) is the default code
 *   VERB {FORMS} [CODE]  a verb of the block, irregular forms in {…}, own code optional
 *   +VERB_PARTICLE, WIRE_+TAP   multiword verbs, `+` marking the verb word
 *   - UPPER * LOWER [CODE] # comment   a pattern: words before and after the verb (`*`);
 *                      `_` joins words that must be adjacent, `$` source, `+` target,
 *                      `%` compound (source and target), `^` skip a noun phrase,
 *                      `&SYN` a synset, `{…}` a noun phrase, `(PREP …)` a prepositional
 *                      phrase; CODE may be `A:B` (an event A and its reciprocal B)
 *   ~ …                 a transformation (read and checked, not applied)
 *
 * Comments: `#` to the end of the line, `<!-- … -->` (also over several lines).
 * A syntax error is an InputError `file:line: message`.
 */

export type Element =
  | { kind: 'word'; word: string; tight: boolean }
  | { kind: 'synset'; label: string; tight: boolean }
  | { kind: 'source' | 'target' | 'compound' | 'skip'; tight: boolean };

export interface Pattern {
  /** Elements before the verb, nearest the verb first. */
  upper: Element[];
  /** Elements after the verb, in order. */
  lower: Element[];
  code: string;
  /** Reciprocal code ("032:033" -> "033"), the event with source and target swapped. */
  reciprocal: string | null;
  file: string;
  line: number;
  /** Number of words and synsets: more specific patterns are tried first. */
  weight: number;
}

export interface VerbBlock {
  name: string;
  code: string | null;
  /** "--- VISIT [042:043] ---": the reciprocal code of the block's events. */
  reciprocal: string | null;
  patterns: Pattern[];
}

export interface VerbEntry {
  /** The verb word (lower case) as written, and its own code if any. */
  root: string;
  code: string | null;
  reciprocal: string | null;
  block: VerbBlock;
  /** Words of a multiword verb before and after the verb word. */
  before: string[];
  after: string[];
}

export interface VerbDictionary {
  /** Every form of every verb (lower case) -> its entries. */
  forms: Map<string, VerbEntry[]>;
  synsets: Map<string, string[][]>;
  blocks: VerbBlock[];
  transformations: number;
}

export function emptyDictionary(): VerbDictionary {
  return { forms: new Map(), synsets: new Map(), blocks: [], transformations: 0 };
}

/** Regular verb forms generated from a root (dictionaries.rst: S, ED, ING). */
export function regularForms(root: string): string[] {
  const forms = [root, root + 's'];
  if (/e$/.test(root)) forms.push(root + 'd', root.slice(0, -1) + 'ing');
  else forms.push(root + 'ed', root + 'ing');
  if (/[^aeiou]y$/.test(root)) forms.push(root.slice(0, -1) + 'ies', root.slice(0, -1) + 'ied');
  if (/(s|sh|ch|x|z)$/.test(root)) forms.push(root + 'es');
  // A doubled final consonant (stop -> stopped) is common enough to generate too.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(root)) forms.push(root + root.slice(-1) + 'ed', root + root.slice(-1) + 'ing');
  return forms;
}

/** Drops a `#` comment; a `#` inside a [code] (TABARI's [###]) is not one. */
function stripComment(raw: string): string {
  let inCode = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '[') inCode = true;
    else if (ch === ']') inCode = false;
    else if (ch === '#' && !inCode) return raw.slice(0, i).replace(/\s+$/, '');
  }
  return raw.replace(/\s+$/, '');
}

export function parseVerbDictionary(content: string, file: string, into: VerbDictionary = emptyDictionary()): VerbDictionary {
  const fail = (line: number, message: string): never => {
    throw new InputError(`${file}:${line}: ${message}`);
  };
  const lines = content.split(/\r?\n/);
  let block: VerbBlock | null = null;
  let synset: { label: string; line: number; members: string[][] } | null = null;
  let lastVerb: VerbEntry | null = null;
  const pending: { pattern: Pattern; labels: string[] }[] = [];
  const closeSynset = () => {
    if (!synset) return;
    if (synset.members.length === 0) fail(synset.line, `synset ${synset.label} has no members (expected lines starting with +)`);
    into.synsets.set(synset.label, synset.members);
    synset = null;
  };

  let inComment = false;
  let commentLine = 0;
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    let raw = lines[n]!;
    // XML-style comments, possibly over several lines.
    if (inComment) {
      const close = raw.indexOf('-->');
      if (close === -1) continue;
      raw = raw.slice(close + 3);
      inComment = false;
    }
    for (;;) {
      const open = raw.indexOf('<!--');
      if (open === -1) break;
      const close = raw.indexOf('-->', open + 4);
      if (close === -1) {
        raw = raw.slice(0, open);
        inComment = true;
        commentLine = lineNo;
        break;
      }
      raw = raw.slice(0, open) + raw.slice(close + 3);
    }
    const line = stripComment(raw);
    const trimmed = line.trim();
    if (trimmed === '') {
      // A blank line ends a synset; a comment-only line does not.
      if (raw.trim() === '') closeSynset();
      continue;
    }
    if (trimmed.startsWith('&')) {
      closeSynset();
      const label = trimmed.split(/\s+/)[0]!;
      if (!/^&[A-Za-z0-9_]+$/.test(label)) fail(lineNo, `bad synset label "${label}"`);
      synset = { label: label.replace(/_$/, ''), line: lineNo, members: [] };
      continue;
    }
    if (synset && trimmed.startsWith('+')) {
      const phrase = trimmed.slice(1).trim();
      if (phrase === '') fail(lineNo, 'empty synset member');
      if (/[$%^*]/.test(phrase)) fail(lineNo, `a synset member may hold only words, not "${phrase}"`);
      synset.members.push(phrase.toLowerCase().split(/[\s_]+/).filter(Boolean));
      continue;
    }
    closeSynset();
    if (trimmed.startsWith('---')) {
      const m = /^---\s*([^[\]]*?[^\s[\]-][^[\]]*?)\s*((?:\[[^\]]*\]\s*)*)[-\s]*$/.exec(trimmed);
      if (!m) fail(lineNo, `bad verb block header "${trimmed}" (expected --- NAME [CODE] ---)`);
      // The first code is the block's (TABARI files sometimes carry a second, unused one).
      const [code, reciprocal] = (/\[([^\]]*)\]/.exec(m![2] ?? '')?.[1] ?? '---').trim().split(':').map((c) => c.trim());
      const real = (c: string | undefined) => (c && c !== '---' ? c : null);
      block = { name: m![1]!, code: real(code), reciprocal: real(code) ? real(reciprocal) : null, patterns: [] };
      into.blocks.push(block);
      lastVerb = null;
      continue;
    }
    if (trimmed.startsWith('~')) {
      if (!trimmed.includes('=')) fail(lineNo, 'transformation has no "=" (expected ~ a (a b VERB) VERB = a b CODE)');
      into.transformations++;
      continue;
    }
    if (/^#{3,}/.test(trimmed)) continue;
    if (trimmed.startsWith('-')) {
      if (!block) fail(lineNo, 'pattern outside a verb block (expected a "--- NAME [CODE] ---" line before it)');
      const parsed = parsePattern(trimmed.slice(1), file, lineNo, fail);
      if (parsed.pattern.code !== '') {
        if (parsed.labels.length > 0) pending.push(parsed);
        block!.patterns.push(parsed.pattern);
      }
      continue;
    }
    // A verb line.
    if (!block) fail(lineNo, 'verb outside a verb block (expected a "--- NAME [CODE] ---" line before it)');
    const entries = parseVerbLine(trimmed, block!, lineNo, fail);
    for (const { entry, forms } of entries) {
      for (const form of forms) {
        const list = into.forms.get(form) ?? [];
        if (!list.some((e) => e.root === entry.root && e.block === entry.block && e.before.join() === entry.before.join() && e.after.join() === entry.after.join())) list.push(entry);
        into.forms.set(form, list);
      }
      lastVerb = entry;
    }
  }
  closeSynset();
  if (inComment) fail(commentLine, 'unterminated <!-- comment (no -->)');
  void lastVerb;
  // A pattern with an undefined synset is ignored, as PETRARCH does.
  for (const { pattern, labels } of pending) {
    if (labels.every((l) => into.synsets.has(l))) continue;
    for (const b of into.blocks) {
      const k = b.patterns.indexOf(pattern);
      if (k !== -1) b.patterns.splice(k, 1);
    }
  }
  for (const b of into.blocks) b.patterns.sort((a, c) => c.weight - a.weight);
  return into;
}

function parseVerbLine(text: string, block: VerbBlock, lineNo: number, fail: (l: number, m: string) => never): { entry: VerbEntry; forms: string[] }[] {
  let rest = text;
  let code: string | null = null;
  let reciprocal: string | null = null;
  const codeMatch = /\[([^\]]*)\]\s*(;.*)?$/.exec(rest);
  if (codeMatch) {
    const [a, b] = codeMatch[1]!.trim().split(':').map((c) => c.trim());
    code = a && a !== '---' ? a : null;
    reciprocal = code && b && b !== '---' ? b : null;
    rest = rest.slice(0, codeMatch.index);
  } else if (rest.includes('[') || rest.includes(']')) fail(lineNo, `unbalanced [ ] in verb line "${text}"`);
  rest = rest.replace(/;.*$/, '');
  let irregular: string[] | null = null;
  const open = rest.indexOf('{');
  if (open !== -1) {
    const close = rest.indexOf('}', open);
    if (close === -1) fail(lineNo, `unclosed { in verb line "${text}"`);
    irregular = rest.slice(open + 1, close).trim().split(/\s+/).filter(Boolean);
    if (rest.slice(close + 1).trim() !== '') fail(lineNo, `unexpected text after } in verb line "${text}"`);
    rest = rest.slice(0, open);
  } else if (rest.includes('}')) fail(lineNo, `unbalanced } in verb line "${text}"`);
  const word = rest.trim();
  if (word === '') fail(lineNo, `verb line without a verb: "${text}"`);
  // TABARI writes multiword verbs with _ or with spaces ("LASH OUT").
  const parts = word.replace(/_$/, '').split(/[\s_]+/).filter(Boolean);
  let verbAt = parts.findIndex((p) => p.startsWith('+'));
  if (verbAt === -1) verbAt = 0;
  const clean = parts.map((p) => p.replace(/^\+/, '').toLowerCase());
  if (clean.some((p) => !/^[a-z0-9'.-]+$/.test(p))) fail(lineNo, `bad verb "${word}"`);
  const root = clean[verbAt]!;
  const entry: VerbEntry = { root, code, reciprocal, block, before: clean.slice(0, verbAt), after: clean.slice(verbAt + 1) };
  const forms = new Set(regularForms(root));
  if (irregular) {
    for (const f of irregular) {
      const fparts = f.split('_').filter(Boolean);
      let at = fparts.findIndex((p) => p.startsWith('+'));
      if (at === -1) at = Math.min(verbAt, fparts.length - 1);
      forms.add(fparts[at]!.replace(/^\+/, '').toLowerCase());
    }
  }
  return [{ entry, forms: [...forms] }];
}

function parsePattern(text: string, file: string, lineNo: number, fail: (l: number, m: string) => never): { pattern: Pattern; labels: string[] } {
  const codeMatch = /\[([^\]]*)\]\s*$/.exec(text.trim());
  if (!codeMatch) fail(lineNo, 'pattern has no [CODE] at its end');
  const body = text.trim().slice(0, codeMatch!.index);
  if (body.includes('[') || body.includes(']')) fail(lineNo, 'unbalanced [ ] in pattern');
  const [codeA, codeB] = codeMatch![1]!.trim().split(':');
  // { } and ( ) only group words for PETRARCH 2's parser; a stray one (CAMEO.2.0.txt has one) is harmless here.
  const stars = body.split('*').length - 1;
  if (stars === 0) fail(lineNo, 'pattern has no verb position *');
  if (stars > 1) fail(lineNo, 'pattern has more than one verb position *');
  // Tokens: split on white space (loose) and underscores (tight: adjacent words).
  // Each element records whether it is joined to the token before it in the text.
  const upperText: Element[] = [];
  const lower: Element[] = [];
  const labels: string[] = [];
  let side: Element[] = upperText;
  let joined = false;
  let starJoined = false;
  let weight = 0;
  const cleaned = body.replace(/[{}()]/g, ' ').replace(/\s*_\s*/g, '_');
  // The verb mark stands alone even when glued to a word ("*SCEPTICAL" occurs in CAMEO.2.0.txt).
  const re = /(\*|[^\s_*]+)|(_)|(\s+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleaned))) {
    if (m[2]) {
      joined = true;
      continue;
    }
    if (m[3]) continue;
    const tok = m[1]!;
    const tight = joined;
    joined = false;
    if (tok === '*') {
      starJoined = tight;
      side = lower;
      continue;
    }
    let el: Element;
    if (tok === '$') el = { kind: 'source', tight };
    else if (tok === '+') el = { kind: 'target', tight };
    else if (tok === '%') el = { kind: 'compound', tight };
    else if (tok === '^') el = { kind: 'skip', tight };
    else if (tok.startsWith('&')) {
      const label = tok.replace(/_$/, '');
      if (!/^&[A-Za-z0-9]+$/.test(label)) fail(lineNo, `bad synset reference "${tok}" in pattern`);
      labels.push(label);
      el = { kind: 'synset', label, tight };
      weight++;
    } else {
      if (!/^[A-Za-z0-9'.,:;!?"`\-/&]+$/.test(tok)) fail(lineNo, `unexpected "${tok}" in pattern`);
      el = { kind: 'word', word: tok.toLowerCase(), tight };
      weight++;
    }
    side.push(el);
  }
  // Upper elements are matched walking left from the verb, nearest first; there
  // "tight" must mean "adjacent to what was matched before it" (the verb, or the
  // element to its right in the text).
  const upperNearFirst: Element[] = [];
  for (let k = upperText.length - 1; k >= 0; k--) {
    const tight = k === upperText.length - 1 ? starJoined : upperText[k + 1]!.tight;
    upperNearFirst.push({ ...upperText[k]!, tight });
  }
  return {
    pattern: { upper: upperNearFirst, lower, code: codeA === '---' ? '---' : (codeA ?? '').trim(), reciprocal: codeB && codeB !== '---' ? codeB.trim() : null, file, line: lineNo, weight },
    labels,
  };
}
