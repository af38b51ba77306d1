import { describe, expect, it } from 'vitest'
import { createImage } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import { reviewImage, type ReviewedImage } from './qa-flags'
import { tallyPack, withDecisionsHere } from './review-counts'
import type { ReviewState } from './review-state'

const items: ReviewedImage[] = ['a', 'b', 'c', 'd'].map((id, index) =>
  reviewImage(packImageSchema.parse(createImage({ id })), index, new Map()),
)
type Review = { state: ReviewState; decision: { reasons: string[] } | null }
const approved: Review = { state: 'approved', decision: { reasons: [] } }
const unreviewed: Review = { state: 'unreviewed', decision: null }
const rejected = (...reasons: string[]): Review => ({ state: 'rejected', decision: { reasons } })
const lookup = (reviews: Record<string, Review>) => (item: ReviewedImage) =>
  reviews[item.image.id] ?? unreviewed

describe('tallyPack', () => {
  it('counts every image once by state, and rejections once per known reason', () => {
    const server = lookup({
      a: approved,
      b: rejected('unsafe', 'unsafe', 'other'),
      c: { state: 'outdated', decision: { reasons: ['unsafe'] } },
      d: rejected('reason-from-a-later-version'),
    })
    const { counts } = tallyPack(items, server)
    expect(counts.reviews).toEqual({ approved: 1, rejected: 2, unreviewed: 0, outdated: 1 })
    // An outdated rejection needs review again: its reasons no longer count.
    expect(counts.reasons).toMatchObject({ unsafe: 1, other: 1, 'wrong-description': 0 })
  })
})

describe('withDecisionsHere', () => {
  const server = lookup({ a: approved, b: rejected('unsafe') })
  const tally = tallyPack(items, server)

  it('replaces the server’s review of the images decided here, and only theirs', () => {
    const here = lookup({ a: rejected('other'), b: unreviewed, c: approved })
    const counts = withDecisionsHere(tally, ['a', 'b', 'c'], server, here)
    expect(counts.reviews).toEqual({ approved: 1, rejected: 1, unreviewed: 2, outdated: 0 })
    expect(counts.reasons).toMatchObject({ other: 1, unsafe: 0 })
    // The tally of the server's decisions is left as it was.
    expect(tally.counts.reviews).toEqual({ approved: 1, rejected: 1, unreviewed: 2, outdated: 0 })
    expect(tally.counts.reasons).toMatchObject({ unsafe: 1, other: 0 })
  })

  it('is the server’s counts when nothing was decided here, and skips images gone', () => {
    expect(withDecisionsHere(tally, [], server, server)).toBe(tally.counts)
    expect(withDecisionsHere(tally, ['gone'], server, () => approved)).toBe(tally.counts)
  })
})
