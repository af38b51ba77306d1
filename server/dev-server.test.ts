import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect, type AddressInfo } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PACK_IDS } from './demo/fixtures.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import { uploadPath } from './uploads/upload-paths.ts'
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

// The real dev server, started from the project's vite.config.ts: what `npm run dev` exposes.
const PORT = 5311
const PREVIEW_PORT = 5312
const API_PATH = packPath(DEMO_PACK_IDS.motivation)
const GOOD_HOST = `localhost:${PORT}`
const EVIL_ORIGIN = 'https://evil.example'
const REVIEW_PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e0e'
const REVIEW_IMAGE = '7a3f9c10-0000-4000-8000-000000000001'

let server: ViteDevServer
let address: AddressInfo
let cacheDir: string
/** A stand-in build for `vite preview`. */
let previewDir: string
const savedToken = process.env.GENVIRAL_API_TOKEN
const savedDataDir = process.env.PACK_EXPLORER_DATA_DIR
/** The servers' review data (PGlite): never the project's .data/. */
let dataRoot: string
/** What the partner-api plugin logged: one line per request the proxy forwarded. */
const proxyLog: string[] = []

/** A request to the dev server with exactly these headers (fetch would set its own Host). */
function send(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<RawAnswer> {
  const host = address.address.includes(':') ? `[${address.address}]` : address.address
  return rawRequest(`http://${host}:${PORT}`, path, { headers, method, body })
}

interface ReviewCall {
  method?: string
  headers: Record<string, string>
  body?: string
}

/** A decision written and read back through a server's review API (server/api.ts). */
async function expectReviewApi(
  origin: string,
  call: (path: string, options: ReviewCall) => Promise<RawAnswer>,
): Promise<void> {
  const image = reviewImagePath(REVIEW_PACK, REVIEW_IMAGE)
  const body = JSON.stringify({ decision: 'approved', fingerprint: 'v1.dev', reviewer: 'Dana' })
  const written = await call(image, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin },
    body,
  })
  expect(written.status, written.text).toBe(200)
  const read = await call(reviewPackPath(REVIEW_PACK), { headers: {} })
  expect(read.status).toBe(200)
  expect(JSON.parse(read.text)).toMatchObject({
    ok: true,
    data: { images: [{ image_id: REVIEW_IMAGE, decision: 'approved', reviewer: 'Dana' }] },
  })
  const unknown = await call('/api/review/v1/nothing', { headers: {} })
  expect(unknown.status).toBe(404)
  expect(JSON.parse(unknown.text)).toMatchObject({ error_code: 'not_found' })
}

beforeAll(async () => {
  // Empty wins over any .env file: the demo API answers, no real key is used.
  process.env.GENVIRAL_API_TOKEN = ''
  dataRoot = await mkdtemp(join(tmpdir(), 'pack-explorer-dev-server-data-'))
  // Shared by the dev server and `vite preview`: one PGlite in this process.
  process.env.PACK_EXPLORER_DATA_DIR = await reviewDataDir(dataRoot)
  cacheDir = await mkdtemp(join(tmpdir(), 'pack-explorer-dev-server-test-'))
  previewDir = await mkdtemp(join(tmpdir(), 'pack-explorer-preview-test-'))
  await writeFile(join(previewDir, 'index.html'), '<!doctype html><title>Pack Explorer</title>')
  const logger = createLogger('silent')
  logger.info = (message) => {
    if (message.includes('[partner-api]')) proxyLog.push(message)
  }
  server = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root: fileURLToPath(new URL('..', import.meta.url)),
    customLogger: logger,
    clearScreen: false,
    // Its own cache, no dependency scan and no file watching: other dev servers may share
    // this checkout, and none of it is what this test looks at.
    cacheDir,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: PORT, strictPort: true, watch: null },
  })
  await server.listen()
  address = server.httpServer!.address() as AddressInfo
}, 60_000)

afterAll(async () => {
  await server?.close()
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true })
  if (previewDir) await rm(previewDir, { recursive: true, force: true })
  if (savedToken === undefined) delete process.env.GENVIRAL_API_TOKEN
  else process.env.GENVIRAL_API_TOKEN = savedToken
  if (savedDataDir === undefined) delete process.env.PACK_EXPLORER_DATA_DIR
  else process.env.PACK_EXPLORER_DATA_DIR = savedDataDir
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true })
})

