import {
  createServer,
  request as httpRequest,
  METHODS,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateSync,
  gunzipSync,
  gzipSync,
} from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPartnerProxy, DEFAULT_TIMEOUT_MS, type PartnerProxyOptions } from './proxy.ts'

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
  headers: OutgoingHttpHeaders = {},
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
const extraServers: Array<Pick<TestServer, 'close'>> = []

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

interface RawCallOptions {
  method?: string
  /** An array value sends the header once per element. */
  headers?: OutgoingHttpHeaders
  body?: string
  base?: TestServer
}

/** A request with the path sent exactly as written (fetch would normalize `..`). */
function rawCall(
  path: string,
  { method = 'GET', headers = {}, body, base = proxy }: RawCallOptions = {},
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
    req.end(body)
  })
}

/**
 * Writes `head` to the proxy on a bare socket, for request lines no HTTP client writes
 * (an absolute-form target). `head` must ask for `Connection: close`: the answer ends there.
 */
function socketCall(head: string, base: TestServer = proxy): Promise<ClientResponse> {
  const { port } = base.server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    // Not end(): a half-closed socket makes Node abort the request before it is answered.
    const socket = connect(port, '127.0.0.1', () => socket.write(head))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [top = '', ...body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')
      const [statusLine = '', ...lines] = top.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve(record(Number(statusLine.split(' ')[1]), headers, body.join('\r\n\r\n')))
    })
  })
}

interface RawUpstream {
  url: string
  /** The request heads received, as sent. */
  requests: string[]
}

