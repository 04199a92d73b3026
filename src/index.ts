/** The Ascribe library: the CLI, HTTP API and web UI are shells over these. */
export * from './doc/types.js';
export { contentId, createDoc, makeSpan, toJson, spanProblems } from './doc/doc.js';
export { STAGES, analyzeText, type Stage, type AnalyzeOptions } from './pipeline/index.js';
export { renderMarkdown } from './report/markdown.js';
export { InputError } from './errors.js';
