/**
 * `node --import tsx scripts/attribution-sieves.ts [--data DIR] [--split dev]`
 *
 * What each sieve of the attribution extractor contributes on PolNeAR (docs/attribution.md):
 * how many attributions it finds, how many of them match a gold attribution (content
 * overlap, one-to-one, as `npm run eval` matches), and the attribution F1 of the whole
 * extractor without it. Also the extractor without the cue model (rules alone) and
 * with every nested report kept. Prints a markdown table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseBrat, pickAnnotations, type GoldAttribution } from '../eval/brat.js';
import { greedyMatch, intersectionSize, overlapF1, prf, tokensIn, wordTokens } from '../eval/metrics.js';
import { extractAttributions, type ExtractOptions } from '../src/attribution/extract.js';
import { SIEVES } from '../src/attribution/frames.js';
import type { Doc } from '../src/doc/types.js';
import { createPipeline } from '../src/pipeline/index.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));


interface Article {
  doc: Doc;
  gold: GoldAttribution[];
}

interface Run {
  f1: number;
  precision: number;
  recall: number;
  sourceAgreement: number;
  cueF1: number;
  bySieve: Map<string, { found: number; matched: number }>;
}

function run(articles: Article[], options: ExtractOptions): Run {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let sourceAgree = 0;
  let cueF1 = 0;
  const bySieve = new Map<string, { found: number; matched: number }>();
  for (const a of articles) {
    const sieveOf = new Map<string, string>();
    const predicted = extractAttributions(a.doc, { ...options, sieveOf });
    const words = wordTokens(a.doc.text);
    const tok = (segments: { start: number; end: number }[] | null) => (segments ? tokensIn(words, segments) : []);
    const gold = a.gold.map((g) => tok(g.content));
    const pred = predicted.map((p) => tok([p.content]));
    const pairs = greedyMatch((g, p) => intersectionSize(gold[g]!, pred[p]!), gold.length, pred.length);
    const matched = new Set(pairs.map((p) => p.pred));
    for (const [i, p] of predicted.entries()) {
      const s = sieveOf.get(p.id) ?? '?';
      const entry = bySieve.get(s) ?? { found: 0, matched: 0 };
      entry.found++;
      if (matched.has(i)) entry.matched++;
      bySieve.set(s, entry);
    }
    for (const pair of pairs) {
      const g = a.gold[pair.gold]!;
      const p = predicted[pair.pred]!;
      if (g.source === null ? p.source === null : intersectionSize(tok(g.source), tok(p.source ? [p.source] : null)) > 0) sourceAgree++;
      cueF1 += overlapF1(tok(g.cue), tok([p.cue]));
    }
    tp += pairs.length;
    fp += pred.length - pairs.length;
    fn += gold.length - pairs.length;
  }
  const r = prf(tp, fp, fn);
  return { f1: r.f1, precision: r.precision, recall: r.recall, sourceAgreement: tp ? sourceAgree / tp : 0, cueF1: tp ? cueF1 / tp : 0, bySieve };
}

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' }, split: { type: 'string', default: 'dev' } } });
  const dir = join(values.data ? resolve(values.data) : resolve(REPO, '../shared/data/polnear'), values.split!);
  const chosen = pickAnnotations(readdirSync(join(dir, 'attributions')));
  const pipeline = createPipeline();
  const articles: Article[] = [];
  for (const name of [...chosen.keys()].sort()) {
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    const gold = parseBrat(readFileSync(join(dir, 'attributions', chosen.get(name)!), 'utf8')).attributions.filter((g) => g.content);
    articles.push({ doc: pipeline.analyze(text, {}, { until: 'entities' }), gold });
  }
  const f = (x: number) => x.toFixed(3);
  const all = run(articles, {});
  const lines = [
    `PolNeAR ${values.split}, ${articles.length} articles. All sieves: attribution P ${f(all.precision)} R ${f(all.recall)} F1 ${f(all.f1)}, source agreement ${f(all.sourceAgreement)}, cue token F1 ${f(all.cueF1)}.`,
    '',
    '| sieve | found | matched | precision | F1 without it | ΔF1 |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const sieve of SIEVES) {
    const without = run(articles, { disabledSieves: new Set([sieve]) });
    const s = all.bySieve.get(sieve) ?? { found: 0, matched: 0 };
    lines.push(`| ${sieve} | ${s.found} | ${s.matched} | ${s.found ? f(s.matched / s.found) : '—'} | ${f(without.f1)} | ${(all.f1 - without.f1 >= 0 ? '+' : '') + f(all.f1 - without.f1)} |`);
  }
  const rules = run(articles, { model: null });
  const nested = run(articles, { disabledSieves: new Set(['nesting']) });
  lines.push('', `Rules alone (no cue model): P ${f(rules.precision)} R ${f(rules.recall)} F1 ${f(rules.f1)}, source agreement ${f(rules.sourceAgreement)}, cue token F1 ${f(rules.cueF1)}.`);
  lines.push(`Every nested report kept: P ${f(nested.precision)} R ${f(nested.recall)} F1 ${f(nested.f1)}.`);
  process.stdout.write(lines.join('\n') + '\n');
}

main();
