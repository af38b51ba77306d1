import { focusManager } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as fingerprints from '@contract/review-api/fingerprint'
import { createImage, createMetadata } from '@contract/partner-api/wire'
import { reviewApi, setupMsw } from '@/testing/msw'
import { renderPackReviews, renderReadyReviews } from '@/testing/pack-reviews'
import * as slices from '@/lib/slices'
import { loadedPack } from '@/testing/review-fixtures'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import { reviewQueries } from '@/features/pack-review/api/review-queries'
import { REVIEWER_NAME_KEY } from '@/lib/reviewer-name'

vi.mock('@contract/review-api/fingerprint', { spy: true })
vi.mock('@/lib/slices', { spy: true })

setupMsw()

const pack = loadedPack([
  createImage({ metadata: createMetadata({ description: 'First' }) }),
  createImage({ metadata: createMetadata({ description: 'Second' }) }),
  createImage({ metadata: createMetadata({ description: 'Third' }) }),
])
const [first, second, third] = pack.reviewed as [
  (typeof pack.reviewed)[number],
  (typeof pack.reviewed)[number],
  (typeof pack.reviewed)[number],
]
const idOf = (item: typeof first) => item.image.id

function renderReviews(options: { user?: string | null; loaded?: LoadedPack } = {}) {
  return renderPackReviews(options.loaded ?? pack, options)
}

async function renderReady(options: Parameters<typeof renderReviews>[0] = {}) {
  return renderReadyReviews(options.loaded ?? pack, options)
}

const approve = { decision: 'approved' as const }
const reject = { decision: 'rejected' as const, reasons: ['bad-keywords' as const], note: 'Sky' }

beforeEach(() => localStorage.setItem(REVIEWER_NAME_KEY, 'Ada'))
afterEach(() => localStorage.clear())

describe('usePackReviews: loading', () => {
  it('shows each decision, outdated when the metadata changed, and shares one unreviewed object', async () => {
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'approved',
      fingerprint: fingerprints.fingerprintOf(first.image),
      reviewer: 'Dana Reyes',
    })
    reviewApi.seed(pack.id, idOf(second), {
      decision: 'rejected',
      reasons: ['unsafe'],
      fingerprint: fingerprints.fingerprintOf({
        ...second.image,
        url: 'https://cdn.test/older.jpg',
      }),
      reviewer: 'Sam Okafor',
    })
    const { reviews } = renderReviews()
    expect(reviews().availability).toEqual({ status: 'loading' })
    await waitFor(() => expect(reviews().availability).toEqual({ status: 'ready' }))

    expect(reviews().reviewOf(first)).toMatchObject({
      state: 'approved',
      decision: { reviewer: 'Dana Reyes' },
      saving: null,
      error: null,
    })
    expect(reviews().reviewOf(second)).toMatchObject({
      state: 'outdated',
      decision: { decision: 'rejected', reasons: ['unsafe'] },
    })
    expect(reviews().reviewOf(third)).toEqual({
      state: 'unreviewed',
      decision: null,
      saving: null,
      error: null,
    })
    expect(reviews().reviewOf(third)).toBe(reviews().reviewOf(loadedPack().reviewed[0]!))
  })

  it('turns a decision outdated when the image’s metadata changes under it', async () => {
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'approved',
      fingerprint: fingerprints.fingerprintOf(first.image),
      reviewer: 'Dana Reyes',
    })
    const { reviews, rerender } = await renderReady()
    const version = reviews().version
    expect(reviews().reviewOf(first).state).toBe('approved')

    // The pack polled again: the first image's description was regenerated.
    const changed = {
      ...pack,
      reviewed: pack.reviewed.map((item, index) =>
        index === 0
          ? {
              ...item,
              image: { ...item.image, metadata: { ...item.image.metadata!, description: 'New' } },
            }
          : item,
      ),
    }
    rerender({ user: null, loaded: changed })
    expect(reviews().version).toBeGreaterThan(version)
    expect(reviews().reviewOf(changed.reviewed[0]!)).toMatchObject({
      state: 'outdated',
      decision: { decision: 'approved', reviewer: 'Dana Reyes' },
    })
    expect(reviews().reviewOf(second)).toBe(reviews().reviewOf(changed.reviewed[1]!))
  })

  it('is unavailable with the server’s reason when the store is down, and recovers', async () => {
    reviewApi.unavailable = 'The review store cannot be reached (connection refused).'
    const { reviews, poll } = renderReviews()
    await waitFor(() =>
      expect(reviews().availability).toEqual({
        status: 'unavailable',
        reason: 'The review store cannot be reached (connection refused).',
      }),
    )
    reviewApi.unavailable = null
    await poll()
    expect(reviews().availability).toEqual({ status: 'ready' })
  })

  it('is unavailable when the decisions cannot be loaded at all', async () => {
    reviewApi.offline = true
    const { reviews } = renderReviews()
    await waitFor(() =>
      expect(reviews().availability).toEqual({
        status: 'unavailable',
        reason: 'The request did not reach the server.',
      }),
    )
  })

  it('says unavailable when a later poll finds the store down, keeping what it loaded', async () => {
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'approved',
      fingerprint: fingerprints.fingerprintOf(first.image),
      reviewer: 'Dana Reyes',
    })
    const { reviews, poll } = await renderReady()
    reviewApi.unavailable = 'Database restarting.'
    await poll()
    expect(reviews().availability).toEqual({
      status: 'unavailable',
      reason: 'Database restarting.',
    })
    expect(reviews().reviewOf(first).state).toBe('approved')
  })
})

