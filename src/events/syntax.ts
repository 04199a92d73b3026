import type { Doc, Token } from '../doc/types.js';

/**
 * Shallow syntax over wink-nlp tokens (POS and lemmas only; no parser): noun-phrase
 * chunks, and the subject or object of a verb found by walking left or right over
 * the clause. Rules, each stated where it is applied; see docs/events.md.
 */

export interface NounPhrase {
  /** Token range [first, last) in `Doc.tokens`. */
  first: number;
  last: number;
  /** Index of the head token (the last noun, proper noun, pronoun or number). */
  head: number;
  /** Tokens of a possessor ("Iran's" in "Iran's attack"), if any: [first, last). */
  possessor: [number, number] | null;
  pronoun: boolean;
  /** A relative pronoun (who, which, that) standing for the noun phrase before it. */
  relative: boolean;
}

const NP_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON']);
const PERSONAL = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'me', 'us', 'him', 'her', 'them']);
const POSSESSIVE_PRON = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their']);
const RELATIVE = new Set(['who', 'which', 'whom', 'whose']);
const QUANTITY = new Set([
  'ten', 'tens', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'dozen', 'dozens', 'score', 'scores',
  'number', 'group', 'some', 'many', 'most', 'all', 'few', 'several', 'none', 'one', 'two', 'three', 'four', 'five', 'six',
  'seven', 'eight', 'nine', 'majority', 'part', 'member', 'members', 'each', 'any', 'both', 'band', 'contingent', 'batch',
  'patch', 'handful', 'unit', 'wave', 'crowd', 'team', 'squad', 'delegation', 'series', 'string', 'spate', 'rash',
]);
export const TIME_WORDS = new Set([
  'today', 'yesterday', 'tomorrow', 'tonight', 'week', 'weekend', 'month', 'year', 'day', 'morning', 'afternoon', 'evening',
  'night', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'hour', 'minute', 'decade',
  'century', 'overnight', 'earlier', 'later', 'time', 'moment', 'period', 'season', 'spring', 'summer', 'autumn', 'winter',
]);

/** Prepositions that open a clause: the phrase after them can be the next verb's subject ("after the president ordered"). */
const SUBORDINATING = new Set(['after', 'before', 'since', 'until', 'as', 'while', 'once', 'when', 'because', 'though', 'although', 'if', 'unless', 'whereas']);

let complementVerbs: Set<string> = new Set();
/** Verbs whose object can be a clause ("said Iran attacked"): the phrase after them is a subject. */
export function setComplementVerbs(verbs: Iterable<string>): void {
  complementVerbs = new Set(verbs);
}

let headlineVerbs: Set<string> = new Set();
/** Verbs that govern a reported, claimed, denied or intended event (see isNounTaggedVerb). */
export function setHeadlineVerbs(verbs: Iterable<string>): void {
  headlineVerbs = new Set(verbs);
}

/**
 * A present-tense verb wink-nlp tagged as a noun, as headlines have them: "Islamic State
 * claims/NOUN deadly bombing", "Militia denies/NOUN attack", "separatists claim/NOUN
 * abduction". A governing verb's lemma right before its object: in -s form right after a
 * name, in its bare form right after a plural subject.
 */
export function isNounTaggedVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos !== 'NOUN') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || prev.sentence !== t.sentence || !next || next.sentence !== t.sentence) return false;
  const thirdPerson = t.norm.endsWith('s') && !t.norm.endsWith('ss');
  if (thirdPerson) {
    if (!headlineVerbs.has(t.lemma.toLowerCase()) || prev.pos !== 'PROPN') return false;
  } else {
    const pluralSubject = (prev.pos === 'NOUN' || prev.pos === 'PROPN') && prev.norm.endsWith('s') && !prev.norm.endsWith('ss');
    if (!headlineVerbs.has(t.norm) || !pluralSubject) return false;
  }
  return next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'NUM' || next.pos === 'NOUN' || next.pos === 'PROPN';
}

const MONTHS_AND_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'back', 'away', 'over']);
const QUANTITY_LEAD = new Set(['more', 'less', 'fewer', 'than', 'up', 'to', 'at', 'least', 'most', 'nearly', 'about', 'around',
  'over', 'almost', 'roughly', 'approximately', 'some', 'as', 'many', 'under', 'just']);
