import type { ActorRef, DocJson, Event, Responsibility, Span } from '../doc/types.js';

/**
 * The analyst's brief of one analysed document, as data: incidents with each
 * speaker's stance and the words that show it, the commitments, demands and threats
 * around them, the contradictions, and a timeline. The Markdown and HTML reports
 * render this; it reads only the contract form (DocJson).
 */

export interface Brief {
  incidents: IncidentBrief[];
  commitments: Event[];
  contradictions: ContradictionBrief[];
  timeline: TimelineEntry[];
  labelsByActor: ActorLabels[];
}

export interface IncidentBrief {
  id: string;
  type: string;
  cameo: string | null;
  /** The first mention's trigger: what the incident is called. */
  label: string;
  mentions: Event[];
  targets: string[];
  places: string[];
  time: { text: string; value: string | null } | null;
  stances: StanceBrief[];
}

export interface StanceBrief {
  id: string | null;
  speaker: string;
  author: boolean;
  stance: Responsibility['stance'];
  /** Who is named as having done it (accuse, suspect), or denied (deny). */
  names: string | null;
  evidence: string;
}

export interface ContradictionBrief {
  kind: string;
  explanation: string;
  /** The records and events it rests on, each with its evidence. */
  refs: { id: string; evidence: string }[];
}

export interface TimelineEntry {
  /** ISO 8601 value (a day, week, month or year), or null for the publication date's own events. */
  value: string;
  text: string;
  event: Event;
}

export interface ActorLabels {
  entity: string;
  name: string;
  labels: { label: string; usedBy: string }[];
}

const MATERIAL = new Set(['ASSAULT', 'FIGHT', 'COERCE']);
const COMMITMENT_TYPES = new Set(['AGREE', 'DEMAND', 'THREATEN', 'REJECT', 'CONCEDE', 'SANCTION']);

export function speakerName(s: Responsibility['speaker'], doc: DocJson): string {
  if (s.author) return 'the article (author)';
  const e = s.entity ? doc.entities.find((x) => x.id === s.entity) : null;
  if (!s.span) return e?.name ?? 'an unnamed source';
  // "The Northern Shield Brigade, an armed group that …": the name, without its description.
  const first = s.span.text.split(/,\s/)[0]!.replace(/,$/, '');
  if (!e || first.includes(e.name)) return first;
  // "he": who he is. "its spokesman, Tomas Reil": the name, with the role the text gives.
  if (/^(he|she|they|it|we|i|him|her|them)$/i.test(first)) return e.name;
  return s.span.text.includes(e.name) ? `${e.name} (${first})` : first;
}

export function actorNames(refs: ActorRef[]): string {
  return refs.map((r) => r.span.text).join(', ');
}

/** The sentence holding a span, as evidence; in a long sentence, the part between colons, semicolons and dashes. */
export function sentenceOf(doc: DocJson, span: Span): string {
  const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end) ?? { start: span.start, end: span.end };
  let a = s.start;
  let b = s.end;
  if (b - a > 240) {
    for (let k = span.start; k > s.start; k--) if (/[:;—]/.test(doc.text[k - 1]!)) {
      a = k;
      break;
    }
    for (let k = span.end; k < s.end; k++) if (/[:;—]/.test(doc.text[k]!)) {
      b = k;
      break;
    }
  }
  return doc.text.slice(a, b).replace(/\s+/g, ' ').trim();
}

export function buildBrief(doc: DocJson): Brief {
  const byId = new Map(doc.events.map((e) => [e.id, e]));
  const incidentIds = new Set<string>();
  for (const e of doc.events) if (e.incident) incidentIds.add(e.incident);
  for (const r of doc.responsibility) incidentIds.add(r.incident);

  const incidents: IncidentBrief[] = [];
  for (const id of incidentIds) {
    const first = byId.get(id);
    if (!first) continue;
    const mentions = doc.events.filter((e) => e.incident === id || e.id === id);
    const timed = mentions.find((m) => m.time?.value) ?? mentions.find((m) => m.time);
    incidents.push({
      id,
      type: first.type,
      cameo: first.cameo,
      label: first.trigger.text,
      mentions,
      targets: unique(mentions.flatMap((m) => m.target.map((t) => t.span.text))),
      places: unique(mentions.flatMap((m) => m.place.map((p) => p.text))),
      time: timed?.time ? { text: timed.time.span.text, value: timed.time.value } : null,
      stances: doc.responsibility.filter((r) => r.incident === id).map((r) => ({
        id: r.id ?? null,
        speaker: speakerName(r.speaker, doc),
        author: r.speaker.author,
        stance: r.stance,
        names: r.target?.span.text ?? null,
        evidence: r.evidence.text.replace(/\s+/g, ' ').trim(),
      })),
    });
  }
  // A threat no one disputes is a commitment, not an incident to attribute.
  const shown = incidents.filter((i) => i.stances.length > 0 || MATERIAL.has(i.type));
  incidents.length = 0;
  incidents.push(...shown);
  // Incidents people take positions on come first, then in order of appearance.
  incidents.sort((a, b) => Number(b.stances.length > 0) - Number(a.stances.length > 0) || byId.get(a.id)!.trigger.start - byId.get(b.id)!.trigger.start);

  const shownIds = new Set(incidents.map((i) => i.id));
  const commitments = doc.events.filter((e) => !(e.incident && shownIds.has(e.incident)) && (COMMITMENT_TYPES.has(e.type) || e.condition || e.deadline || e.modality === 'intended'));

  const evidenceOf = (id: string): string => {
    const r = doc.responsibility.find((x) => x.id === id);
    if (r) return `${speakerName(r.speaker, doc)}: ${r.evidence.text.replace(/\s+/g, ' ').trim()}`;
    const e = byId.get(id);
    return e ? sentenceOf(doc, e.trigger) : id;
  };
  const contradictions = doc.contradictions.map((c) => ({ kind: c.kind, explanation: c.explanation, refs: c.refs.map((id) => ({ id, evidence: evidenceOf(id) })) }));

  const timeline: TimelineEntry[] = doc.events
    .filter((e) => e.time?.value)
    .map((e) => ({ value: e.time!.value!, text: e.time!.span.text, event: e }))
    .sort((a, b) => a.value.localeCompare(b.value) || a.event.trigger.start - b.event.trigger.start);

  const labelsByActor: ActorLabels[] = [];
  for (const l of doc.labels) {
    let entry = labelsByActor.find((x) => x.entity === l.entity);
    if (!entry) {
      entry = { entity: l.entity, name: doc.entities.find((e) => e.id === l.entity)?.name ?? l.entity, labels: [] };
      labelsByActor.push(entry);
    }
    const usedBy = l.usedBy.author ? 'the article (author)' : l.usedBy.span?.text ?? doc.entities.find((e) => e.id === l.usedBy.entity)?.name ?? 'an unnamed source';
    entry.labels.push({ label: l.label.text, usedBy });
  }
  return { incidents, commitments, contradictions, timeline, labelsByActor };
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "ASSAULT (CAMEO 180)". */
export function typeLabel(type: string, cameo: string | null): string {
  return cameo ? `${type} (CAMEO ${cameo})` : type;
}

/** "Last week (2021-W09)". */
export function timeLabel(time: { text: string; value: string | null } | null): string {
  if (!time) return '';
  return time.value ? `${time.text} (${time.value})` : `${time.text} (unresolved)`;
}
