import { describe, expect, it } from 'vitest'
import { withNewest, type ActivityLog } from './activity-queries'

const log = (ids: number[], nextBefore: number | null): ActivityLog => ({
  entries: ids.map((id) => ({
    id: String(id),
    pack_id: null,
    action: 'delete_image',
    intent: 'remove',
    actor: 'Dana',
    at: '',
    image_ids: [],
    urls: [],
    details: {},
    status: 200,
    ok: true,
    error_code: null,
  })),
  unreadable: 0,
  nextBefore: nextBefore === null ? null : String(nextBefore),
})
const ids = (merged: ActivityLog) => [merged.entries.map((e) => Number(e.id)), merged.nextBefore]

describe('withNewest', () => {
  it('is the page itself on a first read, or when the page holds the whole log', () => {
    expect(ids(withNewest(undefined, log([9, 8], 8)))).toEqual([[9, 8], '8'])
    expect(ids(withNewest(log([7, 6, 5, 4], 4), log([9, 8, 7], null)))).toEqual([[9, 8, 7], null])
  })

  it('keeps the older entries already read below a newest page that meets them', () => {
    // Read 12..3 (two pages), then one write: the newest page is 13..9.
    const before = log([12, 11, 10, 9, 8, 7, 6, 5, 4, 3], 3)
    expect(ids(withNewest(before, log([13, 12, 11, 10, 9], 9)))).toEqual([
      [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3],
      '3',
    ])
    // IDs compare as numbers, not text: 10 is newer than 9.
    expect(ids(withNewest(log([9, 8, 7], 7), log([11, 10, 9], 9)))).toEqual([
      [11, 10, 9, 8, 7],
      '7',
    ])
  })

  it('starts again from the newest page when more came than it holds (a gap)', () => {
    expect(ids(withNewest(log([5, 4, 3], 3), log([20, 19, 18], 18)))).toEqual([[20, 19, 18], '18'])
  })

  it('keeps the page’s own next page when the earlier read did not reach as far', () => {
    expect(ids(withNewest(log([11, 10], 10), log([11, 10, 9], 9)))).toEqual([[11, 10, 9], '9'])
  })
})
