// @vitest-environment node
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPartnerProxy, type PartnerProxyOptions } from './proxy.ts'

const TOKEN = 'sk_live_PROXY-TEST-SECRET-7f3a9c'
const PACK_ID = '11111111-1111-1111-1111-111111111111'
const PACK_PATH = `/api/partner/v1/packs/${PACK_ID}`

interface Recorded {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

interface TestServer {
  url: string
  server: Server
  received: Recorded[]
  close: () => Promise<void>
}

/** A real HTTP server on a free loopback port that records every request it gets. */
async function startServer(handle: Handler): Promise<TestServer> {
  const received: Recorded[] = []
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}

const okBody = () => ({ ok: true, code: 200, message: 'Pack retrieved', data: { id: PACK_ID } })

/** What the current test wants the upstream to answer. */
let upstreamHandler: Handler = (_req, res) => json(res, 200, okBody())

/** Everything any proxy under test sent back to a client, and everything it logged. */
interface ClientResponse {
  status: number
  headers: Record<string, string>
  body: string
}
const clientResponses: ClientResponse[] = []
const logLines: string[] = []

let upstream: TestServer
let proxy: TestServer
const extraServers: TestServer[] = []

/** Serves the proxy the way the Vite plugin does, with a next() that answers 418. */
async function startProxy(options: Partial<PartnerProxyOptions> = {}): Promise<TestServer> {
  const handler = createPartnerProxy({
    baseUrl: upstream.url,
    token: TOKEN,
    timeoutMs: 5_000,
    log: (line) => logLines.push(line),
    ...options,
  })
  return startServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 418
      res.end('next')
    }),
  )
}

async function extraProxy(options: Partial<PartnerProxyOptions> = {}): Promise<TestServer> {
  const server = await startProxy(options)
  extraServers.push(server)
  return server
}

async function extraServer(handle: Handler): Promise<TestServer> {
  const server = await startServer(handle)
  extraServers.push(server)
  return server
}

function record(status: number, headers: Record<string, string>, body: string): ClientResponse {
  const response = { status, headers, body }
  clientResponses.push(response)
  return response
}

/** A fetch to a proxy, recorded for the token-leak check at the end. */
async function call(
  path: string,
  init: RequestInit = {},
  base: TestServer = proxy,
): Promise<ClientResponse & { bytes: Buffer }> {
  const response = await fetch(base.url + path, { redirect: 'manual', ...init })
  const bytes = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  for (const cookie of response.headers.getSetCookie()) headers['set-cookie'] = cookie
  return { ...record(response.status, headers, bytes.toString('utf8')), bytes }
}

/** A request with the path sent exactly as written (fetch would normalize `..`). */
function rawCall(
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
  base: TestServer = proxy,
): Promise<ClientResponse> {
  const { port } = base.server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const flat: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
          }
          resolve(record(res.statusCode ?? 0, flat, Buffer.concat(chunks).toString('utf8')))
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

function expectEnvelope(response: ClientResponse, status: number, errorCode?: string) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  const body: unknown = JSON.parse(response.body)
  expect(body).toEqual({
    ok: false,
    code: status,
    message: expect.any(String),
    error_code: errorCode ?? expect.any(String),
  })
  return body as { ok: false; code: number; message: string; error_code: string }
}

beforeAll(async () => {
  upstream = await startServer((req, res) => upstreamHandler(req, res))
  proxy = await startProxy()
})

beforeEach(() => {
  upstream.received.length = 0
  upstreamHandler = (_req, res) => json(res, 200, okBody())
})

afterEach(async () => {
  await Promise.all(extraServers.splice(0).map((server) => server.close()))
})

afterAll(async () => {
  await Promise.all([proxy?.close(), upstream?.close()])
})

