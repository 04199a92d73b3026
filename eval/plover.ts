import { readFileSync } from 'node:fs';
import type { ActorRef, Doc, Event } from '../src/doc/types.js';
import { PrfCounter, macroF1, type Prf } from './metrics.js';
import { table } from './report.js';
import { Failures, dataPath, limited, secondsSince, type SuiteOptions, type SuiteResult } from './suite.js';

/**
 * PLOVER gold standard records (dev half): one sentence each with one gold event type,
 * source and target actors. Measures are defined in docs/evaluation.md.
 */

export interface GoldActor {
  actorText: string;
  code: string | null;
  sector: string | null;
}

export interface PloverRecord {
  id: string;
  event: string;
  eventText: string;
  text: string;
  date: string | null;
  source: GoldActor[];
  target: GoldActor[];
}

/** Actor lists are a list, "" or absent in the file; all mean "no actor" except a list. */
function actors(value: unknown): GoldActor[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && typeof a.actorText === 'string')
    .map((a) => ({
      actorText: a.actorText as string,
      code: typeof a.code === 'string' && a.code !== '' ? a.code : null,
      sector: typeof a.sector === 'string' && /^[A-Z]{3}/.test(a.sector) ? a.sector : null,
    }));
}

export function parsePloverLine(line: string): PloverRecord {
  const r = JSON.parse(line) as Record<string, unknown>;
  return {
    id: String(r.id),
    event: String(r.event),
    eventText: typeof r.eventText === 'string' ? r.eventText : '',
    text: String(r.text),
    date: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
    source: actors(r.source),
    target: actors(r.target),
  };
}

/** Lower-cased words of a string; the articles a/an/the are dropped (annotation habits differ on them). */
export function actorWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((w) => !ARTICLES.has(w));
}
const ARTICLES = new Set(['a', 'an', 'the']);

/** Multiset F1 of two word lists; both empty = 1 (agreeing that there is no actor). */
export function bagF1(gold: readonly string[], pred: readonly string[]): number {
  if (gold.length === 0 && pred.length === 0) return 1;
  if (gold.length === 0 || pred.length === 0) return 0;
  const left = new Map<string, number>();
  for (const w of gold) left.set(w, (left.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of pred) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      common++;
      left.set(w, n - 1);
    }
  }
  return (2 * common) / (gold.length + pred.length);
}

/**
 * The predicted event a record is scored on: the event whose trigger shares the most
 * words with the gold eventText; if none shares a word, the first event; else none.
 */