describe('the dev server', () => {
  it('listens on a loopback address only', async () => {
    expect(['127.0.0.1', '::1']).toContain(address.address)
    expect(server.resolvedUrls?.network).toEqual([])
    // Nothing answers on the machine's other addresses.
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal && info.family === 'IPv4')
      .map((info) => info!.address)
    for (const host of external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: PORT, timeout: 2_000 })
        socket.on('connect', () => {
          socket.destroy()
          resolve(false)
        })
        socket.on('timeout', () => {
          socket.destroy()
          resolve(true)
        })
        socket.on('error', () => resolve(true))
      })
      expect(refused, `port ${PORT} answers on ${host}`).toBe(true)
    }
  })

  it('serves the app and the demo API to its own host', async () => {
    const page = await send('/', { host: GOOD_HOST })
    expect(page.status).toBe(200)
    expect(page.text).toContain('<div id="root">')
    const api = await send(API_PATH, { host: GOOD_HOST })
    expect(api.status).toBe(200)
    expect(JSON.parse(api.text)).toMatchObject({ ok: true, data: { id: DEMO_PACK_IDS.motivation } })
    expect(proxyLog.some((line) => line.includes(`GET ${API_PATH} -> 200`))).toBe(true)
  })

  it('answers the review API itself, never through the proxy', async () => {
    const logged = proxyLog.length
    await expectReviewApi(`http://${GOOD_HOST}`, (path, options) =>
      send(path, { host: GOOD_HOST, ...options.headers }, options.method, options.body),
    )
    expect(proxyLog).toHaveLength(logged)
  })

  // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1.
  it.each(['/', API_PATH])('refuses %s to Host: evil.example', async (path) => {
    const logged = proxyLog.length
    const answer = await send(path, { host: 'evil.example', origin: EVIL_ORIGIN })
    expect(answer.status).toBe(403)
    expect(answer.text).toMatch(/^Blocked request/)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(proxyLog).toHaveLength(logged)
  })

  // Vite's default CORS grants any localhost origin: another local page could read the proxy.
  it.each(['/', API_PATH])('gives %s no CORS grant, not even to localhost', async (path) => {
    for (const origin of [EVIL_ORIGIN, 'http://localhost:3000', `http://${GOOD_HOST}`]) {
      const answer = await send(path, { host: GOOD_HOST, origin })
      expect(answer.status).toBe(200)
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined()
    }
  })

  it.each(['/', API_PATH])('grants no preflight for %s, not even to localhost', async (path) => {
    for (const origin of [EVIL_ORIGIN, 'http://localhost:3000', `http://${GOOD_HOST}`]) {
      const answer = await send(
        path,
        {
          host: GOOD_HOST,
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
        'OPTIONS',
      )
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      expect(answer.headers['access-control-allow-methods']).toBeUndefined()
      expect(answer.headers['access-control-allow-headers']).toBeUndefined()
    }
  })
})

/** The Fetch Metadata headers a browser sends for a request of this mode and destination. */
const fetchedBy = (site: string, mode: string, dest: string, host = GOOD_HOST) => ({
  host,
  'sec-fetch-site': site,
  'sec-fetch-mode': mode,
  'sec-fetch-dest': dest,
})

describe('the dev server refuses requests other sites make (Fetch Metadata)', () => {
  it.each([
    ['a fetch of the proxy', API_PATH, 'cors', 'empty'],
    ['an <img> of the proxy', API_PATH, 'no-cors', 'image'],
    ['a <script> of the proxy', API_PATH, 'no-cors', 'script'],
    ['a fetch of /app-config.json', '/app-config.json', 'cors', 'empty'],
    ['an <img> of /__open-in-editor', '/__open-in-editor?file=no-such-file.ts', 'no-cors', 'image'],
    ['a <script> of Vite’s client', '/@vite/client', 'no-cors', 'script'],
    ['a <script> of a source module', '/src/main.tsx', 'no-cors', 'script'],
    ['a frame of the app', '/', 'navigate', 'iframe'],
  ])('refuses %s', async (_what, path, mode, dest) => {
    const logged = proxyLog.length
    const answer = await send(path, fetchedBy('cross-site', mode, dest))
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(answer.headers['cache-control']).toBe('no-store')
    if (path.startsWith('/api/')) {
      expect(JSON.parse(answer.text)).toEqual({
        ok: false,
        code: 403,
        message: 'Requests from other sites are refused.',
        error_code: 'cross_site_request',
      })
    } else {
      expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(answer.text).toBe('Requests from other sites are refused.\n')
    }
    expect(proxyLog).toHaveLength(logged)
  })

  it('refuses a cross-site POST even as a top-level navigation (a form)', async () => {
    const answer = await send(API_PATH, fetchedBy('cross-site', 'navigate', 'document'), 'POST')
    expect(answer.status).toBe(403)
  })

  it.each([
    ['a link from another site', '/', fetchedBy('cross-site', 'navigate', 'document')],
    ['a link to the proxy', API_PATH, fetchedBy('cross-site', 'navigate', 'document')],
    ['its own page', API_PATH, fetchedBy('same-origin', 'cors', 'empty')],
    ['a page on its own site', API_PATH, fetchedBy('same-site', 'no-cors', 'image')],
    ['an address typed in', '/', fetchedBy('none', 'navigate', 'document')],
    ['a client that sends no Fetch Metadata', API_PATH, { host: GOOD_HOST }],
  ])('lets %s through', async (_what, path, headers) => {
    expect((await send(path, headers)).status).toBe(200)
  })
})

