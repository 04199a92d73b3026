import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJson } from '../src/doc/doc.js';
import type { DocJson, Span } from '../src/doc/types.js';
import { clip, table } from './report.js';
import { secondsSince, type SuiteOptions, type SuiteResult } from './suite.js';

/**
 * The seed article: per-layer counts, the attribution list, and the analyst checklist
 * of eval/seed-checklist.json, each item PASS or FAIL. Items are tested on the contract
 * JSON (what users see). Field meanings: docs/evaluation.md.
 */

export interface ChecklistItem {
  id: string;
  what: string;
  layer: 'attributions' | 'entities' | 'labels' | 'events' | 'responsibility' | 'contradictions';
  sourceAny?: string[];
  cueAny?: string[];
  contentAll?: string[];
  cueTypeAny?: string[];
  anonymous?: boolean;
  direct?: boolean;
  nameAny?: string[];
  nameExact?: string[];
  aliasesAll?: string[];
  type?: string;
  minMentions?: number;
  labelAny?: string[];
  author?: boolean;
  usedByAny?: string[];
  modality?: string;
  conditionAll?: string[];
  deadlineValue?: string;
  stance?: string;
  incidentType?: string;
  speakerAny?: string[];
}

export interface Checklist {
  article: string;
  published: string;
  items: ChecklistItem[];
}

const KNOWN_FIELDS = new Set([
  'id', 'what', 'layer', 'sourceAny', 'cueAny', 'contentAll', 'cueTypeAny', 'anonymous', 'direct', 'nameAny',
  'nameExact', 'aliasesAll', 'type', 'minMentions', 'labelAny', 'author', 'usedByAny', 'modality', 'conditionAll',
  'deadlineValue', 'stance', 'incidentType', 'speakerAny',
]);

/** Case-insensitive, with curly apostrophes and quotes read as straight ones. */
function norm(s: string): string {
  return s.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}
const has = (text: string | null | undefined, term: string) => text != null && norm(text).includes(norm(term));
const anyOf = (texts: (string | null | undefined)[], terms: string[] | undefined) =>
  terms === undefined || terms.some((t) => texts.some((x) => has(x, t)));
const allOf = (text: string | null | undefined, terms: string[] | undefined) =>
  terms === undefined || terms.every((t) => has(text, t));

/** The texts that name an entity: its name, aliases and mention texts. */
function entityTexts(doc: DocJson, id: string | null): string[] {
  const e = id ? doc.entities.find((x) => x.id === id) : undefined;
  return e ? [e.name, ...e.aliases, ...e.mentions.map((m) => m.text)] : [];
}

/** Does the document satisfy one checklist item? */
export function checkItem(doc: DocJson, item: ChecklistItem): boolean {
  const unknown = Object.keys(item).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length > 0) throw new Error(`seed checklist item ${item.id}: unknown field ${unknown.join(', ')}`);
  switch (item.layer) {
    case 'attributions':
      return doc.attributions.some(
        (a) =>
          anyOf([a.source?.text, ...entityTexts(doc, a.sourceEntity)], item.sourceAny) &&
          anyOf([a.cue.text], item.cueAny) &&
          allOf(a.content.text, item.contentAll) &&
          (item.cueTypeAny === undefined || item.cueTypeAny.includes((a as { cueType?: string }).cueType ?? '')) &&
          (item.anonymous === undefined || a.anonymous === item.anonymous) &&
          (item.direct === undefined || a.direct === item.direct),
      );
    case 'entities':
      return doc.entities.some(
        (e) =>
          anyOf([e.name, ...e.aliases], item.nameAny) &&
          (item.nameExact === undefined || item.nameExact.some((n) => norm(n) === norm(e.name))) &&
          (item.aliasesAll === undefined || item.aliasesAll.every((a) => e.aliases.some((x) => norm(x) === norm(a)))) &&
          (item.type === undefined || e.type === item.type) &&
          (item.minMentions === undefined || e.mentions.length >= item.minMentions),
      );
    case 'labels':
      return doc.labels.some(
        (l) =>
          anyOf([l.label.text], item.labelAny) &&
          (item.author === undefined || l.usedBy.author === item.author) &&
          anyOf([l.usedBy.span?.text, ...entityTexts(doc, l.usedBy.entity)], item.usedByAny),
      );
    case 'events':
      return doc.events.some(
        (v) =>
          (item.type === undefined || v.type === item.type) &&
          (item.modality === undefined || v.modality === item.modality) &&
          (item.conditionAll === undefined || (v.condition !== null && allOf(v.condition.text, item.conditionAll))) &&
          (item.deadlineValue === undefined || v.deadline?.value === item.deadlineValue),
      );
    case 'responsibility':
      return doc.responsibility.some((r) => {
        const incident = doc.events.find((v) => v.id === r.incident);
        return (
          (item.stance === undefined || r.stance === item.stance) &&
          (item.incidentType === undefined || incident?.type === item.incidentType) &&
          anyOf([r.speaker.span?.text, ...entityTexts(doc, r.speaker.entity)], item.speakerAny)
        );
      });
    case 'contradictions':
      return doc.contradictions.length > 0;
    default:
      throw new Error(`seed checklist item ${(item as ChecklistItem).id}: unknown layer ${(item as ChecklistItem).layer}`);
  }
}

