import type { CueType, Token } from '../doc/types.js';
import { loadJsonResource } from '../resources.js';

/**
 * A denial need not use a denial verb: `X said / claimed that it had nothing to do with
 * the attack` reports a denial through a neutral cue. When the content's own clause
 * negates the source's involvement, the attribution is a denial. The phrases are the
 * events lexicon's denial phrases (one list for both layers, lexicons/events/modality.json).
 */

/** Cue types a content-level denial overrides: neutral statements and claims. */
const NEUTRAL: ReadonlySet<CueType> = new Set(['assert', 'claim']);
/** How far into the content the negated involvement may start (the main clause's predicate). */
const WINDOW = 12;

let phrases: string[][] | null = null;

function denialPhrases(): string[][] {
  phrases ??= loadJsonResource<{ denialPhrases: string[] }>('lexicons/events/modality.json').denialPhrases.map((p) =>
    p.toLowerCase().split(/\s+/),
  );
  return phrases;
}

function phraseAt(tokens: Token[], k: number, end: number, phrase: string[]): boolean {
  if (k + phrase.length > end) return false;
  for (let j = 0; j < phrase.length; j++) {
    const t = tokens[k + j]!;
    if (t.norm !== phrase[j] && t.lemma !== phrase[j]) return false;
  }
  return true;
}

/** The cue type, turned into `deny` when a neutral cue's content denies involvement. */
export function withContentDenial(cueType: CueType, tokens: Token[], contentFirst: number, contentLast: number): CueType {
  if (!NEUTRAL.has(cueType)) return cueType;
  const end = Math.min(contentLast + 1, contentFirst + WINDOW);
  for (let k = contentFirst; k < end; k++) {
    if (/^[.;!?]$/.test(tokens[k]!.text)) break;
    for (const phrase of denialPhrases()) if (phraseAt(tokens, k, end, phrase)) return 'deny';
  }
  return cueType;
}
