import { describe, expect, it } from 'vitest'
import { createPasswordCheck } from './password-check.ts'
import { hashPassword, parsePasswordHash } from './password-hash.ts'

const FAST = { ln: 4, r: 8, p: 1 }

async function check() {
  const users = new Map([
    ['bob', parsePasswordHash(await hashPassword('bob’s long password', FAST))!],
  ])
  return createPasswordCheck({
    single: { user: 'alice', password: 'correct horse battery' },
    file: { path: 'users', users },
  })
}

describe('createPasswordCheck', () => {
  it('checks the single user and the file’s users alike', async () => {
    const passwords = await check()
    expect(await passwords.verify('alice', 'correct horse battery')).toBe(true)
    expect(await passwords.verify('bob', 'bob’s long password')).toBe(true)
    expect(await passwords.verify('alice', 'bob’s long password')).toBe(false)
    expect(await passwords.verify('bob', 'correct horse battery')).toBe(false)
    expect(await passwords.verify('carol', 'correct horse battery')).toBe(false)
    expect(await passwords.verify('', '')).toBe(false)
  })

  it('remembers a password only once it passed, and only for its user', async () => {
    const passwords = await check()
    expect(passwords.remembered('bob', 'bob’s long password')).toBe(false)
    expect(await passwords.verify('bob', 'a wrong password!!')).toBe(false)
    expect(passwords.remembered('bob', 'a wrong password!!')).toBe(false)
    expect(await passwords.verify('bob', 'bob’s long password')).toBe(true)
    expect(passwords.remembered('bob', 'bob’s long password')).toBe(true)
    expect(passwords.remembered('bob', 'bob’s long passworD')).toBe(false)
    expect(passwords.remembered('alice', 'bob’s long password')).toBe(false)
  })

  it('runs one check for the same credentials sent at once', async () => {
    const passwords = await check()
    const first = passwords.verify('alice', 'correct horse battery')
    expect(passwords.running('alice', 'correct horse battery')).toBe(true)
    expect(passwords.running('alice', 'another password')).toBe(false)
    expect(passwords.verify('alice', 'correct horse battery')).toBe(first)
    expect(await first).toBe(true)
    expect(passwords.running('alice', 'correct horse battery')).toBe(false)
  })
})
