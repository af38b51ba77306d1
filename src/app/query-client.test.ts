import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/api-error'
import { retryDelay, shouldRetry } from './query-client'

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

describe('retryDelay', () => {
  it('backs off with growing gaps', () => {
    const delays = [0, 1, 2].map((count) => retryDelay(count, http(500)))
    expect(delays).toEqual([1000, 2000, 4000])
  })

  it('honours Retry-After', () => {
    expect(retryDelay(0, http(429, 7))).toBe(7000)
  })
})
