import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { setAuthenticatedUser } from './authenticated-user.ts'
import { mayWrite, parseWriteAccess } from './write-access.ts'

const request = (user?: string) => {
  const req = {} as IncomingMessage
  if (user !== undefined) setAuthenticatedUser(req, user)
  return req
}

describe('PACK_EXPLORER_WRITE_ACCESS', () => {
  it.each([undefined, '', '  ', 'none', 'NONE'])('%j lets nobody write', (value) => {
    const access = parseWriteAccess(value, true)
    expect(access).toBe('none')
    expect(mayWrite(access, request('alice'))).toBe(false)
    expect(mayWrite(access, request())).toBe(false)
  })

  it('all lets everyone who reaches the server write, signed in or not', () => {
    const access = parseWriteAccess(' All ', false)
    expect(mayWrite(access, request())).toBe(true)
    expect(mayWrite(access, request('alice'))).toBe(true)
  })

  it('a list lets only those signed-in users write', () => {
    const access = parseWriteAccess('alice, bob', true)
    expect(mayWrite(access, request('alice'))).toBe(true)
    expect(mayWrite(access, request('bob'))).toBe(true)
    expect(mayWrite(access, request('Alice'))).toBe(false)
    expect(mayWrite(access, request('carol'))).toBe(false)
    // A name someone typed is not a sign-in.
    expect(mayWrite(access, request())).toBe(false)
  })

  it('refuses a list nobody could match, and an empty name', () => {
    expect(() => parseWriteAccess('alice', false)).toThrow(/nobody signs in/)
    expect(() => parseWriteAccess('alice,,bob', true)).toThrow(/comma list/)
    expect(() => parseWriteAccess('alice,', true)).toThrow(/comma list/)
  })
})
