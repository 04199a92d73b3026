import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribution, Doc } from '../src/doc/types.js';
import { parseBrat, pickAnnotations, type GoldAttribution } from './brat.js';
import {
  PrfCounter,
  exactCounts,
  greedyMatch,
  intersectionSize,
  overlapF1,
  spanKey,
  tokensIn,
  wordTokens,
  type Prf,
  type Segment,
} from './metrics.js';
import { clip, table } from './report.js';
import { Failures, dataPath, limited, secondsSince, type SuiteOptions, type SuiteResult } from './suite.js';

/**
 * PolNeAR dev: attributions (source, cue, content) against the gold brat annotations.
 * Measures are defined in docs/evaluation.md.
 */

const ROLES = ['Source', 'Cue', 'Content'] as const;
type Role = (typeof ROLES)[number];

/** Quotation marks that make a gold content "quoted" (the apostrophe ’ is left out: it is mostly an apostrophe). */
const QUOTE_MARK = /["“”„«»‘]/;

interface Triple {
  source: Segment[] | null;
  cue: Segment[] | null;
  content: Segment[] | null;
}

function predTriple(a: Attribution): Triple {
  return {
    source: a.source ? [{ start: a.source.start, end: a.source.end }] : null,
    cue: [{ start: a.cue.start, end: a.cue.end }],
    content: [{ start: a.content.start, end: a.content.end }],
  };
}

function roleOf(t: Triple, role: Role): Segment[] | null {
  return role === 'Source' ? t.source : role === 'Cue' ? t.cue : t.content;
}

/** Reads metadata.tsv: article name → publication date (YYYY-MM-DD) when it has one. */
export function readPublicationDates(tsv: string): Map<string, string> {
  const dates = new Map<string, string>();
  const lines = tsv.split(/\r?\n/).filter(Boolean);
  const header = lines[0]?.split('\t') ?? [];
  const nameCol = header.indexOf('filename');
  const dateCol = header.indexOf('publication_date');
  if (nameCol === -1 || dateCol === -1) return dates;
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    const date = cols[dateCol]?.trim() ?? '';
    if (/^\d{4}-\d{2}-\d{2}/.test(date)) dates.set(cols[nameCol]!, date.slice(0, 10));
  }
  return dates;
}

interface CueStat {
  gold: number;
  found: number;
}

