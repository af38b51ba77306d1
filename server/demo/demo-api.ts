import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, constants as zlib } from 'node:zlib'
import { okEnvelope } from '../../contract/partner-api/envelope.ts'
import { DOCUMENTED_ERRORS } from '../../contract/partner-api/errors.ts'
import { type WirePack } from '../../contract/partner-api/wire.ts'
import { createDemoUploads, type DemoUploads, type UploadedFile } from './demo-uploads.ts'
import { listPacks } from './demo-list.ts'
import { routeOf } from './demo-routes.ts'
import { createDemoWrites, type DemoWrites } from './demo-writes.ts'
import {
  DEMO_ERROR_IDS,
  DEMO_IMAGE_PATH,
  DEMO_UPLOAD_PATH,
  DEMO_PACK_IDS,
  demoPacks,
  generatingPack,
  MAX_SIZED_PACK,
  sizedPack,
  sizedPackSize,
} from './fixtures.ts'
import { json, jsonError } from './send-json.ts'

/**
 * The key the proxy injects in demo mode. Not a secret: it only proves that demo
 * requests went through the same proxy code path as production ones.
 */
export const DEMO_API_TOKEN = 'demo_public.pack-explorer-demo-key'

export interface DemoApi {
  url: string
  /**
   * A file PUT to an upload URL, by its token (the last segment of its URL, `<uuid>.<ext>`),
   * for the app's origin to serve at DEMO_UPLOAD_PATH.
   */
  uploadedFile: (token: string) => UploadedFile | undefined
  close: () => Promise<void>
}

/**
 * The largest generated pack when the server listens beyond loopback: anyone on the network
 * could otherwise have it build (and hold) 20,000-image packs of several MB each, at will.
 * Larger sizes answer 404, like any id that names no pack.
 */
export const EXPOSED_MAX_GENERATED_IMAGES = 2_000

export interface DemoApiOptions {
  /** Generated packs (sizedPackId) above this many images answer 404. */
  maxGeneratedImages?: number
  /** The clock: added images' metadata, upload expiry and the generating pack follow it. */
  now?: () => number
}