export function chooseEvent(events: readonly Event[], eventText: string): Event | null {
  if (events.length === 0) return null;
  const gold = new Set(actorWords(eventText));
  let best: Event | null = null;
  let bestScore = 0;
  for (const e of events) {
    const score = actorWords(e.trigger.text).filter((w) => gold.has(w)).length;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best ?? events[0]!;
}

/**
 * Whether a predicted actor code matches a gold actor. Codes are CAMEO-style: a
 * three-letter country (ISO-3166 alpha-3) or IGO/NGO/… root, then optional three-letter
 * sector codes. The gold gives the root (`code`) and sometimes a sector (`sector`).
 * Root match: the predicted code starts with the gold root. Full match: it also carries
 * the gold sector right after the root when the gold has one (and no sector when it has none).
 */
export function codeMatches(pred: string, gold: GoldActor, level: 'root' | 'full'): boolean {
  if (!gold.code) return false;
  const p = pred.toUpperCase();
  const root = gold.code.toUpperCase();
  if (!p.startsWith(root)) return false;
  if (level === 'root') return true;
  const rest = p.slice(root.length);
  return gold.sector ? rest.startsWith(gold.sector.slice(0, 3).toUpperCase()) : rest === '';
}

/** The code of an actor reference's entity, when the entities layer gave it one. */
export function actorCode(doc: Doc, ref: ActorRef): string | null {
  if (!ref.entity) return null;
  const entity = doc.entities.find((e) => e.id === ref.entity) as { code?: unknown } | undefined;
  return entity && typeof entity.code === 'string' && entity.code !== '' ? entity.code : null;
}

interface RoleScore {
  textF1Sum: number;
  records: number;
  goldCoded: number;
  rootHits: number;
  fullHits: number;
  predCoded: number;
  predCodedCorrect: number;
}

function newRoleScore(): RoleScore {
  return { textF1Sum: 0, records: 0, goldCoded: 0, rootHits: 0, fullHits: 0, predCoded: 0, predCodedCorrect: 0 };
}

function scoreRole(score: RoleScore, doc: Doc, gold: GoldActor[], pred: ActorRef[]): void {
  score.records++;
  score.textF1Sum += bagF1(
    gold.flatMap((a) => actorWords(a.actorText)),
    pred.flatMap((r) => actorWords(r.span.text)),
  );
  const codes = pred.map((r) => actorCode(doc, r)).filter((c): c is string => c !== null);
  for (const g of gold) {
    if (!g.code) continue;
    score.goldCoded++;
    if (codes.some((c) => codeMatches(c, g, 'root'))) score.rootHits++;
    if (codes.some((c) => codeMatches(c, g, 'full'))) score.fullHits++;
  }
  for (const c of codes) {
    score.predCoded++;
    if (gold.some((g) => codeMatches(c, g, 'root'))) score.predCodedCorrect++;
  }
}

export async function runPlover(options: SuiteOptions): Promise<SuiteResult> {
  const t0 = performance.now();
  const lines = readFileSync(dataPath(options, 'plover-gsr', 'dev.jsonl'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const records = limited(lines.map(parsePloverLine), options.limit);
  const pipeline = options.pipeline();
  const failures = new Failures();

  const perType = new Map<string, PrfCounter>();
  const counter = (t: string) => {
    let c = perType.get(t);
    if (!c) perType.set(t, (c = new PrfCounter()));
    return c;
  };
  let correct = 0;
  let withEvent = 0;
  const source = newRoleScore();
  const target = newRoleScore();
  const goldCounts = new Map<string, number>();

  for (const record of records) {
    const doc = failures.analyze(pipeline, record.id, record.text, { published: record.date });
    const event = chooseEvent(doc.events, record.eventText);
    const predicted = event?.type ?? 'none';
    if (event) withEvent++;
    goldCounts.set(record.event, (goldCounts.get(record.event) ?? 0) + 1);
    if (predicted === record.event) {
      correct++;
      counter(record.event).add(1, 0, 0);
    } else {
      counter(record.event).add(0, 0, 1);
      counter(predicted).add(0, 1, 0);
    }
    scoreRole(source, doc, record.source, event?.source ?? []);
    scoreRole(target, doc, record.target, event?.target ?? []);
  }

  const seconds = secondsSince(t0);
  const goldTypes = [...goldCounts.keys()].sort();
  const perTypeResult = new Map<string, Prf>(goldTypes.map((t) => [t, counter(t).result()]));
  const rate = (x: number, n: number) => (n === 0 ? 0 : x / n);
  const role = (s: RoleScore) => ({
    textF1: rate(s.textF1Sum, s.records),
    goldCoded: s.goldCoded,
    codeAccuracy: rate(s.rootHits, s.goldCoded),
    codeAccuracyWithSector: rate(s.fullHits, s.goldCoded),
    predictedCodes: s.predCoded,
    codePrecision: rate(s.predCodedCorrect, s.predCoded),
  });
  const json = {
    n: records.length,
    seconds,
    failedDocuments: failures.count,
    firstError: failures.first,
    recordsWithEvent: withEvent,
    typeAccuracy: rate(correct, records.length),
    typeMacroF1: macroF1(perTypeResult, goldTypes),
    perType: Object.fromEntries(goldTypes.map((t) => [t, { gold: goldCounts.get(t), ...perTypeResult.get(t)! }])),
    source: role(source),
    target: role(target),
  };

  const text =
    `PLOVER dev — n=${records.length} records, ${seconds.toFixed(1)} s wall; a predicted event in ${withEvent} records\n` +
    failures.warning() +
    table('Event type', ['measure', 'value'], [
      ['accuracy', json.typeAccuracy],
      ['macro-F1 (gold types)', json.typeMacroF1],
    ]) +
    '\n' +
    table(
      'Actors (text: mean word-overlap F1 per record; code: gold coded actors found)',
      ['role', 'text F1', 'gold coded', 'code acc (root)', 'code acc (+sector)', 'pred codes', 'code precision'],
      (['source', 'target'] as const).map((r) => {
        const s = json[r];
        return [r, s.textF1, s.goldCoded, s.codeAccuracy, s.codeAccuracyWithSector, s.predictedCodes, s.codePrecision];
      }),
    ) +
    '\n' +
    table(
      'Per event type',
      ['type', 'gold', 'P', 'R', 'F1'],
      goldTypes.map((t) => {
        const r = perTypeResult.get(t)!;
        return [t, goldCounts.get(t)!, r.precision, r.recall, r.f1];
      }),
    );
  return { name: 'plover', n: records.length, seconds, text, json };
}
