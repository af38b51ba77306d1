import type { ReviewDecision } from '@contract/review-api/decision'
import { fingerprintOf } from '@contract/review-api/fingerprint'
import type { ReviewedImage } from './qa-flags'

export const REVIEW_STATES = ['approved', 'rejected', 'unreviewed', 'outdated'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** Badge and filter text: part of the product's test contract, keep exact. */
export const REVIEW_LABELS: Record<ReviewState, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  unreviewed: 'Unreviewed',
  outdated: 'Outdated',
}

const fingerprints = new WeakMap<ReviewedImage, string>()

/**
 * The fingerprint of the metadata the page shows for an image. Kept per image object: a
 * pack refetch that changes nothing keeps its objects (structural sharing), so 10,000
 * images are hashed once per change of metadata, not once per render.
 */
export function currentFingerprint(item: ReviewedImage): string {
  let fingerprint = fingerprints.get(item)
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(item.image)
    fingerprints.set(item, fingerprint)
  }
  return fingerprint
}

/**
 * An image's review state: its decision, unless that decision was made on metadata the image
 * no longer has; then it is outdated, shown and counted as needing review again.
 */
export function reviewStateOf(
  item: ReviewedImage,
  decision: Pick<ReviewDecision, 'decision' | 'fingerprint'> | null,
): ReviewState {
  if (decision === null) return 'unreviewed'
  if (decision.fingerprint !== currentFingerprint(item)) return 'outdated'
  return decision.decision
}

/** Whether a reviewer still has to look at an image in this state. */
export function needsReview(state: ReviewState): boolean {
  return state === 'unreviewed' || state === 'outdated'
}
