import type { Segment } from './metrics.js';

/**
 * Reader for PolNeAR's brat standoff annotations (.ann).
 *
 *   T3	Content 115 200;210 290	text … (may run over several lines)
 *   E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
 *
 * A record begins at a line whose head is an id (`T12`, `E3`, `#1`, `A2`, `R1`, …)
 * followed by a tab; any other line continues the previous record's text column, which
 * is ignored: spans come from the offsets only.
 */

export interface BratTextBound {
  id: string;
  label: string;
  segments: Segment[];
}

export interface GoldAttribution {
  /** The E line's id. */
  id: string;
  /** `Attribution` or `Attribution-no-source`. */
  kind: string;
  source: Segment[] | null;
  cue: Segment[] | null;
  content: Segment[] | null;
}

export interface BratDocument {
  textBounds: Map<string, BratTextBound>;
  attributions: GoldAttribution[];
}

const RECORD_HEAD = /^([TERAMN]\d+|#\d*)\t/;
const RELATION_LABELS = new Set(['Attribution', 'Attribution-no-source']);

export function parseBrat(ann: string): BratDocument {
  const textBounds = new Map<string, BratTextBound>();
  const eventLines: [string, string][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const head = RECORD_HEAD.exec(line);
    if (!head) continue; // continuation of a multi-line text column, or blank
    const id = head[1]!;
    const rest = line.slice(head[0].length);
    if (id.startsWith('T')) {
      const tab = rest.indexOf('\t');
      const spec = tab === -1 ? rest : rest.slice(0, tab);
      const space = spec.indexOf(' ');
      if (space === -1) throw new Error(`brat: text-bound ${id} has no offsets: ${line}`);
      const label = spec.slice(0, space);
      const segments = spec
        .slice(space + 1)
        .split(';')
        .map((part) => {
          const [s, e] = part.trim().split(/\s+/).map(Number);
          if (!Number.isInteger(s) || !Number.isInteger(e) || e! < s!) throw new Error(`brat: bad offsets in ${id}: ${line}`);
          return { start: s!, end: e! };
        });
      textBounds.set(id, { id, label, segments });
    } else if (id.startsWith('E')) {
      eventLines.push([id, rest]);
    }
  }

  const attributions: GoldAttribution[] = [];
  for (const [id, rest] of eventLines) {
    const args = rest.trim().split(/\s+/).filter(Boolean);
    const [trigger, ...roles] = args;
    if (!trigger) continue;
    const kind = trigger.split(':')[0]!;
    if (!RELATION_LABELS.has(kind)) continue; // Discard / Discuss bookkeeping
    const gold: GoldAttribution = { id, kind, source: null, cue: null, content: null };
    for (const arg of roles) {
      const [role, ref] = arg.split(':');
      const tb = ref ? textBounds.get(ref) : undefined;
      if (!tb) continue;
      const segments = sortSegments(tb.segments);
      // Roles are numbered when repeated (Content2); a repeat extends the span.
      const base = role!.replace(/\d+$/, '');
      if (base === 'Source') gold.source = merge(gold.source, segments);
      else if (base === 'Cue') gold.cue = merge(gold.cue, segments);
      else if (base === 'Content') gold.content = merge(gold.content, segments);
    }
    attributions.push(gold);
  }
  return { textBounds, attributions };
}

function sortSegments(segments: Segment[]): Segment[] {
  return [...segments].sort((a, b) => a.start - b.start);
}

function merge(existing: Segment[] | null, more: Segment[]): Segment[] {
  return existing ? sortSegments([...existing, ...more]) : more;
}

/**
 * PolNeAR files are named `<article>_<annotator>.ann`; when several annotators did one
 * article, the reference is the file with the lexicographically first annotator suffix.
 */
export function pickAnnotations(fileNames: readonly string[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const name of [...fileNames].filter((n) => n.endsWith('.ann')).sort()) {
    const stem = name.slice(0, -'.ann'.length);
    const cut = stem.lastIndexOf('_');
    const article = cut === -1 ? stem : stem.slice(0, cut);
    const current = chosen.get(article);
    if (current === undefined || annotatorOf(name) < annotatorOf(current)) chosen.set(article, name);
  }
  return chosen;
}

function annotatorOf(fileName: string): string {
  const stem = fileName.slice(0, -'.ann'.length);
  return stem.slice(stem.lastIndexOf('_') + 1);
}
