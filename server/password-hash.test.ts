import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  parsePasswordHash,
  verifyPassword,
} from './password-hash.ts'

const FAST = { ln: 4, r: 8, p: 1 }

describe('scrypt password hashes', () => {
  it('writes a PHC string with a fresh salt, and verifies only the same password', async () => {
    const first = await hashPassword('correct horse battery', FAST)
    const second = await hashPassword('correct horse battery', FAST)
    expect(first).toMatch(/^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(second).not.toBe(first)
    const stored = parsePasswordHash(first)!
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('hashes at N = 2^15, r = 8 by default, which Node’s default memory cap would refuse', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ ln: 15, r: 8, p: 1 })
    const text = await hashPassword('twelve chars!')
    expect(text.startsWith('$scrypt$ln=15,r=8,p=1$')).toBe(true)
    expect(await verifyPassword('twelve chars!', parsePasswordHash(text)!)).toBe(true)
  })

  it('treats a composed and a decomposed accent as the same password', async () => {
    const stored = parsePasswordHash(await hashPassword('caf\u00e9 au lait!!', FAST))!
    expect(await verifyPassword('cafe\u0301 au lait!!', stored)).toBe(true)
  })

  it.each([
    ['not PHC', 'correct horse battery'],
    ['another algorithm', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a cost too high to check', '$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a cost of zero', '$scrypt$ln=0,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['r too high', '$scrypt$ln=15,r=64,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a short salt', '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a short hash', '$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA'],
    ['parameters out of order', '$scrypt$r=8,ln=15,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
  ])('refuses %s', (_what, text) => {
    expect(parsePasswordHash(text)).toBeNull()
  })
})
