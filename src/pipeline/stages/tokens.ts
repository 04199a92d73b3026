import { datelineAt } from '../../doc/dateline.js';
import type { Doc, Pos, Sentence, Token } from '../../doc/types.js';
import { loadJsonResource } from '../../resources.js';
import type { PipelineContext } from '../index.js';
import { isKnownWord, readWithoutMemory } from '../nlp.js';
import { POSSESSIVE_PRONOUNS } from '../../doc/pronouns.js';

/**
 * Stage `tokens`: tokens (with POS and lemma) and sentences from wink-nlp.
 *
 * wink-nlp keeps every character (tokens plus their preceding white space rebuild the
 * text, but for a few invisible characters it drops), so offsets are a running sum
 * checked against the text. Its sentence splitter handles
 * abbreviations (U.S., Gen., Mr.); we add two rules it lacks: a line break ends a
 * sentence when the line has no final punctuation and the next line does not continue
 * it (headlines, bylines), and a dateline opening a paragraph ("WASHINGTON (AP) —") is
 * a sentence of its own, so it is neither reported content nor an event's date. And
 * tagging rules for words wink-nlp mistags: participial adjectives opening a noun phrase
 * are adjectives (`retagParticipialAdjectives`), "shot" after a subject is a verb
 * (`retagNounTaggedVerbs`), an adjective heading a subject is a noun ("The military
 * said": `retagNominalAdjectives`), "trade blame" and "exchange fire" after a subject
 * are a verb and its object (`retagCollocationVerbs`), an -ing form with an object is a
 * verb (", wounding two people": `retagVerbalGerunds`), a capitalised participle inside a
 * name is part of the name ("the Associated Press": `retagNameWords`), "further" before a
 * verb is an adverb (`retagAdverbBeforeVerb`), the "part" of "took part" is a noun
 * (`retagTookPart`), and a participle hyphen-joined to a word before a noun is an
 * adjective ("a Kadria-backed militia": `retagHyphenatedParticiples`).
 */
export function tokensStage(doc: Doc, context: PipelineContext): void {
  const read = readWink(doc.text);
  const tokens: Token[] = [];
  // wink-nlp emits line breaks and runs of white space as SPACE tokens; they are not
  // words, so they are dropped here, and `ownIndex` maps wink's token index to ours.
  const ownIndex = new Int32Array(read.values.length + 1);
  const offset = collectTokens(doc.text, read, tokens, ownIndex);
  if (!IGNORABLE.test(doc.text.slice(offset))) {
    throw new Error(`tokenizer lost text after character ${offset} of ${doc.text.length}`);
  }
  const sentences = collectSentences(doc.text, tokens, ownIndex, read.sentences);
  retagParticipialAdjectives(tokens, context.memo('tokens:participial-adjectives', loadParticipialAdjectives));
  retagNounTaggedVerbs(tokens, context.memo('tokens:noun-tagged-verbs', loadNounTaggedVerbs));
  retagCollocationVerbs(tokens, context.memo('tokens:noun-tagged-collocations', loadNounTaggedCollocations));
  retagNominalAdjectives(tokens);
  retagVerbalGerunds(tokens);
  retagNameWords(tokens);
  retagAdverbBeforeVerb(tokens);
  retagTookPart(tokens);
  retagHyphenatedParticiples(tokens);
  doc.tokens = tokens;
  doc.sentences = sentences;
}

/** What the stage reads from wink-nlp: one array per token property, sentence token ranges. */
interface WinkOutput {
  values: string[];
  spaces: string[];
  pos: string[];
  lemmas: string[];
  normals: string[];
  sentences: [number, number][];
}

/**
 * wink-nlp's API objects are made afresh for every document (dictionary-mode objects,
 * closures), so property accesses on them never settle; they are kept in this one small
 * function, read once per document, so the loops below stay optimised.
 */
function readWink(text: string): WinkOutput {
  let output: WinkOutput | null = null;
  readWithoutMemory((nlp) => {
    const its = nlp.its;
    const wdoc = nlp.readDoc(text);
    const col = wdoc.tokens();
    output = {
      values: col.out(its.value) as string[],
      spaces: col.out(its.precedingSpaces) as string[],
      pos: col.out(its.pos) as string[],
      lemmas: col.out(its.lemma as unknown as typeof its.value) as string[],
      normals: col.out(its.normal) as string[],
      sentences: wdoc.sentences().out(its.span) as unknown as [number, number][],
    };
  });
  return output!;
}