describe('the dev server takes writes under /api from its own pages only', () => {
  const devUrl = () =>
    `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${PORT}`
  const write = (path: string, headers: Record<string, string>, method = 'PUT') =>
    rawRequest(devUrl(), path, { method, headers, body: '{}' })

  it.each(writeOriginCases(GOOD_HOST))('%s', async (_what, headers, refused) => {
    const answer = await write(API_PATH, headers, 'POST')
    if (refused) {
      expect(answer.status).toBe(403)
      expect(JSON.parse(answer.text)).toMatchObject({ code: 403, error_code: 'cross_site_request' })
      expect(await answerBeforeBody(devUrl(), API_PATH, headers)).toBe(403)
    } else {
      // Through to the proxy, which forwards no POST on a pack.
      expect(answer.status).toBe(405)
    }
  })

  it.each(NOT_JSON)('refuses a same-origin write of %s with 415', async (_what, type) => {
    const headers: Record<string, string> = { host: GOOD_HOST, 'sec-fetch-site': 'same-origin' }
    if (type !== null) headers['content-type'] = type
    for (const path of WRITE_PATHS) {
      const answer = await write(path, headers)
      expect(answer.status, path).toBe(415)
      expect(JSON.parse(answer.text).error_code, path).toBe('unsupported_media_type')
      expect(await answerBeforeBody(devUrl(), path, headers), path).toBe(415)
    }
  })

  it('lets an upload through as an image type from its own pages, to the upload relay', async () => {
    const upload = uploadPath('6f1c2b7e-9d4a-4e3b-8c5f-0a1b2c3d4e5f')
    const image = { host: GOOD_HOST, 'content-type': 'image/png', 'x-file-name': 'a.png' }
    const sameOrigin = await write(upload, { ...image, 'sec-fetch-site': 'same-origin' }, 'POST')
    // Past the same-origin rule, the relay's own refusal: nobody said who uploads.
    expect(JSON.parse(sameOrigin.text)).toMatchObject({
      code: 422,
      error_code: 'reviewer_required',
    })
    const crossSite = await write(upload, { ...image, 'sec-fetch-site': 'cross-site' }, 'POST')
    expect(JSON.parse(crossSite.text)).toMatchObject({
      code: 403,
      error_code: 'cross_site_request',
    })
    const text = { ...image, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }
    expect((await write(upload, text, 'POST')).status).toBe(415)
  })

  it('refuses a form on another port of localhost, on every /api path', async () => {
    const form = {
      host: GOOD_HOST,
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
      'content-type': 'application/x-www-form-urlencoded',
    }
    for (const path of WRITE_PATHS) {
      expect((await write(path, form, 'POST')).status, path).toBe(403)
    }
  })
})

const KEY = 'pub_dev.sk_live_DEV-SERVER-TEST-SECRET'

/** The message a server that must not start threw, or "started" (and it is stopped again). */
async function startError(start: () => Promise<{ close: () => Promise<void> }>): Promise<string> {
  const saved = process.env.GENVIRAL_API_TOKEN
  process.env.GENVIRAL_API_TOKEN = KEY
  try {
    const started = await start()
    await started.close()
    return 'started'
  } catch (error) {
    return (error as Error).message
  } finally {
    process.env.GENVIRAL_API_TOKEN = saved
  }
}

