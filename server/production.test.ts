import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BASIC_AUTH_CHALLENGE } from './basic-auth.ts'
import { createJsonLog } from './json-log.ts'
import { hashPassword, parsePasswordHash } from './password-hash.ts'
import { createProductionApp } from './production.ts'
import type { ProductionConfig } from './production-config.ts'
import { API_SECURITY_HEADERS, SECURITY_HEADERS } from './security-headers.ts'
import { startFakeUpstream, type FakeUpstream } from './test-kit/fake-upstream.ts'
import { reviewDataDir } from './test-kit/review-data.ts'
import { rawRequest, socketRequest, type RawAnswer } from './test-kit/request.ts'
import { uploadPath } from './uploads/upload-paths.ts'
import { PACKS_PATH, packPath } from '../contract/partner-api/paths.ts'
import { reviewImagePath } from '../contract/review-api/paths.ts'
import { sizedPackId } from './demo/fixtures.ts'

// The production app on real loopback servers, its proxy pointed at a real test upstream.
const TOKEN = 'pub_9f2.sk_live_PRODUCTION-TEST-SECRET-41c7'
const PACK_ID = '11111111-1111-1111-1111-111111111111'
const PACK_PATH = packPath(PACK_ID)
const ASSET_PATH = '/assets/app-abc123.js'
/** Big enough to be worth compressing, and it compresses well. */
const ASSET = 'export function greet(name) { return `Hello, ${name}!` }\n'.repeat(200)
const INDEX_HTML = '<!doctype html><html><body><div id="root"></div></body></html>\n'
const USER = 'alice'
const PASSWORD = 'correct horse:battery staple'

const upstreamBody = () =>
  JSON.stringify({ ok: true, code: 200, message: 'Pack retrieved', data: { id: PACK_ID } })

interface Running {
  url: string
  port: number
  close: () => Promise<void>
}

let distDir: string
/**
 * The apps' review data (PGlite): one folder, which the apps of this process share (one
 * database to open, not one per app), under the dist folder removed at the end.
 */
let reviewDir: string
const reviewData = () => ({ dataDir: reviewDir, databaseUrl: null })
let upstream: FakeUpstream
let upstreamUrl: string
/** Paths (with query) the upstream received. */
const upstreamReceived = () => upstream.received.map((request) => request.url)
/** Every line any app under test logged. */
const logLines: string[] = []
const running: Running[] = []

const defaultUpstream = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  res.end(upstreamBody())
}

