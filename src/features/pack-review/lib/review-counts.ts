import type { ReviewDecision } from '@contract/review-api/decision'
import { isRejectReason, REJECT_REASONS, type RejectReason } from '@contract/review-api/reasons'
import type { ReviewedImage } from './qa-flags'
import { REVIEW_STATES, type ReviewState } from './review-state'

/** How many images of a pack are in each review state, and rejected for each reason. */
export interface ReviewCounts {
  reviews: Record<ReviewState, number>
  reasons: Record<RejectReason, number>
}

interface CountedReview {
  state: ReviewState
  decision: Pick<ReviewDecision, 'reasons'> | null
}

type ReviewLookup = (item: ReviewedImage) => CountedReview

/** The counts of the server's decisions, and the images by ID to recount one of them. */
export interface PackTally {
  counts: ReviewCounts
  byId: ReadonlyMap<string, ReviewedImage>
}

function emptyCounts(): ReviewCounts {
  return {
    reviews: Object.fromEntries(
      REVIEW_STATES.map((state) => [state, 0]),
    ) as ReviewCounts['reviews'],
    reasons: Object.fromEntries(
      REJECT_REASONS.map((reason) => [reason, 0]),
    ) as ReviewCounts['reasons'],
  }
}

/** Adds one image's review to the counts (`sign` -1 takes it away). */
function count(counts: ReviewCounts, review: CountedReview, sign: 1 | -1): void {
  counts.reviews[review.state] += sign
  if (review.state !== 'rejected') return
  const reasons = review.decision?.reasons ?? []
  reasons.forEach((reason, index) => {
    // Each reason once per image; only the URL values this version knows.
    if (isRejectReason(reason) && reasons.indexOf(reason) === index) counts.reasons[reason] += sign
  })
}

/** Every image of the pack counted as the server's decisions have it: one pass. */
export function tallyPack(
  items: readonly ReviewedImage[],
  serverReviewOf: ReviewLookup,
): PackTally {
  const counts = emptyCounts()
  const byId = new Map<string, ReviewedImage>()
  for (const item of items) {
    byId.set(item.image.id, item)
    count(counts, serverReviewOf(item), 1)
  }
  return { counts, byId }
}

/**
 * The pack's counts with this tab's decisions (saving, failed or acknowledged) in place of
 * the server's for those images: a key press recounts the images decided here, not the
 * pack. A bulk action makes `decidedHere` large (one pass over its images, never more) until
 * a poll brings its decisions and the outbox forgets them (ReviewOutbox.forgetKnown).
 */
export function withDecisionsHere(
  tally: PackTally,
  decidedHere: Iterable<string>,
  serverReviewOf: ReviewLookup,
  reviewOf: ReviewLookup,
): ReviewCounts {
  let counts: ReviewCounts | null = null
  for (const imageId of decidedHere) {
    const item = tally.byId.get(imageId)
    if (item === undefined) continue // no longer in the pack
    counts ??= {
      reviews: { ...tally.counts.reviews },
      reasons: { ...tally.counts.reasons },
    }
    count(counts, serverReviewOf(item), -1)
    count(counts, reviewOf(item), 1)
  }
  return counts ?? tally.counts
}
