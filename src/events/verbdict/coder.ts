import type { Doc, Token } from '../../doc/types.js';
import type { ActorIndex } from '../actors.js';
import { ploverTypeOf } from '../cameo.js';
import { type Clauses, type NounPhrase, lemmaOf } from '../syntax.js';
import { type Mention, makeMention } from '../triggers.js';
import type { Element, Pattern, VerbDictionary, VerbEntry } from './parse.js';

/**
 * Codes verbs with a PETRARCH/TABARI verb dictionary. For a verb the dictionary lists,
 * the coding is the dictionary's (a null code `---` means no event); the built-in
 * trigger lexicon still codes what the dictionary does not know (event nouns such as
 * "attack" or "ultimatum", verbs it does not list), unless `only` is set, which codes
 * with the dictionary alone, as PETRARCH does. The most
 * specific pattern of the verb's block that matches the sentence gives the code
 * (else the verb's own code, else the block's); `$` and `+` in the pattern name the
 * source and target, and without them the source is the verb's subject and the
 * target the first actor after the verb. A null code (`---`) means no event.
 *
 * Matching is over tokens, as TABARI's shallow parser did: words of a pattern match
 * a token's form or lemma, in order, with other words allowed between them unless
 * joined by `_`, within the sentence and at most MAX_GAP tokens apart.
 */

const MAX_GAP = 8;
const CLAUSE_END = new Set([';', ':', '—']);

export class DictionaryCoder {
  constructor(private readonly dict: VerbDictionary) {}

  get dictionary(): VerbDictionary {
    return this.dict;
  }

  /**
   * The mentions of a sentence: the dictionary's, plus (unless `only`) the built-in
   * `mentions` at verbs the dictionary does not list and overlapping none of its events.
   */
  recode(doc: Doc, clauses: Clauses, actors: ActorIndex, sentence: number, mentions: Mention[], only = false): Mention[] {
    const s = doc.sentences[sentence]!;
    const tokens = doc.tokens;
    const coded: Mention[] = [];
    const known = new Set<number>();
    for (let i = s.firstToken; i < s.lastToken; i++) {
      const t = tokens[i]!;
      if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
      const entries = this.entriesAt(tokens, i, s.firstToken, s.lastToken);
      if (entries.length === 0) continue;
      known.add(i);
      const ctx = new MatchContext(clauses, actors, this.dict, s.firstToken, s.lastToken);
      // A verb may sit in several blocks: the first pattern that matches in any of them
      // decides, else the first own or block code.
      let entry = entries[0]!;
      let code: string | null = null;
      let reciprocal: string | null = null;
      let source: NounPhrase | null = null;
      let target: NounPhrase | null = null;
      let compound = false;
      search: for (const candidate of entries) {
        for (const pattern of candidate.entry.block.patterns) {
          const m = ctx.match(pattern, candidate.first, candidate.last);
          if (!m) continue;
          entry = candidate;
          code = pattern.code;
          reciprocal = pattern.reciprocal;
          source = m.source;
          target = m.target;
          compound = m.compound;
          break search;
        }
      }
      if (code === null) {
        const coded = entries.find((c) => (c.entry.code ?? c.entry.block.code) !== null);
        if (coded) {
          entry = coded;
          code = coded.entry.code ?? coded.entry.block.code;
          reciprocal = coded.entry.code ? coded.entry.reciprocal : coded.entry.block.reciprocal;
        }
      }
      if (!code || code === '---' || !/^[0-9A-Za-z]+$/.test(code)) continue;
      if (!source) {
        const subj = clauses.subjectOf(i);
        source = subj;
      }
      if (!target) target = ctx.firstActorAfter(entry.last);
      const m = makeMention('verb', entry.first, entry.last, i, { type: ploverTypeOf(code) ?? 'OTHER', cameo: code }, lemmaOf(t));
      m.dictionary = { source, target, reciprocal, compound };
      coded.push(m);
    }
    if (!only) {
      for (const m of mentions) {
        let decided = false;
        for (let k = m.first; k < m.last && !decided; k++) if (known.has(k)) decided = true;
        for (const c of coded) if (c.first < m.last && m.first < c.last) decided = true;
        if (!decided) coded.push(m);
      }
    }
    return coded.sort((a, b) => a.first - b.first);
  }