beforeAll(async () => {
  // In a dot directory, like a build under ~/.local: only the request path must be checked
  // for dot files.
  distDir = await mkdtemp(join(tmpdir(), '.pack-explorer-production-test-'))
  reviewDir = await reviewDataDir(distDir)
  await mkdir(join(distDir, 'assets'))
  await writeFile(join(distDir, 'index.html'), INDEX_HTML)
  await writeFile(join(distDir, ASSET_PATH), ASSET)
  await writeFile(join(distDir, 'early-pack-request.js'), ';(function () {})()\n')
  await writeFile(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
  // Requests without the key get a 401.
  upstream = await startFakeUpstream({ token: TOKEN })
  upstreamUrl = upstream.url
})

beforeEach(() => {
  upstream.reset()
  upstream.handleWith(defaultUpstream)
})

afterAll(async () => {
  await Promise.all(running.map((app) => app.close()))
  await upstream?.close()
  if (distDir) await rm(distDir, { recursive: true, force: true })
  // Whatever happened above, the key and the password never reached a log line.
  expect(logLines.length).toBeGreaterThan(0)
  for (const line of logLines) {
    expect(line).not.toContain(TOKEN)
    expect(line).not.toContain('PRODUCTION-TEST-SECRET')
    expect(line).not.toContain(PASSWORD)
  }
})

/** The production app with the key and the test upstream, on a free loopback port. */
async function start(overrides: Partial<ProductionConfig> = {}): Promise<Running> {
  const config: ProductionConfig = {
    host: '127.0.0.1',
    port: 0,
    distDir,
    api: { token: TOKEN, baseUrl: upstreamUrl, timeoutMs: 5_000 },
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
  }
  const production = await createProductionApp(
    config,
    createJsonLog((line) => logLines.push(line)),
  )
  const server = createServer(production.app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const app = {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await production.close()
    },
  }
  running.push(app)
  return app
}

/** A raw request: no automatic decompression, exactly these headers. */
function send(
  app: Pick<Running, 'url'>,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawAnswer> {
  return rawRequest(app.url, path, { headers, method })
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

/** The parsed `request` lines logged since `from`. */
function accessLines(from: number): Array<Record<string, unknown>> {
  return logLines
    .slice(from)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === 'request')
}

describe('the production app', () => {
  let app: Running
  beforeAll(async () => {
    app = await start()
  })

  it.each([`/packs/${PACK_ID}`, `/packs/${PACK_ID}/images/img.v2?status=error`, '/', '/nope'])(
    'answers the client route %s with index.html, not cached without revalidation',
    async (path) => {
      for (const method of ['GET', 'HEAD']) {
        const answer = await send(app, path, {}, method)
        expect(answer.status).toBe(200)
        expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(answer.headers['cache-control']).toBe('no-cache')
        expect(answer.text).toBe(method === 'GET' ? INDEX_HTML : '')
      }
    },
  )

  it('serves hashed assets as immutable and other files as no-cache', async () => {
    const asset = await send(app, ASSET_PATH)
    expect(asset.status).toBe(200)
    expect(asset.text).toBe(ASSET)
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const path of ['/early-pack-request.js', '/favicon.svg', '/index.html']) {
      const answer = await send(app, path)
      expect(answer.status, path).toBe(200)
      expect(answer.headers['cache-control'], path).toBe('no-cache')
    }
    const appConfig = await send(app, '/app-config.json')
    expect(JSON.parse(appConfig.text)).toEqual({
      demo: false,
      examples: [],
      user: null,
      editing: false,
    })
    expect(appConfig.headers['cache-control']).toBe('no-store')
  })

  it.each(['/assets/app-gone404.js', '/assets/', '/assets'])(
    'answers a missing asset (%s) with 404, not index.html',
    async (path) => {
      const answer = await send(app, path)
      expect(answer.status).toBe(404)
      expect(answer.text).not.toContain('<div id="root">')
      expect(answer.headers['cache-control']).toBe('no-store')
    },
  )

  it.each([
    ['gzip', 'gzip', gunzipSync],
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['br;q=1, gzip;q=1', 'br', brotliDecompressSync],
  ] as const)(
    'compresses assets for Accept-Encoding: %s with %s',
    async (accept, coding, decode) => {
      const answer = await send(app, ASSET_PATH, { 'accept-encoding': accept })
      expect(answer.headers['content-encoding']).toBe(coding)
      expect(answer.headers.vary).toMatch(/accept-encoding/i)
      expect(answer.body.length).toBeLessThan(ASSET.length / 5)
      expect(String(decode(answer.body))).toBe(ASSET)
    },
  )

  it('sends assets as they are to a client that accepts no coding', async () => {
    const answer = await send(app, ASSET_PATH)
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.text).toBe(ASSET)
  })

  it('relays a brotli answer from the API once, not compressed a second time', async () => {
    const json = JSON.stringify({
      ok: true,
      code: 200,
      message: 'Pack retrieved',
      data: { id: PACK_ID, images: Array.from({ length: 200 }, (_, i) => ({ id: `img-${i}` })) },
    })
    upstream.handleWith((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' })
      res.end(brotliCompressSync(json))
    })
    for (const accept of ['br', 'gzip, deflate, br']) {
      const answer = await send(app, PACK_PATH, { 'accept-encoding': accept })
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding']).toBe('br')
      expect(String(brotliDecompressSync(answer.body))).toBe(json)
    }
    // Decoded by the proxy and compressed again (gzip asked): still one coding.
    const gzip = await send(app, PACK_PATH, { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(String(gunzipSync(gzip.body))).toBe(json)
  })

  it('leaves unknown /api paths to the proxy', async () => {
    const answer = await send(app, '/api/partner/v1/other')
    expect(answer.status).toBe(404)
    expect(JSON.parse(answer.text)).toMatchObject({ error_code: 'proxy_path_not_allowed' })
    expect(upstreamReceived()).toEqual([])
  })

  it('sends the security headers with pages, assets and errors, and the API its own', async () => {
    for (const path of ['/', `/packs/${PACK_ID}`, ASSET_PATH, '/assets/missing.js']) {
      const answer = await send(app, path)
      expect(answer.headers, path).toMatchObject(SECURITY_HEADERS)
      expect(answer.headers['x-powered-by'], path).toBeUndefined()
    }
    for (const path of [PACK_PATH, '/api/nope', '/app-config.json']) {
      const answer = await send(app, path)
      expect(answer.headers, path).toMatchObject(API_SECURITY_HEADERS)
      expect(answer.headers['x-powered-by'], path).toBeUndefined()
    }
  })

  it('answers /healthz for load balancers', async () => {
    const answer = await send(app, '/healthz')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(answer.text)).toEqual({ ok: true })
    const head = await send(app, '/healthz', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
  })

  it('logs one JSON line per request, without the query string', async () => {
    const from = logLines.length
    await send(app, `/packs/${PACK_ID}?q=hunter2-search&token=hunter2-token`)
    await send(app, `${PACKS_PATH}?search=hunter2-list&limit=5`, {
      authorization: 'Bearer hunter2-browser',
      cookie: 'session=hunter2-cookie',
    })
    await send(app, ASSET_PATH)
    const lines = logLines.slice(from)
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow()
      expect(line).not.toContain('\n')
      expect(line).not.toContain('hunter2')
    }
    expect(accessLines(from)).toEqual([
      expect.objectContaining({ method: 'GET', path: `/packs/${PACK_ID}`, status: 200 }),
      expect.objectContaining({ method: 'GET', path: PACKS_PATH, status: 200 }),
      expect.objectContaining({ method: 'GET', path: ASSET_PATH, status: 200 }),
    ])
    for (const line of accessLines(from)) {
      expect(line).toMatchObject({
        level: 'info',
        time: expect.any(String),
        id: expect.any(String),
        ms: expect.any(Number),
        bytes: expect.any(Number),
        ip: '127.0.0.1',
      })
    }
    // The proxy's own line is JSON too.
    expect(lines.map((line) => JSON.parse(line) as { msg: string })).toContainEqual(
      expect.objectContaining({
        component: 'partner-api',
        msg: expect.stringMatching(/^GET \/api\/partner\/v1\/packs -> 200/),
      }),
    )
  })

  it('answers other methods on app paths with 404', async () => {
    const answer = await send(app, '/packs/x', {}, 'POST')
    expect(answer.status).toBe(404)
    expect(answer.text).not.toContain('<div id="root">')
  })
})

describe('with PACK_EXPLORER_BASIC_AUTH', () => {
  let app: Running
  // A fresh server each: this file's wrong passwords, all from 127.0.0.1, stay under the limit.
  beforeEach(async () => {
    app = await start({ basicAuth: { single: { user: USER, password: PASSWORD }, file: null } })
  })

  it.each([
    ['no credentials', undefined],
    ['a wrong password', basic(USER, 'correct horse:battery stapler')],
    ['a password of another length', basic(USER, 'x')],
    ['an empty password', basic(USER, '')],
    ['a wrong user', basic('bob', PASSWORD)],
    ['the password as user', basic(PASSWORD, USER)],
    ['no colon', `Basic ${Buffer.from(USER + PASSWORD).toString('base64')}`],
    ['not base64', 'Basic !!!'],
    ['another scheme', `Bearer ${PASSWORD}`],
  ])('challenges a request with %s', async (_name, authorization) => {
    for (const path of ['/', ASSET_PATH, PACK_PATH, '/app-config.json']) {
      const answer = await send(app, path, authorization ? { authorization } : {})
      expect(answer.status, path).toBe(401)
      expect(answer.headers['www-authenticate']).toBe(BASIC_AUTH_CHALLENGE)
      expect(answer.headers).toMatchObject(
        path.startsWith('/api/') ? API_SECURITY_HEADERS : SECURITY_HEADERS,
      )
      expect(answer.text).not.toContain('<div id="root">')
    }
    expect(upstreamReceived()).toEqual([])
  })

  it('lets the right credentials in, everywhere', async () => {
    const authorization = basic(USER, PASSWORD)
    expect((await send(app, '/', { authorization })).text).toBe(INDEX_HTML)
    expect((await send(app, ASSET_PATH, { authorization })).text).toBe(ASSET)
    const api = await send(app, PACK_PATH, { authorization })
    expect(api.status).toBe(200)
    expect(api.text).toBe(upstreamBody())
    // The scheme name is case-insensitive.
    const lower = await send(app, '/', { authorization: authorization.replace('Basic', 'basic') })
    expect(lower.status).toBe(200)
  })

  it('caches hashed assets privately, here and behind a trusted auth proxy', async () => {
    const authorization = basic(USER, PASSWORD)
    const behindProxy = await start({ trustProxyAuth: true })
    for (const [server, headers] of [
      [app, { authorization }],
      [behindProxy, {}],
    ] as const) {
      const asset = await send(server, ASSET_PATH, headers)
      expect(asset.status).toBe(200)
      expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable')
      expect((await send(server, '/favicon.svg', headers)).headers['cache-control']).toBe(
        'no-cache',
      )
    }
  })

  it('tells the app who signed in', async () => {
    const answer = await send(app, '/app-config.json', { authorization: basic(USER, PASSWORD) })
    expect(JSON.parse(answer.text)).toEqual({
      demo: false,
      examples: [],
      user: USER,
      editing: false,
    })
    expect(answer.headers['cache-control']).toBe('no-store')
  })

  it('leaves /healthz open', async () => {
    const answer = await send(app, '/healthz')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text)).toEqual({ ok: true })
  })
})

