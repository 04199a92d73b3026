import type { DocJson, Span } from '../doc/types.js';
import { actorNames, buildBrief, sentenceOf, timeLabel, typeLabel } from '../events/brief.js';

/** A readable report of every layer of one analysed document, in Markdown. */
export function renderMarkdown(doc: DocJson): string {
  const out: string[] = [];
  out.push(`# ${cell(doc.meta.title ?? 'Untitled document')}`, '');
  out.push(`- id: \`${doc.id}\``);
  if (doc.meta.published) out.push(`- published: ${doc.meta.published}`);
  if (doc.meta.url) out.push(`- url: <${doc.meta.url}>`);
  out.push(`- ${doc.text.length} characters, ${doc.sentences.length} sentences`, '');

  section(out, 'Attributions', doc.attributions.length, ['id', 'source', 'cue', 'type', 'content', 'direct', 'anonymous', 'via'],
    doc.attributions.map((a) => [a.id, span(a.source) + (a.sourceEntity ? ` (${a.sourceEntity})` : ''), span(a.cue), a.cueType,
      span(a.content), yes(a.direct), yes(a.anonymous), a.via ?? '']));

  section(out, 'Entities', doc.entities.length, ['id', 'type', 'name', 'code', 'country', 'place', 'aliases', 'mentions'],
    doc.entities.map((e) => [e.id, e.type, e.name, e.code ?? '', e.country ?? '',
      e.coordinates ? `${e.coordinates.lat.toFixed(2)}, ${e.coordinates.lon.toFixed(2)}` : '', e.aliases.join(', '), String(e.mentions.length)]));

  renderBriefMarkdown(out, doc);

  renderLabelsMarkdown(out, doc);

  return out.join('\n') + '\n';
}

/**
 * Labels by actor (docs/entities.md): for each labelled actor, a table of the words
 * used for it and who uses them — the author or a speaker — with how often.
 */
function renderLabelsMarkdown(out: string[], doc: DocJson): void {
  out.push(`## Labels (${doc.labels.length})`, '');
  if (doc.labels.length === 0) {
    out.push('_none found_', '');
    return;
  }
  const byEntity = new Map<string, Map<string, { label: string; speaker: string; count: number }>>();
  for (const l of doc.labels) {
    const speaker = l.usedBy.author
      ? '(author)'
      : (l.usedBy.entity ? doc.entities.find((e) => e.id === l.usedBy.entity)?.name : undefined) ?? span(l.usedBy.span);
    const rows = byEntity.get(l.entity) ?? new Map();
    byEntity.set(l.entity, rows);
    const key = `${l.label.text.toLowerCase()}\u0000${speaker}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { label: l.label.text, speaker, count: 1 });
  }
  for (const [id, rows] of byEntity) {
    const entity = doc.entities.find((e) => e.id === id);
    out.push(`### ${cell(entity?.name ?? id)} (${id}${entity?.code ? `, ${entity.code}` : ''})`, '');
    out.push('| label | used by | times |', '|---|---|---|');
    for (const r of rows.values()) out.push(`| ${cell(r.label)} | ${cell(r.speaker)} | ${r.count} |`);
    out.push('');
  }
}

/**
 * The analyst's brief (docs/events.md): incidents with each speaker's stance and the
 * quoted evidence, the commitments, demands and threats, the contradictions, a
 * timeline, and every event.
 */
function renderBriefMarkdown(out: string[], doc: DocJson): void {
  const brief = buildBrief(doc);
  // The responsibility layer, read as an analyst would: incident by incident, who says what about who did it.
  out.push(`## Responsibility: ${brief.incidents.length} incident${brief.incidents.length === 1 ? '' : 's'}`, '');
  if (brief.incidents.length === 0) out.push('_none found_', '');
  for (const inc of brief.incidents) {
    out.push(`### ${inc.id} · ${typeLabel(inc.type, inc.cameo)}: “${cell(inc.label)}”`, '');
    const facts = [
      inc.targets.length ? `against ${inc.targets.join(', ')}` : '',
      inc.places.length ? `in ${inc.places.join(', ')}` : '',
      inc.time ? `time: ${timeLabel(inc.time)}` : '',
    ].filter(Boolean);
    if (facts.length) out.push(`- ${cell(facts.join(' · '))}`);
    out.push(`- mentions: ${inc.mentions.map((m) => `“${cell(m.trigger.text)}” (${m.id}, ${m.modality})`).join('; ')}`, '');
    if (inc.stances.length === 0) {
      out.push('_no one takes a position on who did it_', '');
      continue;
    }
    out.push('| speaker | stance | names | evidence |', '|---|---|---|---|');
    for (const st of inc.stances) out.push(`| ${cell(st.speaker)} | ${st.stance} | ${cell(st.names ?? '—')} | “${cell(st.evidence)}” |`);
    out.push('');
  }

  section(out, 'Commitments, demands and threats', brief.commitments.length, ['id', 'what', 'by', 'to', 'as', 'condition', 'deadline', 'evidence'],
    brief.commitments.map((v) => [v.id, `${typeLabel(v.type, v.cameo)}: ${v.trigger.text}`, actorNames(v.source), actorNames(v.target), v.modality,
      v.condition?.text ?? '', v.deadline ? `${v.deadline.span.text}${v.deadline.value ? ` = ${v.deadline.value}` : ''}` : '', `“${sentenceOf(doc, v.trigger)}”`]));

  out.push(`## Contradictions (${brief.contradictions.length})`, '');
  if (brief.contradictions.length === 0) out.push('_none found_', '');
  for (const c of brief.contradictions) {
    out.push(`- **${cell(c.kind)}**: ${cell(c.explanation)}`);
    for (const r of c.refs) out.push(`  - ${r.id}: “${cell(r.evidence)}”`);
  }
  if (brief.contradictions.length > 0) out.push('');

  section(out, 'Timeline', brief.timeline.length, ['when', 'event', 'who', 'whom', 'as'],
    brief.timeline.map((t) => [`${t.value} (${t.text})`, `${t.event.type}: ${t.event.trigger.text}`, actorNames(t.event.source), actorNames(t.event.target), t.event.modality]));
  if (doc.meta.published) out.push(`_Dates are resolved against the publication date, ${doc.meta.published}._`, '');
  else out.push('_No publication date: relative dates ("last week", "on Wednesday") stay unresolved._', '');

  section(out, 'Events', doc.events.length, ['id', 'type', 'cameo', 'trigger', 'source', 'target', 'modality', 'time', 'place'],
    doc.events.map((v) => [v.id, v.type, v.cameo ?? '', span(v.trigger), actorNames(v.source), actorNames(v.target), v.modality,
      timeLabel(v.time ? { text: v.time.span.text, value: v.time.value } : null), v.place.map((p) => p.text).join('; ')]));
}

function section(out: string[], title: string, count: number, header: string[], rows: string[][]): void {
  out.push(`## ${title} (${count})`, '');
  if (rows.length === 0) {
    out.push('_none found_', '');
    return;
  }
  out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  out.push('');
}

function span(s: Span | null): string {
  return s ? s.text : '—';
}

function yes(b: boolean): string {
  return b ? 'yes' : 'no';
}

/** Text safe inside a Markdown table cell: one line, pipes and markup characters escaped. */
export function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\|*_`<>[\]])/g, '\\$1').trim();
}
