import type { Token } from '../doc/types.js';
import { CLOSE_MARK, OPEN_MARK, type AttrContext } from './context.js';
import type { Cue } from './cues.js';
import type { Draft } from './frames.js';

/**
 * Features of a framed cue candidate, for the cue model (model.ts): the words and
 * tags around the cue, the frame the rules found (where the source and content are,
 * how the content opens), and whether the cue sits inside a quotation. Shared by
 * training (scripts/train-attribution.ts) and run time, so they cannot drift apart.
 */

const FUNCTION_OPENERS = new Set(['that', 'to', 'whether', 'if', 'how', 'why', 'what', 'when', 'who', 'for', 'about', 'on', 'of', 'as', 'with', 'against', ':']);

function word(t: Token | undefined): string {
  if (!t) return '<none>';
  return t.pos === 'PROPN' ? '<propn>' : t.pos === 'NUM' ? '<num>' : t.norm;
}

function bucket(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 7 ? '4-7' : n <= 15 ? '8-15' : n <= 30 ? '16-30' : '31+';
}

export function cueFeatures(ctx: AttrContext, cue: Cue, draft: Draft): string[] {
  const { tokens } = ctx;
  const head = tokens[cue.head]!;
  const lemma = cue.lemma;
  const prev = tokens[cue.first - 1];
  const next = tokens[cue.last + 1];
  const f: string[] = [];
  const add = (name: string) => f.push(name);
  const withLemma = (name: string) => {
    add(name);
    add(`${lemma}|${name}`);
  };
  add('bias');
  add(`k=${cue.kind}`);
  add(`l=${lemma}`);
  add(`form=${head.norm}`);
  add(`pos=${head.pos}`);
  add(`type=${cue.types[0] ?? 'none'}`);
  for (const t of cue.types) add(`has=${t}`);
  withLemma(`prev=${word(prev)}`);
  add(`prevpos=${prev?.pos ?? '<none>'}`);
  withLemma(`next=${word(next)}`);
  add(`nextpos=${next?.pos ?? '<none>'}`);
  add(`next2=${word(tokens[cue.last + 2])}`);
  add(`headprev=${word(tokens[cue.head - 1])}`);
  add(`cuelen=${bucket(cue.last - cue.first + 1)}`);
  if (cue.first < cue.head) withLemma(`pre=${tokens[cue.first]!.norm}`);
  if (cue.last > cue.head) withLemma(`particle=${tokens[cue.last]!.norm}`);
  withLemma(`sieve=${draft.sieve}`);

  // the source the frame found
  if (draft.source) {
    const s = tokens[draft.source[1]]!;
    withLemma(`src=${s.pos === 'PRON' ? s.norm : s.pos}`);
    add(`srclen=${bucket(draft.source[1] - draft.source[0] + 1)}`);
    add(`srcside=${draft.source[0] > cue.head ? 'after' : 'before'}`);
    add(`srcdist=${bucket(Math.abs(draft.source[0] > cue.head ? draft.source[0] - cue.last : cue.first - draft.source[1]))}`);
    if (ctx.lexicon.personNouns.has(s.norm) || ctx.lexicon.titleNouns.has(s.norm)) withLemma('src=person');
    if (ctx.lexicon.groupNouns.has(s.norm)) withLemma('src=group');
  } else withLemma('src=none');

  // the content the frame found
  const [c0, c1] = draft.content;
  const opener = tokens[c0]!;
  const before = c1 < cue.first;
  withLemma(`cside=${before ? 'before' : 'after'}`);
  const openWord = ctx.mark[c0] === OPEN_MARK ? '<quote>' : FUNCTION_OPENERS.has(opener.norm) ? opener.norm : opener.pos;
  withLemma(`copen=${openWord}`);
  add(`clen=${bucket(c1 - c0 + 1)}`);
  withLemma(`cgap=${bucket(before ? cue.first - c1 : c0 - cue.last)}`);
  if (ctx.mark[c0] === OPEN_MARK && (ctx.mark[c1] === CLOSE_MARK || ctx.quoteOf[c1] !== -1)) withLemma('direct');
  if (opener.pos === 'VERB' && /ing$/.test(opener.norm)) withLemma('copen=gerund');

  // inside a quotation: `“I think …”` is the quoted speaker's, and usually not annotated apart
  if (ctx.quoteOf[cue.head] !== -1) {
    withLemma('inquote');
    if (draft.source && tokens[draft.source[0]]!.pos === 'PRON') add(`inquote+src=${tokens[draft.source[0]]!.norm}`);
  }
  if (prev && (prev.text === ',' || ctx.mark[cue.first - 1] === CLOSE_MARK)) withLemma('aftercomma');
  if (/ing$/.test(head.norm)) withLemma('ing');
  if (prev?.norm === 'to') withLemma('infinitive');
  if (ctx.lineStart[ctx.clauses[ctx.sentenceOf[cue.head]!]![0]] && ctx.sentenceOf[cue.head] === 0) add('headline');
  if (/^[A-Z]/.test(head.text) && cue.head !== ctx.clauses[ctx.sentenceOf[cue.head]!]![0]) withLemma('capitalized');
  return f;
}
