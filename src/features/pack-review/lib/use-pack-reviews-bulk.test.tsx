import { act, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fingerprintOf } from '@contract/review-api/fingerprint'
import { createImage, createMetadata } from '@contract/partner-api/wire'
import { reviewApi, setupMsw } from '@/testing/msw'
import { renderReadyReviews } from '@/testing/pack-reviews'
import { loadedPack } from '@/testing/review-fixtures'
import { reviewQueries } from '@/features/pack-review/api/review-queries'
import type { ReviewedImage } from './qa-flags'
import { REVIEWER_NAME_KEY } from '@/lib/reviewer-name'
import type { PackReviews } from './use-pack-reviews'

setupMsw()

const pack = loadedPack([
  createImage({ metadata: createMetadata({ description: 'First' }) }),
  createImage({ metadata: createMetadata({ description: 'Second' }) }),
  createImage({ metadata: createMetadata({ description: 'Third' }) }),
])
const [first, second, third] = pack.reviewed as [ReviewedImage, ReviewedImage, ReviewedImage]
const all = pack.reviewed
const idOf = (item: ReviewedImage) => item.image.id

const approve = { decision: 'approved' as const }
const reject = { decision: 'rejected' as const, reasons: ['bad-keywords' as const], note: 'Sky' }

const savingOf = (reviews: PackReviews, items: readonly ReviewedImage[]) =>
  items.map((item) => reviews.reviewOf(item).saving)
// A big write goes through MSW, the fake store and the answer's validation in slices.
const LONG = { timeout: 15_000 }
const posts = () => reviewApi.requests.filter((request) => request.method === 'POST')

beforeEach(() => localStorage.setItem(REVIEWER_NAME_KEY, 'Ada'))
afterEach(() => localStorage.clear())

