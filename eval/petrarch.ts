import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { Doc } from '../src/doc/types.js';
import { PrfCounter } from './metrics.js';
import { actorCode } from './plover.js';
import { table } from './report.js';
import { Failures, dataPath, limited, secondsSince, type SuiteOptions, type SuiteResult } from './suite.js';

/**
 * PETRARCH2 validation records, coded with the PETR.Validate dictionaries. Measures are
 * defined in docs/evaluation.md.
 */

export interface PetrarchRecord {
  id: string;
  category: string;
  /** ISO date (YYYY-MM-DD) from the record's yyyymmdd `date`. */
  date: string | null;
  /** The sentence, with the file's hard line wraps collapsed to single spaces. */
  text: string;
  /** Expected "source|target|event" triples; empty when no event is expected. */
  expected: string[];
  /** Why nothing is expected: `noevents`, an `error` kind, or `uncoded` (no EventCoding); null when triples are expected. */
  emptyBecause: string | null;
}

export function tripleKey(source: string, target: string, event: string): string {
  return `${source}|${target}|${event}`;
}

type Attrs = Record<string, string | undefined>;

export function parsePetrarchRecords(xml: string): PetrarchRecord[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'Sentence' || name === 'EventCoding',
  });
  const root = parser.parse(xml) as { Validation?: { Sentences?: { Sentence?: (Attrs & Record<string, unknown>)[] } } };
  const sentences = root.Validation?.Sentences?.Sentence;
  if (!sentences) throw new Error('PETRARCH records: no <Validation><Sentences><Sentence> elements found');
  return sentences.map((s) => {
    const codings = (s.EventCoding as Attrs[] | undefined) ?? [];
    const expected: string[] = [];
    let emptyBecause: string | null = codings.length === 0 ? 'uncoded' : null;
    for (const c of codings) {
      if (c.noevents !== undefined) emptyBecause = 'noevents';
      else if (c.error !== undefined) emptyBecause = `error:${c.error}`;
      else if (c.eventcode !== undefined) {
        expected.push(tripleKey(c.sourcecode ?? '', c.targetcode ?? '', c.eventcode));
      }
    }
    if (expected.length > 0) emptyBecause = null;
    const rawDate = String(s.date ?? '');
    const date = /^\d{8}$/.test(rawDate) ? `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6, 8)}` : null;
    const text = typeof s.Text === 'string' ? s.Text : String(s.Text ?? '');
    return {
      id: String(s.id ?? ''),
      category: String(s.category ?? ''),
      date,
      text: text.replace(/\s+/g, ' ').trim(),
      expected: [...new Set(expected)],
      emptyBecause,
    };
  });
}

/**
 * The triples a document produces: for each event, every (source code, target code)
 * pair of its actors' entity codes with the event's CAMEO code. A side without a coded
 * actor is written "-" (it can never match an expected triple). Events without a CAMEO
 * code produce nothing.
 */
export function producedTriples(doc: Doc): string[] {
  const out = new Set<string>();
  for (const event of doc.events) {
    if (!event.cameo) continue;
    const sources = event.source.map((r) => actorCode(doc, r)).filter((c): c is string => c !== null);
    const targets = event.target.map((r) => actorCode(doc, r)).filter((c): c is string => c !== null);
    for (const s of sources.length ? sources : ['-']) {
      for (const t of targets.length ? targets : ['-']) out.add(tripleKey(s, t, event.cameo));
    }
  }
  return [...out];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

export async function runPetrarch(options: SuiteOptions): Promise<SuiteResult> {
  const t0 = performance.now();
  const xml = readFileSync(dataPath(options, 'petrarch2', 'PETR.UnitTest.records.xml'), 'utf8');
  const records = limited(parsePetrarchRecords(xml), options.limit);
  const pipeline = options.pipeline({
    actorDictionaries: [dataPath(options, 'petrarch2', 'PETR.Validate.actors.txt')],
    agentDictionaries: [dataPath(options, 'petrarch2', 'PETR.Validate.agents.txt')],
    verbDictionaries: [dataPath(options, 'petrarch2', 'PETR.Validate.verbs.txt')],
    // PETRARCH's validation codes with its dictionaries alone.
    verbDictionaryOnly: true,
  });

  const failures = new Failures();
  let exact = 0;
  let eventCodesRight = 0;
  const triples = new PrfCounter();
  const byKind = { withEvents: { n: 0, right: 0 }, empty: { n: 0, right: 0 } };
  const byCategory = new Map<string, { n: number; right: number }>();
  for (const record of records) {
    const doc = failures.analyze(pipeline, record.id, record.text, { published: record.date });
    const produced = producedTriples(doc);
    const expectedSet = new Set(record.expected);
    const tp = produced.filter((t) => expectedSet.has(t)).length;
    triples.add(tp, produced.length - tp, record.expected.length - tp);
    const right = sameSet(produced, record.expected);
    if (right) exact++;
    const codes = (list: readonly string[]) => list.map((t) => t.split('|')[2]!);
    if (sameSet(codes(produced), codes(record.expected))) eventCodesRight++;
    const kind = record.expected.length > 0 ? byKind.withEvents : byKind.empty;
    kind.n++;
    if (right) kind.right++;
    const cat = byCategory.get(record.category) ?? { n: 0, right: 0 };
    cat.n++;
    if (right) cat.right++;
    byCategory.set(record.category, cat);
  }

  const seconds = secondsSince(t0);
  const rate = (x: number, n: number) => (n === 0 ? 0 : x / n);
  const t = triples.result();
  const json = {
    n: records.length,
    seconds,
    failedDocuments: failures.count,
    firstError: failures.first,
    recordsCodedRight: rate(exact, records.length),
    recordsRight: exact,
    triples: t,
    eventCodeAccuracy: rate(eventCodesRight, records.length),
    withEvents: { n: byKind.withEvents.n, right: rate(byKind.withEvents.right, byKind.withEvents.n) },
    expectingNothing: { n: byKind.empty.n, right: rate(byKind.empty.right, byKind.empty.n) },
    byCategory: Object.fromEntries([...byCategory.entries()].map(([k, v]) => [k, { n: v.n, right: rate(v.right, v.n) }])),
  };
  const text =
    `PETRARCH2 validation — n=${records.length} records, ${seconds.toFixed(1)} s wall (PETR.Validate actors/agents/verbs)\n` +
    failures.warning() +
    table('Records coded exactly right (expected set of triples; none expected = nothing produced)', ['records', 'n', 'right'], [
      ['all', records.length, json.recordsCodedRight],
      ['expecting events', byKind.withEvents.n, json.withEvents.right],
      ['expecting nothing', byKind.empty.n, json.expectingNothing.right],
    ]) +
    '\n' +
    table('Triples (source, target, event) and event codes', ['measure', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], [
      ['triples', t.precision, t.recall, t.f1, t.tp, t.fp, t.fn],
    ]) +
    '\n' +
    table('Event codes only (records whose set of CAMEO codes is right)', ['measure', 'value'], [
      ['event-code accuracy', json.eventCodeAccuracy],
    ]) +
    '\n' +
    table(
      'By record category',
      ['category', 'n', 'right'],
      [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, v.n, rate(v.right, v.n)]),
    );
  return { name: 'petrarch', n: records.length, seconds, text, json };
}
