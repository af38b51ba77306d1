import type { ReviewDecision } from '@contract/review-api/decision'
import { isRejectReason } from '@contract/review-api/reasons'
import type { ManyWrite, UndoStep } from './review-outbox'
import type { DecisionChange } from './use-pack-reviews'

/** A decision's fields as sent, for one image or as a bulk action's item. */
export function itemBodyOf(change: DecisionChange, fingerprint: string): ManyWrite['body'] {
  const note = change.note ? change.note : null
  return {
    decision: change.decision,
    fingerprint,
    ...(change.decision === 'rejected' ? { reasons: [...(change.reasons ?? [])] } : {}),
    ...(note !== null ? { note } : {}),
  }
}

/** What a decision shows until the server acknowledges it. */
export function shownOf(
  imageId: string,
  body: ManyWrite['body'],
  reviewer: string | null,
  decidedAt: string,
): ReviewDecision | null {
  if (body.decision === null) return null
  return {
    image_id: imageId,
    decision: body.decision,
    reasons: body.reasons ?? [],
    note: body.note ?? null,
    reviewer: reviewer ?? '',
    decided_at: decidedAt,
    fingerprint: body.fingerprint,
    // Not the server's yet: local decisions win until acknowledged, whatever this is.
    revision: -1,
  }
}

/** The change that puts an image back as an undo step found it. */
export function changeBefore(step: UndoStep): DecisionChange {
  const { previous } = step
  return previous === null
    ? { decision: null }
    : {
        decision: previous.decision,
        reasons: previous.reasons.filter(isRejectReason),
        note: previous.note,
      }
}