describe('usePackReviews: deciding many at once', () => {
  it('shows every decision at once as saving, then saved, from one request', async () => {
    const { reviews } = await renderReadyReviews(pack)
    const post = reviewApi.hold('POST')

    act(() => reviews().decideMany(all, reject))

    for (const item of all) {
      expect(reviews().reviewOf(item)).toMatchObject({
        state: 'rejected',
        decision: { reasons: ['bad-keywords'], note: 'Sky', reviewer: 'Ada' },
        saving: 'saving',
      })
    }
    expect(reviews().counts.reviews).toEqual({
      approved: 0,
      rejected: 3,
      unreviewed: 0,
      outdated: 0,
    })
    post.release()
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual([null, null, null]))
    expect(reviews().reviewOf(second).state).toBe('rejected')
    expect(reviewApi.bulkWrites()).toEqual([
      {
        items: all.map((item) => ({
          image_id: idOf(item),
          decision: 'rejected',
          reasons: ['bad-keywords'],
          note: 'Sky',
          fingerprint: fingerprintOf(item.image),
        })),
        reviewer: 'Ada',
      },
    ])
    expect(reviewApi.writes()).toEqual([])
    for (const item of all) {
      expect(reviewApi.current(pack.id, idOf(item))).toMatchObject({
        decision: 'rejected',
        reviewer: 'Ada',
      })
    }
  })

  it('sends no name of its own when the server knows its user', async () => {
    reviewApi.user = 'dana@example.com'
    const { reviews } = await renderReadyReviews(pack, { user: 'dana@example.com' })
    act(() => reviews().decideMany([first, second], approve))
    expect(reviews().reviewOf(first).decision?.reviewer).toBe('dana@example.com')
    await waitFor(() => expect(savingOf(reviews(), [first, second])).toEqual([null, null]))
    expect(reviewApi.bulkWrites()[0]).not.toHaveProperty('reviewer')
    expect(reviewApi.current(pack.id, idOf(second))).toMatchObject({
      reviewer: 'dana@example.com',
    })
  })

  it('shows every image as not saved when the request fails, and a retry of one sends them all again in one request', async () => {
    const { reviews } = await renderReadyReviews(pack)
    reviewApi.failNext('POST', 'Database restarting.')

    act(() => reviews().decideMany(all, approve))
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual(['failed', 'failed', 'failed']))
    for (const item of all) {
      expect(reviews().reviewOf(item)).toMatchObject({
        state: 'approved',
        error: 'Database restarting.',
      })
      expect(reviewApi.current(pack.id, idOf(item))).toBeNull()
    }

    act(() => reviews().retry(idOf(second)))
    expect(savingOf(reviews(), all)).toEqual(['saving', 'saving', 'saving'])
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual([null, null, null]))
    expect(posts()).toHaveLength(2)
    expect(reviewApi.bulkWrites()[1]?.items.map((item) => item.image_id)).toEqual(all.map(idOf))
    for (const item of all) {
      expect(reviewApi.current(pack.id, idOf(item))).toMatchObject({ decision: 'approved' })
    }
  })

  it('sends a failed bulk action again, in one request, when the browser is back online', async () => {
    const { reviews } = await renderReadyReviews(pack)
    reviewApi.offline = true
    act(() => reviews().decideMany(all, approve))
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual(['failed', 'failed', 'failed']))

    reviewApi.offline = false
    act(() => void window.dispatchEvent(new Event('online')))
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual([null, null, null]))
    expect(posts()).toHaveLength(2)
    expect(reviewApi.bulkWrites()[1]?.items).toHaveLength(3)
  })

  it('lets a later decision on one image win over the failed bulk, and leaves it out of the retry', async () => {
    const { reviews } = await renderReadyReviews(pack)
    reviewApi.failNext('POST')
    act(() => reviews().decideMany(all, approve))
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual(['failed', 'failed', 'failed']))

    // The single decision fails too: it stays the image's own, not the bulk's.
    reviewApi.failNext('PUT', 'Disk full.')
    act(() => reviews().decide(second, reject))
    expect(reviews().reviewOf(second)).toMatchObject({ state: 'rejected', saving: 'saving' })
    await waitFor(() =>
      expect(reviews().reviewOf(second)).toMatchObject({ saving: 'failed', error: 'Disk full.' }),
    )
    expect(savingOf(reviews(), [first, third])).toEqual(['failed', 'failed'])

    act(() => reviews().retry(idOf(first)))
    await waitFor(() => expect(savingOf(reviews(), [first, third])).toEqual([null, null]))
    expect(reviews().reviewOf(second)).toMatchObject({ state: 'rejected', saving: 'failed' })
    expect(reviewApi.bulkWrites()[1]?.items.map((item) => item.image_id)).toEqual([
      idOf(first),
      idOf(third),
    ])
    act(() => reviews().retry(idOf(second)))
    await waitFor(() => expect(reviews().reviewOf(second).saving).toBeNull())
    expect(reviewApi.writes()).toHaveLength(2)
    expect(reviewApi.current(pack.id, idOf(second))).toMatchObject({ decision: 'rejected' })
    expect(reviewApi.current(pack.id, idOf(third))).toMatchObject({ decision: 'approved' })
    expect(reviews().reviewOf(second).state).toBe('rejected')
  })

  it('sends a decision made while the bulk is on its way after it, so the later one is stored', async () => {
    const { reviews } = await renderReadyReviews(pack)
    const post = reviewApi.hold('POST')
    act(() => reviews().decideMany(all, approve))
    await waitFor(() => expect(posts()).toHaveLength(1))

    act(() => reviews().decide(first, reject))
    expect(reviews().reviewOf(first)).toMatchObject({ state: 'rejected', saving: 'saving' })
    expect(reviewApi.writes()).toHaveLength(0)
    post.release()
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual([null, null, null]))
    expect(reviewApi.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual([
      'POST',
      'PUT',
    ])
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ decision: 'rejected' })
    expect(reviews().reviewOf(first).state).toBe('rejected')
  })

  it('waits for an earlier decision on its way before sending that image again', async () => {
    const { reviews } = await renderReadyReviews(pack)
    const put = reviewApi.hold('PUT')
    act(() => reviews().decide(first, reject))
    await waitFor(() => expect(reviewApi.writes()).toHaveLength(1))

    act(() => reviews().decideMany(all, approve))
    await waitFor(() => expect(savingOf(reviews(), [second, third])).toEqual([null, null]))
    expect(reviewApi.bulkWrites()[0]?.items.map((item) => item.image_id)).toEqual([
      idOf(second),
      idOf(third),
    ])
    put.release()
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.bulkWrites()[1]?.items.map((item) => item.image_id)).toEqual([idOf(first)])
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ decision: 'approved' })
  })

  it('never lets a late poll answer flip a decision the bulk write stored', async () => {
    const { reviews, poll } = await renderReadyReviews(pack)
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'rejected',
      reasons: ['other'],
      fingerprint: fingerprintOf(first.image),
      reviewer: 'Sam',
    })
    // Answered with Sam's rejection, but only after the bulk approval is stored.
    const late = reviewApi.hold('GET')
    const polled = poll()
    await waitFor(() => expect(reviewApi.requests.at(-1)?.method).toBe('GET'))

    act(() => reviews().decideMany(all, approve))
    await waitFor(() => expect(savingOf(reviews(), all)).toEqual([null, null, null]))
    late.release()
    await polled

    expect(reviews().reviewOf(first)).toMatchObject({ state: 'approved', saving: null })
    expect(reviews().counts.reviews.approved).toBe(3)
    await poll()
    expect(reviews().reviewOf(first).state).toBe('approved')
  })

  it('refreshes the history of every image of the bulk once saved, in one pass', async () => {
    const { reviews, client } = await renderReadyReviews(pack)
    const histories = [first, second].map((item) => reviewQueries.history(pack.id, idOf(item)))
    for (const history of histories) expect((await client.fetchQuery(history)).entries).toEqual([])
    act(() => reviews().decideMany([first, second], approve))
    await waitFor(() => {
      for (const { queryKey } of histories) {
        expect(client.getQueryState(queryKey)?.isInvalidated).toBe(true)
      }
    })
    expect((await client.fetchQuery(histories[1]!)).entries).toMatchObject([
      { decision: 'approved', reviewer: 'Ada', undo: false },
    ])
  })

  it('splits a bulk action too big for one request into parts the server takes', async () => {
    // 2,000 three-byte characters: each item is about 6 KB, 1,500 of them about 9 MB.
    const big = loadedPack(Array.from({ length: 1_500 }, () => createImage()))
    const { reviews } = await renderReadyReviews(big)
    act(() => reviews().decideMany(big.reviewed, { ...reject, note: '€'.repeat(2_000) }))
    expect(reviews().counts.reviews.rejected).toBe(1_500)
    await waitFor(
      () =>
        expect(big.reviewed.every((item) => reviews().reviewOf(item).saving === null)).toBe(true),
      LONG,
    )
    const sent = reviewApi.bulkWrites()
    expect(sent.length).toBeGreaterThan(1)
    expect(sent.flatMap((body) => body.items).map((item) => item.image_id)).toEqual(
      big.reviewed.map(idOf),
    )
    expect(reviewApi.current(big.id, idOf(big.reviewed[1_499]!))).toMatchObject({
      decision: 'rejected',
    })
  }, 30_000)
})