/** Our tokens from wink-nlp's, with offsets into the text; returns the offset after the last. */
function collectTokens(text: string, read: WinkOutput, tokens: Token[], ownIndex: Int32Array): number {
  const { values, spaces, pos, lemmas, normals } = read;
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    offset = locate(text, value, offset, offset + spaces[i]!.length);
    ownIndex[i] = tokens.length;
    if (value.trim() !== '') {
      tokens.push({
        start: offset,
        end: offset + value.length,
        text: value,
        norm: normals[i]!,
        lemma: lemmas[i]!,
        pos: pos[i] as Pos,
        sentence: 0,
      });
    }
    offset += value.length;
  }
  ownIndex[values.length] = tokens.length;
  return offset;
}

function collectSentences(text: string, tokens: Token[], ownIndex: Int32Array, spans: [number, number][]): Sentence[] {
  const sentences: Sentence[] = [];
  const lines: Sentence[] = [];
  for (const [first, last] of spans) {
    const from = ownIndex[first]!;
    const to = ownIndex[last + 1]!;
    if (to > from) splitAtLineBreaks(text, tokens, from, to, lines);
  }
  for (const s of lines) splitAfterDateline(text, tokens, s, sentences);
  for (let index = 0; index < sentences.length; index++) {
    const s = sentences[index]!;
    for (let t = s.firstToken; t < s.lastToken; t++) tokens[t]!.sentence = index;
  }
  return sentences;
}

function loadParticipialAdjectives(): ReadonlySet<string> {
  return new Set(loadJsonResource<{ words: string[] }>('lexicons/tokens/participial-adjectives.json').words);
}

const NEIGHBOURING = new Set(['neighbouring', 'neighboring']);

/** Tags before which a word opens a noun phrase rather than continuing a clause as its verb. */
const OPENS_PHRASE_AFTER = new Set<Pos>(['PUNCT', 'CCONJ', 'ADP', 'DET', 'ADJ', 'SCONJ']);

/**
 * wink-nlp tags a participial adjective as a verb (or, capitalised, a proper noun) when
 * it opens a sentence or follows "and"/"of": "Neighbouring/VERB Kelvia's ministry
 * rejected …", "Occupying/VERB forces shelled …". The noun phrase then reads as the
 * verb's object and the clause loses its subject. The words of
 * lexicons/tokens/participial-adjectives.json are adjectives (lemma: the word itself, as
 * wink gives adjectives) inside a noun phrase before a noun, and where a phrase opens
 * before a plural noun (see below). After a noun or an auxiliary they stay verbs ("rebels
 * occupying buildings", "troops were invading towns").
 */
function retagParticipialAdjectives(tokens: Token[], words: ReadonlySet<string>): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.pos === 'ADJ' || !words.has(t.norm)) continue;
    const previous = i > 0 && tokens[i - 1]!.sentence === t.sentence ? tokens[i - 1]! : null;
    if (previous && !OPENS_PHRASE_AFTER.has(previous.pos)) continue;
    const next = tokens[i + 1]!;
    const afterNext = tokens[i + 2];
    if (next.sentence !== t.sentence) continue;
    // Inside a noun phrase ("the outgoing president") any noun may follow. Where a phrase
    // opens (a sentence, "and", a preposition), a gerund with its object is as likely
    // ("for opposing legal abortion", "of invading Ukraine"): only a plural noun follows a
    // participial adjective there ("Occupying forces", "of warring factions"), and
    // "neighbouring" takes any noun ("Neighbouring Kelvia's ministry").
    const insidePhrase = previous !== null && (previous.pos === 'DET' || previous.pos === 'ADJ');
    const noun = (k: Token | undefined) => !!k && (k.pos === 'NOUN' || k.pos === 'PROPN');
    const plural = (k: Token | undefined) => !!k && k.pos === 'NOUN' && /[^s]s$/.test(k.norm);
    const nounFollows = insidePhrase || NEIGHBOURING.has(t.norm)
      ? noun(next) || (next.pos === 'ADJ' && noun(afterNext))
      : plural(next) || (next.pos === 'ADJ' && plural(afterNext));
    if (!nounFollows) continue;
    t.pos = 'ADJ';
    t.lemma = t.norm;
  }
}

function loadNounTaggedVerbs(): ReadonlyMap<string, string> {
  return new Map(Object.entries(loadJsonResource<{ forms: Record<string, string> }>('lexicons/tokens/noun-tagged-verbs.json').forms));
}

const SUBJECT_END = new Set<Pos>(['NOUN', 'PROPN', 'PRON']);
const AFTER_VERB = new Set<Pos>(['DET', 'NUM', 'ADP', 'ADJ', 'CCONJ', 'PRON', 'PROPN']);

