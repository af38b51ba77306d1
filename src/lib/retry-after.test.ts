import fc from 'fast-check'
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

describe('parseRetryAfter, for any input', () => {
  // Whole seconds between 2000 and 2100, where toUTCString() writes a plain HTTP-date.
  const wholeSecond = fc
    .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 })
    .map((seconds) => seconds * 1000)
  // Mostly around the clamp, where rounding matters; sometimes a day ago or a week ahead.
  const offsetSeconds = fc.oneof(
    fc.integer({ min: -5, max: MAX_RETRY_AFTER_SECONDS + 5 }),
    fc.integer({ min: -86_400, max: 7 * 86_400 }),
  )
  const clamped = (seconds: number) => Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS)

  it('returns null or whole seconds within [0, MAX_RETRY_AFTER_SECONDS]', () => {
    const header = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^\s*-?\d{0,400}(\.\d*)?\s*$/),
      fc.date().map((date) => (Number.isNaN(date.getTime()) ? 'Invalid' : date.toUTCString())),
    )
    fc.assert(
      fc.property(header, fc.integer(), (value, now) => {
        const seconds = parseRetryAfter(value, now)
        if (seconds === null) return
        expect(Number.isInteger(seconds)).toBe(true)
        expect(seconds).toBeGreaterThanOrEqual(0)
        expect(seconds).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS)
      }),
      { numRuns: 500 },
    )
  })

  it('reads any delta-seconds, however long or padded, as min(n, MAX)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 400n }),
        fc.nat(3),
        fc.constantFrom('', ' ', '\t', '  '),
        fc.integer(),
        (n, zeros, pad, now) => {
          const value = `${pad}${'0'.repeat(zeros)}${n}${pad}`
          const expected = n > BigInt(MAX_RETRY_AFTER_SECONDS) ? MAX_RETRY_AFTER_SECONDS : Number(n)
          expect(parseRetryAfter(value, now)).toBe(expected)
        },
      ),
    )
  })

  it('reads an HTTP-date d seconds from now as d, clamped', () => {
    fc.assert(
      fc.property(wholeSecond, offsetSeconds, (at, d) => {
        const value = new Date(at + d * 1000).toUTCString()
        expect(parseRetryAfter(value, at)).toBe(clamped(d))
      }),
    )
  })

  it('rounds a wait that began mid-second up, never down', () => {
    // The header names a whole second; from `at + ms` the wait is d - ms/1000 seconds,
    // which must not become d - 1 and let the retry come early.
    fc.assert(
      fc.property(wholeSecond, offsetSeconds, fc.integer({ min: 1, max: 999 }), (at, d, ms) => {
        const value = new Date(at + d * 1000).toUTCString()
        expect(parseRetryAfter(value, at + ms)).toBe(clamped(d))
      }),
    )
  })
})
