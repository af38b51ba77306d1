// What the upstream is sent and what the browser gets back, header by header.
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  PACK_PATH,
  TOKEN,
  describeTheKeyCheck,
  extraProxy,
  extraServer,
  h,
  json,
  okBody,
  rawCall,
  socketCall,
  type TestServer,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

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

  /** The proxy made exactly one request, to the configured upstream, and nothing else. */
  function expectOnlyTheUpstream() {
    expect(outbound).toEqual([new URL(h.upstream.url).host + PACK_PATH])
    expect(h.upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${PACK_PATH}`])
    expect(h.upstream.received[0]?.headers.host).toBe(new URL(h.upstream.url).host)
    expect(evil.received).toHaveLength(0)
  }

  /** Headers a proxy could derive from the browser's Host; a real upstream gets none. */
  const HOST_DERIVED = ['x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'x-forwarded-port']

  it('a real upstream receives nothing derived from the Host', async () => {
    const response = await rawCall(PACK_PATH, {
      headers: { host: 'packs.example.test:8443', 'x-forwarded-proto': 'https' },
    })
    expect(response.status).toBe(200)
    expectOnlyTheUpstream()
    const seen = h.upstream.received[0]!.headers
    for (const name of HOST_DERIVED) expect(seen[name]).toBeUndefined()
    expect(JSON.stringify(seen)).not.toContain('packs.example.test')
  })

  const HOSTS = [
    'evil.example',
    'evil.example:8443',
    '[::1]:5310',
    'evil.example/steal?x=',
    'user@evil.example',
    'evil.example#x',
    'evil.example, localhost',
    'evil.example\tlocalhost',
    '<script>alert(1)</script>',
    '%65vil.example',
  ]

  it.each(HOSTS)(
    'Host: %j reaches only the configured upstream, and nothing of it',
    async (host) => {
      const response = await rawCall(PACK_PATH, { headers: { host } })
      expect(response.status).toBe(200)
      expect(h.proxy.received.at(-1)?.headers.host).toBe(host)
      expectOnlyTheUpstream()
      const seen = h.upstream.received[0]!.headers
      for (const name of HOST_DERIVED) expect(seen[name]).toBeUndefined()
      expect(JSON.stringify(seen)).not.toContain(host)
    },
  )

  // The demo API builds image links from x-forwarded-host, so its proxy (forwardOrigin) passes
  // on a Host made only of host characters; anything else is dropped. Neither changes where
  // the request goes.
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
  ])('for the demo API, Host: %j reaches only it (x-forwarded-host %j)', async (host, sent) => {
    const demoProxy = await extraProxy({ forwardOrigin: true })
    const response = await rawCall(PACK_PATH, { headers: { host }, base: demoProxy })
    expect(response.status).toBe(200)
    expect(demoProxy.received.at(-1)?.headers.host).toBe(host)
    expectOnlyTheUpstream()
    expect(h.upstream.received[0]?.headers['x-forwarded-host']).toBe(sent)
    expect(h.upstream.received[0]?.headers['x-forwarded-proto']).toBe(sent && 'http')
  })

  it('Host naming a live server still reaches only the configured upstream', async () => {
    const host = new URL(evil.url).host
    const response = await rawCall(PACK_PATH, { headers: { host } })
    expect(response.status).toBe(200)
    expectOnlyTheUpstream()
    expect(h.upstream.received[0]?.headers['x-forwarded-host']).toBeUndefined()
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
    for (const name of HOST_DERIVED) expect(h.upstream.received[0]?.headers[name]).toBeUndefined()

    // The demo API's proxy passes on its own Host, never the spoofed one.
    h.upstream.received.length = 0
    outbound.length = 0
    const demoProxy = await extraProxy({ forwardOrigin: true })
    expect((await rawCall(PACK_PATH, { headers, base: demoProxy })).status).toBe(200)
    expectOnlyTheUpstream()
    expect(h.upstream.received[0]?.headers['x-forwarded-host']).toBe(new URL(demoProxy.url).host)
    expect(h.upstream.received[0]?.headers['x-forwarded-proto']).toBe('http')
  })

  // A browser never sends one to an origin server; the proxy does not take it as its own.
  it.each([
    ['evil.example', () => 'http://evil.example'],
    ['a live server', () => evil.url],
    ['the proxy itself', () => h.proxy.url],
  ])('an absolute-form target naming %s is never forwarded', async (_name, origin) => {
    const target = origin() + PACK_PATH
    const response = await socketCall(
      `GET ${target} HTTP/1.1\r\nHost: ${new URL(target).host}\r\nConnection: close\r\n\r\n`,
    )
    expect(h.proxy.received.at(-1)?.url).toBe(target)
    expect(response.status).toBe(418)
    expect(outbound).toEqual([])
    expect(h.upstream.received).toHaveLength(0)
    expect(evil.received).toHaveLength(0)
  })
})

describe('headers', () => {
  /** What fetch itself adds to every request. */
  /** What Node's HTTP client adds to every request. */
  const CLIENT_HEADERS = ['host', 'connection']
  const PROXY_HEADERS = ['accept', 'accept-encoding', 'authorization', 'user-agent']
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
    'cross-origin-resource-policy',
  ]

  it('the upstream gets only the allow-listed headers', async () => {
    await rawCall(PACK_PATH)
    const seen = h.upstream.received[0]!.headers
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
    expect(h.proxy.received.at(-1)?.headers[name]).toBeDefined()
    // ...and changed nothing the upstream saw.
    expect(h.upstream.received).toHaveLength(2)
    const [clean, hostile] = h.upstream.received.map((r) => r.headers)
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
      h.upstreamHandler = (_req, res) =>
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
    expect(h.upstream.received).toHaveLength(2)
  })
})

describeTheKeyCheck()