/** A TCP server at the base URL that reads a request head and lets `answer` write anything. */
async function rawUpstream(answer: (socket: Socket, head: string) => void): Promise<RawUpstream> {
  const requests: string[] = []
  const sockets = new Set<Socket>()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let head = ''
    socket.on('data', (chunk: Buffer) => {
      if (head.endsWith('\r\n\r\n')) return
      head += chunk.toString('latin1')
      if (!head.endsWith('\r\n\r\n')) return
      requests.push(head)
      answer(socket, head)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  extraServers.push({
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  })
  return { url: `http://127.0.0.1:${port}`, requests }
}

function expectEnvelope(response: ClientResponse, status: number, errorCode?: string) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  expect(response.headers['x-content-type-options']).toBe('nosniff')
  expect(response.headers['content-security-policy']).toContain('sandbox')
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
    // Inert even when opened in a tab.
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    )
  })

  it('lowercases the pack id and drops the query string', async () => {
    const response = await call(
      `${PACK_PATH.toUpperCase().replace('/API/PARTNER/V1/PACKS', '/api/partner/v1/packs')}?token=x&url=http://evil.example/`,
    )
    expect(response.status).toBe(200)
    expect(upstream.received.map((r) => r.url)).toEqual([PACK_PATH])
  })

  it.each([
    ['', ''],
    [
      '?search=summer&limit=24&offset=48&include_public=false',
      '?search=summer&limit=24&offset=48&include_public=false',
    ],
    // Only the documented parameters, the first of each, re-encoded.
    [
      '?include_public=true&token=x&url=http://evil.example/&search=a%20b&search=second&limit=5&callback=x',
      '?search=a+b&limit=5&include_public=true',
    ],
    [`?${PACK_ID}`, ''],
    [`?id=${PACK_ID}&path=/../admin`, ''],
    ['?search=%3Cscript%3E%26limit%3D100', '?search=%3Cscript%3E%26limit%3D100'],
  ])('forwards the list with its documented parameters only: %s', async (query, forwarded) => {
    const response = await rawCall(`/api/partner/v1/packs${query}`, {
      headers: { cookie: 'sid=HOSTILE', authorization: 'Bearer HOSTILE' },
    })
    expect(response.status).toBe(200)
    expect(upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /api/partner/v1/packs${forwarded}`,
    ])
    expect(upstream.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(upstream.received[0]?.headers.cookie).toBeUndefined()
  })

  it.each(['POST', 'DELETE'])('%s on the list path is 405', async (method) => {
    expectEnvelope(await rawCall('/api/partner/v1/packs', { method }), 405, 'method_not_allowed')
    expect(upstream.received).toHaveLength(0)
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

  /** GETs the pack with `acceptEncoding`; gives the bytes as sent, records them decoded. */
  function rawGet(acceptEncoding?: string) {
    const { port } = proxy.server.address() as AddressInfo
    return new Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
      httpRequest({ host: '127.0.0.1', port, path: PACK_PATH, headers, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          const encoding = res.headers['content-encoding']
          const decoded =
            encoding === 'br'
              ? brotliDecompressSync(bytes)
              : encoding === 'gzip'
                ? gunzipSync(bytes)
                : bytes
          const flat = Object.fromEntries(
            Object.entries(res.headers).map(([name, value]) => [name, String(value)]),
          )
          record(res.statusCode ?? 0, flat, decoded.toString('utf8'))
          resolve({ headers: res.headers, bytes })
        })
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

  /** An upstream that compresses its answers itself, as most do when asked. */
  function compressingUpstream(encoding: string, bytes: Buffer, status = 200) {
    upstreamHandler = (_req, res) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-encoding': encoding,
        'content-length': String(bytes.length),
      })
      res.end(bytes)
    }
  }
  const bigText = () => JSON.stringify(bigBody())

  it('asks the upstream for brotli or gzip and relays it untouched when the browser takes it', async () => {
    const upstreamBytes = brotliCompressSync(bigText())
    compressingUpstream('br', upstreamBytes)
    const relayed = await rawGet('gzip, br')
    expect(upstream.received[0]?.headers['accept-encoding']).toBe('br, gzip')
    expect(relayed.headers['content-encoding']).toBe('br')
    expect(relayed.bytes.equals(upstreamBytes)).toBe(true)

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

  it('decodes a compressed error body before rebuilding it', async () => {
    const envelope = { ok: false, code: 401, message: 'API key not found', error_code: 'x' }
    compressingUpstream('br', brotliCompressSync(JSON.stringify(envelope)), 401)
    const response = await call(PACK_PATH)
    expectEnvelope(response, 401, 'x')
  })

  it.each([
    ['garbage announced as brotli', 'br', () => Buffer.from('GARBAGE, not brotli')],
    ['garbage announced as gzip', 'gzip', () => Buffer.from('GARBAGE, not gzip')],
    ['a coding it did not ask for', 'deflate', () => deflateSync(bigText())],
    ['stacked codings', 'gzip, br', () => brotliCompressSync(gzipSync(bigText()))],
  ])('answers 502 to %s', async (_name, encoding, bytes) => {
    compressingUpstream(encoding, bytes())
    expectEnvelope(await call(PACK_PATH), 502, 'upstream_unreachable')
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

describe('requests the proxy answers itself', () => {
  // Every method Node's client can send but GET and HEAD (CONNECT never reaches a request
  // handler), led by the usual ones so that they stay covered if METHODS changes.
  const refusedMethods = [
    ...new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', ...METHODS]),
  ].filter((method) => !['GET', 'HEAD', 'CONNECT'].includes(method))

  it.each(refusedMethods)('%s on the pack path is 405', async (method) => {
    const response = await rawCall(PACK_PATH, {
      method,
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    })
    expectEnvelope(response, 405, 'method_not_allowed')
    expect(response.headers.allow).toBe('GET, HEAD')
    expect(upstream.received).toHaveLength(0)
  })

  it.each([
    '/api',
    '/api/',
    '/api/partner/v1/packs/',
    '/api/partner/v1/packs/not-a-uuid',
    '/api/partner/v1/other',
    `${PACK_PATH}/extra`,
    `${PACK_PATH}/`,
    `/api/partner/v2/packs/${PACK_ID}`,
    `/api/PARTNER/v1/packs/${PACK_ID}`,
    // Dot segments, plain and encoded in every case.
    '/api/partner/v1/packs/../../admin',
    `/api/partner/v1/packs/../packs/${PACK_ID}`,
    '/api/partner/v1/packs/..%2f..%2fadmin',
    '/api/partner/v1/packs/%2e%2e/x',
    `/api/partner/v1/packs/%2e%2e/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%2E%2E/packs/${PACK_ID}`,
    `/api/partner/v1/packs/.%2e/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%2e./packs/${PACK_ID}`,
    `/api/partner/v1/packs/..%2f${PACK_ID}`,
    `${PACK_PATH}/..`,
    `${PACK_PATH}/%2e%2e`,
    `${PACK_PATH}/%2E%2E/%2E%2E/admin`,
    `${PACK_PATH}/.`,
    // Encoded and raw separators.
    `/api/partner/v1/packs%2f${PACK_ID}`,
    `/api/partner/v1/packs%2F${PACK_ID}`,
    `/api/partner/v1/packs/${PACK_ID}%2f..`,
    `/api/partner/v1/packs%5c${PACK_ID}`,
    `/api/partner/v1/packs%5C${PACK_ID}`,
    `/api/partner/v1/packs\\${PACK_ID}`,
    `/api/partner/v1/packs/..\\..\\${PACK_ID}`,
    // Double encoding.
    `/api/partner/v1/packs/%252e%252e%252f${PACK_ID}`,
    `/api/partner/v1/packs%252f${PACK_ID}`,
    // Empty and dot segments.
    `/api//partner/v1/packs/${PACK_ID}`,
    `/api/partner//v1/packs/${PACK_ID}`,
    `/api/partner/v1/packs//${PACK_ID}`,
    `/api/partner/v1/packs///${PACK_ID}`,
    `/api///partner/v1/packs/${PACK_ID}`,
    `${PACK_PATH}//`,
    `/api/./partner/v1/packs/${PACK_ID}`,
    `/api/partner/v1/packs/./${PACK_ID}`,
    // Path parameters, padding, control characters, fragments.
    `${PACK_PATH};x=1`,
    `/api/partner/v1/packs;x=1/${PACK_ID}`,
    `${PACK_PATH}%20`,
    `${PACK_PATH}%00`,
    `/api/partner/v1/packs/${PACK_ID}%00.json`,
    `${PACK_PATH}%0d%0aX-Injected:%201`,
    `${PACK_PATH}#fragment`,
    // Look-alike dots: fullwidth, one-dot leader, overlong UTF-8.
    `/api/partner/v1/packs/%ef%bc%8e%ef%bc%8e/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%e2%80%a4%e2%80%a4/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%c0%ae%c0%ae/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%c0%ae%c0%ae%c0%af${PACK_ID}`,
    `/api/partner/v1/packs/%e0%80%ae%e0%80%ae/packs/${PACK_ID}`,
    // A pack id that is not the path.
    `/api/partner/v1/packs/?id=${PACK_ID}`,
    `/api/partner/v1/packs/%31${PACK_ID.slice(1)}`,
  ])('%s is refused with a JSON envelope', async (path) => {
    const response = await rawCall(path)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expectEnvelope(response, response.status)
    expect(upstream.received).toHaveLength(0)
  })

  it('refuses raw non-ASCII bytes in the path before it gets the request', async () => {
    // Node's parser answers 400 itself; fullwidth dots sent unencoded, as UTF-8 bytes.
    const path = `/api/partner/v1/packs/${Buffer.from('．．', 'utf8').toString('latin1')}/${PACK_ID}`
    const handled = proxy.received.length
    const response = await rawCall(path)
    expect(response.status).toBe(400)
    expect(proxy.received).toHaveLength(handled)
    expect(upstream.received).toHaveLength(0)
  })

  // Not under /api as written, so not the proxy's: in Vite they get the app's index.html.
  it.each([
    '/index.html',
    '/',
    '/apix',
    '/src/main.tsx?api=/api/',
    `/API/partner/v1/packs/${PACK_ID}`,
    `/Api/partner/v1/packs/${PACK_ID}`,
    `/%61pi/partner/v1/packs/${PACK_ID}`,
    `//api/partner/v1/packs/${PACK_ID}`,
    `///api/partner/v1/packs/${PACK_ID}`,
    `/./api/partner/v1/packs/${PACK_ID}`,
    `/../api/partner/v1/packs/${PACK_ID}`,
    `//evil.example/api/partner/v1/packs/${PACK_ID}`,
    `/?next=/api/partner/v1/packs/${PACK_ID}`,
  ])('%s is left to the next middleware', async (path) => {
    const response = await rawCall(path)
    expect(response.status).toBe(418)
    expect(response.body).toBe('next')
    expect(upstream.received).toHaveLength(0)
  })
})

