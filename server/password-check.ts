import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  hashPassword,
  parsePasswordHash,
  verifyPassword,
  type PasswordHash,
} from './password-hash.ts'
import type { BasicAuthConfig } from './production-config.ts'

export interface PasswordCheck {
  /** Whether these credentials passed before: answered at once, without scrypt. */
  remembered: (user: string, password: string) => boolean
  /** Whether a check of these very credentials is under way (a page's requests come at once). */
  running: (user: string, password: string) => boolean
  /** Runs (or joins) the scrypt check; an unknown user costs as much as a wrong password. */
  verify: (user: string, password: string) => Promise<boolean>
}

/**
 * Every Basic-auth user, PACK_EXPLORER_BASIC_AUTH's and the users file's, checked the same
 * way: scrypt, then remembered. A browser sends the credentials with every request, and
 * scrypt on each would cap the server at a few dozen requests a second; so the last password
 * that passed for each user is kept, as a keyed digest (the key is this process's, never
 * stored), and compared in constant time. Only passwords that passed are kept: at most one
 * entry per user, whatever a guesser sends.
 */
export async function createPasswordCheck(config: BasicAuthConfig): Promise<PasswordCheck> {
  const hashes = new Map<string, PasswordHash>(config.file?.users ?? [])
  if (config.single) {
    hashes.set(config.single.user, parsePasswordHash(await hashPassword(config.single.password))!)
  }
  // What an unknown user's password is checked against: the same work as a known user's.
  const standIn = parsePasswordHash(await hashPassword(randomBytes(16).toString('hex')))!
  const key = randomBytes(32)
  const digest = (user: string, password: string) =>
    createHmac('sha256', key).update(user).update('\0').update(password).digest()
  const passed = new Map<string, Buffer>()
  const inFlight = new Map<string, Promise<boolean>>()

  return {
    remembered(user, password) {
      const known = passed.get(user)
      return known !== undefined && timingSafeEqual(known, digest(user, password))
    },
    running: (user, password) => inFlight.has(digest(user, password).toString('hex')),
    verify(user, password) {
      const id = digest(user, password).toString('hex')
      const running = inFlight.get(id)
      if (running) return running
      const stored = hashes.get(user)
      const check = verifyPassword(password, stored ?? standIn)
        .then((ok) => {
          if (ok && stored) passed.set(user, digest(user, password))
          return ok && stored !== undefined
        })
        .finally(() => inFlight.delete(id))
      inFlight.set(id, check)
      return check
    },
  }
}