/**
 * "A soldier shot/NOUN a protester", "Rebels shot/NOUN down a helicopter": wink-nlp tags
 * the past forms of lexicons/tokens/noun-tagged-verbs.json as nouns even between a
 * subject (or a perfect "have", or "and") and what follows a verb; there they are verbs.
 * Other past forms in -ed ("stopped a bus and abducted/NOUN 20 passengers") are verbs in
 * the same places when an object follows, with the verb wink's lexicon knows as lemma.
 */
function retagNounTaggedVerbs(tokens: Token[], forms: ReadonlyMap<string, string>): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'NOUN') continue;
    const listed = forms.get(t.norm);
    // any other past form whose verb wink's lexicon knows, when an object follows
    // ("Gunmen stopped a bus and abducted/NOUN 20 passengers")
    const lemma = listed ?? (t.norm.endsWith('ed') ? verbOfEdForm(t.norm) : null);
    if (lemma === null) continue;
    const previous = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    if (previous.sentence !== t.sentence || next.sentence !== t.sentence) continue;
    const afterSubject = SUBJECT_END.has(previous.pos) && !POSSESSIVE_PRONOUNS.has(previous.norm);
    const perfect = perfectBefore(tokens, i);
    const coordinated = previous.norm === 'and' || previous.norm === 'or';
    const follows = listed !== undefined ? AFTER_VERB.has(next.pos) : OBJECT_START.has(next.pos);
    if ((afterSubject || perfect || coordinated) && follows) {
      t.pos = 'VERB';
      t.lemma = lemma;
    }
  }
}

function loadNounTaggedCollocations(): ReadonlyMap<string, ReadonlySet<string>> {
  const { verbs } = loadJsonResource<{ verbs: Record<string, string[]> }>('lexicons/tokens/noun-tagged-collocations.json');
  return new Map(Object.entries(verbs).map(([verb, objects]) => [verb, new Set(objects)]));
}

/**
 * "Karsk and Orvel trade/NOUN blame/VERB for …", "Troops exchange/NOUN fire": wink-nlp
 * tags these verbs nouns before their usual objects (lexicons/tokens/noun-tagged-collocations.json).
 * After a subject, the word is the verb (its lemma the listed verb) and the object a noun.
 */
function retagCollocationVerbs(tokens: Token[], collocations: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const objects = t.pos === 'NOUN' ? collocations.get(t.norm) : undefined;
    if (!objects) continue;
    const previous = tokens[i - 1]!;
    const object = tokens[i + 1]!;
    if (previous.sentence !== t.sentence || object.sentence !== t.sentence || !objects.has(object.norm)) continue;
    if (!SUBJECT_END.has(previous.pos) || POSSESSIVE_PRONOUNS.has(previous.norm)) continue;
    t.pos = 'VERB';
    t.lemma = t.norm;
    if (object.pos === 'VERB') {
      object.pos = 'NOUN';
      object.lemma = object.norm.replace(/s$/, '');
    }
  }
}

/** What opens a verb's object: a determiner, number, pronoun or name. */
const OBJECT_START = new Set<Pos>(['DET', 'NUM', 'PRON', 'PROPN']);

/** The verb a past form comes from, as wink's lexicon knows it: fire (fired), abduct (abducted), stop (stopped); else null. */
function verbOfEdForm(form: string): string | null {
  return verbOfStem(form.slice(0, -2));
}

/**
 * Whether a perfect "have" governs token i: right before it, or before an adverbial
 * phrase of up to four words ("has in the past accused", "had already shot").
 */
function perfectBefore(tokens: readonly Token[], i: number): boolean {
  const isHave = (t: Token) => t.pos === 'AUX' && /^(had|has|have|having)$/.test(t.norm);
  if (isHave(tokens[i - 1]!)) return true;
  for (let k = i - 1; k >= 1 && k >= i - 4; k--) {
    const t = tokens[k]!;
    if (t.sentence !== tokens[i]!.sentence || !ADVERBIAL_PHRASE.has(t.pos)) return false;
    // the phrase opens with an adverb or a preposition right after "have"
    if (isHave(tokens[k - 1]!)) return t.pos === 'ADV' || t.pos === 'ADP';
  }
  return false;
}

/** Parts of speech inside an adverbial phrase between "have" and its participle. */
const ADVERBIAL_PHRASE = new Set<Pos>(['ADV', 'ADP', 'DET', 'ADJ', 'NOUN', 'NUM']);