describe('forwarding GET /api/partner/v1/packs/<uuid>', () => {
  it('sends the server key, drops the browser’s credentials and headers, relays the body as is', async () => {
    const payload = Buffer.from(
      '{ "ok":true,"code":200,  "message":"Pack retrieved","data":{"id":"é✓\\u0000"} }\n',
      'utf8',
    )
    upstreamHandler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/vnd.genviral+json; charset=utf-8',
        'content-length': String(payload.length),
        'set-cookie': 'session=upstream-session; HttpOnly',
        etag: '"v1"',
        'x-internal-debug': 'upstream-internals',
      })
      res.end(payload)
    }

    const response = await call(PACK_PATH, {
      headers: {
        authorization: 'Bearer browser-secret',
        cookie: 'sid=browser-cookie',
        'x-custom': 'browser-custom',
      },
    })

    // The browser's headers did reach the proxy...
    const atProxy = proxy.received.at(-1)
    expect(atProxy?.headers.authorization).toBe('Bearer browser-secret')
    expect(atProxy?.headers.cookie).toBe('sid=browser-cookie')
    // ...but the upstream only saw the server's key.
    expect(upstream.received).toHaveLength(1)
    const seen = upstream.received[0]!
    expect(seen.method).toBe('GET')
    expect(seen.url).toBe(PACK_PATH)
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(seen.headers.cookie).toBeUndefined()
    expect(seen.headers['x-custom']).toBeUndefined()
    expect(JSON.stringify(seen.headers)).not.toMatch(/browser-(secret|cookie|custom)/)

    expect(response.status).toBe(200)
    expect(response.bytes.equals(payload)).toBe(true)
    expect(response.headers['content-type']).toBe('application/vnd.genviral+json; charset=utf-8')
    expect(response.headers.etag).toBe('"v1"')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.headers['x-internal-debug']).toBeUndefined()
  })

  it('lowercases the pack id and drops the query string', async () => {
    const response = await call(
      `${PACK_PATH.toUpperCase().replace('/API/PARTNER/V1/PACKS', '/api/partner/v1/packs')}?token=x&url=http://evil.example/`,
    )
    expect(response.status).toBe(200)
    expect(upstream.received.map((r) => r.url)).toEqual([PACK_PATH])
  })

  it('forwards HEAD as HEAD', async () => {
    const response = await call(PACK_PATH, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.bytes).toHaveLength(0)
    expect(upstream.received.map((r) => r.method)).toEqual(['HEAD'])
    expect(upstream.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('relays Retry-After on 429', async () => {
    upstreamHandler = (_req, res) =>
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
})

describe('compression', () => {
  const bigBody = () => ({
    ...okBody(),
    data: { id: PACK_ID, images: Array.from({ length: 200 }, (_, i) => ({ id: `image-${i}` })) },
  })

  /** GETs the pack with `acceptEncoding`, without decoding the answer. */
  function rawGet(acceptEncoding?: string) {
    const { port } = proxy.server.address() as AddressInfo
    return new Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
      httpRequest({ host: '127.0.0.1', port, path: PACK_PATH, headers, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
        .on('error', reject)
        .end()
    })
  }

  it('sends big bodies as brotli when the browser takes it, else gzip, else as they are', async () => {
    upstreamHandler = (_req, res) => json(res, 200, bigBody())
    const expected = JSON.stringify(bigBody())

    const br = await rawGet('gzip, deflate, br, zstd')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('accept-encoding')
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length)
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
})

describe('requests the proxy answers itself', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s on the pack path is 405', async (method) => {
    const response = await call(PACK_PATH, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'DELETE' ? undefined : '{"name":"x"}',
    })
    expectEnvelope(response, 405, 'method_not_allowed')
    expect(response.headers.allow).toBe('GET, HEAD')
    expect(upstream.received).toHaveLength(0)
  })

  it.each([
    '/api',
    '/api/',
    '/api/partner/v1/packs',
    '/api/partner/v1/packs/',
    '/api/partner/v1/packs/not-a-uuid',
    '/api/partner/v1/other',
    `${PACK_PATH}/extra`,
    `${PACK_PATH}/`,
    '/api/partner/v1/packs/..%2f..%2fadmin',
    '/api/partner/v1/packs/%2e%2e/x',
    '/api/partner/v1/packs/../../admin',
    `/api/partner/v1/packs/..%2f${PACK_ID}`,
    `/api//partner/v1/packs/${PACK_ID}`,
    `/api/partner/v1/packs/${PACK_ID}%00`,
    `/api/partner/v2/packs/${PACK_ID}`,
  ])('%s is refused with a JSON envelope', async (path) => {
    const response = await rawCall(path)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expectEnvelope(response, response.status)
    expect(upstream.received).toHaveLength(0)
  })

  it.each(['/index.html', '/', '/apix', '/src/main.tsx?api=/api/'])(
    '%s is left to the next middleware',
    async (path) => {
      const response = await rawCall(path)
      expect(response.status).toBe(418)
      expect(response.body).toBe('next')
      expect(upstream.received).toHaveLength(0)
    },
  )
})