describe('usePackReviews: undoing a bulk action', () => {
  it('puts every image back as it was in one request marked undo, between single undos', async () => {
    const older = fingerprintOf({ ...first.image, url: 'https://cdn.test/older.jpg' })
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'rejected',
      reasons: ['unsafe', 'other'],
      note: 'Logo cut off',
      fingerprint: older,
      reviewer: 'Sam',
    })
    const { reviews } = await renderReadyReviews(pack)
    const saved = () => waitFor(() => expect(savingOf(reviews(), all)).toEqual([null, null, null]))

    act(() => reviews().decide(third, approve))
    await saved()
    act(() => reviews().decideMany(all, reject))
    await saved()
    act(() => reviews().decide(second, approve))
    await saved()
    expect(reviews().counts.reviews).toEqual({
      approved: 1,
      rejected: 2,
      unreviewed: 0,
      outdated: 0,
    })

    let undone: string | null = null
    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(second))
    expect(reviews().reviewOf(second).state).toBe('rejected')
    await saved()
    const before = reviewApi.requests.length

    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(first))
    expect(savingOf(reviews(), all)).toEqual(['saving', 'saving', 'saving'])
    expect(all.map((item) => reviews().reviewOf(item).state)).toEqual([
      'outdated',
      'unreviewed',
      'approved',
    ])
    await saved()
    expect(reviewApi.requests.slice(before).filter((r) => r.method !== 'GET')).toHaveLength(1)
    expect(reviewApi.bulkWrites().at(-1)).toEqual({
      items: [
        {
          image_id: idOf(first),
          decision: 'rejected',
          reasons: ['unsafe', 'other'],
          note: 'Logo cut off',
          fingerprint: older,
        },
        { image_id: idOf(second), decision: null, fingerprint: fingerprintOf(second.image) },
        { image_id: idOf(third), decision: 'approved', fingerprint: fingerprintOf(third.image) },
      ],
      reviewer: 'Ada',
      undo: true,
    })
    expect(reviewApi.historyOf(pack.id, idOf(second)).map((entry) => entry.undo)).toEqual([
      false,
      false,
      true,
      true,
    ])
    expect(reviews().counts.reviews).toEqual({
      approved: 1,
      rejected: 0,
      unreviewed: 1,
      outdated: 1,
    })

    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(third))
    await saved()
    expect(reviewApi.writes().at(-1)).toMatchObject({ decision: null, undo: true })
    act(() => void (undone = reviews().undo()))
    expect(undone).toBeNull()
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ fingerprint: older })
    expect(reviewApi.current(pack.id, idOf(second))).toBeNull()
    expect(reviewApi.current(pack.id, idOf(third))).toBeNull()
  })
})