export async function runPolnear(options: SuiteOptions): Promise<SuiteResult> {
  const t0 = performance.now();
  const split = dataPath(options, 'polnear', 'dev');
  const dates = readPublicationDates(readFileSync(dataPath(options, 'polnear', 'metadata.tsv'), 'utf8'));
  const chosen = pickAnnotations(readdirSync(join(split, 'attributions')));
  const articles = limited([...chosen.keys()].sort(), options.limit);
  const pipeline = options.pipeline();
  const failures = new Failures();

  const attribution = new PrfCounter();
  const roleToken = new Map(ROLES.map((r) => [r, new PrfCounter()]));
  const roleExact = new Map(ROLES.map((r) => [r, new PrfCounter()]));
  let matched = 0;
  let sourceAgree = 0;
  let sourceF1Sum = 0;
  let cueAgree = 0;
  let cueF1Sum = 0;
  let cueExact = 0;
  let goldWithoutContent = 0;
  const quoted = { gold: 0, found: 0 };
  const unquoted = { gold: 0, found: 0 };
  const predDirect = { pred: 0, matched: 0 };
  const predIndirect = { pred: 0, matched: 0 };
  const cueStats = new Map<string, CueStat>();
  const errors: string[] = [];

  for (const article of articles) {
    const text = readFileSync(join(split, 'text', `${article}.txt`), 'utf8');
    const ann = readFileSync(join(split, 'attributions', chosen.get(article)!), 'utf8');
    const allGold = parseBrat(ann).attributions;
    const gold = allGold.filter((g) => g.content !== null);
    goldWithoutContent += allGold.length - gold.length;
    const doc = failures.analyze(pipeline, article, text, { published: dates.get(article) ?? null });
    const preds = doc.attributions;
    const predTriples = preds.map(predTriple);
    const words = wordTokens(text);
    const tok = (segs: Segment[] | null) => (segs ? tokensIn(words, segs) : []);

    // Attribution level: one-to-one greedy matching on content word-token overlap.
    const goldContent = gold.map((g) => tok(g.content));
    const predContent = predTriples.map((p) => tok(p.content));
    const pairs = greedyMatch((g, p) => intersectionSize(goldContent[g]!, predContent[p]!), gold.length, preds.length);
    attribution.add(pairs.length, preds.length - pairs.length, gold.length - pairs.length);
    matched += pairs.length;
    const goldMatched = new Map(pairs.map((p) => [p.gold, p.pred]));
    const predMatched = new Set(pairs.map((p) => p.pred));

    for (const pair of pairs) {
      const g = gold[pair.gold]!;
      const p = predTriples[pair.pred]!;
      const gs = tok(g.source);
      const ps = tok(p.source);
      const sourceOk = g.source === null ? p.source === null : p.source !== null && intersectionSize(gs, ps) > 0;
      if (sourceOk) sourceAgree++;
      sourceF1Sum += overlapF1(gs, ps);
      const gc = tok(g.cue);
      const pc = tok(p.cue);
      if (g.cue === null ? p.cue === null : p.cue !== null && intersectionSize(gc, pc) > 0) cueAgree++;
      const cueF1 = overlapF1(gc, pc);
      cueF1Sum += cueF1;
      if (g.cue && p.cue && spanKey(text, g.cue) === spanKey(text, p.cue)) cueExact++;
      if (options.errorsFile) {
        if (!sourceOk) errors.push(errorLine('source-mismatch', article, doc, g, preds[pair.pred]!));
        if (cueF1 < 1) errors.push(errorLine(cueF1 === 0 ? 'cue-mismatch' : 'cue-extent', article, doc, g, preds[pair.pred]!));
      }
    }

    // Token level and exact span, per role, over the whole document.
    for (const role of ROLES) {
      const goldSpans = allGold.map((g) => roleOf(g, role)).filter((s): s is Segment[] => s !== null);
      const predSpans = predTriples.map((p) => roleOf(p, role)).filter((s): s is Segment[] => s !== null);
      const goldTokens = [...new Set(goldSpans.flatMap(tok))].sort((a, b) => a - b);
      const predTokens = [...new Set(predSpans.flatMap(tok))].sort((a, b) => a - b);
      const common = intersectionSize(goldTokens, predTokens);
      roleToken.get(role)!.add(common, predTokens.length - common, goldTokens.length - common);
      const exact = exactCounts(goldSpans.map((s) => spanKey(text, s)), predSpans.map((s) => spanKey(text, s)));
      roleExact.get(role)!.add(exact.tp, exact.fp, exact.fn);
    }

    // Breakdowns: quoted content, cue lemma; predicted direct vs indirect.
    for (const [i, g] of gold.entries()) {
      const found = goldMatched.has(i);
      const contentText = g.content!.map((s) => text.slice(s.start, s.end)).join(' ');
      const bucket = QUOTE_MARK.test(contentText) ? quoted : unquoted;
      bucket.gold++;
      if (found) bucket.found++;
      const lemma = cueLemma(doc, g.cue);
      const stat = cueStats.get(lemma) ?? { gold: 0, found: 0 };
      stat.gold++;
      if (found) stat.found++;
      cueStats.set(lemma, stat);
      if (!found && options.errorsFile) errors.push(errorLine('miss', article, doc, g, null));
    }
    for (const [j, p] of preds.entries()) {
      const bucket = p.direct ? predDirect : predIndirect;
      bucket.pred++;
      if (predMatched.has(j)) bucket.matched++;
      else if (options.errorsFile) errors.push(errorLine('false-positive', article, doc, null, p));
    }
  }

  if (options.errorsFile) writeFileSync(options.errorsFile, errors.join(''));

  const seconds = secondsSince(t0);
  const att = attribution.result();
  const rate = (x: number, n: number) => (n === 0 ? 0 : x / n);
  const roles = Object.fromEntries(
    ROLES.map((r) => [r, { token: roleToken.get(r)!.result(), exact: roleExact.get(r)!.result() }]),
  ) as Record<Role, { token: Prf; exact: Prf }>;
  const topCues = [...cueStats.entries()]
    .sort((a, b) => b[1].gold - a[1].gold || a[0].localeCompare(b[0]))
    .slice(0, 15)
    .map(([lemma, s]) => ({ lemma, gold: s.gold, recall: rate(s.found, s.gold) }));
  const json = {
    n: articles.length,
    seconds,
    failedDocuments: failures.count,
    firstError: failures.first,
    annotator: 'per article, the .ann file with the lexicographically first annotator suffix',
    gold: att.tp + att.fn,
    predicted: att.tp + att.fp,
    goldWithoutContent,
    attribution: att,
    matched,
    sourceAgreement: rate(sourceAgree, matched),
    sourceTokenF1: rate(sourceF1Sum, matched),
    cueAgreement: rate(cueAgree, matched),
    cueTokenF1Matched: rate(cueF1Sum, matched),
    cueExactMatch: rate(cueExact, matched),
    roles,
    quoted: { gold: quoted.gold, recall: rate(quoted.found, quoted.gold) },
    unquoted: { gold: unquoted.gold, recall: rate(unquoted.found, unquoted.gold) },
    predictedDirect: { predicted: predDirect.pred, precision: rate(predDirect.matched, predDirect.pred) },
    predictedIndirect: { predicted: predIndirect.pred, precision: rate(predIndirect.matched, predIndirect.pred) },
    cueLemmas: topCues,
  };

  const head = `PolNeAR dev — n=${articles.length} documents, ${seconds.toFixed(1)} s wall; gold ${json.gold} attributions (${goldWithoutContent} without content skipped), predicted ${json.predicted}\n`;
  const text =
    head +
    failures.warning() +
    table('Attribution level (content overlap, one-to-one)', ['measure', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], [
      ['attribution', att.precision, att.recall, att.f1, att.tp, att.fp, att.fn],
    ]) +
    '\n' +
    table(`Matched pairs (n=${matched})`, ['measure', 'value'], [
      ['source agreement', json.sourceAgreement],
      ['source token F1 (mean)', json.sourceTokenF1],
      ['cue agreement', json.cueAgreement],
      ['cue token F1 (mean)', json.cueTokenF1Matched],
      ['cue exact match', json.cueExactMatch],
    ]) +
    '\n' +
    table(
      'Per role (micro over documents)',
      ['role', 'tok P', 'tok R', 'tok F1', 'exact P', 'exact R', 'exact F1'],
      ROLES.map((r) => {
        const { token, exact } = roles[r];
        return [r, token.precision, token.recall, token.f1, exact.precision, exact.recall, exact.f1];
      }),
    ) +
    '\n' +
    table('Recall by content kind / precision by predicted kind', ['group', 'count', 'recall / precision'], [
      ['gold content quoted', quoted.gold, json.quoted.recall],
      ['gold content not quoted', unquoted.gold, json.unquoted.recall],
      ['predicted direct', predDirect.pred, json.predictedDirect.precision],
      ['predicted indirect', predIndirect.pred, json.predictedIndirect.precision],
    ]) +
    '\n' +
    table(
      'Top 15 gold cue lemmas',
      ['cue lemma', 'gold', 'recall'],
      topCues.map((c) => [c.lemma, c.gold, c.recall]),
    );
  return { name: 'polnear', n: articles.length, seconds, text, json };
}

