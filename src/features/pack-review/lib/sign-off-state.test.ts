import { describe, expect, it } from 'vitest'
import type { SignOff } from '@contract/review-api/sign-off'
import { changesSince, type PackTotals } from './sign-off-state'

const signOff: SignOff = {
  reviewer: 'Dana Reyes',
  signed_at: '2026-03-01T10:00:00.000Z',
  revision: 7,
  counts: { total: 5, approved: 3, rejected: 2 },
}
const asSigned: PackTotals = { total: 5, approved: 3, rejected: 2, needingReview: 0 }

describe('changesSince', () => {
  it('is null while the pack is as it was signed off', () => {
    expect(changesSince(signOff, asSigned, 7)).toBeNull()
  })

  it('says what changed in counts', () => {
    expect(
      changesSince(signOff, { total: 5, approved: 1, rejected: 3, needingReview: 1 }, 9),
    ).toEqual(['2 fewer approved', '1 more rejected', '1 needs review'])
    expect(
      changesSince(signOff, { total: 7, approved: 3, rejected: 2, needingReview: 2 }, 7),
    ).toEqual(['2 need review', '2 more images'])
    expect(
      changesSince(signOff, { total: 4, approved: 3, rejected: 1, needingReview: 0 }, 7),
    ).toEqual(['1 fewer rejected', '1 fewer image'])
  })

  it('counts a decision changed and changed back by the revision', () => {
    expect(changesSince(signOff, asSigned, 9)).toEqual(['decisions changed, same counts'])
  })
})