// The real cost (N = 2^15): checks take long enough that requests sent at once overlap (and,
// on a busy machine, long enough to need more than the default timeout).
describe('with PACK_EXPLORER_USERS_FILE', { timeout: 30_000 }, () => {
  const users = async (entries: Record<string, string>) =>
    new Map(
      await Promise.all(
        Object.entries(entries).map(
          async ([user, password]) =>
            [user, parsePasswordHash(await hashPassword(password))!] as const,
        ),
      ),
    )
  const BOB = 'bob’s very own password'
  const start2 = async () =>
    start({
      basicAuth: {
        single: { user: USER, password: PASSWORD },
        file: {
          path: 'users',
          users: await users({ bob: BOB, 'dana@example.com': 'dana’s password!' }),
        },
      },
      trustProxy: 'loopback',
    })
  const userOf = async (app: Running, authorization: string) => {
    const answer = await send(app, '/app-config.json', { authorization })
    expect(answer.status).toBe(200)
    return (JSON.parse(answer.text) as { user: unknown }).user
  }

  it('lets each user in as themselves, and tells the app who they are', async () => {
    const app = await start2()
    expect(await userOf(app, basic('bob', BOB))).toBe('bob')
    expect(await userOf(app, basic('dana@example.com', 'dana’s password!'))).toBe(
      'dana@example.com',
    )
    expect(await userOf(app, basic(USER, PASSWORD))).toBe(USER)
    // Remembered: the same again, answered without scrypt, still as that user.
    expect(await userOf(app, basic('bob', BOB))).toBe('bob')
    expect((await send(app, PACK_PATH, { authorization: basic('bob', BOB) })).status).toBe(200)
    for (const authorization of [basic('bob', PASSWORD), basic(USER, BOB), basic('carol', BOB)]) {
      expect((await send(app, '/app-config.json', { authorization })).status).toBe(401)
    }
  })

  it('records review decisions under the signed-in user, whatever the body says', async () => {
    const app = await start2()
    const packId = randomUUID()
    const imageId = randomUUID()
    const answer = await rawRequest(app.url, reviewImagePath(packId, imageId), {
      method: 'PUT',
      headers: {
        authorization: basic('bob', BOB),
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ decision: 'approved', fingerprint: 'f1', reviewer: 'Mallory' }),
    })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text).data.current.reviewer).toBe('bob')
  })

  it('counts guesses sent all at once before any is checked: 10 get 401, the rest 429', async () => {
    const app = await start2()
    const guesses = Array.from({ length: 30 }, (_, i) =>
      send(app, '/', {
        'x-forwarded-for': '203.0.113.30',
        authorization: basic('bob', `guess ${i}`),
      }),
    )
    const statuses = (await Promise.all(guesses)).map((answer) => answer.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(10)
    expect(statuses.filter((status) => status === 429)).toHaveLength(20)
  })

  it('counts a page’s requests with the same right password, sent at once, as one', async () => {
    const app = await start2()
    const from = { 'x-forwarded-for': '203.0.113.31' }
    const requests = Array.from({ length: 20 }, () =>
      send(app, ASSET_PATH, { ...from, authorization: basic('bob', BOB) }),
    )
    expect((await Promise.all(requests)).map((answer) => answer.status)).toEqual(
      Array<number>(20).fill(200),
    )
    // Nothing was counted against the address: ten wrong guesses still get 401.
    for (let i = 0; i < 10; i++) {
      expect(
        (await send(app, '/', { ...from, authorization: basic('bob', `no ${i}`) })).status,
      ).toBe(401)
    }
  })
})