/**
 * "The military said", "the wounded were taken", "military says it …" (a headline): an
 * adjective that ends a subject right before its verb is the subject's head, a noun, so
 * the phrase is a phrase. wink-nlp tags these nominal uses as adjectives. The subject is
 * "the", a possessive (or the clause's start) and adjectives or names: "the Kelvian
 * military said", "Orvel's military denied".
 * Comparatives and superlatives ("the latest was") are left alone.
 */
function retagNominalAdjectives(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.pos !== 'ADJ' || !(next.pos === 'VERB' || next.pos === 'AUX') || next.sentence !== t.sentence || /(er|est)$|^(more|most|less|least|same)$/.test(t.norm)) continue;
    let k = i - 1;
    while (k >= 0 && tokens[k]!.sentence === t.sentence && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'PROPN')) k--;
    const opener = tokens[k];
    const atClauseStart = !opener || opener.sentence !== t.sentence || opener.text === ';';
    // ("Orvel's military denied", "its military said": a possessive determines it too)
    const possessive = !!opener && (/^['’]s$/.test(opener.text) || (opener.pos === 'PRON' && /^(its|their|his|her|our)$/.test(opener.norm)));
    if (atClauseStart || (opener.norm === 'the' && opener.pos === 'DET') || possessive) t.pos = 'NOUN';
  }
}

/**
 * "…, wounding/NOUN two people", "denied firing/NOUN the rockets", "accused of shelling/NOUN
 * the town": wink-nlp tags many -ing forms nouns even where they take an object. After a
 * verb, a preposition, a comma or "and"/"or", and before a determiner, number or pronoun,
 * the -ing form is a verb; its lemma is the stem that wink's lexicon knows ("firing" →
 * fire, "wounding" → wound, "hitting" → hit). After a determiner ("the firing of") it
 * stays a noun.
 */
function retagVerbalGerunds(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'NOUN' || !t.norm.endsWith('ing') || t.norm.length < 6) continue;
    const previous = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    if (previous.sentence !== t.sentence || next.sentence !== t.sentence) continue;
    if (!(next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PRON')) continue;
    const governed = previous.pos === 'VERB' || previous.pos === 'ADP' || previous.text === ',' || previous.norm === 'and' || previous.norm === 'or';
    if (!governed) continue;
    const lemma = verbOfIngForm(t.norm);
    if (lemma === null) continue;
    t.pos = 'VERB';
    t.lemma = lemma;
  }
}

/** The verb an -ing form comes from, as wink's lexicon knows it: fire (firing), wound, hit (hitting); else null. */
function verbOfIngForm(form: string): string | null {
  return verbOfStem(form.slice(0, -3));
}

/**
 * The verb of an inflection's stem, as wink's lexicon knows it: the stem with its "e"
 * restored (fir- → fire), the stem itself (wound-), or its doubled consonant undone
 * (hitt- → hit, stopp- → stop); null when the lexicon knows none of them.
 */
function verbOfStem(stem: string): string | null {
  if (isKnownWord(`${stem}e`)) return `${stem}e`;
  if (stem.length > 2 && isKnownWord(stem)) return stem;
  const last = stem[stem.length - 1]!;
  if (stem.length > 3 && last === stem[stem.length - 2] && !/[aeiouy]/.test(last) && isKnownWord(stem.slice(0, -1))) return stem.slice(0, -1);
  return null;
}

/**
 * "the Associated/VERB Press", "the Hoover/VERB Institution", "the Planned/VERB
 * Parenthood clinic": wink-nlp tags a capitalised word inside a name as a verb when it
 * is (or looks like) a participle. Between "the"/"a" and a capitalised proper noun
 * nothing but a name can stand, so the word is a proper noun, its lemma its own form.
 */
function retagNameWords(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' || !/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
    const previous = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    if (previous.sentence !== t.sentence || next.sentence !== t.sentence) continue;
    if (previous.pos !== 'DET' || !ARTICLES.has(previous.norm)) continue;
    if (next.pos !== 'PROPN' || !/^\p{Lu}/u.test(next.text)) continue;
    t.pos = 'PROPN';
    t.lemma = t.norm;
  }
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** Words that are adverbs or verbs ("further the cause"); right before a verb, only the adverb fits. */
const ADVERB_OR_VERB = new Set(['further']);

/**
 * "he further/VERB wrote", "the ministry further/VERB said": wink-nlp tags "further" a verb
 * even when a verb follows it; two verbs cannot stand side by side there, so it is the
 * adverb, and the clause keeps its one verb.
 */
function retagAdverbBeforeVerb(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.pos !== 'VERB' || !ADVERB_OR_VERB.has(t.norm) || next.sentence !== t.sentence) continue;
    if (next.pos !== 'VERB' && next.pos !== 'AUX') continue;
    t.pos = 'ADV';
    t.lemma = t.norm;
  }
}

