import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createJsonLog } from './json-log.ts'
import { createProductionApp } from './production.ts'
import type { ProductionConfig } from './production-config.ts'
import { startFakeUpstream, type FakeUpstream } from './test-kit/fake-upstream.ts'
import { reviewDataDir } from './test-kit/review-data.ts'
import { rawRequest, type RawAnswer } from './test-kit/request.ts'
import {
  answerBeforeBody,
  NOT_JSON,
  WRITE_PATHS,
  writeOriginCases,
} from './test-kit/write-origins.ts'
import { packPath } from '../contract/partner-api/paths.ts'
import { reviewImagePath, reviewPackPath } from '../contract/review-api/paths.ts'
import { uploadPath } from './uploads/upload-paths.ts'

// `npm start`'s app on a real loopback server, its proxy pointed at a real test upstream:
// what it checks about a request before anything else answers it (server/request-guards.ts).
const TOKEN = 'pub_7a1.sk_live_GUARDS-TEST-SECRET-90d2'
const PACK_ID = '33333333-3333-3333-3333-333333333333'
const PACK_PATH = packPath(PACK_ID)
const INDEX_HTML = '<!doctype html><div id="root"></div>\n'

let distDir: string
/**
 * The apps' review data (PGlite): one folder, which the apps of this process share (one
 * database to open, not one per app), under the dist folder removed at the end.
 */
let reviewDir: string
const reviewData = () => ({ dataDir: reviewDir, databaseUrl: null })
let upstream: FakeUpstream
const logLines: string[] = []
const closers: Array<() => Promise<void>> = []

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'pack-explorer-guards-test-'))
  reviewDir = await reviewDataDir(distDir)
  await writeFile(join(distDir, 'index.html'), INDEX_HTML)
  upstream = await startFakeUpstream({ token: TOKEN })
})

beforeEach(() => {
  upstream.reset()
  upstream.handleWith((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ ok: true, code: 200, message: 'Pack retrieved', data: {} }))
  })
})

afterAll(async () => {
  for (const close of closers) await close()
  await upstream?.close()
  if (distDir) await rm(distDir, { recursive: true, force: true })
  for (const line of logLines) expect(line).not.toContain('GUARDS-TEST-SECRET')
})

