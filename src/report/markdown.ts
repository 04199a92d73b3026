import type { DocJson, Span } from '../doc/types.js';

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

  section(out, 'Entities', doc.entities.length, ['id', 'type', 'name', 'aliases', 'mentions'],
    doc.entities.map((e) => [e.id, e.type, e.name, e.aliases.join(', '), String(e.mentions.length)]));

  section(out, 'Events', doc.events.length, ['id', 'type', 'cameo', 'trigger', 'source', 'target', 'modality', 'time', 'place'],
    doc.events.map((v) => [v.id, v.type, v.cameo ?? '', span(v.trigger), v.source.map((s) => s.span.text).join('; '),
      v.target.map((t) => t.span.text).join('; '), v.modality, v.time ? `${v.time.span.text}${v.time.value ? ` = ${v.time.value}` : ''}` : '',
      v.place.map((p) => p.text).join('; ')]));

  section(out, 'Responsibility', doc.responsibility.length, ['incident', 'stance', 'speaker', 'target', 'evidence'],
    doc.responsibility.map((r) => [r.incident, r.stance, r.speaker.author ? '(author)' : span(r.speaker.span), r.target ? span(r.target.span) : '', span(r.evidence)]));

  section(out, 'Contradictions', doc.contradictions.length, ['kind', 'refs', 'explanation'],
    doc.contradictions.map((c) => [c.kind, c.refs.join(', '), c.explanation]));

  section(out, 'Labels', doc.labels.length, ['entity', 'label', 'used by'],
    doc.labels.map((l) => [l.entity, span(l.label), l.usedBy.author ? '(author)' : span(l.usedBy.span)]));

  return out.join('\n') + '\n';
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
