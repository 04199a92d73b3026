import { extractAttributions } from '../../attribution/extract.js';
import type { Doc } from '../../doc/types.js';

/**
 * Stage `attributions`: who said, claimed, denied, believed or intended what — every
 * reported statement with its source, cue and content (docs/attribution.md). Reads the
 * tokens, sentences and (when present) entities; fills `doc.attributions`.
 */
export function attributionsStage(doc: Doc): void {
  doc.attributions = extractAttributions(doc);
}