const STANDALONE_TIME = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday']);

/** Lower-cased lemma: wink keeps the case of some proper nouns' lemmas. */
export function lemmaOf(t: Token): string {
  return t.lemma.toLowerCase();
}

function isHyphen(t: Token | undefined): boolean {
  return !!t && (t.text === '-' || t.text === '‐' || t.text === '‑');
}

/** True when token i is glued to its neighbour by a hyphen with no space: "Iranian-backed", "12-month". */
export function hyphenJoined(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const tok = tokens[i];
  // (a hyphen ending the text, "the pay-to-", has nothing after it)
  if (!tok) return false;
  if (prev && isHyphen(prev) && prev.end === tok.start && tokens[i - 2] && tokens[i - 2]!.end === prev.start) return true;
  if (next && isHyphen(next) && tok.end === next.start && tokens[i + 2] && next.end === tokens[i + 2]!.start) return true;
  return false;
}

function isPossessiveMarker(t: Token | undefined): boolean {
  return !!t && t.pos === 'PART' && /^['’]s?$/i.test(t.text);
}

/** Tokens that may sit inside a noun phrase. */
function npToken(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (NP_POS.has(t.pos)) {
    if (t.pos === 'PRON') return POSSESSIVE_PRON.has(t.norm);
    if (t.pos === 'DET' && (t.norm === 'that' || t.norm === 'which')) return false;
    return true;
  }
  // "Iranian-backed", "U.S.-led", "al-Kadhimi": hyphen and the word after it belong to the phrase.
  if (isHyphen(t)) return hyphenJoined(tokens, i - 1) && hyphenJoined(tokens, i + 1);
  if (t.pos === 'VERB' && hyphenJoined(tokens, i)) return true;
  // A capitalised "verb" inside a name ("Red Cross", "the Coordinating Committee").
  if (t.pos === 'VERB' && /^[A-Z]/.test(t.text) && i > 0 && tokens[i - 1]!.sentence === t.sentence &&
      (tokens[i - 1]!.pos === 'PROPN' || tokens[i - 1]!.pos === 'DET' && tokens[i + 1]?.pos === 'PROPN')) return true;
  if (isPossessiveMarker(t)) return true;
  // Quoted names inside a phrase are not chunked through; an apostrophe-name (Kait’ib) is one token already.
  return false;
}

/**
 * Noun-phrase chunks of one sentence. A determiner inside a run starts a new phrase
 * ("gave Kadhimi a window"), a personal pronoun is a phrase of its own, and a
 * possessive marker keeps possessor and possessed together but records the split.
 */
/**
 * An -ing word wink-nlp tagged a noun that takes a number or determiner after it is a
 * verb with its object: "killing nine soldiers and wounding/NOUN 14", "injuring/NOUN
 * the driver", "wounding/NOUN dozens". It opens no noun phrase; what follows is its object.
 */
function gerundWithObject(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos !== 'NOUN' || !t.norm.endsWith('ing') || t.norm.length < 6) return false;
  const prev = tokens[i - 1];
  if (prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM' || isPossessiveMarker(prev) || POSSESSIVE_PRON.has(prev.norm))) return false;
  const next = tokens[i + 1];
  return !!next && (next.pos === 'NUM' || (next.pos === 'DET' && next.norm !== 'no') || COUNT_WORDS.has(next.norm));
}

/** Words that count people as a number does: "wounding dozens", "injuring scores of others". */
const COUNT_WORDS: ReadonlySet<string> = new Set(['dozens', 'hundreds', 'thousands', 'scores', 'others', 'several', 'many', 'more']);

export function chunkSentence(tokens: Token[], first: number, last: number): NounPhrase[] {
  const out: NounPhrase[] = [];
  let i = first;
  while (i < last) {
    const t = tokens[i]!;
    if (t.pos === 'PRON' && (PERSONAL.has(t.norm) || RELATIVE.has(t.norm))) {
      out.push({ first: i, last: i + 1, head: i, possessor: null, pronoun: PERSONAL.has(t.norm), relative: RELATIVE.has(t.norm) });
      i++;
      continue;
    }
    if (!npToken(tokens, i) || isPossessiveMarker(t) || gerundWithObject(tokens, i) || isNounTaggedVerb(tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    let possessor: [number, number] | null = null;
    while (j < last && npToken(tokens, j) && !isNounTaggedVerb(tokens, j)) {
      const tj = tokens[j]!;
      if (j > i && tj.pos === 'DET' && !isPossessiveMarker(tokens[j - 1]) && !POSSESSIVE_PRON.has(tokens[j - 1]!.norm)) break;
      if (j > i && tj.pos === 'PRON' && !isPossessiveMarker(tokens[j - 1])) break;
      // An adjective after a noun ends the phrase unless a noun follows ("Port Meridian late on Tuesday").
      if (j > i && tj.pos === 'ADJ' && (tokens[j - 1]!.pos === 'NOUN' || tokens[j - 1]!.pos === 'PROPN') && !hyphenJoined(tokens, j) &&
          !(tokens[j + 1] && (tokens[j + 1]!.pos === 'NOUN' || tokens[j + 1]!.pos === 'PROPN' || tokens[j + 1]!.pos === 'ADJ'))) break;
      // A number after a noun that counts what follows starts a new phrase: "hand over to
      // Great Britain two of its nationals" (but "May 5", "Resolution 1441" stay whole).
      if (j > i && tj.pos === 'NUM' && (tokens[j - 1]!.pos === 'NOUN' || tokens[j - 1]!.pos === 'PROPN') && !MONTHS_AND_DAYS.has(tokens[j - 1]!.norm) &&
          tokens[j + 1] && (tokens[j + 1]!.norm === 'of' || tokens[j + 1]!.pos === 'NOUN' || tokens[j + 1]!.pos === 'ADJ')) break;
      // A time word after a name is its own phrase: "visited Russia today", "signed an agreement Monday".
      if (j > i && STANDALONE_TIME.has(tj.norm) && !isPossessiveMarker(tokens[j - 1])) break;
      if (isPossessiveMarker(tj)) possessor = [i, j];
      // A number after a noun starts a new phrase ("Gondor 12 soldiers" is rare; "May 5" is a date and stays).
      j++;
    }
    // Drop a dangling possessive marker or hyphen at the end.
    let end = j;
    while (end > i && (isPossessiveMarker(tokens[end - 1]) || isHyphen(tokens[end - 1]))) end--;
    // Determiners and adjectives alone ("is willing", "the") are not a noun phrase.
    let nominal = false;
    for (let k = i; k < end; k++) if (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NUM') nominal = true;
    if (end > i && nominal) {
      const head = headOf(tokens, i, end);
      // "its demand", "their withdrawal": a possessive pronoun is the possessor.
      if (!possessor && tokens[i]!.pos === 'PRON' && POSSESSIVE_PRON.has(tokens[i]!.norm) && end > i + 1) possessor = [i, i + 1];
      out.push({ first: i, last: end, head, possessor: possessor && possessor[1] < end ? possessor : null, pronoun: false, relative: false });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

function headOf(tokens: Token[], first: number, last: number): number {
  for (let k = last - 1; k >= first; k--) {
    const p = tokens[k]!.pos;
    if (p === 'NOUN' || p === 'PROPN' || p === 'NUM') return k;
  }
  return last - 1;
}

const built = new WeakMap<Doc, Clauses>();

/** Longest appositive or participle clause between a subject and its verb, in tokens. */
const MAX_PARENTHETICAL = 14;
/** Longest non-restrictive relative clause there ("X, which …, said"). */
const MAX_RELATIVE_BLOCK = 32;
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whose', 'whom']);
const QUOTE_MARKS = /^["“”'‘’«»]$/;

/** Per-sentence chunk index, cached on the doc run. */
export class Clauses {
  readonly phrases: NounPhrase[] = [];
  readonly tokens: Token[];
  /** Token index -> phrase index (or -1). */
  private readonly owner: Int32Array;

  /** The chunks of a document, built once and shared by the stages that read them. */
  static of(doc: Doc): Clauses {
    let c = built.get(doc);
    if (!c || c.tokens !== doc.tokens) {
      c = new Clauses(doc);
      built.set(doc, c);
    }
    return c;
  }

  constructor(readonly doc: Doc) {
    this.tokens = doc.tokens;
    this.owner = new Int32Array(doc.tokens.length).fill(-1);
    for (const s of doc.sentences) {
      for (const np of chunkSentence(doc.tokens, s.firstToken, s.lastToken)) {
        const index = this.phrases.length;
        this.phrases.push(np);
        for (let k = np.first; k < np.last; k++) this.owner[k] = index;
      }
    }
  }

  phraseAt(i: number): NounPhrase | null {
    if (i < 0 || i >= this.owner.length) return null;
    const k = this.owner[i]!;
    return k < 0 ? null : this.phrases[k]!;
  }

  phraseIndexAt(i: number): number {
    return i < 0 || i >= this.owner.length ? -1 : this.owner[i]!;
  }

  sentenceBounds(i: number): [number, number] {
    const s = this.doc.sentences[this.doc.tokens[i]!.sentence]!;
    return [s.firstToken, s.lastToken];
  }

  isTime(np: NounPhrase): boolean {
    const head = this.tokens[np.head]!;
    if (TIME_WORDS.has(lemmaOf(head)) || TIME_WORDS.has(head.norm)) return true;
    // "mid-August", "early-March" as one token.
    const part = /^(?:mid|early|late)-(\w+)$/.exec(head.norm);
    if (part && MONTHS_AND_DAYS.has(part[1]!)) return true;
    // "September 29": a month or weekday name with a number.
    if (head.pos === 'NUM' && np.last - np.first <= 3) {
      for (let k = np.first; k < np.last; k++) if (MONTHS_AND_DAYS.has(this.tokens[k]!.norm)) return true;
    }
    if (head.pos === 'NUM' && /^(1[89]|20)\d\d$/.test(head.text)) return true;
    return false;
  }

  /**
   * The phrase an actor really is: past quantities ("thousands of students" ->
   * students, "the group of militias" -> militias).
   */
  resolveQuantity(np: NounPhrase): NounPhrase {
    let cur = np;
    for (let guard = 0; guard < 4; guard++) {
      const head = this.tokens[cur.head]!;
      const of = this.tokens[cur.last];
      if (!of || of.norm !== 'of') return cur;
      const quantity = QUANTITY.has(head.norm) || QUANTITY.has(lemmaOf(head)) || head.pos === 'NUM';
      if (!quantity) return cur;
      const next = this.phraseAt(cur.last + 1);
      if (!next || next.first !== cur.last + 1) return cur;
      cur = next;
    }
    return cur;
  }

  /** The phrase ending right before token i (skipping nothing), if any. */
  phraseEndingAt(i: number): NounPhrase | null {
    const np = this.phraseAt(i);
    return np && np.last === i + 1 ? np : null;
  }

  /**
   * Subject of the verb at token v: walk left over auxiliaries, adverbs, negation and
   * time words to the nearest noun phrase of the clause. A relative pronoun stands
   * for the phrase before it; in "X turned around and claimed", the second verb shares
   * the first one's subject; a prepositional phrase right before the verb is skipped.
   */
  subjectOf(v: number, depth = 0): NounPhrase | null {
    const [first] = this.sentenceBounds(v);
    const tokens = this.tokens;
    let i = v - 1;
    let steps = 0;
    while (i >= first && steps++ < 25) {
      const t = tokens[i]!;
      const np = this.phraseAt(i);
      if (np && np.last === i + 1) {
        if (this.isTime(np)) {
          // "The PRC on Tuesday demanded": the time phrase and its preposition are skipped.
          i = np.first - 1;
          if (tokens[i] && tokens[i]!.pos === 'ADP' && ['on', 'in', 'at', 'during', 'since', 'by', 'earlier', 'late'].includes(tokens[i]!.norm)) i--;
          continue;
        }
        // (only within the sentence: a headline ending in a verb is not the clause before)
        const before = np.first > first ? tokens[np.first - 1] : undefined;
        if (before && before.pos === 'ADP' && before.norm !== 'of' && !(before.norm === 'like') && !SUBORDINATING.has(before.norm)) {
          // A prepositional phrase ("in Iraq") between subject and verb.
          i = np.first - 2;
          continue;
        }
        if (before && before.pos === 'VERB' && !complementVerbs.has(lemmaOf(before)) && !np.pronoun && depth < 3) {
          // The object of an earlier verb ("militias who have made this ultimatum … is calling"):
          // keep walking left, past that verb, to a relative pronoun or the clause's subject.
          // A participle after that object shares the earlier verb's subject ("X issued a
          // declaration demanding …").
          if (/ing$/.test(tokens[v]!.norm) && v === np.last) return this.subjectOf(np.first - 1, depth + 1);
          i = np.first - 2;
          while (i >= first && (tokens[i]!.pos === 'AUX' || tokens[i]!.pos === 'ADV')) i--;
          const rel = this.phraseAt(i);
          if (rel && rel.relative) {
            const ante = this.phraseBefore(rel.first);
            return ante ? this.resolveQuantity(ante) : null;
          }
          return null;
        }
        if (np.relative) {
          const ante = this.phraseBefore(np.first);
          return ante ? this.resolveQuantity(this.headPhrase(ante)) : null;
        }
        return this.headPhrase(np);
      }
      if (t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && !isPossessiveMarker(t)) || t.norm === 'to') {
        i--;
        continue;
      }
      // "Arnor is about to restore": "about to" is a marker of the verb.
      if (t.norm === 'about' && tokens[i + 1]?.norm === 'to') {
        i--;
        continue;
      }
      // "Washington along with its allies demanded": a two-word preposition.
      if (t.pos === 'ADP' && tokens[i + 1]?.pos === 'ADP') {
        i--;
        continue;
      }
      // A reduced relative between subject and verb: "The Red Cross operating in Iraq said".
      if (t.pos === 'VERB' && /(ing|ed)$/.test(t.norm) && this.phraseEndingAt(i - 1) && depth < 3) {
        i--;
        continue;
      }
      if (t.pos === 'CCONJ' && depth < 3) {
        // Coordinated verbs share a subject: find the previous verb in the clause.
        for (let k = i - 1; k >= first && k > i - 15; k--) {
          const tk = tokens[k]!;
          // Skip participles inside names and phrases ("the Coordinating Committee", "Iranian-backed").
          // (Nor a gerund after a preposition: "accused X of shelling the villages and summoned …".)
          const prepositionalGerund = /ing$/.test(tk.norm) && tokens[k - 1]?.pos === 'ADP' && !/ing$/.test(tokens[v]!.norm);
          if (tk.pos === 'VERB' && !(tokens[k - 1]?.pos === 'DET') && !hyphenJoined(tokens, k) && !prepositionalGerund) return this.subjectOf(k, depth + 1);
          // (Quotation marks do not end the clause: 'called the killings "a massacre" and demanded'.)
          if (tk.pos === 'PUNCT' && tk.text !== ',' && !QUOTE_MARKS.test(tk.text)) break;
          if (tk.pos === 'SCONJ') break;
        }
        return null;
      }
      if (t.text === ',' && depth < 3) {
        // An appositive or parenthetical between subject and verb: "X, a senior official, said".
        const open = this.commaBlockStart(i);
        if (open !== null) {
          i = open - 1;
          continue;
        }
        return null;
      }
      if (t.pos === 'ADP' && (t.norm === 'out' || t.norm === 'around' || t.norm === 'up' || t.norm === 'off')) {
        i--;
        continue;
      }
      // A gerund after "X's insistence on", "X's decision to": X is its subject.
      if (t.pos === 'ADP' && i === v - 1 && /ing$/.test(tokens[v]!.norm)) {
        const owner = this.phraseEndingAt(i - 1);
        if (owner?.possessor) {
          const [a, b] = owner.possessor;
          return { first: a, last: b, head: b - 1, possessor: null, pronoun: false, relative: false };
        }
      }
      return null;
    }
    return null;
  }

  /** For a comma at i closing a parenthetical, the index of the comma that opens it. */
  private commaBlockStart(i: number): number | null {
    const [first] = this.sentenceBounds(i);
    // A participle clause is fine ("X, citing security concerns, said"); a finite verb or a
    // subordinate clause is not — except in a non-restrictive relative clause, which may be
    // long and finite ("The Front, which has waged an insurgency since 2019, denied …").
    let clausal = false;
    for (let k = i - 1; k >= first && k > i - MAX_RELATIVE_BLOCK; k--) {
      const t = this.tokens[k]!;
      if (t.text === ',') {
        if (RELATIVE_OPENERS.has(this.tokens[k + 1]?.norm ?? '')) return k;
        return clausal || k <= i - MAX_PARENTHETICAL ? null : k;
      }
      if (t.text === ';' || t.text === ':') return null;
      if (t.pos === 'VERB' && !hyphenJoined(this.tokens, k) && !/(ing|ed|en)$/.test(t.norm)) clausal = true;
      if (t.pos === 'SCONJ' && !RELATIVE_OPENERS.has(t.norm)) clausal = true;
    }
    return null;
  }

  /** The noun phrase immediately before token i, skipping one comma. */
  phraseBefore(i: number): NounPhrase | null {
    let k = i - 1;
    if (this.tokens[k]?.text === ',') k--;
    const np = this.phraseAt(k);
    return np && np.last === k + 1 ? np : null;
  }

  /**
   * "X of Y" where X is a role: the whole head phrase stays X ("the president of
   * Iraq" is the president); quantities resolve to what they count.
   */
  headPhrase(np: NounPhrase): NounPhrase {
    return this.resolveQuantity(this.expandLeft(np));
  }

  /**
   * The whole phrase a subject phrase belongs to: "the Turkish and Greek sides of this
   * island of Cyprus" is about the sides, not Cyprus. Walks back over "of" chains.
   */
  expandLeft(np: NounPhrase): NounPhrase {
    let cur = np;
    for (let guard = 0; guard < 4; guard++) {
      const of = this.tokens[cur.first - 1];
      if (!of || of.norm !== 'of') break;
      const owner = this.phraseAt(cur.first - 2);
      if (!owner || owner.last !== cur.first - 1 || owner.pronoun || owner.relative) break;
      cur = owner;
    }
    return cur;
  }

  /** Phrases conjoined before np: "Senior Hungarian and Romanian officials" -> [Senior Hungarian]. */
  conjunctsBefore(np: NounPhrase): NounPhrase[] {
    const out: NounPhrase[] = [];
    let cur = np;
    let sawAnd = false;
    for (let guard = 0; guard < 4; guard++) {
      const sep = this.tokens[cur.first - 1];
      if (!sep || !(sep.norm === 'and' || sep.text === ',')) break;
      // "A, B and C": a comma joins only a list that ends in "and"; "On September 29, Putin" is no list.
      if (sep.text === ',' && !sawAnd) break;
      if (sep.norm === 'and') sawAnd = true;
      let k = cur.first - 2;
      if (this.tokens[k]?.text === ',') k--;
      const prev = this.phraseAt(k);
      if (!prev || prev.last !== k + 1 || prev.pronoun || prev.relative || this.isTime(prev)) break;
      // Only proper modifiers and names are conjoined subjects here; "the talks and the deal" is not.
      if (!this.hasProper(prev)) break;
      out.unshift(prev);
      cur = prev;
    }
    return out;
  }

  /**
   * The object of the verb at v: the first noun phrase to its right before the clause
   * ends, skipping adverbs, particles and time phrases. Returns the phrase and the
   * preposition that introduced it (null for a direct object).
   */
  objectOf(v: number, preps: readonly string[] = [], options: { direct?: boolean; limit?: number } = {}): { np: NounPhrase; prep: string | null } | null {
    const [, last] = this.sentenceBounds(v);
    const tokens = this.tokens;
    const allowDirect = options.direct ?? true;
    const limit = Math.min(last, v + 1 + (options.limit ?? 14));
    let i = v + 1;
    let prep: string | null = null;
    let sawDirect = false;
    while (i < limit) {
      const t = tokens[i]!;
      const np = this.phraseAt(i);
      if (np && np.first === i) {
        const phrase = this.headPhrase(np);
        if (this.isTime(np) && prep === null) {
          i = np.last;
          continue;
        }
        if (prep === null && allowDirect && !np.relative) return { np: phrase, prep: null };
        if (prep !== null && preps.includes(prep)) return { np: phrase, prep };
        if (prep === null) sawDirect = true;
        prep = null;
        i = np.last;
        continue;
      }
      if (t.pos === 'ADV' || (t.pos === 'PART' && t.norm !== 'to') || t.pos === 'AUX' && t.norm === 'be') {
        i++;
        continue;
      }
      // A participle opening the object phrase ("reject proposed Israeli changes").
      if (t.pos === 'VERB' && /ed$/.test(t.norm) && prep === null && this.phraseAt(i + 1)?.first === i + 1) {
        i++;
        continue;
      }
      // A particle right after the verb ("beat up X", "blew up X") is part of it.
      if (i === v + 1 && t.pos === 'ADP' && PARTICLES.has(t.norm) && prep === null && !preps.includes(t.norm)) {
        i++;
        continue;
      }
      // "arrested more than 100 Palestinians", "up to 16 advisers": quantity words before a number.
      if ((t.pos === 'ADJ' || t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'PART') && QUANTITY_LEAD.has(t.norm) && this.numberAhead(i)) {
        i++;
        continue;
      }
      if (t.pos === 'ADP' || t.pos === 'SCONJ' && (t.norm === 'between' || t.norm === 'against')) {
        prep = t.norm;
        i++;
        continue;
      }
      if (t.pos === 'PUNCT' && (t.text === '“' || t.text === '"' || t.text === '”' || isHyphen(t))) {
        i++;
        continue;
      }
      if (t.pos === 'CCONJ' && sawDirect) {
        i++;
        continue;
      }
      break;
    }
    return null;
  }

  /** Conjoined phrases after np: "Hungarian and Romanian officials", "KH and KSS". */
  conjuncts(np: NounPhrase): NounPhrase[] {
    const out: NounPhrase[] = [np];
    let cur = np;
    for (let guard = 0; guard < 6; guard++) {
      let k = cur.last;
      // Skip a parenthesised acronym: "Kata'ib Hezbollah (KH) and ..."
      if (this.tokens[k]?.text === '(') {
        const close = this.tokens.findIndex((t, idx) => idx > k && idx < k + 6 && t.text === ')');
        if (close === -1) break;
        k = close + 1;
      }
      const sep = this.tokens[k];
      if (!sep || !(sep.norm === 'and' || sep.text === ',' || sep.norm === 'including')) break;
      // A comma joins a list only when the list ends in "and"/"or"; else it opens an appositive.
      if (sep.text === ',' && !this.listContinues(k)) break;
      let n = k + 1;
      if (this.tokens[n]?.norm === 'and') n++;
      const next = this.phraseAt(n);
      if (!next || next.first !== n || next.pronoun || next.relative || this.isTime(next)) break;
      if (sep.text === ',' && !this.hasProper(next)) break;
      // "killed two soldiers and troops wounded five rebels": a phrase with its own verb
      // after it opens a new clause; it is that clause's subject, not one more conjunct.
      const after = this.tokens[next.last];
      if (after && after.pos === 'VERB' && after.sentence === this.tokens[next.first]!.sentence && !/ing$/.test(after.norm)) break;
      out.push(next);
      cur = next;
    }
    return out;
  }

  private listContinues(comma: number): boolean {
    const [, last] = this.sentenceBounds(comma);
    for (let k = comma + 1; k < Math.min(last, comma + 20); k++) {
      const t = this.tokens[k]!;
      if (t.norm === 'and' || t.norm === 'or') return true;
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ';' || t.text === '.') return false;
    }
    return false;
  }

  private numberAhead(i: number): boolean {
    for (let k = i + 1; k < i + 4 && k < this.tokens.length; k++) if (this.tokens[k]!.pos === 'NUM') return true;
    return false;
  }

  hasProper(np: NounPhrase): boolean {
    for (let k = np.first; k < np.last; k++) {
      const t = this.tokens[k]!;
      if (t.pos === 'PROPN' || (t.pos === 'ADJ' && /^[A-Z]/.test(t.text) && k > np.first)) return true;
      if (t.pos === 'ADJ' && /^[A-Z]/.test(t.text) && k === np.first && this.tokens[k - 1]?.norm !== '.') return true;
    }
    return false;
  }
}
