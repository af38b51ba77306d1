import { describe, expect, it } from 'vitest'
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from './retry-after'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T10:00:00Z')

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })

  it('reads an HTTP-date', () => {
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:05 GMT', now)).toBe(5)
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0)
  })

  it('clamps hostile values', () => {
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_SECONDS)
  })

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('', now)).toBeNull()
    expect(parseRetryAfter('-3', now)).toBeNull()
    expect(parseRetryAfter('soon', now)).toBeNull()
  })
})