describe('failed Basic-auth attempts', () => {
  const credentials = { single: { user: USER, password: PASSWORD }, file: null }
  const from = (client: string, authorization?: string) => ({
    'x-forwarded-for': client,
    ...(authorization ? { authorization } : {}),
  })
  const wrong = basic(USER, 'correct horse:battery stapler')
  const right = basic(USER, PASSWORD)
  const authLines = (since: number) =>
    logLines
      .slice(since)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.component === 'basic-auth')

  it('locks an address out after 10 wrong passwords: 429 with Retry-After, the right one too', async () => {
    const app = await start({ basicAuth: credentials, trustProxy: 'loopback' })
    for (let i = 0; i < 10; i++) {
      expect((await send(app, PACK_PATH, from('203.0.113.10', wrong))).status).toBe(401)
    }
    for (const authorization of [wrong, right, undefined]) {
      const page = await send(app, '/', from('203.0.113.10', authorization))
      expect(page.status).toBe(429)
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(800)
      expect(Number(page.headers['retry-after'])).toBeLessThanOrEqual(900)
      expect(page.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(page.headers['www-authenticate']).toBeUndefined()
      expect(page.text).not.toContain('<div id="root">')
      const api = await send(app, PACK_PATH, from('203.0.113.10', authorization))
      expect(api.status).toBe(429)
      expect(api.headers['retry-after']).toBeDefined()
      expect(JSON.parse(api.text)).toMatchObject({
        code: 429,
        error_code: 'too_many_failed_logins',
      })
    }
    expect(upstreamReceived()).toEqual([])
    // Load balancers still get in; other addresses are not locked out.
    expect((await send(app, '/healthz', from('203.0.113.10'))).status).toBe(200)
    expect((await send(app, PACK_PATH, from('203.0.113.11', right))).status).toBe(200)
  })

  it('counts wrong passwords only: requests without credentials are no guesses', async () => {
    const app = await start({ basicAuth: credentials, trustProxy: 'loopback' })
    for (let i = 0; i < 15; i++) {
      expect((await send(app, '/', from('203.0.113.12'))).status).toBe(401)
    }
    for (let i = 0; i < 9; i++) {
      expect((await send(app, '/', from('203.0.113.12', wrong))).status).toBe(401)
    }
    expect((await send(app, PACK_PATH, from('203.0.113.12', right))).status).toBe(200)
  })

  it('counts an IPv6 address by its /64', async () => {
    const app = await start({ basicAuth: credentials, trustProxy: 'loopback' })
    for (let i = 1; i <= 10; i++) {
      expect((await send(app, '/', from(`2001:db8:1:2::${i}`, wrong))).status).toBe(401)
    }
    expect((await send(app, '/', from('2001:db8:1:2:ffff::1', right))).status).toBe(429)
    expect((await send(app, '/', from('2001:db8:1:3::1', right))).status).toBe(200)
  })

  it('logs one line a minute per address, not one per attempt', async () => {
    const app = await start({ basicAuth: credentials, trustProxy: 'loopback' })
    const since = logLines.length
    for (let i = 0; i < 15; i++) await send(app, '/', from('203.0.113.20', wrong))
    for (let i = 0; i < 3; i++) await send(app, '/', from('203.0.113.21', wrong))
    expect(authLines(since)).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'failed Basic-auth attempts',
        address: '203.0.113.20',
        failures: 1,
        locked: false,
      }),
      expect.objectContaining({ address: '203.0.113.21', failures: 1 }),
    ])
  })
})

