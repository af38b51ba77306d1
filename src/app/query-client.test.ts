import { MutationObserver } from '@tanstack/react-query'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ApiError, type ApiErrorKind } from '@/lib/api-error'
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from '@/lib/retry-after'
import { createQueryClient, MAX_TRIES, retryDelay, shouldRetry } from './query-client'

const http = (status: number, retryAfterSeconds: number | null = null) =>
  new ApiError({ kind: 'http', status, message: 'x', retryAfterSeconds })

describe('shouldRetry', () => {
  it.each([400, 401, 402, 403, 404, 422])('never retries %i', (status) => {
    expect(shouldRetry(0, http(status))).toBe(false)
  })

  it('retries 429, 5xx, network and timeouts twice (three tries in all)', () => {
    for (const error of [
      http(429),
      http(500),
      http(503),
      new ApiError({ kind: 'network', message: 'x' }),
      new ApiError({ kind: 'timeout', message: 'x' }),
    ]) {
      expect([0, 1, 2].map((count) => shouldRetry(count, error))).toEqual([true, true, false])
    }
  })

  it('does not retry a broken contract or a bug', () => {
    expect(shouldRetry(0, new ApiError({ kind: 'invalid-response', message: 'x' }))).toBe(false)
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false)
  })
})

describe('writes', () => {
  it('are never retried: the retry rules are for queries only', async () => {
    const client = createQueryClient()
    let tries = 0
    const write = new MutationObserver(client, {
      mutationFn: () => {
        tries++
        return Promise.reject(new ApiError({ kind: 'network', message: 'x' }))
      },
    })
    await expect(write.mutate()).rejects.toBeInstanceOf(ApiError)
    expect(tries).toBe(1)
  })
})

describe('retryDelay', () => {
  it('backs off with growing gaps', () => {
    const delays = [0, 1, 2].map((count) => retryDelay(count, http(500)))
    expect(delays).toEqual([1000, 2000, 4000])
  })

  it('honours Retry-After', () => {
    expect(retryDelay(0, http(429, 7))).toBe(7000)
  })
})

describe('retry policy, for any failure', () => {
  /** MAX_BACKOFF_MS in query-client.ts: the longest wait without a Retry-After. */
  const BACKOFF_CAP_MS = 8_000
  const kinds: ApiErrorKind[] = ['http', 'network', 'timeout', 'invalid-response']
  // What the client can put in `retryAfterSeconds`: whatever parseRetryAfter makes of a header.
  const retryAfter = fc
    .oneof(fc.constant(null), fc.string(), fc.nat(100).map(String), fc.bigInt().map(String))
    .map((header) => parseRetryAfter(header))
  const apiError = (retryAfterSeconds: fc.Arbitrary<number | null>) =>
    fc
      .record({
        kind: fc.constantFrom(...kinds),
        status: fc.oneof(fc.constantFrom(0, 429, 500, 503), fc.integer({ min: 100, max: 599 })),
        retryAfterSeconds,
      })
      .map((init) => new ApiError({ ...init, message: 'x' }))
  const notApiError = fc.oneof(
    fc.anything(),
    fc.string().map((message) => new Error(message)),
    fc.string().map((message) => new TypeError(message)),
  )
  const anyError = fc.oneof(apiError(retryAfter), notApiError)
  const failureCount = fc.oneof(fc.nat(10), fc.nat())

  it('waits a finite time between 0 and 60 s', () => {
    fc.assert(
      fc.property(failureCount, anyError, (count, error) => {
        const delay = retryDelay(count, error)
        expect(Number.isFinite(delay)).toBe(true)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS * 1000)
      }),
      { numRuns: 500 },
    )
  })

  it('without Retry-After, never shortens the wait and never exceeds the cap', () => {
    const noRetryAfter = fc.oneof(apiError(fc.constant(null)), notApiError)
    fc.assert(
      fc.property(fc.nat(40), noRetryAfter, (tries, error) => {
        const delays = Array.from({ length: tries + 1 }, (_, count) => retryDelay(count, error))
        delays.forEach((delay, count) => {
          expect(delay).toBeGreaterThan(0)
          expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS)
          if (count > 0) expect(delay).toBeGreaterThanOrEqual(delays[count - 1]!)
        })
      }),
    )
  })

  it('stops retrying once MAX_TRIES - 1 attempts have failed', () => {
    const spent = fc.oneof(
      fc.integer({ min: MAX_TRIES - 1, max: MAX_TRIES + 5 }),
      fc.integer({ min: MAX_TRIES - 1 }),
    )
    fc.assert(
      fc.property(spent, anyError, (count, error) => {
        expect(shouldRetry(count, error)).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('makes at most MAX_TRIES tries through a real QueryClient', async () => {
    const retryable = fc.oneof(
      apiError(retryAfter).filter((error) => error.kind !== 'invalid-response'),
      fc.constant(new ApiError({ kind: 'network', message: 'x' })),
    )
    // Each try fails with the next error: mostly ones worth retrying, so the limit is reached.
    const failures = fc.array(fc.oneof({ weight: 4, arbitrary: retryable }, anyError), {
      minLength: MAX_TRIES + 2,
      maxLength: MAX_TRIES + 2,
    })
    let reachedLimit = 0
    await fc.assert(
      fc.asyncProperty(failures, async (errors) => {
        const client = createQueryClient()
        let tries = 0
        const failed = await client
          .fetchQuery({
            queryKey: ['tries'],
            queryFn: () => {
              throw errors[tries++]
            },
            // Only the waiting is skipped; whether to retry is still the app's shouldRetry.
            retryDelay: 0,
          })
          .then(
            () => false,
            () => true,
          )
        client.clear()
        expect(failed).toBe(true)
        expect(tries).toBeGreaterThanOrEqual(1)
        expect(tries).toBeLessThanOrEqual(MAX_TRIES)
        if (tries === MAX_TRIES) reachedLimit++
      }),
      { numRuns: 100 },
    )
    // The bound would hold trivially if nothing were ever retried.
    expect(reachedLimit).toBeGreaterThan(10)
  })
})