describe('usePackReviews: polling', () => {
  afterEach(() => {
    vi.useRealTimers()
    focusManager.setFocused(undefined)
  })

  it('asks only for what changed since its revision, and merges decisions and clears', async () => {
    const fingerprint = fingerprints.fingerprintOf(first.image)
    reviewApi.seed(pack.id, idOf(first), { decision: 'approved', fingerprint, reviewer: 'Dana' })
    const { reviews, poll } = await renderReady()
    const untouched = reviews().reviewOf(third)

    reviewApi.seed(pack.id, idOf(first), { decision: null, fingerprint, reviewer: 'Dana' })
    reviewApi.seed(pack.id, idOf(second), {
      decision: 'approved',
      fingerprint: fingerprints.fingerprintOf(second.image),
      reviewer: 'Sam',
    })
    await poll()

    const gets = reviewApi.requests.filter((request) => request.method === 'GET')
    expect(gets.map((request) => request.url.search)).toEqual(['', '?since=1'])
    expect(reviews().reviewOf(first).state).toBe('unreviewed')
    expect(reviews().reviewOf(second)).toMatchObject({
      state: 'approved',
      decision: { reviewer: 'Sam' },
    })
    expect(reviews().reviewOf(third)).toBe(untouched)

    await poll()
    expect(reviewApi.requests.at(-1)?.url.search).toBe('?since=3')
  })

  it('polls every 5 seconds while the tab is visible, not while it is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    // vi.waitFor: Testing Library's waitFor polls with the faked setInterval.
    const { reviews } = renderReviews()
    await vi.waitFor(() => expect(reviews().availability.status).toBe('ready'))
    const gets = () => reviewApi.requests.filter((request) => request.method === 'GET').length
    expect(gets()).toBe(1)
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'approved',
      fingerprint: fingerprints.fingerprintOf(first.image),
      reviewer: 'Sam',
    })

    act(() => vi.advanceTimersByTime(5_000))
    await vi.waitFor(() => expect(reviews().reviewOf(first).state).toBe('approved'))
    expect(gets()).toBe(2)

    act(() => focusManager.setFocused(false))
    act(() => vi.advanceTimersByTime(15_000))
    expect(gets()).toBe(2)
  })
})

