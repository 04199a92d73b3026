import type { DocMeta } from '../doc/types.js';

/** An article reduced to its text, ready for the pipeline. */
export interface Article {
  text: string;
  meta: Partial<DocMeta>;
  /** Where it came from, for messages and summaries: a path, a URL, `-`, `file.jsonl:12`. */
  origin: string;
}

/** One outcome per input item, in input order: a feed or a JSONL batch yields several. */
export type ReadResult = { ok: true; article: Article } | { ok: false; origin: string; error: Error };