describe('upstream failures', () => {
  it('does not follow a redirect', async () => {
    const target = await extraServer((_req, res) => json(res, 200, okBody()))
    upstreamHandler = (_req, res) => {
      res.writeHead(302, { location: `${target.url}/steal-the-key` })
      res.end()
    }
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502, 'upstream_redirect')
    expect(response.headers.location).toBeUndefined()
    expect(upstream.received).toHaveLength(1)
    expect(target.received).toHaveLength(0)
  })

  it('times out when the upstream does not answer', async () => {
    const slow = await extraProxy({ timeoutMs: 300 })
    upstreamHandler = () => {
      // Never answers; the connection is closed when the server closes.
    }
    const started = Date.now()
    const response = await call(PACK_PATH, {}, slow)
    expectEnvelope(response, 504, 'upstream_timeout')
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('times out when the upstream body stalls', async () => {
    const slow = await extraProxy({ timeoutMs: 300 })
    upstreamHandler = (_req, res) => {
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
    upstreamHandler = (req) => req.socket.destroy()
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502)
  })

  it('answers 502 when the upstream drops the connection mid-body', async () => {
    upstreamHandler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
      res.write('{"ok":true,', () => req.socket.destroy())
    }
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502)
  })

  it('relays a body of exactly maxBodyBytes', async () => {
    const capped = await extraProxy({ maxBodyBytes: 1000 })
    const body = Buffer.alloc(1000, 'a')
    upstreamHandler = (_req, res) => {
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
    upstreamHandler = (_req, res) => {
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
    upstreamHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(Buffer.alloc(600, 'a'))
      res.end(Buffer.alloc(600, 'b'))
    }
    const response = await call(PACK_PATH, {}, capped)
    expectEnvelope(response, 502, 'upstream_too_large')
    expect(response.body).not.toContain('aaaa')
  })

  it('rebuilds an error envelope from its known fields only', async () => {
    upstreamHandler = (_req, res) =>
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
    upstreamHandler = (req, res) =>
      json(res, 401, { ok: false, code: 401, message: `Invalid key ${req.headers.authorization}` })
    const response = await call(PACK_PATH)
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body)).toMatchObject({ message: 'Invalid key Bearer [redacted]' })
  })

  it('never relays an HTML error page', async () => {
    const html = '<html><body><h1>503 Service Unavailable</h1><script>x()</script></body></html>'
    upstreamHandler = (_req, res) => {
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

  it('stops waiting for the upstream when the client goes away', async () => {
    let upstreamClosed!: () => void
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve))
    upstreamHandler = (_req, res) => res.on('close', () => upstreamClosed())
    const controller = new AbortController()
    const pending = fetch(proxy.url + PACK_PATH, { signal: controller.signal })
    await expect.poll(() => upstream.received.length).toBe(1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    await closed
  })
})

// Runs last: looks at every response and log line the tests above produced.
describe('the key', () => {
  it('never reaches a client or the log', () => {
    expect(clientResponses.length).toBeGreaterThan(0)
    expect(logLines.length).toBeGreaterThan(0)
    for (const response of clientResponses) {
      expect(response.body).not.toContain(TOKEN)
      for (const [name, value] of Object.entries(response.headers)) {
        expect(`${name}: ${value}`).not.toContain(TOKEN)
      }
    }
    for (const line of logLines) {
      expect(line).not.toContain(TOKEN)
      expect(line.toLowerCase()).not.toContain('bearer')
    }
  })
})
