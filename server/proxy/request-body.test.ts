// A row with a request body (no such route is forwarded yet: writes come later), driven
// through the middleware with a table of the test's own.
import { z } from 'zod/mini'
import { describe, expect, it } from 'vitest'
import type { ProxyRoute } from './routes.ts'
import { expectEnvelope, extraProxy, h, json, rawCall, useProxyHarness } from './test-harness.ts'

useProxyHarness()

const CREATE_PATH = '/api/partner/v1/packs'
const createRow: ProxyRoute = {
  name: 'Create Pack (test row)',
  methods: ['POST'],
  path: new RegExp(`^${CREATE_PATH}$`),
  upstreamPath: () => CREATE_PATH,
  query: [],
  querySchema: null,
  body: { schema: z.object({ name: z.string() }), maxBytes: 100 },
}

describe('a route with a request body', () => {
  it('forwards the body the schema accepts, re-serialized from what it kept', async () => {
    const bodies: string[] = []
    h.upstreamHandler = (req, res) => {
      let text = ''
      req.on('data', (chunk: Buffer) => (text += String(chunk)))
      req.on('end', () => {
        bodies.push(text)
        json(res, 201, { ok: true, code: 201, message: 'Pack created', data: {} })
      })
    }
    const proxy = await extraProxy({ routes: [createRow] })
    const response = await rawCall(CREATE_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{ "name": "Summer", "extra": "<dropped>" }',
      base: proxy,
    })
    expect(response.status).toBe(201)
    expect(bodies).toEqual(['{"name":"Summer"}'])
    const seen = h.upstream.received[0]!
    expect(seen.method).toBe('POST')
    expect(seen.headers['content-type']).toBe('application/json')
    expect(seen.headers.authorization).toMatch(/^Bearer /)
  })

  it.each([
    ['not JSON', 'application/json', 'name=Summer', 400, 'invalid_json'],
    ['of the wrong shape', 'application/json', '{"name":42}', 422, 'invalid_payload'],
    [
      'over the cap',
      'application/json',
      JSON.stringify({ name: 'x'.repeat(200) }),
      413,
      'payload_too_large',
    ],
    [
      'sent as a form',
      'application/x-www-form-urlencoded',
      'name=Summer',
      415,
      'unsupported_media_type',
    ],
    ['sent as text', 'text/plain', '{"name":"Summer"}', 415, 'unsupported_media_type'],
    ['without a type', '', '{"name":"Summer"}', 415, 'unsupported_media_type'],
  ])('answers a body %s itself', async (_name, type, body, status, errorCode) => {
    const proxy = await extraProxy({ routes: [createRow] })
    const headers: Record<string, string> = type ? { 'content-type': type } : {}
    expectEnvelope(
      await rawCall(CREATE_PATH, { method: 'POST', headers, body, base: proxy }),
      status,
      errorCode,
    )
    expect(h.upstream.received).toHaveLength(0)
  })

  it("refuses the methods the row does not list with the row's Allow", async () => {
    const proxy = await extraProxy({ routes: [createRow] })
    const response = await rawCall(CREATE_PATH, { base: proxy })
    expectEnvelope(response, 405, 'method_not_allowed')
    expect(response.headers.allow).toBe('POST')
    expect(h.upstream.received).toHaveLength(0)
  })
})