describe('the Host check', () => {
  let app: Running
  beforeAll(async () => {
    app = await start({ allowedHosts: ['packs.example.com', 'other.example:9999'] })
  })

  const hosts = (port: number) => ({
    served: [
      `localhost:${port}`,
      `LocalHost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      'packs.example.com',
      `packs.example.com:${port}`,
      'PACKS.example.com',
      'other.example:9999',
    ],
    foreign: [
      `evil.example:${port}`,
      'attacker.test',
      // Without a port a Host means port 80: another server.
      'localhost',
      '127.0.0.1',
      `localhost:${port + 1}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost.:${port}`,
      `packs.example.com:${port + 1}`,
      'other.example',
      `other.example:${port}`,
      `packs.example.com.evil.example:${port}`,
    ],
  })

  it('answers the Host names it serves, with its port', async () => {
    for (const host of hosts(app.port).served) {
      expect((await send(app, '/', { host })).status, host).toBe(200)
      expect((await send(app, PACK_PATH, { host })).status, host).toBe(200)
    }
  })

  it('answers any other Host with 421 before the proxy, the upstream sees nothing', async () => {
    for (const host of hosts(app.port).foreign) {
      const page = await send(app, '/', { host })
      expect(page.status, host).toBe(421)
      expect(page.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(page.headers['cache-control']).toBe('no-store')
      expect(page.headers).toMatchObject(SECURITY_HEADERS)
      expect(page.text).toMatch(/^This server does not answer for that host name/)
      for (const path of [ASSET_PATH, '/app-config.json']) {
        expect((await send(app, path, { host })).status, `${host} ${path}`).toBe(421)
      }
      const api = await send(app, PACK_PATH, { host })
      expect(api.status, host).toBe(421)
      expect(api.headers).toMatchObject(API_SECURITY_HEADERS)
      expect(JSON.parse(api.text)).toEqual({
        ok: false,
        code: 421,
        message: expect.any(String),
        error_code: 'misdirected_request',
      })
    }
    expect(upstreamReceived()).toEqual([])
  })

  it('refuses two Host headers, none, and an absolute target for a foreign name', async () => {
    const good = `127.0.0.1:${app.port}`
    const twice = await socketRequest(
      app.url,
      `GET ${PACK_PATH} HTTP/1.1\r\nHost: ${good}\r\nHost: ${good}\r\nConnection: close\r\n\r\n`,
    )
    expect(twice.status).toBe(421)
    const noHost = await socketRequest(app.url, `GET ${PACK_PATH} HTTP/1.0\r\n\r\n`)
    expect(noHost.status).toBe(421)
    const absolute = await socketRequest(
      app.url,
      `GET http://evil.example:${app.port}${PACK_PATH} HTTP/1.1\r\nHost: ${good}\r\n` +
        'Connection: close\r\n\r\n',
    )
    expect(absolute.status).toBe(421)
    expect(upstreamReceived()).toEqual([])
  })

  it('answers /healthz whatever the Host', async () => {
    for (const host of ['evil.example', '10.1.2.3:8080']) {
      const answer = await send(app, '/healthz', { host })
      expect(answer.status, host).toBe(200)
      expect(JSON.parse(answer.text)).toEqual({ ok: true })
    }
  })

  it('refuses a foreign Host before asking for credentials', async () => {
    const guarded = await start({
      basicAuth: { single: { user: USER, password: PASSWORD }, file: null },
    })
    for (const authorization of [undefined, basic(USER, PASSWORD)]) {
      const answer = await send(guarded, PACK_PATH, {
        host: `evil.example:${guarded.port}`,
        ...(authorization ? { authorization } : {}),
      })
      expect(answer.status).toBe(421)
      expect(answer.headers['www-authenticate']).toBeUndefined()
    }
    expect(upstreamReceived()).toEqual([])
  })
})

