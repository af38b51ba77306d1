import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect, type AddressInfo } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger, createServer, preview, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PACK_IDS } from './demo/fixtures.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import { rawRequest, type RawAnswer } from './test-kit/request.ts'
import { packPath } from '../contract/partner-api/paths.ts'

// The real dev server, started from the project's vite.config.ts: what `npm run dev` exposes.
const PORT = 5311
const PREVIEW_PORT = 5312
const API_PATH = packPath(DEMO_PACK_IDS.motivation)
const GOOD_HOST = `localhost:${PORT}`
const EVIL_ORIGIN = 'https://evil.example'

let server: ViteDevServer
let address: AddressInfo
let cacheDir: string
const savedToken = process.env.GENVIRAL_API_TOKEN
/** What the partner-api plugin logged: one line per request the proxy forwarded. */
const proxyLog: string[] = []

/** A request to the dev server with exactly these headers (fetch would set its own Host). */
function send(path: string, headers: Record<string, string>, method = 'GET'): Promise<RawAnswer> {
  const host = address.address.includes(':') ? `[${address.address}]` : address.address
  return rawRequest(`http://${host}:${PORT}`, path, { headers, method })
}

beforeAll(async () => {
  // Empty wins over any .env file: the demo API answers, no real key is used.
  process.env.GENVIRAL_API_TOKEN = ''
  cacheDir = await mkdtemp(join(tmpdir(), 'pack-explorer-dev-server-test-'))
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
  if (savedToken === undefined) delete process.env.GENVIRAL_API_TOKEN
  else process.env.GENVIRAL_API_TOKEN = savedToken
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

  // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1.
  it.each(['/', API_PATH])('refuses %s to Host: evil.example', async (path) => {
    const logged = proxyLog.length
    const answer = await send(path, { host: 'evil.example', origin: EVIL_ORIGIN })
    expect(answer.status).toBe(403)
    expect(answer.text).toMatch(/^Blocked request/)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(proxyLog).toHaveLength(logged)
  })

  it.each(['/', API_PATH])('gives %s no CORS grant for another origin', async (path) => {
    const answer = await send(path, { host: GOOD_HOST, origin: EVIL_ORIGIN })
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined()
    // Its own origin is granted, so the check above is the origin's doing.
    const own = await send(path, { host: GOOD_HOST, origin: `http://${GOOD_HOST}` })
    expect(own.headers['access-control-allow-origin']).toBe(`http://${GOOD_HOST}`)
  })

  it.each(['/', API_PATH])(
    'does not grant a preflight for %s from another origin',
    async (path) => {
      const preflight = {
        host: GOOD_HOST,
        origin: EVIL_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      }
      const answer = await send(path, preflight, 'OPTIONS')
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined()
      expect(answer.text).toBe('')
      const own = await send(path, { ...preflight, origin: `http://${GOOD_HOST}` }, 'OPTIONS')
      expect(own.headers['access-control-allow-origin']).toBe(`http://${GOOD_HOST}`)
    },
  )
})

describe('vite preview', () => {
  // The e2e suite checks the headers on `npm start`; `npm run preview` (and `npm run bench`)
  // serve the same build through Vite, with the same headers from vite.config.ts.
  it('serves the built app with the security headers', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'pack-explorer-preview-test-'))
    await writeFile(join(outDir, 'index.html'), '<!doctype html><title>Pack Explorer</title>')
    const previewServer = await preview({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'silent',
      build: { outDir },
      preview: { port: PREVIEW_PORT, strictPort: true },
    })
    try {
      const response = await fetch(
        `http://localhost:${PREVIEW_PORT}/packs/${DEMO_PACK_IDS.motivation}`,
      )
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<title>Pack Explorer</title>')
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(response.headers.get(name)).toBe(value)
      }
    } finally {
      await previewServer.close()
      await rm(outDir, { recursive: true, force: true })
    }
  }, 60_000)
})
