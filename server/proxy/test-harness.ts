// What the proxy's tests share: a fake upstream, the proxy on a real server mounted the way
// the Vite plugin mounts it (compression in front), clients that record every answer, and
// the check that the key never reached one of them or the log.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { compress } from '../compression.ts'
import { sendJson, startFakeUpstream, type FakeUpstream } from '../test-kit/fake-upstream.ts'
import { startRawUpstream, type RawUpstream } from '../test-kit/raw-upstream.ts'
import { flatHeaders, rawRequest, socketRequest } from '../test-kit/request.ts'
import { createPartnerProxy, type PartnerProxyOptions } from './proxy.ts'
import { packPath } from '../../contract/partner-api/paths.ts'

/** Shaped like a real key (`<public>.<secret>`); its secret half is an identifier, as it may be. */
export const TOKEN = 'pub_proxytest.sk_live_proxy_test_secret_7f3a9c'
export const SECRET_HALF = TOKEN.slice(TOKEN.indexOf('.') + 1)
export const PACK_ID = '11111111-1111-1111-1111-111111111111'
export const PACK_PATH = packPath(PACK_ID)

export const json = sendJson
export const okBody = () => ({
  ok: true,
  code: 200,
  message: 'Pack retrieved',
  data: { id: PACK_ID },
})

type Handler = (req: IncomingMessage, res: ServerResponse) => void

interface Recorded {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

export interface TestServer {
  url: string
  received: Recorded[]
  close: () => Promise<void>
}

/** What a client got from a proxy under test. */
export interface ClientResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** The suite's upstream and proxy, and what the current test wants the upstream to answer. */
export const h = {
  upstream: undefined as unknown as FakeUpstream,
  proxy: undefined as unknown as TestServer,
  upstreamHandler: ((_req, res) => json(res, 200, okBody())) as Handler,
}

const clientResponses: ClientResponse[] = []
const logLines: string[] = []
/** The log of the suite's proxies: give it to a proxy a test builds itself. */
export const logLine = (line: string) => void logLines.push(line)
const extraServers: Array<{ close: () => Promise<void> }> = []

/** A real HTTP server on a free loopback port that records every request it gets. */
export async function startServer(handle: Handler): Promise<TestServer> {
  const received: Recorded[] = []
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Serves the proxy the way the Vite plugin does, with a next() that answers 418. */
function startProxy(options: Partial<PartnerProxyOptions> = {}): Promise<TestServer> {
  const handler = createPartnerProxy({
    baseUrl: h.upstream.url,
    token: TOKEN,
    timeoutMs: 5_000,
    log: (line) => logLines.push(line),
    ...options,
  })
  const compressing = compress()
  return startServer((req, res) =>
    compressing(req, res, () =>
      handler(req, res, () => {
        res.statusCode = 418
        res.end('next')
      }),
    ),
  )
}

/** Another proxy for one test (other options), closed after it. */
export async function extraProxy(options: Partial<PartnerProxyOptions> = {}) {
  const server = await startProxy(options)
  extraServers.push(server)
  return server
}

export async function extraServer(handle: Handler): Promise<TestServer> {
  const server = await startServer(handle)
  extraServers.push(server)
  return server
}

/** An upstream that does not speak HTTP (or speaks it wrong), closed after the test. */
export async function rawUpstream(
  answer: (socket: Socket, head: string) => void,
): Promise<RawUpstream> {
  const server = await startRawUpstream(answer)
  extraServers.push(server)
  return server
}

export function record(
  status: number,
  headers: Record<string, string>,
  body: string,
): ClientResponse {
  const response = { status, headers, body }
  clientResponses.push(response)
  return response
}

/** A fetch to a proxy, recorded for the key check. */
export async function call(
  path: string,
  init: RequestInit = {},
  base: TestServer = h.proxy,
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

/** A request with the path sent exactly as written (fetch would normalize `..`), recorded. */
export async function rawCall(
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
    base = h.proxy,
  }: { method?: string; headers?: OutgoingHttpHeaders; body?: string; base?: TestServer } = {},
): Promise<ClientResponse> {
  const answer = await rawRequest(base.url, path, { method, headers, body })
  return record(answer.status, flatHeaders(answer.headers), answer.text)
}

/** `head` written on a bare socket (it must ask for `Connection: close`), recorded. */
export async function socketCall(head: string, base: TestServer = h.proxy) {
  const answer = await socketRequest(base.url, head)
  return record(answer.status, flatHeaders(answer.headers), answer.text)
}

export function expectEnvelope(response: ClientResponse, status: number, errorCode?: string) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  expect(response.headers['x-content-type-options']).toBe('nosniff')
  expect(response.headers['content-security-policy']).toContain('sandbox')
  expect(response.headers['cross-origin-resource-policy']).toBe('same-origin')
  const body: unknown = JSON.parse(response.body)
  expect(body).toEqual({
    ok: false,
    code: status,
    message: expect.any(String),
    error_code: errorCode ?? expect.any(String),
  })
  return body as { ok: false; code: number; message: string; error_code: string }
}

/** Starts the upstream and the proxy for the file, and resets them between tests. */
export function useProxyHarness(): void {
  beforeAll(async () => {
    h.upstream = await startFakeUpstream({ token: TOKEN })
    h.proxy = await startProxy()
  })
  beforeEach(() => {
    h.upstream.reset()
    h.upstreamHandler = (_req, res) => json(res, 200, okBody())
    h.upstream.handleWith((req, res) => h.upstreamHandler(req, res))
  })
  afterEach(async () => {
    await Promise.all(extraServers.splice(0).map((server) => server.close()))
  })
  afterAll(async () => {
    await Promise.all([h.proxy?.close(), h.upstream?.close()])
  })
}

/**
 * Call at the end of a file: looks at every response and log line its tests produced.
 * call, rawCall, socketCall and record keep every answer a client got, so a new test is
 * covered as written.
 */
export function describeTheKeyCheck(): void {
  describe('the key', () => {
    const forms = [
      ...[TOKEN, SECRET_HALF].flatMap((secret) => [
        secret,
        secret.toUpperCase(),
        encodeURIComponent(secret),
        btoa(secret),
        Buffer.from(secret).toString('base64url'),
      ]),
      // A fragment of the secret half, in any case.
      'proxy_test_secret',
      'PROXY_TEST_SECRET',
    ]

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
          /^((GET|HEAD|POST|PATCH|DELETE) \/api\/partner\/v1\/(packs(\/[0-9a-f-]{36}(\/images(\/[0-9a-f-]{36})?)?)?|files) -> \d{3} \(\d+ ms\)|[a-z_]+ \d{3}: the activity log did not record it \(.*\))$/,
        )
      }
    })
  })
}

/** A pack big enough to be worth compressing. */
export const bigBody = () => ({
  ...okBody(),
  data: { id: PACK_ID, images: Array.from({ length: 200 }, (_, i) => ({ id: `image-${i}` })) },
})
export const bigText = () => JSON.stringify(bigBody())

/** An upstream that compresses its answers itself, as most do when asked. */
export function compressingUpstream(encoding: string, bytes: Buffer, status = 200) {
  h.upstreamHandler = (_req, res) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-encoding': encoding,
      'content-length': String(bytes.length),
    })
    res.end(bytes)
  }
}
