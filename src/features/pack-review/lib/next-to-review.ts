import type { ReviewedImage } from './qa-flags'
import type { ReviewState } from './review-state'

/**
 * The next image after `fromId` in the view's order whose state needs review (unreviewed
 * or outdated), wrapping around to the start; from no image, the first. `skip` is left out
 * too: the image just decided, whose new state the caller knows before it is painted.
 * Null when nothing in the view needs review.
 */
export function nextToReview(
  items: readonly ReviewedImage[],
  stateOf: (item: ReviewedImage) => ReviewState,
  fromId: string | null,
  skip: string | null = fromId,
): ReviewedImage | null {
  const from = fromId === null ? -1 : items.findIndex((item) => item.image.id === fromId)
  for (let step = 1; step <= items.length; step++) {
    const item = items[(from + step + items.length) % items.length]!
    if (item.image.id === skip) continue
    const state = stateOf(item)
    if (state === 'unreviewed' || state === 'outdated') return item
  }
  return null
}
