// One request to the upstream: redirects, timeouts, dropped connections, broken HTTP.
import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  PACK_PATH,
  TOKEN,
  call,
  describeTheKeyCheck,
  expectEnvelope,
  extraProxy,
  extraServer,
  h,
  json,
  okBody,
  rawCall,
  rawUpstream,
  startServer,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

describe('upstream failures', () => {
  it('does not follow a redirect', async () => {
    const target = await extraServer((_req, res) => json(res, 200, okBody()))
    h.upstreamHandler = (_req, res) => {
      res.writeHead(302, { location: `${target.url}/steal-the-key` })
      res.end()
    }
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502, 'upstream_redirect')
    expect(response.headers.location).toBeUndefined()
    expect(h.upstream.received).toHaveLength(1)
    expect(target.received).toHaveLength(0)
  })

  it('times out when the upstream does not answer', async () => {
    const slow = await extraProxy({ timeoutMs: 300 })
    h.upstreamHandler = () => {
      // Never answers; the connection is closed when the server closes.
    }
    const started = Date.now()
    const response = await call(PACK_PATH, {}, slow)
    expectEnvelope(response, 504, 'upstream_timeout')
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('times out when the upstream body stalls', async () => {
    const slow = await extraProxy({ timeoutMs: 300 })
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"ok":true,')
    }
    const response = await call(PACK_PATH, {}, slow)
    expectEnvelope(response, 504, 'upstream_timeout')
  })

  it('answers 502 when nothing listens at the base URL', async () => {
    const gone = await startServer(() => {})
    await gone.close()
    const unreachable = await extraProxy({ baseUrl: gone.url })
    const response = await call(PACK_PATH, {}, unreachable)
    expectEnvelope(response, 502, 'upstream_unreachable')
  })

  it('answers 502 when the upstream drops the connection', async () => {
    h.upstreamHandler = (req) => req.socket.destroy()
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502)
  })

  it('answers 502 when the upstream drops the connection mid-body', async () => {
    h.upstreamHandler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
      res.write('{"ok":true,', () => req.socket.destroy())
    }
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502)
  })

  it.each([600, 999])('answers 502 to the invalid status %i', async (status) => {
    const odd = await rawUpstream((socket) =>
      socket.end(`HTTP/1.1 ${status} Odd\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`),
    )
    const relay = await extraProxy({ baseUrl: odd.url })
    expectEnvelope(await call(PACK_PATH, {}, relay), 502, 'upstream_invalid_status')
  })
})

describe('an upstream that does not speak HTTP', () => {
  it.each<[string, (socket: Socket, head: string) => void]>([
    ['non-HTTP bytes', (socket) => socket.end('SSH-2.0-GARBAGE_9.6\r\n')],
    [
      'binary bytes',
      (socket) => socket.end(Buffer.from('\x16\x03\x01\x00\xffGARBAGE\x00', 'latin1')),
    ],
    ['the request echoed back', (socket, head) => socket.end(`GARBAGE ${head}`)],
    [
      'a JSON body and no status line',
      (socket) => socket.end('{"ok":true,"code":200,"message":"GARBAGE","data":{}}'),
    ],
    ['a truncated status line', (socket) => socket.end('HTTP/1.1 20')],
    ['a status line and then nothing', (socket) => socket.end('HTTP/1.1 200 OK\r\n')],
    [
      'a header line without a colon',
      (socket) => socket.end('HTTP/1.1 200 OK\r\nGARBAGE header\r\n\r\n{"ok":true}'),
    ],
    [
      'a header block over the size limit',
      (socket) => socket.end(`HTTP/1.1 200 OK\r\nx-garbage: ${'GARBAGE'.repeat(10_000)}\r\n\r\n{}`),
    ],
    [
      'an unasked-for protocol switch',
      (socket) =>
        socket.end(
          'HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: GARBAGE\r\n\r\nGARBAGE',
        ),
    ],
  ])('answers 502 to %s, never echoing it', async (_name, answer) => {
    const garbage = await rawUpstream(answer)
    const relay = await extraProxy({ baseUrl: garbage.url, timeoutMs: 2_000 })
    const response = await rawCall(PACK_PATH, { base: relay })
    expectEnvelope(response, 502)
    expect(garbage.requests).toHaveLength(1)
    expect(response.body).not.toMatch(/GARBAGE|SSH|HTTP|authorization/i)
  })

  it('had the key to leak when it echoed the request', async () => {
    const echo = await rawUpstream((socket, head) => socket.end(head))
    const relay = await extraProxy({ baseUrl: echo.url })
    const response = await rawCall(PACK_PATH, { base: relay })
    expectEnvelope(response, 502)
    // The final key check only means something if the key was there to leak.
    expect(echo.requests[0]).toContain(`authorization: Bearer ${TOKEN}`)
  })

  it.each<[string, (socket: Socket) => void]>([
    [
      'a header block that never ends',
      (socket) => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n')
        const trickle = setInterval(() => socket.write('x-garbage: GARBAGE\r\n'), 20)
        socket.on('close', () => clearInterval(trickle))
      },
    ],
    [
      'a header block that stops halfway',
      (socket) => socket.write('HTTP/1.1 200 OK\r\ncontent-ty'),
    ],
  ])('answers 504 at the timeout to %s', async (_name, answer) => {
    const garbage = await rawUpstream(answer)
    const relay = await extraProxy({ baseUrl: garbage.url, timeoutMs: 300 })
    const started = Date.now()
    const response = await rawCall(PACK_PATH, { base: relay })
    expectEnvelope(response, 504, 'upstream_timeout')
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(response.body).not.toMatch(/GARBAGE|content-ty/)
  })
})

describeTheKeyCheck()