describe('usePackReviews: 10,000 images at once', () => {
  const big = loadedPack(Array.from({ length: 10_000 }, () => createImage()))

  it('stores every decision from one request, with the counts right before and after its undo', async () => {
    const { reviews, poll } = await renderReadyReviews(big)

    act(() => reviews().decideMany(big.reviewed, approve))
    expect(reviews().reviewOf(big.reviewed[9_999]!).saving).toBe('saving')
    expect(reviews().counts.reviews).toMatchObject({ approved: 10_000, unreviewed: 0 })
    await waitFor(() => expect(reviews().reviewOf(big.reviewed[9_999]!).saving).toBeNull(), LONG)
    expect(big.reviewed.every((item) => reviews().reviewOf(item).saving === null)).toBe(true)
    expect(posts()).toHaveLength(1)
    expect(reviewApi.bulkWrites()[0]?.items).toHaveLength(10_000)
    expect(reviewApi.current(big.id, idOf(big.reviewed[5_000]!))).toMatchObject({
      decision: 'approved',
    })

    await poll()
    expect(reviews().counts.reviews).toMatchObject({ approved: 10_000, unreviewed: 0 })

    let undone: string | null = null
    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(big.reviewed[0]!))
    expect(reviews().counts.reviews).toMatchObject({ approved: 0, unreviewed: 10_000 })
    await waitFor(() => expect(reviews().reviewOf(big.reviewed[9_999]!).saving).toBeNull(), LONG)
    expect(posts()).toHaveLength(2)
    expect(reviewApi.bulkWrites()[1]).toMatchObject({ undo: true })
    expect(reviewApi.current(big.id, idOf(big.reviewed[5_000]!))).toBeNull()
    await poll()
    expect(reviews().counts.reviews).toMatchObject({ approved: 0, unreviewed: 10_000 })
  }, 30_000)
})
