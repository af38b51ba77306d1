import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { setAuthenticatedUser } from './authenticated-user.ts'
import { reviewerOf } from './reviewer.ts'

const request = () => new IncomingMessage(new Socket())

describe('reviewerOf', () => {
  it('records the authenticated user, whatever the body says', () => {
    const req = request()
    setAuthenticatedUser(req, 'alice')
    expect(reviewerOf(req, 'Mallory', { proxyAuth: false })).toEqual({ ok: true, name: 'alice' })
    expect(reviewerOf(req, undefined, { proxyAuth: true })).toEqual({ ok: true, name: 'alice' })
  })

  it('takes the name from the body, trimmed, when nobody authenticated the request', () => {
    expect(reviewerOf(request(), '  Dana ', { proxyAuth: false })).toEqual({
      ok: true,
      name: 'Dana',
    })
  })

  it('asks for a name when there is none', () => {
    for (const name of [undefined, '', '   ']) {
      expect(reviewerOf(request(), name, { proxyAuth: false })).toMatchObject({
        ok: false,
        status: 422,
        errorCode: 'reviewer_required',
      })
    }
  })

  it('refuses behind an authenticating proxy that did not say who asks, name or not', () => {
    expect(reviewerOf(request(), 'Dana', { proxyAuth: true })).toMatchObject({
      ok: false,
      status: 403,
      errorCode: 'reviewer_unknown',
    })
  })
})