async function start(overrides: Partial<ProductionConfig> = {}): Promise<string> {
  const production = await createProductionApp(
    {
      host: '127.0.0.1',
      port: 0,
      distDir,
      api: { token: TOKEN, baseUrl: upstream.url, timeoutMs: 5_000 },
      basicAuth: null,
      trustProxyAuth: false,
      userHeader: null,
      trustProxy: false,
      rateLimitPerMinute: 1_000,
      maxConnections: 512,
      maxUpstreamAnswers: 16,
      allowedHosts: [],
      review: reviewData(),
      writeAccess: 'none',
      ...overrides,
    },
    createJsonLog((line) => logLines.push(line)),
  )
  const server = createServer(production.app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await production.close()
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const send = (url: string, path: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(url, path, { headers, method })

/** The `ip` of each access-log line since `from`. */
const loggedIps = (from: number) =>
  logLines
    .slice(from)
    .map((line) => JSON.parse(line) as { msg: string; ip?: string })
    .filter((line) => line.msg === 'request')
    .map((line) => line.ip)

describe('the client address', () => {
  // Express's req.ip is whatever X-Forwarded-For says, IP or not: each made-up value would
  // be a client of its own, with a rate limit of its own.
  it.each(['loopback', 1] as const)(
    'is the socket’s when X-Forwarded-For names no IP (trust proxy %s)',
    async (trustProxy) => {
      const url = await start({ trustProxy, rateLimitPerMinute: 2 })
      const from = logLines.length
      const statuses: number[] = []
      for (const claimed of ['x1', 'not-an-ip', '203.0.113.9:1234', '0x7f000001']) {
        statuses.push((await send(url, PACK_PATH, { 'x-forwarded-for': claimed })).status)
      }
      expect(statuses).toEqual([200, 200, 429, 429])
      expect(loggedIps(from)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1'])
      // A real IP is still believed.
      expect((await send(url, PACK_PATH, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200)
      expect(loggedIps(from).at(-1)).toBe('203.0.113.9')
    },
  )
})

describe('with PACK_EXPLORER_TRUST_PROXY_AUTH=1', () => {
  it('refuses every request that does not come from the trusted proxy’s addresses', async () => {
    // This test's requests come from 127.0.0.1: not the proxy.
    const url = await start({ trustProxyAuth: true, trustProxy: '10.0.0.0/8, 192.168.0.7' })
    for (const path of [PACK_PATH, '/', '/app-config.json', `/packs/${PACK_ID}`]) {
      // X-Forwarded-For cannot make a connection the proxy's.
      const answer = await send(url, path, { 'x-forwarded-for': '10.0.0.1' })
      expect(answer.status, path).toBe(403)
      expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(answer.text).toBe('This server answers only through its authenticating proxy.\n')
    }
    expect(upstream.received).toEqual([])
    // Load balancers probe from their own addresses; it reveals nothing.
    expect((await send(url, '/healthz')).status).toBe(200)
  })

  it('answers requests from the trusted proxy', async () => {
    const url = await start({ trustProxyAuth: true, trustProxy: '10.0.0.0/8, loopback' })
    const from = logLines.length
    expect((await send(url, PACK_PATH, { 'x-forwarded-for': '198.51.100.4' })).status).toBe(200)
    expect((await send(url, '/')).text).toBe(INDEX_HTML)
    expect(upstream.received).toHaveLength(1)
    expect(loggedIps(from)).toEqual(['198.51.100.4', '127.0.0.1'])
  })
})

describe('PACK_EXPLORER_USER_HEADER', () => {
  const userOf = async (url: string, headers: Record<string, string | string[]>) => {
    const answer = await rawRequest(url, '/app-config.json', { headers })
    expect(answer.status).toBe(200)
    return (JSON.parse(answer.text) as { user: unknown }).user
  }

  it('makes the user whoever the trusted proxy’s header names', async () => {
    const url = await start({
      trustProxyAuth: true,
      trustProxy: 'loopback',
      userHeader: 'x-forwarded-email',
    })
    expect(await userOf(url, { 'X-Forwarded-Email': ' dana@example.com ' })).toBe(
      'dana@example.com',
    )
    expect(await userOf(url, { 'x-forwarded-email': 'x'.repeat(100) })).toBe('x'.repeat(100))
    // Nobody: none, empty, too long, or twice (a proxy that appends to the client's own).
    expect(await userOf(url, {})).toBeNull()
    expect(await userOf(url, { 'x-forwarded-email': '   ' })).toBeNull()
    expect(await userOf(url, { 'x-forwarded-email': 'x'.repeat(101) })).toBeNull()
    expect(
      await userOf(url, { 'x-forwarded-email': ['mallory@evil.example', 'dana@example.com'] }),
    ).toBeNull()
    // Another header names nobody.
    expect(await userOf(url, { 'x-forwarded-user': 'dana' })).toBeNull()
  })

  it('records review decisions under that user, whatever the body says; without it, none', async () => {
    const url = await start({
      trustProxyAuth: true,
      trustProxy: 'loopback',
      userHeader: 'x-forwarded-email',
    })
    const packId = randomUUID()
    const put = (imageId: string, headers: Record<string, string | string[]>) =>
      rawRequest(url, reviewImagePath(packId, imageId), {
        method: 'PUT',
        headers: {
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ decision: 'approved', fingerprint: 'f1', reviewer: 'Mallory' }),
      })
    const image = randomUUID()
    const recorded = await put(image, { 'x-forwarded-email': 'dana@example.com' })
    expect(recorded.status).toBe(200)
    expect(JSON.parse(recorded.text).data.current.reviewer).toBe('dana@example.com')
    const nobody = await put(randomUUID(), {})
    expect(nobody.status).toBe(403)
    expect(JSON.parse(nobody.text).error_code).toBe('reviewer_unknown')
    const twice = await put(randomUUID(), {
      'x-forwarded-email': ['a@example.com', 'b@example.com'],
    })
    expect(JSON.parse(twice.text).error_code).toBe('reviewer_unknown')
    const pack = JSON.parse((await rawRequest(url, reviewPackPath(packId))).text)
    expect(pack.data.images.map((d: { reviewer: string }) => d.reviewer)).toEqual([
      'dana@example.com',
    ])
  })

  it('is not read without an authenticating proxy', async () => {
    const url = await start()
    expect(await userOf(url, { 'x-forwarded-email': 'dana@example.com' })).toBeNull()
  })
})

describe('Fetch Metadata', () => {
  const by = (site: string, mode: string, dest: string) => ({
    'sec-fetch-site': site,
    'sec-fetch-mode': mode,
    'sec-fetch-dest': dest,
  })
  let url: string
  beforeAll(async () => {
    url = await start()
  })

  it.each([
    ['a fetch', PACK_PATH, by('cross-site', 'cors', 'empty'), 'GET'],
    ['an <img>', PACK_PATH, by('cross-site', 'no-cors', 'image'), 'GET'],
    ['a <script>', PACK_PATH, by('cross-site', 'no-cors', 'script'), 'GET'],
    ['a form post', PACK_PATH, by('cross-site', 'navigate', 'document'), 'POST'],
    ['a frame', `/packs/${PACK_ID}`, by('cross-site', 'navigate', 'iframe'), 'GET'],
    ['a fetch of the config', '/app-config.json', by('cross-site', 'cors', 'empty'), 'GET'],
  ])('refuses %s from another site (%s)', async (_what, path, headers, method) => {
    const answer: RawAnswer = await send(url, path, headers, method)
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    if (path.startsWith('/api/')) {
      expect(JSON.parse(answer.text)).toMatchObject({ code: 403, error_code: 'cross_site_request' })
    } else {
      expect(answer.text).toBe('Requests from other sites are refused.\n')
    }
    expect(upstream.received).toEqual([])
  })

  it.each([
    ['a link from another site', `/packs/${PACK_ID}`, by('cross-site', 'navigate', 'document')],
    ['its own page', PACK_PATH, by('same-origin', 'cors', 'empty')],
    ['its own site', PACK_PATH, by('same-site', 'no-cors', 'image')],
    ['an address typed in', '/', by('none', 'navigate', 'document')],
    ['no Fetch Metadata (curl)', PACK_PATH, {}],
  ])('lets %s through (%s)', async (_what, path, headers) => {
    expect((await send(url, path, headers)).status).toBe(200)
  })
})

describe('writes under /api (server/same-origin-writes.ts)', () => {
  let url: string
  let host: string
  beforeAll(async () => {
    url = await start()
    host = new URL(url).host
  })

  const write = (path: string, headers: Record<string, string>, method = 'PUT') =>
    rawRequest(url, path, { method, headers, body: '{}' })

  it('lets the app’s own pages write, and refuses every other origin (403 before the body)', async () => {
    for (const [what, headers, refused] of writeOriginCases(host)) {
      const answer = await write(PACK_PATH, headers, 'POST')
      if (refused) {
        expect(answer.status, what).toBe(403)
        // Fetch Metadata (fetch-metadata.ts) answers `cross-site` first, in its own words.
        expect(JSON.parse(answer.text), what).toMatchObject({
          ok: false,
          code: 403,
          error_code: 'cross_site_request',
        })
        expect(answer.headers['cache-control'], what).toBe('no-store')
        expect(await answerBeforeBody(url, PACK_PATH, headers), what).toBe(403)
      } else {
        // Through to the proxy, which forwards no POST on a pack.
        expect(answer.status, what).toBe(405)
        expect(JSON.parse(answer.text).error_code, what).toBe('method_not_allowed')
      }
    }
    expect(upstream.received).toEqual([])
  })

  it.each(NOT_JSON)(
    'refuses a same-origin write of %s with 415, before the body',
    async (_what, type) => {
      const headers: Record<string, string> = { host, 'sec-fetch-site': 'same-origin' }
      if (type !== null) headers['content-type'] = type
      for (const path of WRITE_PATHS) {
        const answer = await write(path, headers)
        expect(answer.status, path).toBe(415)
        expect(JSON.parse(answer.text), path).toMatchObject({
          ok: false,
          code: 415,
          error_code: 'unsupported_media_type',
        })
        expect(await answerBeforeBody(url, path, headers), path).toBe(415)
      }
      expect(upstream.received).toEqual([])
    },
  )

  it('lets an upload through as an image type, from the app’s own pages only', async () => {
    const upload = uploadPath(PACK_ID)
    const image = { 'content-type': 'image/png', 'x-file-name': 'a.png' }
    const post = (path: string, headers: Record<string, string>) =>
      rawRequest(url, path, { method: 'POST', headers, body: 'not really a png' })
    for (const [what, headers, refused] of writeOriginCases(host)) {
      const answer = await post(upload, { ...headers, ...image })
      // Through to the upload relay, which refuses it on this server: writes are off.
      expect(answer.status, what).toBe(403)
      expect(JSON.parse(answer.text).error_code, what).toBe(
        refused ? 'cross_site_request' : 'writes_disabled',
      )
      if (refused) {
        expect(await answerBeforeBody(url, upload, { ...headers, ...image }), what).toBe(403)
      }
    }
    const sameOrigin = { host, 'sec-fetch-site': 'same-origin' }
    for (const [what, type] of NOT_JSON) {
      const headers = type === null ? sameOrigin : { ...sameOrigin, 'content-type': type }
      const answer = await post(upload, headers)
      expect(answer.status, what).toBe(415)
      expect(JSON.parse(answer.text).error_code, what).toBe('unsupported_media_type')
    }
    // An image type is an upload's only: anywhere else, and by any other method, it is 415.
    const png = { ...sameOrigin, 'content-type': 'image/png' }
    for (const path of [...WRITE_PATHS, upload.toUpperCase(), '/api/uploads']) {
      expect((await post(path, png)).status, path).toBe(415)
    }
    expect((await write(upload, png)).status).toBe(415)
    expect((await post(upload, { ...sameOrigin, 'content-type': 'image/svg+xml' })).status).toBe(
      415,
    )
    expect(upstream.received).toEqual([])
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'])(
    'refuses a cross-origin %s on any /api path, routed or not',
    async (method) => {
      for (const path of WRITE_PATHS) {
        const answer = await write(path, { host, 'content-type': 'application/json' }, method)
        expect(answer.status, path).toBe(403)
        expect(JSON.parse(answer.text).error_code, path).toBe('cross_site_request')
      }
    },
  )

  it('leaves reads, preflights and writes outside /api alone', async () => {
    const elsewhere = { host, origin: 'https://evil.example' }
    expect((await send(url, PACK_PATH, elsewhere)).status).toBe(200)
    expect((await send(url, PACK_PATH, elsewhere, 'HEAD')).status).toBe(200)
    expect((await send(url, PACK_PATH, elsewhere, 'OPTIONS')).status).not.toBe(403)
    // An app path: its own 404, as before.
    expect((await write(`/packs/${PACK_ID}`, elsewhere, 'POST')).status).toBe(404)
  })
})
