import type { Contradiction, Doc, Event, Responsibility, Span } from '../doc/types.js';
import { ActorIndex } from './actors.js';

/**
 * Contradictions between what the actors of an article say (docs/events.md):
 *
 *   deny-and-pledge          an actor denies an incident, yet pledges to stop doing it
 *                            (an intent to de-escalate, CAMEO 0356 / 087)
 *   claim-and-deny           one actor both claims and denies the same incident
 *   conflicting-accusations  speakers name different perpetrators for the same incident
 *   denial-contradicted      an actor's denial, and a later accusation of that actor by someone else
 *
 * refs point at responsibility records (r…) and events (v…).
 */

type Speaker = Responsibility['speaker'];


function name(s: Speaker): string {
  return s.author ? 'the article' : s.span?.text.split(/,\s/)[0]!.replace(/,$/, '') ?? 'an unnamed source';
}

/** "Saudi officials: Northern Army (accuse)", "the Coastal Rebels: themselves (claim)". */
function pointsTo(r: Responsibility): string {
  return r.stance === 'claim' ? `${name(r.speaker)}: themselves (claim)` : `${name(r.speaker)}: ${r.target!.span.text} (${r.stance})`;
}

function quote(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > 80 ? one.slice(0, 77) + '…' : one}”`;
}

/** A pledge to stop hostilities: an intent to de-escalate, promised or conditional. */
function isPledgeToStop(ev: Event): boolean {
  if (!ev.cameo) return false;
  if (ev.cameo === '0356') return true;
  return /^087/.test(ev.cameo) && (ev.modality === 'intended' || ev.modality === 'conditional');
}

export function findContradictions(doc: Doc): Contradiction[] {
  const out: Contradiction[] = [];
  const same = (a: Speaker | Responsibility['target'], b: Speaker | Responsibility['target']) => ActorIndex.same(doc, a, b);
  const sameSpeaker = (a: Speaker, b: Speaker) => (a.author && b.author) || (!a.author && !b.author && same(a, b));
  const records = doc.responsibility.filter((r): r is Responsibility & { id: string } => typeof r.id === 'string');
  const byIncident = new Map<string, (Responsibility & { id: string })[]>();
  for (const r of records) {
    const list = byIncident.get(r.incident) ?? [];
    list.push(r);
    byIncident.set(r.incident, list);
  }
  const incidentTrigger = (id: string) => doc.events.find((e) => e.id === id)?.trigger.text ?? id;

  // deny-and-pledge
  for (const r of records) {
    if (r.stance !== 'deny' || r.speaker.author) continue;
    const pledge = doc.events.find((ev) => isPledgeToStop(ev) && ev.source.some((s) => same(s, r.speaker)));
    if (!pledge) continue;
    if (out.some((c) => c.kind === 'deny-and-pledge' && c.refs[0] === r.id)) continue;
    out.push({
      kind: 'deny-and-pledge',
      refs: [r.id, pledge.id],
      explanation: `Denial by ${name(r.speaker)} of any part in ${quote(incidentTrigger(r.incident))}, yet a pledge by the same actor to stop: ${quote(pledge.trigger.text)}${pledge.condition ? ` ${quote(pledge.condition.text)}` : ''}.`,
    });
  }

  for (const [incident, list] of byIncident) {
    // claim-and-deny: the same actor claims and denies.
    for (const c of list.filter((r) => r.stance === 'claim')) {
      const d = list.find((r) => r.stance === 'deny' && !c.speaker.author && (same(r.speaker, c.speaker) || same(r.target, c.speaker)));
      if (d) {
        out.push({
          kind: 'claim-and-deny',
          refs: [c.id, d.id],
          explanation: `Both a claim and a denial of ${quote(incidentTrigger(incident))} by ${name(c.speaker)}.`,
        });
      }
    }
    // conflicting-accusations: speakers name different perpetrators (a claim names the
    // claimer): one contradiction per incident, listing every account.
    const blaming = list
      .map((r) => (r.stance === 'claim' && r.speaker.span ? { ...r, target: { span: r.speaker.span, entity: r.speaker.entity } } : r))
      .filter((r) => (r.stance === 'accuse' || r.stance === 'suspect' || r.stance === 'claim') && r.target && ActorIndex.identifies(doc, r.target));
    const groups: (typeof blaming)[] = [];
    for (const r of blaming) {
      const group = groups.find((g) => g.some((x) => ActorIndex.compatible(doc, x.target, r.target)));
      if (group) group.push(r);
      else groups.push([r]);
    }
    if (groups.length >= 2) {
      const accounts = groups.flat().sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
      out.push({
        kind: 'conflicting-accusations',
        refs: accounts.map((r) => r.id),
        explanation: `For ${quote(incidentTrigger(incident))}: ${accounts.map(pointsTo).join('; ')}.`,
      });
    }
    // denial-contradicted: a denial, then someone else names the denier.
    for (const d of list.filter((r) => r.stance === 'deny')) {
      if (d.speaker.author) continue;
      const later = list.find((r) => (r.stance === 'accuse' || r.stance === 'suspect') && r.target !== null &&
        (same(r.target, d.speaker) || speaksFor(d.speaker, r.target)) && !sameSpeaker(r.speaker, d.speaker));
      if (!later) continue;
      out.push({
        kind: 'denial-contradicted',
        refs: [d.id, later.id],
        explanation: `Denial by ${name(d.speaker)} of ${quote(incidentTrigger(incident))}, contradicted by ${name(later.speaker)} (${later.stance === 'suspect' ? 'suspects' : 'accuses'} ${later.target!.span.text}).`,
      });
    }
  }
  return out;
}

/**
 * Does the speaker speak for the actor — its institution or its spokesman: "Velm's defence
 * ministry" for Velm, "a spokesman for the Red Hand" for the Red Hand?
 */
function speaksFor(speaker: { span: Span | null }, actor: { span: Span | null }): boolean {
  if (!speaker.span || !actor.span) return false;
  const name = actor.span.text.replace(/^the\s+/i, '');
  if (name.length < 2) return false;
  const text = speaker.span.text;
  if (text.startsWith(`${name}'s `) || text.startsWith(`${name}’s `) || text.startsWith(`the ${name}'s `)) return true;
  const at = text.indexOf(name);
  return at > 0 && /\b(for|of)\s+(the\s+)?$/i.test(text.slice(0, at)) && !/[\p{L}\p{N}]/u.test(text[at + name.length] ?? '');
}