describe('usePackReviews: deciding', () => {
  it('paints a decision at once as saving, then saved, with the stored name', async () => {
    const { reviews } = await renderReady()
    const put = reviewApi.hold('PUT')

    act(() => reviews().decide(first, reject))

    expect(reviews().reviewOf(first)).toMatchObject({
      state: 'rejected',
      decision: { reasons: ['bad-keywords'], note: 'Sky', reviewer: 'Ada' },
      saving: 'saving',
    })
    put.release()
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviews().reviewOf(first).state).toBe('rejected')
    expect(reviewApi.writes()).toEqual([
      {
        decision: 'rejected',
        reasons: ['bad-keywords'],
        note: 'Sky',
        fingerprint: fingerprints.fingerprintOf(first.image),
        reviewer: 'Ada',
      },
    ])
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ reviewer: 'Ada' })
  })

  it('keeps a failed decision as not saved, and sends it again when the browser is online', async () => {
    const { reviews } = await renderReady()
    reviewApi.offline = true

    act(() => reviews().decide(first, approve))
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBe('failed'))
    expect(reviews().reviewOf(first)).toMatchObject({
      state: 'approved',
      error: 'The request did not reach the server.',
    })
    expect(reviewApi.writes()).toHaveLength(1)

    reviewApi.offline = false
    act(() => void window.dispatchEvent(new Event('online')))
    expect(reviews().reviewOf(first).saving).toBe('saving')
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.writes()).toHaveLength(2)
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ decision: 'approved' })
  })

  it('sends not saved decisions again once the store is back', async () => {
    const { reviews, poll } = await renderReady()
    reviewApi.unavailable = 'Database restarting.'
    act(() => reviews().decide(first, approve))
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBe('failed'))
    await poll()
    expect(reviews().availability.status).toBe('unavailable')
    expect(reviewApi.writes()).toHaveLength(1)

    reviewApi.unavailable = null
    await poll()
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.writes()).toHaveLength(2)
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ decision: 'approved' })
  })

  it('retries one not saved decision when asked', async () => {
    const { reviews } = await renderReady()
    reviewApi.unavailable = 'Database restarting.'
    act(() => reviews().decide(first, approve))
    await waitFor(() =>
      expect(reviews().reviewOf(first)).toMatchObject({
        saving: 'failed',
        error: 'Database restarting.',
      }),
    )
    reviewApi.unavailable = null
    act(() => reviews().retry(idOf(first)))
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ decision: 'approved' })
  })

  it('shows a refusal’s message and does not send a decision the server would refuse', async () => {
    localStorage.clear()
    const { reviews } = await renderReady()
    act(() => reviews().decide(first, approve))
    await waitFor(() =>
      expect(reviews().reviewOf(first)).toMatchObject({
        saving: 'failed',
        error: 'Say who you are.',
      }),
    )
    act(() => reviews().decide(second, { decision: 'rejected', reasons: [] }))
    expect(reviews().reviewOf(second).saving).toBe('failed')
    expect(reviewApi.writes()).toHaveLength(1)
  })

  it('sends only the latest of quick decisions on one image, in order', async () => {
    const { reviews } = await renderReady()
    const firstPut = reviewApi.hold('PUT')

    act(() => reviews().decide(first, approve))
    act(() => reviews().decide(first, reject))
    act(() => reviews().decide(first, { decision: null }))
    expect(reviews().reviewOf(first)).toMatchObject({ state: 'unreviewed', saving: 'saving' })
    await waitFor(() => expect(reviewApi.writes()).toHaveLength(1))

    firstPut.release()
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.writes().map((body) => body.decision)).toEqual(['approved', null])
    expect(reviewApi.current(pack.id, idOf(first))).toBeNull()
    expect(reviews().reviewOf(first).state).toBe('unreviewed')
  })

  it('never lets a late poll answer flip an acknowledged decision back', async () => {
    const fingerprint = fingerprints.fingerprintOf(first.image)
    const { reviews, poll } = await renderReady()
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'rejected',
      reasons: ['other'],
      fingerprint,
      reviewer: 'Sam',
    })
    // This poll is answered with Sam's rejection, but only after our approval is stored.
    const late = reviewApi.hold('GET')
    const polled = poll()
    await waitFor(() => expect(reviewApi.requests.at(-1)?.method).toBe('GET'))

    act(() => reviews().decide(first, approve))
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    late.release()
    await polled

    expect(reviews().reviewOf(first)).toMatchObject({ state: 'approved', saving: null })
    await poll()
    expect(reviews().reviewOf(first).state).toBe('approved')
  })

  it('never lets a poll answer replace a decision still being saved', async () => {
    const { reviews, poll } = await renderReady()
    const put = reviewApi.hold('PUT')
    act(() => reviews().decide(first, approve))
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'rejected',
      reasons: ['other'],
      fingerprint: fingerprints.fingerprintOf(first.image),
      reviewer: 'Sam',
    })
    await poll()
    expect(reviews().reviewOf(first)).toMatchObject({ state: 'approved', saving: 'saving' })
    put.release()
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    // Ours reached the server last, so it is the one stored and shown.
    expect(reviews().reviewOf(first).state).toBe('approved')
  })

  it('refreshes the image’s history once a decision is saved', async () => {
    const { reviews, client } = await renderReady()
    const history = reviewQueries.history(pack.id, idOf(first))
    expect((await client.fetchQuery(history)).entries).toEqual([])
    act(() => reviews().decide(first, approve))
    await waitFor(() => expect(client.getQueryState(history.queryKey)?.isInvalidated).toBe(true))
    expect((await client.fetchQuery(history)).entries).toMatchObject([
      { decision: 'approved', reviewer: 'Ada', undo: false },
    ])
  })

  it('changes only the decided image’s review object', async () => {
    const { reviews } = await renderReady()
    const before = pack.reviewed.map((item) => reviews().reviewOf(item))
    const version = reviews().version
    act(() => reviews().decide(second, approve))
    expect(reviews().version).toBeGreaterThan(version)
    const after = pack.reviewed.map((item) => reviews().reviewOf(item))
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
    expect(after[2]).toBe(before[2])
    expect(reviews().reviewOf(second)).toBe(after[1])
    // Saved before the test ends, so its request cannot land in the next test's server.
    await waitFor(() => expect(reviews().reviewOf(second).saving).toBeNull())
  })
})

