import type { DocJson } from '../doc/types.js';
import type { Article, ReadResult } from '../ingest/types.js';
import type { Store } from './types.js';

/** What happened to one input item on its way into the store. */
export type StoreOutcome =
  | { origin: string; status: 'stored' | 'duplicate'; id: string }
  | { origin: string; status: 'failed'; reason: string };

/**
 * Analyses and stores every item read, in order, yielding one outcome per item. A
 * failure (unreadable input, analysis error, refused write) is an outcome, never an
 * exception: one bad input never stops or loses the others. Each `put` is its own
 * transaction, so an interrupted batch leaves only whole documents behind.
 */
export async function* storeAll(
  results: AsyncIterable<ReadResult>,
  analyze: (article: Article) => DocJson,
  store: Store,
): AsyncGenerator<StoreOutcome> {
  for await (const result of results) {
    if (!result.ok) {
      yield { origin: result.origin, status: 'failed', reason: reasonOf(result.origin, result.error) };
      continue;
    }
    const { origin } = result.article;
    try {
      const doc = analyze(result.article);
      const { stored } = store.put(doc);
      yield { origin, status: stored ? 'stored' : 'duplicate', id: doc.id };
    } catch (error) {
      yield { origin, status: 'failed', reason: reasonOf(origin, error) };
    }
  }
}

/** The error's message without a leading "origin: ", which the summary prints itself. */
function reasonOf(origin: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${origin}: `) ? message.slice(origin.length + 2) : message;
}

export interface StoreSummary {
  stored: number;
  duplicates: number;
  failed: { origin: string; reason: string }[];
}

export function summarise(outcomes: Iterable<StoreOutcome>): StoreSummary {
  const summary: StoreSummary = { stored: 0, duplicates: 0, failed: [] };
  for (const o of outcomes) {
    if (o.status === 'failed') summary.failed.push({ origin: o.origin, reason: o.reason });
    else if (o.status === 'stored') summary.stored++;
    else summary.duplicates++;
  }
  return summary;
}
