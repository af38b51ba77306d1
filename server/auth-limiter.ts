import { isIP } from 'node:net'

/** Wrong passwords an address may try per window; then every request waits the window out. */
export const MAX_FAILED_LOGINS = 10
export const FAILED_LOGIN_WINDOW_MS = 15 * 60_000
/** At most one log line per address per this long, however fast it guesses. */
const LOG_EVERY_MS = 60_000
/** Addresses remembered at once: a guesser with many addresses cannot fill the memory. */
const MAX_TRACKED = 10_000

interface Entry {
  failures: number
  resetAt: number
  loggedAt: number
}

export interface FailedLogin {
  /** The address as counted (an IPv6 address by its /64). */
  address: string
  failures: number
  locked: boolean
}

export interface AuthLimiter {
  /** Seconds until `ip` may try again, or 0 if it may now. */
  lockedFor: (ip: string) => number
  /** Counts a wrong password; returns what to log, at most once a minute per address. */
  fail: (ip: string) => FailedLogin | null
  /** A locked-out request; returns what to log, sharing the once-a-minute budget. */
  refused: (ip: string) => FailedLogin | null
  /** The right password: its address starts over. */
  succeed: (ip: string) => void
}

/**
 * Failed logins per client address in fixed windows (a small Map, swept as it grows). Not
 * express-rate-limit: it counts requests before they are answered, so a browser loading a
 * dozen assets at once with the right password would count as a dozen attempts.
 */
export function createAuthLimiter(now: () => number = Date.now): AuthLimiter {
  const entries = new Map<string, Entry>()

  const current = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry && entry.resetAt <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  const report = (key: string, entry: Entry): FailedLogin | null => {
    if (now() - entry.loggedAt < LOG_EVERY_MS) return null
    entry.loggedAt = now()
    return { address: key, failures: entry.failures, locked: entry.failures >= MAX_FAILED_LOGINS }
  }

  return {
    lockedFor(ip) {
      const entry = current(addressKey(ip))
      if (!entry || entry.failures < MAX_FAILED_LOGINS) return 0
      return Math.max(1, Math.ceil((entry.resetAt - now()) / 1000))
    },
    fail(ip) {
      const key = addressKey(ip)
      let entry = current(key)
      if (!entry) {
        if (entries.size >= MAX_TRACKED) sweep()
        entry = { failures: 0, resetAt: now() + FAILED_LOGIN_WINDOW_MS, loggedAt: -Infinity }
        entries.set(key, entry)
      }
      entry.failures++
      return report(key, entry)
    },
    refused(ip) {
      const key = addressKey(ip)
      const entry = current(key)
      return entry ? report(key, entry) : null
    },
    succeed(ip) {
      entries.delete(addressKey(ip))
    },
  }

  function sweep() {
    for (const [key, entry] of entries) if (entry.resetAt <= now()) entries.delete(key)
    // Still full: forget the oldest (a Map iterates in insertion order).
    while (entries.size >= MAX_TRACKED) entries.delete(entries.keys().next().value!)
  }
}

/**
 * One counter per IPv4 address, and per /64 for IPv6: one machine usually holds a whole /64
 * and could otherwise take a fresh address for every ten guesses.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]!
  if (isIP(ip) !== 6) return ip
  const [head = '', tail = ''] = ip.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = ip.includes('::') && tail ? tail.split(':') : []
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