/**
 * "officers who took part/ADV said": wink-nlp tags the object of "take part" an adverb,
 * which then joins the next verb's cue; it is the idiom's noun.
 */
function retagTookPart(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.norm !== 'part' || t.pos !== 'ADV' || tokens[i - 1]!.pos !== 'VERB' || tokens[i - 1]!.lemma !== 'take') continue;
    t.pos = 'NOUN';
    t.lemma = 'part';
  }
}

/**
 * "a Kadria-backed/VERB militia", "the US-led/VERB coalition", "state-run/VERB media":
 * wink-nlp tags the participle of a hyphenated compound a verb; before the noun it
 * modifies, the compound is an adjective, and the sentence keeps its one verb.
 */
function retagHyphenatedParticiples(tokens: Token[]): void {
  for (let i = 2; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' || !/(ed|en|ing|run|held|born|made)$/.test(t.norm)) continue;
    const hyphen = tokens[i - 1]!;
    if (!/^[-‐‑]$/.test(hyphen.text) || hyphen.start !== tokens[i - 2]!.end || t.start !== hyphen.end) continue;
    // ("self-described", "self-proclaimed" say who calls it so: the verb stays, as a report)
    if (tokens[i - 2]!.norm === 'self') continue;
    const next = tokens[i + 1]!;
    if (next.sentence !== t.sentence || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) continue;
    t.pos = 'ADJ';
  }
}

/** White space and invisible format characters (BOM, zero-width space/joiners) that wink-nlp may drop. */
const IGNORABLE = /^[\s\u200b-\u200f\u2060\ufeff\u00ad]*$/;

/**
 * Where `value` starts: normally right after its preceding white space, but wink-nlp
 * silently drops a few invisible characters (e.g. a stray U+FEFF), so when the token is
 * not there we look ahead, allowing only ignorable characters to be skipped.
 */
function locate(text: string, value: string, from: number, expected: number): number {
  if (text.startsWith(value, expected)) return expected;
  const found = text.indexOf(value, from);
  if (found === -1 || !IGNORABLE.test(text.slice(from, found))) {
    throw new Error(`tokenizer lost text near character ${from} of ${text.length}`);
  }
  return found;
}

/** Adds `s` to `out`, as two sentences when it opens with a dateline. */
function splitAfterDateline(text: string, tokens: Token[], s: Sentence, out: Sentence[]): void {
  // Datelines open a paragraph (or the text), and the story goes on with a capital.
  const dateline = datelineAt(text.slice(0, s.end), s.start);
  if (dateline) {
    const end = s.start + dateline.length;
    let k = s.firstToken;
    while (k < s.lastToken && tokens[k]!.start < end) k++;
    if (k > s.firstToken && k < s.lastToken && tokens[k - 1]!.end === end && /^[\p{Lu}\d"“‘']/u.test(tokens[k]!.text)) {
      out.push(sentenceOf(tokens, s.firstToken, k), sentenceOf(tokens, k, s.lastToken));
      return;
    }
  }
  out.push(s);
}

const FINAL_PUNCTUATION = /[.!?:;"”’)\]]$/;
const CONTINUES_LINE = /^[a-z0-9,;:)\]–—-]/;

function splitAtLineBreaks(text: string, tokens: Token[], first: number, last: number, out: Sentence[]): void {
  let begin = first;
  // The first line break at or after the previous token's end (-1: none left).
  let lineBreak = -2;
  for (let t = first + 1; t < last; t++) {
    const prev = tokens[t - 1]!;
    if (lineBreak !== -1 && lineBreak < prev.end) lineBreak = text.indexOf('\n', prev.end);
    if (lineBreak === -1 || lineBreak >= tokens[t]!.start) continue;
    const gap = text.slice(prev.end, tokens[t]!.start);
    const paragraphBreak = /\n\s*\n/.test(gap);
    const lineStart = text.lastIndexOf('\n', prev.start) + 1;
    const line = text.slice(lineStart, prev.end);
    if (paragraphBreak || (!FINAL_PUNCTUATION.test(line) && !CONTINUES_LINE.test(tokens[t]!.text))) {
      out.push(sentenceOf(tokens, begin, t));
      begin = t;
    }
  }
  if (begin < last) out.push(sentenceOf(tokens, begin, last));
}

function sentenceOf(tokens: Token[], first: number, last: number): Sentence {
  return { start: tokens[first]!.start, end: tokens[last - 1]!.end, firstToken: first, lastToken: last };
}
