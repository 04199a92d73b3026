import type { DocJson } from '../doc/types.js';
import { actorNames, buildBrief, sentenceOf, timeLabel, typeLabel } from '../events/brief.js';

/**
 * The analyst's brief as one self-contained HTML page: the same content as the
 * Markdown report (incidents with each speaker's stance and quoted evidence,
 * commitments, contradictions, timeline, attributions, entities, events) plus the
 * labels each speaker uses for each actor. Inline CSS only, no scripts, no external
 * resources; every piece of text from the document is escaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#1d1d1f;max-width:72rem;margin:2rem auto;padding:0 1.25rem;background:#fdfdfb}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}.meta{color:#555;font-size:.9rem}.meta code{font-size:.8rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #d8d8d8;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f1ee}q{quotes:"\\201C" "\\201D";font-style:italic;color:#333}.none{color:#777;font-style:italic}
.stance{font-weight:bold;text-transform:uppercase;font-size:.78rem;letter-spacing:.04em;padding:.05rem .35rem;border-radius:3px;white-space:nowrap}
.claim{background:#e3f2e1}.deny{background:#fde2e0}.accuse{background:#fff0cc}.uncertain{background:#e6ecf5}.suspect{background:#f3e6f5}
.contradiction{border-left:4px solid #c0392b;background:#fbf1f0;padding:.5rem .8rem;margin:.6rem 0}.kind{font-weight:bold;color:#a0281b}
.facts{margin:.2rem 0 .5rem;padding-left:1.2rem}.small{font-size:.85rem;color:#444}
`;

/** One page for one document. */
export function renderHtml(doc: DocJson): string {
  return renderHtmlPage([doc]);
}