describe('the rate limit', () => {
  it('answers the request over the limit with 429 and Retry-After, without asking the API', async () => {
    const app = await start({ rateLimitPerMinute: 3 })
    for (let i = 0; i < 3; i++) expect((await send(app, PACK_PATH)).status).toBe(200)
    const limited = await send(app, PACK_PATH)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(limited.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(limited.headers).toMatchObject(API_SECURITY_HEADERS)
    expect(JSON.parse(limited.text)).toEqual({
      ok: false,
      code: 429,
      message: expect.any(String),
      error_code: 'rate_limited',
    })
    // The list path shares the budget.
    expect((await send(app, PACKS_PATH)).status).toBe(429)
    expect(upstreamReceived()).toHaveLength(3)

    // Files, pages and health checks are not counted.
    for (const path of [ASSET_PATH, '/', `/packs/${PACK_ID}`, '/app-config.json', '/healthz']) {
      expect((await send(app, path)).status, path).toBe(200)
    }
  })

  it('counts uploads in the same budget as the proxied paths', async () => {
    const app = await start({ rateLimitPerMinute: 3 })
    const upload = () =>
      send(
        app,
        uploadPath(PACK_ID),
        { 'sec-fetch-site': 'same-origin', 'content-type': 'image/png', 'x-file-name': 'a.png' },
        'POST',
      )
    expect((await send(app, PACK_PATH)).status).toBe(200)
    // Through to the upload relay, which refuses it here: writes are off.
    expect(JSON.parse((await upload()).text)).toMatchObject({ error_code: 'writes_disabled' })
    expect((await send(app, PACKS_PATH)).status).toBe(200)
    const limited = await upload()
    expect(limited.status).toBe(429)
    expect(JSON.parse(limited.text)).toMatchObject({ error_code: 'rate_limited' })
    expect((await send(app, PACK_PATH)).status).toBe(429)
    expect(upstreamReceived()).toHaveLength(2)
  })

  it('ignores X-Forwarded-For unless PACK_EXPLORER_TRUST_PROXY says so', async () => {
    const direct = await start({ rateLimitPerMinute: 2 })
    const warnedFrom = logLines.length
    for (const client of ['203.0.113.1', '203.0.113.2']) {
      expect((await send(direct, PACK_PATH, { 'x-forwarded-for': client })).status).toBe(200)
    }
    // A third "client" is the same socket address: limited.
    expect((await send(direct, PACK_PATH, { 'x-forwarded-for': '203.0.113.3' })).status).toBe(429)
    // The limiter's hint that a proxy may be in front is a JSON log line like the others.
    expect(logLines.slice(warnedFrom).map((line) => JSON.parse(line) as object)).toContainEqual(
      expect.objectContaining({
        component: 'rate-limit',
        msg: expect.stringContaining('X-Forwarded-For'),
      }),
    )

    const behindProxy = await start({ rateLimitPerMinute: 2, trustProxy: 'loopback' })
    const from = logLines.length
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      for (let i = 0; i < 2; i++) {
        const answer = await send(behindProxy, PACK_PATH, { 'x-forwarded-for': client })
        expect(answer.status, client).toBe(200)
      }
    }
    expect((await send(behindProxy, PACK_PATH, { 'x-forwarded-for': '203.0.113.3' })).status).toBe(
      429,
    )
    expect(accessLines(from)[0]).toMatchObject({ ip: '203.0.113.1' })
  })
})

