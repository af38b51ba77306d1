import { describe, expect, it } from 'vitest'
import {
  addressKey,
  createAuthLimiter,
  FAILED_LOGIN_WINDOW_MS,
  MAX_FAILED_LOGINS,
} from './auth-limiter.ts'

// The clock-driven parts (the window running out, the once-a-minute log line); the limit on
// a real server is in production.test.ts › "failed Basic-auth attempts".
function clock() {
  let time = 1_000_000
  return { now: () => time, advance: (ms: number) => void (time += ms) }
}

describe('createAuthLimiter', () => {
  it('locks an address out after the limit until its window runs out, then starts over', () => {
    const { now, advance } = clock()
    const limiter = createAuthLimiter(now)
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect(limiter.lockedFor('203.0.113.1')).toBe(0)
      limiter.fail('203.0.113.1')
    }
    expect(limiter.lockedFor('203.0.113.1')).toBe(FAILED_LOGIN_WINDOW_MS / 1000)
    expect(limiter.lockedFor('203.0.113.2')).toBe(0)
    advance(FAILED_LOGIN_WINDOW_MS - 1_500)
    expect(limiter.lockedFor('203.0.113.1')).toBe(2)
    advance(1_500)
    expect(limiter.lockedFor('203.0.113.1')).toBe(0)
    limiter.fail('203.0.113.1')
    expect(limiter.lockedFor('203.0.113.1')).toBe(0)
  })

  it('forgets the failures of an address that then gives the right password', () => {
    const limiter = createAuthLimiter(clock().now)
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) limiter.fail('203.0.113.1')
    limiter.succeed('203.0.113.1')
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) limiter.fail('203.0.113.1')
    expect(limiter.lockedFor('203.0.113.1')).toBe(0)
  })

  it('reports at most once a minute per address, failures and refusals alike', () => {
    const { now, advance } = clock()
    const limiter = createAuthLimiter(now)
    expect(limiter.fail('203.0.113.1')).toEqual({
      address: '203.0.113.1',
      failures: 1,
      locked: false,
    })
    expect(limiter.fail('2001:db8::1')).toMatchObject({ failures: 1 })
    for (let i = 0; i < 30; i++) {
      expect(limiter.fail('203.0.113.1')).toBeNull()
      expect(limiter.refused('203.0.113.1')).toBeNull()
    }
    advance(60_000)
    expect(limiter.refused('203.0.113.1')).toEqual({
      address: '203.0.113.1',
      failures: 31,
      locked: true,
    })
    expect(limiter.fail('203.0.113.1')).toBeNull()
  })

  it('counts an IPv6 address by its /64, and an IPv4-mapped one as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    const limiter = createAuthLimiter(clock().now)
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) limiter.fail(`2001:db8:1:2::${i + 1}`)
    expect(limiter.lockedFor('2001:db8:1:2:ffff::9')).toBeGreaterThan(0)
    expect(limiter.lockedFor('2001:db8:1:3::1')).toBe(0)
  })
})