  /** The dictionary entries for the verb at i, multiword verbs first. */
  private entriesAt(tokens: Token[], i: number, first: number, last: number): { entry: VerbEntry; first: number; last: number }[] {
    const t = tokens[i]!;
    const candidates = [...(this.dict.forms.get(t.norm) ?? []), ...(t.norm !== lemmaOf(t) ? this.dict.forms.get(lemmaOf(t)) ?? [] : [])];
    const found: { entry: VerbEntry; first: number; last: number; size: number }[] = [];
    for (const entry of candidates) {
      let a = i;
      let ok = true;
      for (let k = entry.before.length - 1; k >= 0; k--) {
        a--;
        if (a < first || !sameWord(tokens[a]!, entry.before[k]!)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      let b = i + 1;
      for (const w of entry.after) {
        // A particle may follow an object: "broke the talks off" is rare; allow two tokens between.
        let found = -1;
        for (let k = b; k < Math.min(last, b + 3); k++) if (sameWord(tokens[k]!, w)) {
          found = k;
          break;
        }
        if (found === -1) {
          ok = false;
          break;
        }
        b = found + 1;
      }
      if (!ok) continue;
      if (found.some((f) => f.entry === entry)) continue;
      found.push({ entry, first: a, last: b, size: entry.before.length + entry.after.length });
    }
    return found.sort((x, y) => y.size - x.size);
  }
}

function sameWord(t: Token, word: string): boolean {
  return t.norm === word || lemmaOf(t) === word || t.norm.replace(/[^a-z0-9']/g, '') === word.replace(/[^a-z0-9']/g, '');
}

interface MatchResult {
  source: NounPhrase | null;
  target: NounPhrase | null;
  /** `%`: the conjoined actors act on each other ("Gondor and Osgiliath renewed ties"). */
  compound: boolean;
}

class MatchContext {
  constructor(
    private readonly clauses: Clauses,
    private readonly actors: ActorIndex,
    private readonly dict: VerbDictionary,
    private readonly first: number,
    private readonly last: number,
  ) {}

  match(p: Pattern, verbFirst: number, verbLast: number): MatchResult | null {
    const roles: MatchResult = { source: null, target: null, compound: false };
    const lower = this.matchSide(p.lower, 0, verbLast, +1, roles);
    if (!lower) return null;
    const upper = this.matchSide(p.upper, 0, verbFirst - 1, -1, lower);
    return upper;
  }

  /**
   * Matches elements[k..] starting at token `at` going in direction dir (+1 right,
   * -1 left), with backtracking over where each loose element lands.
   */
  private matchSide(elements: Element[], k: number, at: number, dir: 1 | -1, roles: MatchResult): MatchResult | null {
    if (k === elements.length) return roles;
    const el = elements[k]!;
    const tokens = this.clauses.tokens;
    const maxGap = el.tight ? 0 : MAX_GAP;
    for (let gap = 0, pos = at; gap <= maxGap; gap++, pos += dir) {
      if (pos < this.first || pos >= this.last) return null;
      const next = this.matchElement(el, pos, dir, roles);
      if (next) {
        const done = this.matchSide(elements, k + 1, next.after, dir, next.roles);
        if (done) return done;
      }
      if (CLAUSE_END.has(tokens[pos]!.text)) return null;
    }
    return null;
  }

  /** Where the element matches at pos: the next position and the roles so far. */
  private matchElement(el: Element, pos: number, dir: 1 | -1, roles: MatchResult): { after: number; roles: MatchResult } | null {
    const tokens = this.clauses.tokens;
    switch (el.kind) {
      case 'word':
        return sameWord(tokens[pos]!, el.word) ? { after: pos + dir, roles } : null;
      case 'synset': {
        for (const phrase of this.dict.synsets.get(el.label) ?? []) {
          const words = dir === 1 ? phrase : [...phrase].reverse();
          let p = pos;
          let ok = true;
          for (const w of words) {
            const t = tokens[p];
            if (!t || p < this.first || p >= this.last || !sameWord(t, w)) {
              ok = false;
              break;
            }
            p += dir;
          }
          if (ok) return { after: p, roles };
        }
        return null;
      }
      case 'skip': {
        const np = this.phraseFrom(pos, dir);
        return np ? { after: dir === 1 ? np.last : np.first - 1, roles } : null;
      }
      case 'source':
      case 'target':
      case 'compound': {
        const np = this.phraseFrom(pos, dir);
        if (!np || !this.actors.isActorLike(this.clauses.resolveQuantity(np))) return null;
        const actor = this.clauses.resolveQuantity(np);
        const next = { ...roles };
        if (el.kind === 'source') next.source = actor;
        else if (el.kind === 'target') next.target = actor;
        else {
          next.source = actor;
          next.target = actor;
          next.compound = true;
        }
        return { after: dir === 1 ? np.last : np.first - 1, roles: next };
      }
    }
  }

  /** The noun phrase that starts (going right) or ends (going left) at pos. */
  private phraseFrom(pos: number, dir: 1 | -1): NounPhrase | null {
    const np = this.clauses.phraseAt(pos);
    if (!np) return null;
    if (dir === 1 && np.first !== pos) return null;
    if (dir === -1 && np.last !== pos + 1) return null;
    return np;
  }

  firstActorAfter(from: number): NounPhrase | null {
    const tokens = this.clauses.tokens;
    for (let i = from; i < this.last; i++) {
      const t = tokens[i]!;
      if (CLAUSE_END.has(t.text) || t.pos === 'SCONJ' && t.norm !== 'that') return null;
      const np = this.clauses.phraseAt(i);
      if (np && np.first === i) {
        const actor = this.clauses.resolveQuantity(np);
        if (this.actors.isActorLike(actor) && !this.clauses.isTime(actor)) return actor;
        i = np.last - 1;
      }
    }
    return null;
  }
}
