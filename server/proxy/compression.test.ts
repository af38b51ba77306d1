// What reaches the browser compressed: the upstream's br or gzip body relayed as it came
// when the browser accepts it, else the decoded body compressed by server/compression.ts.
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { flatHeaders, rawRequest } from '../test-kit/request.ts'
import { describe, expect, it } from 'vitest'
import {
  PACK_PATH,
  bigBody,
  bigText,
  compressingUpstream,
  describeTheKeyCheck,
  h,
  json,
  okBody,
  record,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

describe('compression', () => {
  /** GETs the pack with `acceptEncoding`; gives the bytes as sent, records them decoded. */
  async function rawGet(acceptEncoding?: string) {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    const {
      headers: got,
      body: bytes,
      status,
    } = await rawRequest(h.proxy.url, PACK_PATH, { headers })
    const encoding = got['content-encoding']
    const decoded =
      encoding === 'br'
        ? brotliDecompressSync(bytes)
        : encoding === 'gzip'
          ? gunzipSync(bytes)
          : bytes
    record(status, flatHeaders(got), decoded.toString('utf8'))
    return { headers: got, bytes }
  }

  it('sends big bodies as brotli when the browser takes it, else gzip, else as they are', async () => {
    h.upstreamHandler = (_req, res) => json(res, 200, bigBody())
    const expected = JSON.stringify(bigBody())

    const br = await rawGet('gzip, deflate, br, zstd')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('accept-encoding')
    // Compressed as it streams out (chunked): a Content-Length, if any, is the bytes sent.
    expect(br.headers['content-length'] ?? String(br.bytes.length)).toBe(String(br.bytes.length))
    expect(br.bytes.length).toBeLessThan(expected.length / 4)
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(expected)

    const gzip = await rawGet('gzip, br;q=0')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.bytes).toString('utf8')).toBe(expected)

    for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0']) {
      const plain = await rawGet(acceptEncoding)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.bytes.toString('utf8')).toBe(expected)
    }
  })

  it('sends small bodies as they are', async () => {
    const small = await rawGet('br, gzip')
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(small.bytes.toString('utf8'))).toEqual(okBody())
  })

  it('asks the upstream for brotli or gzip and relays it untouched when the browser takes it', async () => {
    const upstreamBytes = brotliCompressSync(bigText())
    compressingUpstream('br', upstreamBytes)
    const relayed = await rawGet('gzip, br')
    expect(h.upstream.received[0]?.headers['accept-encoding']).toBe('br, gzip')
    expect(relayed.headers['content-encoding']).toBe('br')
    expect(relayed.bytes.equals(upstreamBytes)).toBe(true)
    expect(Number(relayed.headers['content-length'])).toBe(relayed.bytes.length)

    compressingUpstream('gzip', gzipSync(bigText()))
    const gzip = await rawGet('gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.bytes).toString('utf8')).toBe(bigText())
  })

  it('re-encodes for a browser that does not take the upstream’s coding', async () => {
    compressingUpstream('gzip', gzipSync(bigText()))
    const br = await rawGet('br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(bigText())
    compressingUpstream('br', brotliCompressSync(bigText()))
    const plain = await rawGet(undefined)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.bytes.toString('utf8')).toBe(bigText())
  })
})

describeTheKeyCheck()
