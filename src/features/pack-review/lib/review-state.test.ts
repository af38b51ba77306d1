import { describe, expect, it, vi } from 'vitest'
import { packImageSchema } from '@contract/partner-api/pack'
import { createImage, createMetadata } from '@contract/partner-api/wire'
import * as fingerprint from '@contract/review-api/fingerprint'
import { reviewImage } from './qa-flags'
import {
  currentFingerprint,
  needsReview,
  REVIEW_LABELS,
  REVIEW_STATES,
  reviewStateOf,
} from './review-state'

vi.mock('@contract/review-api/fingerprint', { spy: true })

const itemOf = (description: string) =>
  reviewImage(
    packImageSchema.parse(createImage({ metadata: createMetadata({ description }) })),
    0,
    new Map(),
  )

describe('reviewStateOf', () => {
  it('is the decision made on the metadata shown, else outdated, else unreviewed', () => {
    const item = itemOf('A lake')
    const made = fingerprint.fingerprintOf(item.image)
    expect(reviewStateOf(item, { decision: 'approved', fingerprint: made })).toBe('approved')
    expect(reviewStateOf(item, { decision: 'rejected', fingerprint: made })).toBe('rejected')
    const older = fingerprint.fingerprintOf(itemOf('A pond').image)
    expect(reviewStateOf(item, { decision: 'approved', fingerprint: older })).toBe('outdated')
    expect(reviewStateOf(item, null)).toBe('unreviewed')
  })

  it('hashes each image once', () => {
    const item = itemOf('A sea')
    const calls = vi.mocked(fingerprint.fingerprintOf).mock.calls.length
    for (let index = 0; index < 5; index++) currentFingerprint(item)
    expect(vi.mocked(fingerprint.fingerprintOf).mock.calls.length).toBe(calls + 1)
  })
})

describe('review states', () => {
  it('have their labels, and unreviewed and outdated ones need review', () => {
    expect(REVIEW_STATES.map((state) => REVIEW_LABELS[state])).toEqual([
      'Approved',
      'Rejected',
      'Unreviewed',
      'Outdated',
    ])
    expect(REVIEW_STATES.filter(needsReview)).toEqual(['unreviewed', 'outdated'])
  })
})