const CHECKLIST_PATH = join(dirname(fileURLToPath(import.meta.url)), 'seed-checklist.json');

function spanText(s: Span | null | undefined): string {
  return s ? clip(s.text, 40) : '–';
}

export async function runSeed(options: SuiteOptions): Promise<SuiteResult> {
  const t0 = performance.now();
  const checklist = JSON.parse(readFileSync(CHECKLIST_PATH, 'utf8')) as Checklist;
  const seedDir = resolve(options.dataDir, '..', 'seed');
  const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));
  if (!files.includes(checklist.article)) {
    throw new Error(`seed article ${checklist.article} not found in ${seedDir}`);
  }
  const text = readFileSync(join(seedDir, checklist.article), 'utf8');
  const analysed = options.pipeline().analyze(text, { published: checklist.published });
  const doc = toJson(analysed);

  const counts = {
    sentences: doc.sentences.length,
    tokens: analysed.tokens.length,
    entities: doc.entities.length,
    attributions: doc.attributions.length,
    events: doc.events.length,
    responsibility: doc.responsibility.length,
    contradictions: doc.contradictions.length,
    labels: doc.labels.length,
  };
  const results = checklist.items.map((item) => ({ id: item.id, what: item.what, pass: checkItem(doc, item) }));
  const passed = results.filter((r) => r.pass).length;
  const seconds = secondsSince(t0);
  const attributions = doc.attributions.map((a) => ({
    id: a.id,
    source: a.source?.text ?? null,
    cue: a.cue.text,
    cueType: (a as { cueType?: string }).cueType ?? null,
    direct: a.direct,
    anonymous: a.anonymous,
    via: a.via,
    content: a.content.text,
  }));
  const json = { n: 1, seconds, published: checklist.published, counts, attributions, checklist: results, passed, items: results.length };

  const textOut =
    `Seed article — n=1 document (${checklist.article}, published ${checklist.published}), ${seconds.toFixed(1)} s wall\n` +
    table('Layer counts', ['layer', 'count'], Object.entries(counts)) +
    '\n' +
    table(
      'Attributions',
      ['id', 'source', 'cue', 'cueType', 'direct', 'anon', 'via', 'content'],
      doc.attributions.map((a) => [
        a.id,
        spanText(a.source),
        spanText(a.cue),
        (a as { cueType?: string }).cueType ?? '–',
        a.direct ? 'yes' : 'no',
        a.anonymous ? 'yes' : 'no',
        a.via ?? '–',
        clip(a.content.text, 50),
      ]),
    ) +
    '\n' +
    table(
      `Analyst checklist: ${passed}/${results.length} pass`,
      ['item', 'result', 'what'],
      results.map((r) => [r.id, r.pass ? 'PASS' : 'FAIL', r.what]),
    );
  return { name: 'seed', n: 1, seconds, text: textOut, json };
}