/** One self-contained page for one or more documents (analyze with several inputs). */
export function renderHtmlPage(docs: DocJson[]): string {
  const first = docs[0];
  const pageTitle = docs.length === 1 && first ? first.meta.title ?? 'Untitled document' : `Ascribe brief: ${docs.length} documents`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${escapeHtml(pageTitle)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<style>${STYLE}</style>`, '</head>', '<body>');
  for (const [i, doc] of docs.entries()) {
    if (i > 0) out.push('<hr>');
    out.push('<article>', ...documentSection(doc), '</article>');
  }
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}

function documentSection(doc: DocJson): string[] {
  const e = escapeHtml;
  const brief = buildBrief(doc);
  const title = doc.meta.title ?? 'Untitled document';
  const out: string[] = [];
  out.push(`<h1>${e(title)}</h1>`);
  const meta = [`id <code>${e(doc.id)}</code>`];
  if (doc.meta.published) meta.push(`published ${e(doc.meta.published)}`);
  if (doc.meta.url) meta.push(`source ${e(doc.meta.url)}`);
  meta.push(`${doc.text.length} characters, ${doc.sentences.length} sentences`);
  out.push(`<p class="meta">${meta.join(' · ')}</p>`);

  // Incidents.
  out.push(`<h2>Responsibility: ${brief.incidents.length} incident${brief.incidents.length === 1 ? '' : 's'}</h2>`);
  if (brief.incidents.length === 0) out.push('<p class="none">none found</p>');
  for (const inc of brief.incidents) {
    out.push(`<h3>${e(inc.id)} · ${e(typeLabel(inc.type, inc.cameo))}: <q>${e(inc.label)}</q></h3>`);
    const facts: string[] = [];
    if (inc.targets.length) facts.push(`<li>against ${e(inc.targets.join(', '))}</li>`);
    if (inc.places.length) facts.push(`<li>in ${e(inc.places.join(', '))}</li>`);
    if (inc.time) facts.push(`<li>time: ${e(timeLabel(inc.time))}</li>`);
    facts.push(`<li class="small">mentions: ${inc.mentions.map((m) => `<q>${e(m.trigger.text)}</q> (${e(m.id)}, ${e(m.modality)})`).join('; ')}</li>`);
    out.push(`<ul class="facts">${facts.join('')}</ul>`);
    if (inc.stances.length === 0) {
      out.push('<p class="none">no one takes a position on who did it</p>');
      continue;
    }
    out.push(table(['speaker', 'stance', 'names', 'evidence'], inc.stances.map((s) => [
      e(s.speaker), `<span class="stance ${e(s.stance)}">${e(s.stance)}</span>`, e(s.names ?? '—'), `<q>${e(s.evidence)}</q>`])));
  }

  // Commitments, demands and threats.
  out.push(`<h2>Commitments, demands and threats (${brief.commitments.length})</h2>`);
  out.push(brief.commitments.length === 0 ? '<p class="none">none found</p>' : table(['id', 'what', 'by', 'to', 'as', 'condition', 'deadline', 'evidence'],
    brief.commitments.map((v) => [e(v.id), `${e(typeLabel(v.type, v.cameo))}: <q>${e(v.trigger.text)}</q>`, e(actorNames(v.source)), e(actorNames(v.target)),
      e(v.modality), v.condition ? `<q>${e(v.condition.text)}</q>` : '', v.deadline ? `${e(v.deadline.span.text)}${v.deadline.value ? ` = ${e(v.deadline.value)}` : ''}` : '',
      `<q>${e(sentenceOf(doc, v.trigger))}</q>`])));

  // Contradictions.
  out.push(`<h2>Contradictions (${brief.contradictions.length})</h2>`);
  if (brief.contradictions.length === 0) out.push('<p class="none">none found</p>');
  for (const c of brief.contradictions) {
    out.push(`<div class="contradiction"><p><span class="kind">${e(c.kind)}</span>: ${e(c.explanation)}</p><ul class="small">`);
    for (const r of c.refs) out.push(`<li>${e(r.id)}: <q>${e(r.evidence)}</q></li>`);
    out.push('</ul></div>');
  }

  // Timeline.
  out.push(`<h2>Timeline (${brief.timeline.length})</h2>`);
  out.push(doc.meta.published
    ? `<p class="small">Dates are resolved against the publication date, ${e(doc.meta.published)}.</p>`
    : '<p class="small">No publication date: relative dates (“last week”, “on Wednesday”) stay unresolved.</p>');
  out.push(brief.timeline.length === 0 ? '<p class="none">no dated events</p>' : table(['when', 'event', 'who', 'whom', 'as'],
    brief.timeline.map((t) => [`${e(t.value)} <span class="small">(${e(t.text)})</span>`, `${e(t.event.type)}: <q>${e(t.event.trigger.text)}</q>`,
      e(actorNames(t.event.source)), e(actorNames(t.event.target)), e(t.event.modality)])));

  // Labels per actor.
  out.push(`<h2>Labels per actor (${brief.labelsByActor.length})</h2>`);
  if (brief.labelsByActor.length === 0) out.push('<p class="none">none found</p>');
  for (const a of brief.labelsByActor) {
    out.push(`<h3>${e(a.name)} <span class="small">(${e(a.entity)})</span></h3>`);
    out.push(table(['label', 'used by'], a.labels.map((l) => [`<q>${e(l.label)}</q>`, e(l.usedBy)])));
  }

  // Every layer, as the Markdown report has it.
  out.push(`<h2>Attributions (${doc.attributions.length})</h2>`);
  out.push(doc.attributions.length === 0 ? '<p class="none">none found</p>' : table(['id', 'source', 'cue', 'type', 'content', 'direct', 'anonymous', 'via'],
    doc.attributions.map((a) => [e(a.id), e((a.source?.text ?? '—') + (a.sourceEntity ? ` (${a.sourceEntity})` : '')), e(a.cue.text), e(a.cueType),
      `<q>${e(a.content.text)}</q>`, a.direct ? 'yes' : 'no', a.anonymous ? 'yes' : 'no', e(a.via ?? '')])));
  out.push(`<h2>Entities (${doc.entities.length})</h2>`);
  out.push(doc.entities.length === 0 ? '<p class="none">none found</p>' : table(['id', 'type', 'name', 'aliases', 'mentions'],
    doc.entities.map((x) => [e(x.id), e(x.type), e(x.name), e(x.aliases.join(', ')), String(x.mentions.length)])));
  out.push(`<h2>Events (${doc.events.length})</h2>`);
  out.push(doc.events.length === 0 ? '<p class="none">none found</p>' : table(['id', 'type', 'cameo', 'trigger', 'source', 'target', 'modality', 'time', 'place'],
    doc.events.map((v) => [e(v.id), e(v.type), e(v.cameo ?? ''), `<q>${e(v.trigger.text)}</q>`, e(actorNames(v.source)), e(actorNames(v.target)), e(v.modality),
      e(timeLabel(v.time ? { text: v.time.span.text, value: v.time.value } : null)), e(v.place.map((p) => p.text).join('; '))])));
  return out;
}

/** A table whose cells are already escaped HTML. */
function table(header: string[], rows: string[][]): string {
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
