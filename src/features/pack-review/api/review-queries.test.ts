import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeUuid } from '@contract/partner-api/wire'
import type { ReviewDecision } from '@contract/review-api/decision'
import { SLICE_MS } from '@/lib/slices'
import { reviewApi, setupMsw } from '@/testing/msw'
import { createTestQueryClient } from '@/testing/render'
import { mergeReviews, reviewQueries, type ReviewSnapshot } from './review-queries'

setupMsw()

/** A write straight to the fake review API, as another reviewer's browser would send it. */
async function sendToFake(path: string, method: 'PUT' | 'DELETE', body?: unknown) {
  const response = await fetch(`http://localhost${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.ok).toBe(true)
}

const PACK_ID = '5e7d1c2a-0000-4000-8000-000000000007'

function decision(imageId: string, revision: number, overrides: Partial<ReviewDecision> = {}) {
  return {
    image_id: imageId,
    decision: 'approved' as const,
    reasons: [],
    note: null,
    reviewer: 'Dana',
    decided_at: '2026-03-01T10:00:00.000Z',
    fingerprint: 'v1.abc',
    revision,
    ...overrides,
  }
}

describe('mergeReviews', () => {
  const start = mergeReviews(undefined, {
    revision: 3,
    images: [decision('a', 1), decision('b', 3, { decision: 'rejected', reasons: ['other'] })],
    cleared: [],
  })

  it('keeps per image the change with the highest revision, a clear included', () => {
    const next = mergeReviews(start, {
      revision: 6,
      images: [decision('a', 5, { reviewer: 'Sam' }), decision('c', 6)],
      cleared: [{ image_id: 'b', revision: 4 }],
    })
    expect(next.revision).toBe(6)
    expect(next.entries.get('a')).toMatchObject({ revision: 5, reviewer: 'Sam' })
    expect(next.entries.get('b')).toEqual({ image_id: 'b', revision: 4, decision: null })
    expect(next.entries.get('c')).toMatchObject({ revision: 6 })

    // A late answer with older changes undoes nothing, neither a decision nor a clear.
    const late = mergeReviews(next, {
      revision: 3,
      images: [decision('a', 1), decision('b', 3)],
      cleared: [{ image_id: 'c', revision: 2 }],
    })
    expect(late).toBe(next)
  })

  it('gives back the same snapshot when nothing changed, and keeps unchanged entries', () => {
    expect(mergeReviews(start, { revision: 3, images: [decision('a', 1)], cleared: [] })).toBe(
      start,
    )
    const next = mergeReviews(start, { revision: 4, images: [decision('c', 4)], cleared: [] })
    expect(next).not.toBe(start)
    expect(next.entries.get('a')).toBe(start.entries.get('a'))
    expect(next.entries.get('b')).toBe(start.entries.get('b'))
    // The snapshot it came from is left as it was.
    expect(start.entries.has('c')).toBe(false)
  })
})

describe('mergeReviews: the sign-off', () => {
  const signOff = {
    reviewer: 'Dana',
    signed_at: '2026-03-01T10:00:00.000Z',
    revision: 3,
    counts: { total: 2, approved: 1, rejected: 1 },
  }
  const start = mergeReviews(undefined, { revision: 3, images: [], cleared: [], signOff: null })

  it('takes the sign-off of every answer, a `since` one with no decisions included', () => {
    const signed = mergeReviews(start, { revision: 3, images: [], cleared: [], signOff })
    expect(signed).not.toBe(start)
    expect(signed.signOff).toEqual(signOff)
    // The same sign-off again changes nothing: the same snapshot, so nothing re-renders.
    expect(
      mergeReviews(signed, { revision: 3, images: [], cleared: [], signOff: { ...signOff } }),
    ).toBe(signed)
    // Withdrawn.
    expect(
      mergeReviews(signed, { revision: 3, images: [], cleared: [], signOff: null }).signOff,
    ).toBeNull()
    // An answer that does not say keeps the one known.
    expect(
      mergeReviews(signed, { revision: 4, images: [decision('a', 4)], cleared: [] }).signOff,
    ).toBe(signed.signOff)
  })
})

describe('reviewQueries.pack', () => {
  afterEach(() => vi.restoreAllMocks())

  const load = (client = createTestQueryClient()) => ({
    client,
    fetch: () => client.fetchQuery({ ...reviewQueries.pack(PACK_ID), staleTime: 0 }),
  })

  it('loads every decision first, then only what changed since its revision', async () => {
    reviewApi.seed(PACK_ID, 'img-1', { decision: 'approved', fingerprint: 'v1.a', reviewer: 'D' })
    const { fetch } = load()
    const first = await fetch()
    expect(first.revision).toBe(1)
    reviewApi.seed(PACK_ID, 'img-1', { decision: null, fingerprint: 'v1.a', reviewer: 'D' })
    reviewApi.seed(PACK_ID, 'img-2', { decision: 'approved', fingerprint: 'v1.b', reviewer: 'S' })
    const second = await fetch()
    expect(reviewApi.requests.map((request) => request.url.search)).toEqual(['', '?since=1'])
    expect(second.revision).toBe(3)
    expect(second.entries.get('img-1')?.decision).toBeNull()
    expect(second.entries.get('img-2')?.decision).toBe('approved')
  })

  it('follows the sign-off through `since` polls: signed off, then withdrawn', async () => {
    reviewApi.seed(PACK_ID, 'img-1', { decision: 'approved', fingerprint: 'v1.a', reviewer: 'D' })
    const { fetch } = load()
    expect((await fetch()).signOff).toBeNull()
    await sendToFake(`/api/review/v1/packs/${PACK_ID}/sign-off`, 'PUT', { reviewer: 'Dana' })
    const signed = await fetch()
    expect(reviewApi.requests.at(-1)?.url.search).toBe('?since=1')
    expect(signed.signOff).toMatchObject({
      reviewer: 'Dana',
      revision: 1,
      counts: { total: 1, approved: 1, rejected: 0 },
    })
    await sendToFake(`/api/review/v1/packs/${PACK_ID}/sign-off`, 'DELETE', { reviewer: 'Dana' })
    expect((await fetch()).signOff).toBeNull()
  })

  it('starts over when the store answers an older revision than it has (a wiped store)', async () => {
    reviewApi.seed(PACK_ID, 'img-1', { decision: 'approved', fingerprint: 'v1.a', reviewer: 'D' })
    reviewApi.seed(PACK_ID, 'img-2', { decision: 'approved', fingerprint: 'v1.b', reviewer: 'D' })
    const { fetch } = load()
    expect((await fetch()).entries.size).toBe(2)
    reviewApi.reset()
    reviewApi.seed(PACK_ID, 'img-3', { decision: 'approved', fingerprint: 'v1.c', reviewer: 'S' })
    const after: ReviewSnapshot = await fetch()
    expect(reviewApi.requests.map((request) => request.url.search)).toEqual(['?since=2', ''])
    expect([...after.entries.keys()]).toEqual(['img-3'])
    expect(after.revision).toBe(1)
  })

  it('validates 10,000 decisions a slice at a time, and merges one more without copying them', async () => {
    for (let index = 0; index < 10_000; index++) {
      reviewApi.seed(PACK_ID, fakeUuid(index), {
        decision: 'approved',
        fingerprint: 'v1.x',
        reviewer: 'Dana',
      })
    }
    const { fetch } = load()
    // A clock past the slice's budget at every reading: each check yields to the browser.
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS + 1))
    const timeout = vi.spyOn(globalThis, 'setTimeout')
    const first = await fetch()
    expect(first.entries.size).toBe(10_000)
    // One check per 64 decisions.
    expect(timeout.mock.calls.length).toBeGreaterThanOrEqual(150)
    vi.restoreAllMocks()

    reviewApi.seed(PACK_ID, fakeUuid(5), { decision: null, fingerprint: 'v1.x', reviewer: 'Sam' })
    const second = await fetch()
    expect(reviewApi.requests.at(-1)?.url.search).toBe('?since=10000')
    expect(second.entries.get(fakeUuid(5))?.decision).toBeNull()
    let same = 0
    for (const [imageId, entry] of second.entries) if (first.entries.get(imageId) === entry) same++
    expect(same).toBe(9_999)
  })

  it('is refused as the store refuses, with its message', async () => {
    reviewApi.unavailable = 'The review store cannot be reached.'
    const { fetch } = load()
    await expect(fetch()).rejects.toMatchObject({
      status: 503,
      errorCode: 'reviews_unavailable',
      message: 'The review store cannot be reached.',
    })
  })
})
