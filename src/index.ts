/** The Ascribe library: the CLI, HTTP API and web UI are shells over these. */
export * from './doc/types.js';
export { contentId, createDoc, makeSpan, toJson, spanProblems } from './doc/doc.js';
export { STAGES, analyzeText, createPipeline, type Stage, type Pipeline, type PipelineContext, type PipelineOptions, type RunOptions } from './pipeline/index.js';
export { renderMarkdown } from './report/markdown.js';
export { InputError } from './errors.js';
export { readInputs, type ReadOptions } from './ingest/index.js';
export type { Article, ReadResult } from './ingest/types.js';
export type { Store, SearchHit } from './store/types.js';
export { SqliteStore } from './store/sqlite.js';