describe('with a key, beyond loopback', () => {
  // What `vite --host` and `vite preview --host` pass: true (every address) or an address.
  it.each([true, '0.0.0.0', '::'])(
    'vite --host %s refuses to start',
    async (host) => {
      const message = await startError(() =>
        createServer({
          configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
          root: fileURLToPath(new URL('..', import.meta.url)),
          logLevel: 'silent',
          cacheDir,
          optimizeDeps: { noDiscovery: true, include: [] },
          server: { host, port: PORT + 2, strictPort: true, watch: null },
        }),
      )
      expect(message).toMatch(
        /^Refusing to listen on (0\.0\.0\.0|::) with GENVIRAL_API_TOKEN set and no access control/,
      )
      expect(message).not.toContain(KEY)
    },
    60_000,
  )

  it.each([true, '0.0.0.0'])(
    'vite preview --host %s refuses to start',
    async (host) => {
      const message = await startError(() =>
        preview({
          configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
          root: fileURLToPath(new URL('..', import.meta.url)),
          logLevel: 'silent',
          build: { outDir: previewDir },
          preview: { host, port: PREVIEW_PORT + 2, strictPort: true },
        }),
      )
      expect(message).toMatch(/^Refusing to listen on 0\.0\.0\.0 with GENVIRAL_API_TOKEN set/)
    },
    60_000,
  )

  it.each([
    [{ GENVIRAL_API_BASE_URL: 'http://api.example.com' }, 'GENVIRAL_API_BASE_URL must be https:'],
    [{ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: 'abc' }, 'PACK_EXPLORER_UPSTREAM_TIMEOUT_MS must be'],
  ])(
    'vite refuses to start with %o',
    async (env, expected) => {
      const [[name, value]] = Object.entries(env) as [[string, string]]
      process.env[name] = value
      try {
        const message = await startError(() =>
          createServer({
            configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
            root: fileURLToPath(new URL('..', import.meta.url)),
            logLevel: 'silent',
            cacheDir,
            optimizeDeps: { noDiscovery: true, include: [] },
            server: { port: PORT + 2, strictPort: true, watch: null },
          }),
        )
        expect(message).toContain(expected)
      } finally {
        delete process.env[name]
      }
    },
    60_000,
  )
})

describe('vite preview', () => {
  let previewServer: PreviewServer
  const previewUrl = (path: string) => `http://localhost:${PREVIEW_PORT}${path}`

  beforeAll(async () => {
    previewServer = await preview({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'silent',
      build: { outDir: previewDir },
      preview: { port: PREVIEW_PORT, strictPort: true },
    })
  }, 60_000)

  afterAll(async () => {
    await previewServer?.close()
  })

  it('answers the review API', async () => {
    const origin = `http://localhost:${PREVIEW_PORT}`
    await expectReviewApi(origin, (path, options) => rawRequest(origin, path, options))
  })

  // The e2e suite checks the headers on `npm start`; `npm run preview` (and `npm run bench`)
  // serve the same build through Vite, with the same headers from vite.config.ts.
  it('serves the built app with the security headers', async () => {
    const response = await fetch(previewUrl(`/packs/${DEMO_PACK_IDS.motivation}`))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Pack Explorer</title>')
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name)).toBe(value)
    }
  })

  it.each(['/', API_PATH])('gives %s no CORS grant and refuses it to other sites', async (path) => {
    const previewHost = `localhost:${PREVIEW_PORT}`
    const origin = `http://${previewHost}`
    const own = await rawRequest(origin, path, { headers: { origin: 'http://localhost:3000' } })
    expect(own.status).toBe(200)
    expect(own.headers['access-control-allow-origin']).toBeUndefined()
    const crossSite = await rawRequest(origin, path, {
      headers: fetchedBy('cross-site', 'cors', 'empty', previewHost),
    })
    expect(crossSite.status).toBe(403)
    expect(crossSite.headers['access-control-allow-origin']).toBeUndefined()
    const link = await rawRequest(origin, path, {
      headers: fetchedBy('cross-site', 'navigate', 'document', previewHost),
    })
    expect(link.status).toBe(200)
  })

  it('takes writes under /api from its own pages only', async () => {
    const previewHost = `localhost:${PREVIEW_PORT}`
    const origin = `http://${previewHost}`
    const put = (headers: Record<string, string>) =>
      rawRequest(origin, API_PATH, {
        method: 'POST',
        headers: { host: previewHost, ...headers },
        body: '{}',
      })
    const json = { 'content-type': 'application/json' }
    expect((await put({ ...json, 'sec-fetch-site': 'same-site' })).status).toBe(403)
    expect((await put({ ...json, origin: 'http://localhost:3000' })).status).toBe(403)
    expect((await put({ ...json })).status).toBe(403)
    expect(
      (await put({ 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' })).status,
    ).toBe(415)
    expect((await put({ ...json, 'sec-fetch-site': 'same-origin' })).status).toBe(405)
    expect((await put({ ...json, origin })).status).toBe(405)
  })
})
