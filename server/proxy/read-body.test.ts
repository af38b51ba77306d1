// The upstream's body: the size cap, announced or counted, and its content coding.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { DEFAULT_TIMEOUT_MS } from './proxy.ts'
import { describe, expect, it } from 'vitest'
import {
  PACK_PATH,
  bigText,
  call,
  compressingUpstream,
  describeTheKeyCheck,
  expectEnvelope,
  extraProxy,
  h,
  rawCall,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

describe('the size cap', () => {
  it('by default, times out at 15 s and relays at most 20 MB', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000)
    // The suite's proxy sets no cap: the default applies.
    const limit = 20 * 1024 * 1024
    for (const [size, status] of [
      [limit, 200],
      [limit + 1, 502],
    ] as const) {
      h.upstreamHandler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write(Buffer.alloc(limit / 2, 'a'))
        res.end(Buffer.alloc(size - limit / 2, 'a'))
      }
      const response = await rawCall(PACK_PATH)
      expect(response.status).toBe(status)
      if (status === 200) expect(response.body).toHaveLength(size)
    }
  })

  it('relays a body of exactly maxBodyBytes', async () => {
    const capped = await extraProxy({ maxBodyBytes: 1000 })
    const body = Buffer.alloc(1000, 'a')
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(body.subarray(0, 400))
      res.end(body.subarray(400))
    }
    const response = await call(PACK_PATH, {}, capped)
    expect(response.status).toBe(200)
    expect(response.bytes.equals(body)).toBe(true)
  })

  it('refuses a body over maxBodyBytes announced by Content-Length', async () => {
    const capped = await extraProxy({ maxBodyBytes: 1000 })
    h.upstreamHandler = (_req, res) => {
      const body = Buffer.alloc(1001, 'a')
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(body.length),
      })
      res.end(body)
    }
    const response = await call(PACK_PATH, {}, capped)
    expectEnvelope(response, 502, 'upstream_too_large')
  })

  it('refuses a chunked body that grows over maxBodyBytes', async () => {
    const capped = await extraProxy({ maxBodyBytes: 1000 })
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(Buffer.alloc(600, 'a'))
      res.end(Buffer.alloc(600, 'b'))
    }
    const response = await call(PACK_PATH, {}, capped)
    expectEnvelope(response, 502, 'upstream_too_large')
    expect(response.body).not.toContain('aaaa')
  })

  it('refuses a body that decompresses to more than maxBodyBytes', async () => {
    const relay = await extraProxy({ maxBodyBytes: 100_000 })
    // A few bytes of brotli that decode to 1 MB.
    const bomb = brotliCompressSync(Buffer.alloc(1_000_000, 'a'))
    expect(bomb.length).toBeLessThan(1_000)
    compressingUpstream('br', bomb)
    const response = await call(PACK_PATH, { headers: { 'accept-encoding': 'br' } }, relay)
    expectEnvelope(response, 502, 'upstream_too_large')
  })
})

describe('content codings', () => {
  it.each([
    ['garbage announced as brotli', 'br', () => Buffer.from('GARBAGE, not brotli')],
    ['garbage announced as gzip', 'gzip', () => Buffer.from('GARBAGE, not gzip')],
    ['a coding it did not ask for', 'deflate', () => deflateSync(bigText())],
    ['stacked codings', 'gzip, br', () => brotliCompressSync(gzipSync(bigText()))],
  ])('answers 502 to %s', async (_name, encoding, bytes) => {
    compressingUpstream(encoding, bytes())
    expectEnvelope(await call(PACK_PATH), 502, 'upstream_unreachable')
  })
})

describeTheKeyCheck()
