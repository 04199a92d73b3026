import type { Doc } from '../../doc/types.js';
import { findResponsibility } from '../../events/stance.js';

/**
 * Stage `responsibility`: for every hostile incident, each speaker's stance — claim,
 * deny, accuse, uncertain, suspect — with the accused and the evidence (docs/events.md).
 */
export function responsibilityStage(doc: Doc): void {
  doc.responsibility = findResponsibility(doc);
}