const FUNCTION_POS = new Set(['AUX', 'DET', 'PART', 'PUNCT', 'PRON', 'CCONJ', 'SCONJ', 'SPACE']);

/**
 * The lemma a cue is grouped under: the lemma of its first verb, else of its first
 * content word (so "has learned" → learn, "according to" → accord, "statement" → statement).
 */
export function cueLemma(doc: Doc, cue: Segment[] | null): string {
  if (!cue || cue.length === 0) return '(none)';
  const inside = doc.tokens.filter((t) => cue.some((s) => t.start < s.end && t.end > s.start));
  const verb = inside.find((t) => t.pos === 'VERB');
  const word = verb ?? inside.find((t) => !FUNCTION_POS.has(t.pos)) ?? inside[0];
  return word ? word.lemma.toLowerCase() : '(none)';
}

function segmentsText(text: string, segs: Segment[] | null): string | null {
  return segs ? segs.map((s) => text.slice(s.start, s.end)).join(' … ') : null;
}

/** One JSONL line for --errors: the sentence(s) around the attribution and both readings. */
function errorLine(kind: string, article: string, doc: Doc, gold: GoldAttribution | null, pred: Attribution | null): string {
  const segs: Segment[] = [];
  for (const t of [gold, pred ? predTriple(pred) : null]) {
    if (!t) continue;
    for (const s of [t.source, t.cue, t.content]) if (s) segs.push(...s);
  }
  const from = Math.min(...segs.map((s) => s.start));
  const to = Math.max(...segs.map((s) => s.end));
  const covering = doc.sentences.filter((s) => s.start < to && s.end > from);
  const start = covering[0]?.start ?? from;
  const end = covering.at(-1)?.end ?? to;
  const side = (t: Triple | null, extra: Record<string, unknown> = {}) =>
    t && {
      source: segmentsText(doc.text, t.source),
      cue: segmentsText(doc.text, t.cue),
      content: segmentsText(doc.text, t.content),
      ...extra,
    };
  return (
    JSON.stringify({
      kind,
      doc: article,
      offset: start,
      sentence: clip(doc.text.slice(start, end), 1200),
      gold: side(gold),
      pred: side(pred ? predTriple(pred) : null, pred ? { cueType: pred.cueType, direct: pred.direct } : {}),
    }) + '\n'
  );
}
