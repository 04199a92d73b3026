import type { Doc } from '../../doc/types.js';
import { findContradictions } from '../../events/contradictions.js';

/** Stage `contradictions`: statements in the article that cannot all be true (docs/events.md). */
export function contradictionsStage(doc: Doc): void {
  doc.contradictions = findContradictions(doc);
}