describe('usePackReviews: undo', () => {
  it('takes back this tab’s decisions, last first, each recorded as an undo', async () => {
    const { reviews } = await renderReady()
    const settle = () => waitFor(() => expect(reviewApi.requests.at(-1)?.method).toBe('PUT'))
    const saved = () =>
      waitFor(() => {
        for (const item of pack.reviewed) expect(reviews().reviewOf(item).saving).toBeNull()
      })

    act(() => reviews().decide(first, approve))
    act(() => reviews().decide(second, reject))
    await saved()
    act(() => reviews().decide(first, { decision: null }))
    await saved()

    let undone: string | null = null
    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(first))
    expect(reviews().reviewOf(first).state).toBe('approved')
    await settle()
    await saved()

    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(second))
    expect(reviews().reviewOf(second).state).toBe('unreviewed')
    await saved()

    act(() => void (undone = reviews().undo()))
    expect(undone).toBe(idOf(first))
    await saved()
    act(() => void (undone = reviews().undo()))
    expect(undone).toBeNull()

    expect(reviewApi.writes().map((body) => [body.decision, body.undo ?? false])).toEqual([
      ['approved', false],
      ['rejected', false],
      [null, false],
      ['approved', true],
      [null, true],
      [null, true],
    ])
    expect(reviewApi.current(pack.id, idOf(first))).toBeNull()
    expect(reviewApi.current(pack.id, idOf(second))).toBeNull()
  })

  it('puts back a decision with its reasons, note and the metadata it was made on', async () => {
    const older = fingerprints.fingerprintOf({ ...first.image, url: 'https://cdn.test/older.jpg' })
    reviewApi.seed(pack.id, idOf(first), {
      decision: 'rejected',
      reasons: ['unsafe', 'other'],
      note: 'Logo cut off',
      fingerprint: older,
      reviewer: 'Sam',
    })
    const { reviews } = await renderReady()
    expect(reviews().reviewOf(first).state).toBe('outdated')
    act(() => reviews().decide(first, approve))
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    act(() => void reviews().undo())
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviews().reviewOf(first).state).toBe('outdated')
    expect(reviewApi.writes().at(-1)).toEqual({
      decision: 'rejected',
      reasons: ['unsafe', 'other'],
      note: 'Logo cut off',
      fingerprint: older,
      reviewer: 'Ada',
      undo: true,
    })
  })
})