describe('the upstream host comes from configuration only', () => {
  let evil: TestServer
  /** Every request the proxy itself sent (`host` header and path), seen by Node's HTTP client. */
  let outbound: string[]
  const onRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest }
    if (request.getHeader('user-agent') === 'pack-explorer-proxy') {
      outbound.push(`${String(request.getHeader('host'))}${request.path}`)
    }
  }

  beforeEach(async () => {
    // A live server an attacker would like the key sent to.
    evil = await extraServer((_req, res) => json(res, 200, okBody()))
    outbound = []
    subscribe('http.client.request.start', onRequest)
  })
  afterEach(() => unsubscribe('http.client.request.start', onRequest))

  const proxyHost = () => `127.0.0.1:${(proxy.server.address() as AddressInfo).port}`

  /** The proxy made exactly one request, to the configured upstream, and nothing else. */
  function expectOnlyTheUpstream() {
    expect(outbound).toEqual([new URL(upstream.url).host + PACK_PATH])
    expect(upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${PACK_PATH}`])
    expect(upstream.received[0]?.headers.host).toBe(new URL(upstream.url).host)
    expect(evil.received).toHaveLength(0)
  }

  // The demo API builds image links from x-forwarded-host, so a Host made only of host
  // characters is passed on; anything else is dropped. Neither changes where the request goes.
  it.each([
    ['evil.example', 'evil.example'],
    ['evil.example:8443', 'evil.example:8443'],
    ['[::1]:5310', '[::1]:5310'],
    ['evil.example/steal?x=', undefined],
    ['user@evil.example', undefined],
    ['evil.example#x', undefined],
    ['evil.example, localhost', undefined],
    ['evil.example\tlocalhost', undefined],
    ['<script>alert(1)</script>', undefined],
    ['%65vil.example', undefined],
  ])('Host: %j reaches only the configured upstream (x-forwarded-host %j)', async (host, sent) => {
    const response = await rawCall(PACK_PATH, { headers: { host } })
    expect(response.status).toBe(200)
    expect(proxy.received.at(-1)?.headers.host).toBe(host)
    expectOnlyTheUpstream()
    expect(upstream.received[0]?.headers['x-forwarded-host']).toBe(sent)
    expect(upstream.received[0]?.headers['x-forwarded-proto']).toBe(sent && 'http')
  })

  it('Host naming a live server still reaches only the configured upstream', async () => {
    const host = new URL(evil.url).host
    const response = await rawCall(PACK_PATH, { headers: { host } })
    expect(response.status).toBe(200)
    expectOnlyTheUpstream()
    expect(upstream.received[0]?.headers['x-forwarded-host']).toBe(host)
  })

  it.each<Record<string, string>>([
    { 'x-forwarded-host': 'evil.example' },
    { 'x-forwarded-host': 'LIVE' },
    { forwarded: 'for=203.0.113.7;host=evil.example;proto=https' },
    { 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' },
    { 'x-host': 'evil.example', 'x-original-host': 'evil.example' },
    { 'x-original-url': '/admin', 'x-rewrite-url': '/admin' },
    { 'x-http-method-override': 'DELETE' },
  ])('%j changes neither the target nor the forwarded host', async (spoofed) => {
    const headers = Object.fromEntries(
      Object.entries(spoofed).map(([name, value]) => [
        name,
        value === 'LIVE' ? new URL(evil.url).host : value,
      ]),
    )
    const response = await rawCall(PACK_PATH, { headers })
    expect(response.status).toBe(200)
    expectOnlyTheUpstream()
    expect(upstream.received[0]?.headers['x-forwarded-host']).toBe(proxyHost())
    expect(upstream.received[0]?.headers['x-forwarded-proto']).toBe('http')
  })

  // A browser never sends one to an origin server; the proxy does not take it as its own.
  it.each([
    ['evil.example', () => 'http://evil.example'],
    ['a live server', () => evil.url],
    ['the proxy itself', () => proxy.url],
  ])('an absolute-form target naming %s is never forwarded', async (_name, origin) => {
    const target = origin() + PACK_PATH
    const response = await socketCall(
      `GET ${target} HTTP/1.1\r\nHost: ${new URL(target).host}\r\nConnection: close\r\n\r\n`,
    )
    expect(proxy.received.at(-1)?.url).toBe(target)
    expect(response.status).toBe(418)
    expect(outbound).toEqual([])
    expect(upstream.received).toHaveLength(0)
    expect(evil.received).toHaveLength(0)
  })
})

describe('headers', () => {
  /** What fetch itself adds to every request. */
  /** What Node's HTTP client adds to every request. */
  const CLIENT_HEADERS = ['host', 'connection']
  const PROXY_HEADERS = [
    'accept',
    'accept-encoding',
    'authorization',
    'user-agent',
    'x-forwarded-host',
    'x-forwarded-proto',
  ]
  /** What Node adds to every response, beside the proxy's own list. */
  const RELAYABLE = [
    'date',
    'connection',
    'keep-alive',
    'cache-control',
    'vary',
    'content-length',
    'content-encoding',
    'content-type',
    'retry-after',
    'etag',
    'last-modified',
    'x-content-type-options',
    'content-security-policy',
  ]

  it('the upstream gets only the allow-listed headers', async () => {
    await rawCall(PACK_PATH)
    const seen = upstream.received[0]!.headers
    expect(Object.keys(seen).filter((name) => !CLIENT_HEADERS.includes(name))).toEqual(
      expect.arrayContaining(PROXY_HEADERS),
    )
    expect(
      Object.keys(seen).filter((name) => ![...CLIENT_HEADERS, ...PROXY_HEADERS].includes(name)),
    ).toEqual([])
    expect(seen).toMatchObject({
      accept: 'application/json',
      'accept-encoding': 'br, gzip',
      authorization: `Bearer ${TOKEN}`,
      'user-agent': 'pack-explorer-proxy',
    })
  })

  it.each<[string, string | string[]]>([
    ['cookie', 'sid=HOSTILE'],
    ['cookie', ['a=HOSTILE', 'b=HOSTILE']],
    ['authorization', 'Bearer HOSTILE'],
    ['authorization', ['Bearer HOSTILE-one', 'Bearer HOSTILE-two']],
    ['proxy-authorization', 'Basic SE9TVElMRTpIT1NUSUxF-HOSTILE'],
    ['x-api-key', 'HOSTILE'],
    ['x-forwarded-for', '203.0.113.7, HOSTILE'],
    ['x-real-ip', 'HOSTILE'],
    ['origin', 'https://HOSTILE.example'],
    ['referer', 'https://HOSTILE.example/page'],
    ['x-anything', 'HOSTILE'],
    ['accept', 'text/html, HOSTILE'],
    ['accept-language', 'HOSTILE'],
    ['user-agent', 'HOSTILE'],
    ['content-type', 'text/HOSTILE'],
    ['if-none-match', '"HOSTILE"'],
    ['range', 'bytes=0-1'],
  ])('the browser’s %s: %j never reaches the upstream', async (name, value) => {
    await rawCall(PACK_PATH)
    await rawCall(PACK_PATH, { headers: { [name]: value } })
    // It did reach the proxy...
    expect(proxy.received.at(-1)?.headers[name]).toBeDefined()
    // ...and changed nothing the upstream saw.
    expect(upstream.received).toHaveLength(2)
    const [clean, hostile] = upstream.received.map((r) => r.headers)
    expect(hostile).toEqual(clean)
    expect(hostile?.authorization).toBe(`Bearer ${TOKEN}`)
    expect(JSON.stringify(hostile)).not.toContain('HOSTILE')
  })

  it.each<[string, string | string[]]>([
    ['set-cookie', 'session=HOSTILE; HttpOnly; Path=/'],
    ['set-cookie', ['a=HOSTILE; Path=/', 'b=HOSTILE; Path=/', 'c=HOSTILE']],
    ['set-cookie2', 'legacy=HOSTILE; Version=1'],
    ['access-control-allow-origin', '*'],
    ['access-control-allow-credentials', 'true'],
    ['www-authenticate', 'Basic realm="HOSTILE"'],
    ['location', 'http://evil.example/HOSTILE'],
    ['refresh', '0; url=http://evil.example/HOSTILE'],
    ['link', '<http://evil.example/HOSTILE>; rel=preload'],
    ['alt-svc', 'h2="evil.example:443"'],
    ['clear-site-data', '"*"'],
    ['server', 'HOSTILE/1.0'],
    ['x-powered-by', 'HOSTILE'],
  ])('the upstream’s %s: %j never reaches the browser', async (name, value) => {
    for (const status of [200, 401]) {
      upstreamHandler = (_req, res) =>
        json(
          res,
          status,
          status === 200 ? okBody() : { ok: false, code: 401, message: 'API key not found' },
          { [name]: value },
        )
      const response = await rawCall(PACK_PATH)
      expect(response.status).toBe(status)
      expect(response.headers[name]).toBeUndefined()
      expect(Object.keys(response.headers).filter((n) => !RELAYABLE.includes(n))).toEqual([])
      expect(JSON.stringify(response.headers)).not.toContain('HOSTILE')
    }
    expect(upstream.received).toHaveLength(2)
  })
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

  it('by default, times out at 15 s and relays at most 20 MB', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000)
    // The suite's proxy sets no cap: the default applies.
    const limit = 20 * 1024 * 1024
    for (const [size, status] of [
      [limit, 200],
      [limit + 1, 502],
    ] as const) {
      upstreamHandler = (_req, res) => {
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

  it.each([600, 999])('answers 502 to the invalid status %i', async (status) => {
    const odd = await rawUpstream((socket) =>
      socket.end(`HTTP/1.1 ${status} Odd\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`),
    )
    const relay = await extraProxy({ baseUrl: odd.url })
    expectEnvelope(await call(PACK_PATH, {}, relay), 502, 'upstream_invalid_status')
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

// Runs last: looks at every response and log line the tests above produced. call, rawCall,
// socketCall and rawGet record every answer a client got, so a new test is covered as written.
describe('the key', () => {
  const forms = [TOKEN, 'PROXY-TEST-SECRET', encodeURIComponent(TOKEN), btoa(TOKEN)]

  it('never reaches a client or the log', () => {
    expect(clientResponses.length).toBeGreaterThan(0)
    expect(logLines.length).toBeGreaterThan(0)
    for (const response of clientResponses) {
      for (const form of forms) {
        expect(response.body).not.toContain(form)
        for (const [name, value] of Object.entries(response.headers)) {
          expect(`${name}: ${value}`).not.toContain(form)
        }
      }
    }
    for (const line of logLines) {
      for (const form of forms) expect(line).not.toContain(form)
      expect(line.toLowerCase()).not.toContain('bearer')
      // Nothing a request controls (Host, headers, raw path) gets into a line.
      expect(line).toMatch(
        /^(GET|HEAD) \/api\/partner\/v1\/packs(\/[0-9a-f-]{36})? -> \d{3} \(\d+ ms\)$/,
      )
    }
  })
})
