import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJson } from '../src/doc/doc.js';
import { analyzeText } from '../src/pipeline/index.js';
import { escapeHtml, renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { runCli } from './helpers/cli.js';

/** An article written for these tests: an attack, a denial, an accusation, a conditional pledge. */
const ARTICLE = `Rocket attacks hit the Varno air base last week, wounding two guards.

The Free Hills Front said it had nothing to do with the attacks. "We never fired a single rocket," its spokesman, Ilan Dorsk, told reporters on Friday.

Interior Minister Petra Sol accused the Free Hills Front of carrying out the attacks.

The Free Hills Front also said it would stop attacking the base if the foreign troops left within a year.
`;

const HOSTILE = `Gunmen attacked the <script>alert("x")</script> depot on Monday. The Free Hills Front denied any involvement in the attack, calling the claims "lies & <b>fabrications</b>".`;

function analysed(text: string) {
  return toJson(analyzeText(text, { published: '2023-06-12', title: 'Attack on <Varno> & "the base"' }));
}

test('html: one self-contained page, readable without scripts', () => {
  const html = renderHtml(analysed(ARTICLE));
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(!/<script/i.test(html), 'no scripts');
  assert.ok(!/<link|\ssrc=|@import|url\(/i.test(html), 'no external resources');
  assert.match(html, /<style>/);
  // The brief is in the markup itself: incidents, stances with evidence, contradictions, timeline.
  assert.match(html, /<h2>Responsibility: \d+ incidents?<\/h2>/);
  assert.match(html, /class="stance deny">deny</);
  assert.match(html, /class="stance accuse">accuse</);
  assert.match(html, /nothing to do with the attacks/);
  assert.match(html, /deny-and-pledge/);
  assert.match(html, /<h2>Timeline/);
  assert.match(html, /Labels per actor/);
  assert.match(html, /Attack on &lt;Varno&gt; &amp; &quot;the base&quot;/);
});

test('html: all text from the document is escaped', () => {
  const html = renderHtml(analysed(HOSTILE));
  assert.ok(!html.includes('<script>alert'), 'the script in the text stays text');
  assert.ok(!html.includes('<b>fabrications</b>'));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') || html.includes('&lt;b&gt;fabrications&lt;/b&gt;'));
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('md: the analyst\'s brief — incidents with stances and quoted evidence, contradictions, timeline', () => {
  const md = renderMarkdown(analysed(ARTICLE));
  assert.match(md, /## Responsibility: \d+ incidents?/);
  assert.match(md, /### v\d+ · ASSAULT \(CAMEO \d+\): “Rocket attacks”/);
  assert.match(md, /\| (The )?Free Hills Front \| deny \|/);
  assert.match(md, /\| accuse \| Free Hills Front \|/);
  // A speaker named in apposition to a role is shown by name, with the role the text gives.
  assert.match(md, /\| Ilan Dorsk \(its spokesman\) \| deny \|/);
  assert.match(md, /## Commitments, demands and threats/);
  assert.match(md, /if the foreign troops left within a year/);
  assert.match(md, /\*\*deny-and-pledge\*\*/);
  assert.match(md, /## Timeline \(\d+\)/);
  assert.match(md, /2023-W23 \(last week\)/);
  assert.match(md, /## Events \(\d+\)/);
});

test('analyze --format html writes one page, also for several inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ascribe-report-'));
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  writeFileSync(a, ARTICLE);
  writeFileSync(b, HOSTILE);
  const one = runCli(['analyze', a, '--format', 'html', '--published', '2023-06-12']);
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /^<!DOCTYPE html>/);
  assert.equal(one.stdout.match(/<html/g)?.length, 1);
  const two = runCli(['analyze', a, b, '--format', 'html']);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(two.stdout.match(/<html/g)?.length, 1);
  assert.equal(two.stdout.match(/<article>/g)?.length, 2);
  const bad = runCli(['analyze', a, '--format', 'pdf']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /html/);
});