describe('usePackReviews: reviewer', () => {
  it('uses the name given in this browser, and remembers a new one', async () => {
    localStorage.clear()
    const { reviews } = await renderReady()
    expect(reviews().reviewer).toEqual({ name: null, fixed: false })
    act(() => reviews().setReviewerName('  Dana Reyes '))
    expect(reviews().reviewer).toEqual({ name: 'Dana Reyes', fixed: false })
    expect(localStorage.getItem(REVIEWER_NAME_KEY)).toBe('Dana Reyes')
    act(() => reviews().decide(first, approve))
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.writes()[0]?.reviewer).toBe('Dana Reyes')
  })

  it('is fixed to the server’s user, and sends no name of its own', async () => {
    reviewApi.user = 'dana@example.com'
    const { reviews } = await renderReady({ user: 'dana@example.com' })
    expect(reviews().reviewer).toEqual({ name: 'dana@example.com', fixed: true })
    act(() => reviews().decide(first, approve))
    expect(reviews().reviewOf(first).decision?.reviewer).toBe('dana@example.com')
    await waitFor(() => expect(reviews().reviewOf(first).saving).toBeNull())
    expect(reviewApi.writes()[0]).not.toHaveProperty('reviewer')
    expect(reviewApi.current(pack.id, idOf(first))).toMatchObject({ reviewer: 'dana@example.com' })
  })
})

describe('usePackReviews: 10,000 images', () => {
  it('keeps every other image’s review object through a decision and a poll', async () => {
    const big = loadedPack(Array.from({ length: 10_000 }, () => createImage()))
    for (const item of big.reviewed) {
      reviewApi.seed(big.id, item.image.id, {
        decision: 'approved',
        fingerprint: fingerprints.fingerprintOf(item.image),
        reviewer: 'Dana',
      })
    }
    const hashed = vi.mocked(fingerprints.fingerprintOf).mock.calls.length
    const { reviews, poll } = await renderReady({ loaded: big })
    // Hashed a slice at a time before they are shown, so the render that shows them does not.
    expect(slices.mapInSlices).toHaveBeenCalledWith(
      big.reviewed,
      expect.any(Function),
      expect.any(AbortSignal),
    )
    expect(vi.mocked(fingerprints.fingerprintOf).mock.calls.length - hashed).toBe(10_000)
    const before = big.reviewed.map((item) => reviews().reviewOf(item))
    expect(before.every((review) => review.state === 'approved')).toBe(true)
    expect(vi.mocked(fingerprints.fingerprintOf).mock.calls.length - hashed).toBe(10_000)

    // A poll that brings nothing new changes nothing, not even the version.
    const version = reviews().version
    await poll()
    expect(reviews().version).toBe(version)

    const chosen = big.reviewed[4_321]!
    act(() => reviews().decide(chosen, reject))
    const after = big.reviewed.map((item) => reviews().reviewOf(item))
    const changed = after.filter((review, index) => review !== before[index])
    expect(changed).toEqual([expect.objectContaining({ state: 'rejected', saving: 'saving' })])
  })
})
