// Upstream error answers: rebuilt from the envelope's known fields, never relayed raw.
import { brotliCompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  PACK_PATH,
  call,
  compressingUpstream,
  describeTheKeyCheck,
  expectEnvelope,
  h,
  json,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

describe('upstream error bodies', () => {
  it('relays Retry-After on 429', async () => {
    h.upstreamHandler = (_req, res) =>
      json(
        res,
        429,
        { ok: false, code: 429, message: 'Too many requests', error_code: 'rate_limited' },
        {
          'retry-after': '7',
        },
      )
    const response = await call(PACK_PATH)
    expect(expectEnvelope(response, 429, 'rate_limited').message).toBe('Too many requests')
    expect(response.headers['retry-after']).toBe('7')
  })

  it('rebuilds an error envelope from its known fields only', async () => {
    h.upstreamHandler = (_req, res) =>
      json(
        res,
        403,
        {
          ok: false,
          code: 403,
          message: 'Scheduler tier cannot use the Partner API',
          error_code: 'tier_not_allowed',
          debug: '<script>alert(1)</script>',
          stack: 'at internal.js:1',
        },
        { 'set-cookie': 'a=b' },
      )
    const response = await call(PACK_PATH)
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      code: 403,
      message: 'Scheduler tier cannot use the Partner API',
      error_code: 'tier_not_allowed',
    })
    expect(response.body).not.toContain('script')
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('redacts the key when an upstream error message echoes it', async () => {
    h.upstreamHandler = (req, res) =>
      json(res, 401, { ok: false, code: 401, message: `Invalid key ${req.headers.authorization}` })
    const response = await call(PACK_PATH)
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body)).toMatchObject({ message: 'Invalid key Bearer [redacted]' })
  })

  it('never relays an HTML error page', async () => {
    const html = '<html><body><h1>503 Service Unavailable</h1><script>x()</script></body></html>'
    h.upstreamHandler = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end(html)
    }
    const response = await call(PACK_PATH)
    expect(response.status).toBe(503)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(() => JSON.parse(response.body)).not.toThrow()
    expect(response.body).not.toContain('<')
    expect(response.body).not.toContain('Service Unavailable')
  })

  it('decodes a compressed error body before rebuilding it', async () => {
    const envelope = { ok: false, code: 401, message: 'API key not found', error_code: 'x' }
    compressingUpstream('br', brotliCompressSync(JSON.stringify(envelope)), 401)
    const response = await call(PACK_PATH)
    expectEnvelope(response, 401, 'x')
  })
})

describeTheKeyCheck()