describe('writes through the proxy (PACK_EXPLORER_WRITE_ACCESS)', () => {
  const addImage = (app: Running, headers: Record<string, string>) =>
    rawRequest(app.url, `${PACK_PATH}/images`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ image_url: 'https://cdn.example/a.jpg', extra: 'dropped' }),
    })
  const activity = async (app: Running, headers: Record<string, string> = {}) => {
    const answer = await send(app, `/api/review/v1/packs/${PACK_ID}/activity`, headers)
    expect(answer.status).toBe(200)
    return (JSON.parse(answer.text) as { data: { entries: Array<Record<string, unknown>> } }).data
      .entries
  }
  const editing = async (app: Running, headers: Record<string, string> = {}) =>
    (JSON.parse((await send(app, '/app-config.json', headers)).text) as { editing: unknown })
      .editing

  it('refuses every write unless the setting allows it, and says so in the app config', async () => {
    const app = await start()
    expect(await editing(app)).toBe(false)
    const answer = await addImage(app, { 'x-pack-explorer-reviewer': 'Dana' })
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.text)).toMatchObject({ error_code: 'writes_disabled' })
    expect(upstream.received).toEqual([])
  })

  it('with all, forwards the write and records it, under the name given', async () => {
    const app = await start({ writeAccess: 'all' })
    expect(await editing(app)).toBe(true)
    const before = (await activity(app)).length
    const answer = await addImage(app, { 'x-pack-explorer-reviewer': 'Dana%20R' })
    expect(answer.status).toBe(200)
    expect(upstream.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST ${PACK_PATH}/images`,
    ])
    const entries = await activity(app)
    expect(entries).toHaveLength(before + 1)
    expect(entries[0]).toMatchObject({
      action: 'add_image',
      actor: 'Dana R',
      urls: ['https://cdn.example/a.jpg'],
      status: 200,
      ok: true,
    })
  })

  it('with a list, lets only those signed-in users write, as themselves', async () => {
    const app = await start({
      basicAuth: { single: { user: USER, password: PASSWORD }, file: null },
      writeAccess: { users: new Set([USER]) },
    })
    const alice = { authorization: basic(USER, PASSWORD) }
    expect(await editing(app, alice)).toBe(true)
    const answer = await addImage(app, { ...alice, 'x-pack-explorer-reviewer': 'Mallory' })
    expect(answer.status).toBe(200)
    expect((await activity(app, alice))[0]).toMatchObject({ actor: USER })
  })
})

describe('in demo mode', () => {
  it('serves the demo API through the same proxy, and closes it', async () => {
    const production = await createProductionApp(
      {
        host: '127.0.0.1',
        port: 0,
        distDir,
        api: { token: null, baseUrl: upstreamUrl, timeoutMs: 5_000 },
        basicAuth: null,
        trustProxyAuth: false,
        userHeader: null,
        trustProxy: false,
        rateLimitPerMinute: 100,
        maxConnections: 512,
        maxUpstreamAnswers: 16,
        allowedHosts: [],
        review: reviewData(),
        writeAccess: 'none',
      },
      createJsonLog((line) => logLines.push(line)),
    )
    expect(production.demo).toBe(true)
    const server = createServer(production.app)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const app = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
    // The demo's packs live in memory: anyone may change them, whatever the setting says.
    expect(JSON.parse((await send(app, '/app-config.json')).text)).toMatchObject({
      demo: true,
      editing: true,
    })
    const created = await rawRequest(app.url, PACKS_PATH, {
      method: 'POST',
      headers: {
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        'x-pack-explorer-reviewer': 'Dana',
      },
      body: JSON.stringify({ name: 'Launch shots' }),
    })
    expect(created.status).toBe(201)
    const newId = (JSON.parse(created.text) as { data: { id: string } }).data.id
    const activity = await send(app, `/api/review/v1/packs/${newId}/activity`)
    expect(JSON.parse(activity.text).data.entries).toEqual([
      expect.objectContaining({ action: 'create_pack', actor: 'Dana', pack_id: newId }),
    ])
    const pack = await send(app, PACK_PATH)
    expect(pack.status).toBe(200)
    expect(JSON.parse(pack.text)).toMatchObject({ ok: true, data: { id: PACK_ID } })
    expect(upstreamReceived()).toEqual([])
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await production.close()
  })

  it('gives demo image URLs the scheme a trusted TLS proxy in front says', async () => {
    const demoApi = { token: null, baseUrl: upstreamUrl, timeoutMs: 5_000 }
    const imageUrls = async (app: Running, headers: Record<string, string>) => {
      const pack = JSON.parse((await send(app, PACK_PATH, headers)).text)
      return (pack.data.images as { url: string }[]).map((image) => image.url)
    }
    const https = { 'x-forwarded-proto': 'https' }
    const direct = await start({ api: demoApi })
    for (const url of await imageUrls(direct, https)) {
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${direct.port}/demo-images/`))
    }
    const behindProxy = await start({ api: demoApi, trustProxy: 'loopback' })
    for (const url of await imageUrls(behindProxy, https)) {
      expect(url).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${behindProxy.port}/demo-images/`))
    }
    expect(await imageUrls(behindProxy, {})).not.toContainEqual(expect.stringMatching(/^https:/))
  })

  it('caps generated packs at 2,000 images when HOST is beyond loopback', async () => {
    const demoApi = { token: null, baseUrl: upstreamUrl, timeoutMs: 5_000 }
    const exposed = await start({ api: demoApi, host: '0.0.0.0', allowedHosts: ['127.0.0.1'] })
    expect((await send(exposed, packPath(sizedPackId(2_000)))).status).toBe(200)
    expect((await send(exposed, packPath(sizedPackId(2_001)))).status).toBe(404)
    const loopback = await start({ api: demoApi })
    expect((await send(loopback, packPath(sizedPackId(2_001)))).status).toBe(200)
  })

  it('refuses to start without a build', async () => {
    await expect(
      start({ distDir: join(distDir, 'assets'), api: { token: null, baseUrl: '', timeoutMs: 1 } }),
    ).rejects.toThrow(/index\.html not found: run npm run build first/)
  })
})