/** Starts the demo Partner API on a free loopback port. Its writes last until it stops. */
export async function startDemoApi(options: DemoApiOptions = {}): Promise<DemoApi> {
  const now = options.now ?? Date.now
  const packs = demoPacks()
  const bodies = new Map<string, CachedBody>()
  const uploads = createDemoUploads(now)
  const writes = createDemoWrites({
    packs,
    uploads,
    now,
    invalidate: (packId) => {
      for (const key of bodies.keys()) if (key.startsWith(`${packId} `)) bodies.delete(key)
    },
  })
  const demo: Demo = { packs, bodies, writes, uploads, maxGenerated: options.maxGeneratedImages }
  const startedAt = now()
  const server = createServer((req, res) => {
    packs.set(DEMO_PACK_IDS.generating, generatingPack(now() - startedAt, now()))
    // A body cut off half way rejects; there is no one left to answer.
    handle(demo, req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    uploadedFile: uploads.file,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Serialized pack responses kept for reuse: a 10,000-image pack is 4 MB of JSON. */
const MAX_CACHED_BODIES = 8

/** A serialized pack, and its brotli form once a client asked for it (as the proxy does). */
interface CachedBody {
  text: string
  br?: Buffer
}

interface Demo {
  packs: Map<string, WirePack>
  /** Get Pack answers by `<pack id> <origin>`; a write drops its pack's. */
  bodies: Map<string, CachedBody>
  writes: DemoWrites
  uploads: DemoUploads
  maxGenerated: number | undefined
}

async function handle(demo: Demo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo.invalid')
  // An upload URL is the permission itself: like a signed storage URL, it takes no key.
  if (req.method === 'PUT' && url.pathname.startsWith(DEMO_UPLOAD_PATH)) {
    return demo.uploads.receive(url.pathname.slice(DEMO_UPLOAD_PATH.length), req, res)
  }
  if (req.headers.authorization !== `Bearer ${DEMO_API_TOKEN}`) {
    return json(res, 401, DOCUMENTED_ERRORS[401])
  }
  const route = routeOf(url.pathname, req.method ?? 'GET')
  if (route === null) return json(res, 404, DOCUMENTED_ERRORS[404])
  if ('allow' in route) {
    const body = { ok: false, code: 405, message: 'Method not allowed' }
    return json(res, 405, body, { allow: route.allow })
  }
  const { endpoint, packId, imageId } = route
  if (endpoint === 'listPacks') {
    const packs = [...demo.packs.values()].map((pack) => demo.writes.live(pack).pack)
    return listPacks(packs, url.searchParams, appOrigin(req), res)
  }
  if (endpoint === 'createPack') return demo.writes.createPack(req, res)
  if (endpoint === 'createUpload') {
    const api = `http://127.0.0.1:${req.socket.localPort}`
    return demo.writes.createUpload(req, res, { api, app: appOrigin(req) })
  }
  if (packId === null || imageId === null) return json(res, 404, DOCUMENTED_ERRORS[404])
  if (packId === '') return json(res, 400, DOCUMENTED_ERRORS[400])
  if (endpoint === 'getPack') return getPack(demo, packId, req, res)
  if (endpoint === 'deleteImage' && imageId === '') {
    return jsonError(res, 400, 'missing_image_id', 'Image ID is required')
  }
  const reserved = DEMO_ERROR_IDS[packId]
  if (reserved) return demo.writes.reserved(res, endpoint, reserved)
  switch (endpoint) {
    case 'update':
      return demo.writes.updatePack(packId, req, res)
    case 'delete':
      return demo.writes.deletePack(packId, res)
    case 'addImage':
      return demo.writes.addImage(packId, req, res)
    case 'deleteImage':
      return demo.writes.deleteImage(packId, imageId, res)
  }
}

function getPack(demo: Demo, packId: string, req: IncomingMessage, res: ServerResponse): void {
  const reserved = DEMO_ERROR_IDS[packId]
  if (reserved) {
    const headers = reserved.headers ?? {}
    if (reserved.raw !== undefined) {
      res.writeHead(reserved.status, headers)
      return void res.end(reserved.raw)
    }
    return json(res, reserved.status, reserved.body, headers)
  }

  const stored =
    demo.packs.get(packId) ?? sized(demo.packs, packId, demo.maxGenerated ?? MAX_SIZED_PACK)
  if (!stored) return json(res, 404, DOCUMENTED_ERRORS[404])
  const { pack, settled } = demo.writes.live(stored)
  const origin = appOrigin(req)
  const serialize = () => JSON.stringify(okEnvelope(withOrigin(pack, origin)))
  // The generating pack and one with images still in flight change with time; every other
  // pack is the same on every call until a write drops it.
  if (packId === DEMO_PACK_IDS.generating || !settled) return json(res, 200, serialize())
  const key = `${packId} ${origin}`
  const { bodies } = demo
  let body = bodies.get(key)
  if (body === undefined) {
    if (bodies.size >= MAX_CACHED_BODIES) bodies.clear()
    body = { text: serialize() }
    bodies.set(key, body)
  }
  if (!/\bbr\b/.test(String(req.headers['accept-encoding']))) return json(res, 200, body.text)
  body.br ??= brotliCompressSync(body.text, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-encoding': 'br',
    'content-length': body.br.length,
    vary: 'accept-encoding',
  })
  res.end(req.method === 'HEAD' ? undefined : body.br)
}

function sized(
  packs: Map<string, WirePack>,
  packId: string,
  maxImages: number,
): WirePack | undefined {
  // Checked before building: a refused size costs nothing.
  if ((sizedPackSize(packId) ?? 0) > maxImages) return undefined
  const pack = sizedPack(packId)
  if (pack) packs.set(packId, pack)
  return pack ?? undefined
}

/** The proxy says which origin the browser used; demo images are served there. */
function appOrigin(req: IncomingMessage): string {
  const host = req.headers['x-forwarded-host']
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
  return typeof host === 'string' && host ? `${proto}://${host}` : 'http://localhost:5173'
}

function withOrigin(pack: WirePack, origin: string): WirePack {
  return {
    ...pack,
    images: pack.images.map((image) =>
      image.url?.startsWith(DEMO_IMAGE_PATH) ? { ...image, url: origin + image.url } : image,
    ),
  }
}
