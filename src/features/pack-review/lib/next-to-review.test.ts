import { describe, expect, it } from 'vitest'
import { createImage } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import { nextToReview } from './next-to-review'
import { reviewImage, type ReviewedImage } from './qa-flags'
import type { ReviewState } from './review-state'

const items: ReviewedImage[] = ['a', 'b', 'c', 'd'].map((id, index) =>
  reviewImage(packImageSchema.parse(createImage({ id })), index, new Map()),
)
const states =
  (...list: ReviewState[]) =>
  (item: ReviewedImage) =>
    list[items.indexOf(item)]!

describe('nextToReview', () => {
  it('goes to the next unreviewed or outdated image after the given one', () => {
    const stateOf = states('unreviewed', 'approved', 'outdated', 'unreviewed')
    expect(nextToReview(items, stateOf, 'a')?.image.id).toBe('c')
    expect(nextToReview(items, stateOf, 'c')?.image.id).toBe('d')
  })

  it('wraps around to the start, and starts at the first from no image', () => {
    const stateOf = states('unreviewed', 'approved', 'rejected', 'approved')
    expect(nextToReview(items, stateOf, 'c')?.image.id).toBe('a')
    expect(
      nextToReview(items, states('approved', 'unreviewed', 'approved', 'approved'), null)?.image.id,
    ).toBe('b')
  })

  it('skips the image just decided, and is null when nothing else needs review', () => {
    const stateOf = states('approved', 'unreviewed', 'approved', 'approved')
    expect(nextToReview(items, stateOf, 'b')).toBeNull()
    expect(nextToReview([], stateOf, null)).toBeNull()
  })
})
