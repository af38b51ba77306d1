import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, constants as zlib } from 'node:zlib'
import { okEnvelope } from '../../contract/partner-api/envelope.ts'
import { PACKS_PATH } from '../../contract/partner-api/paths.ts'
import { DOCUMENTED_ERRORS } from '../../contract/partner-api/errors.ts'
import { type WirePack } from '../../contract/partner-api/wire.ts'
import {
  DEMO_ERROR_IDS,
  DEMO_IMAGE_PATH,
  DEMO_PACK_IDS,
  demoPacks,
  generatingPack,
  MAX_SIZED_PACK,
  sizedPack,
  sizedPackSize,
} from './fixtures.ts'

/**
 * The key the proxy injects in demo mode. Not a secret: it only proves that demo
 * requests went through the same proxy code path as production ones.
 */
export const DEMO_API_TOKEN = 'demo_public.pack-explorer-demo-key'

export interface DemoApi {
  url: string
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
}

/** Starts the demo Partner API on a free loopback port. */
export async function startDemoApi(options: DemoApiOptions = {}): Promise<DemoApi> {
  const maxGenerated = options.maxGeneratedImages ?? MAX_SIZED_PACK
  const packs = demoPacks()
  const bodies = new Map<string, CachedBody>()
  const startedAt = Date.now()
  const server = createServer((req, res) => {
    packs.set(DEMO_PACK_IDS.generating, generatingPack(Date.now() - startedAt))
    handle(packs, bodies, maxGenerated, req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
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

function handle(
  packs: Map<string, WirePack>,
  bodies: Map<string, CachedBody>,
  maxGenerated: number,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (req.headers.authorization !== `Bearer ${DEMO_API_TOKEN}`) {
    return json(res, 401, DOCUMENTED_ERRORS[401])
  }
  const url = new URL(req.url ?? '/', 'http://demo.invalid')
  if (url.pathname === PACKS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
    return listPacks(packs, url.searchParams, req, res)
  }
  const rawId = url.pathname.startsWith(`${PACKS_PATH}/`)
    ? url.pathname.slice(PACKS_PATH.length + 1)
    : null
  if (rawId === null || rawId.includes('/')) return json(res, 404, DOCUMENTED_ERRORS[404])
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return json(res, 405, { ok: false, code: 405, message: 'Method not allowed' })
  }
  let packId: string
  try {
    packId = decodeURIComponent(rawId).toLowerCase()
  } catch {
    // A malformed escape (`%E0%A4%A`) names no pack; uncaught, it would crash the server.
    return json(res, 404, DOCUMENTED_ERRORS[404])
  }
  if (packId === '') return json(res, 400, DOCUMENTED_ERRORS[400])

  const reserved = DEMO_ERROR_IDS[packId]
  if (reserved) {
    const headers = reserved.headers ?? {}
    if (reserved.raw !== undefined) {
      res.writeHead(reserved.status, headers)
      return void res.end(reserved.raw)
    }
    return json(res, reserved.status, reserved.body, headers)
  }

  const pack = packs.get(packId) ?? sized(packs, packId, maxGenerated)
  if (!pack) return json(res, 404, DOCUMENTED_ERRORS[404])
  const origin = appOrigin(req)
  const serialize = () => JSON.stringify(okEnvelope(withOrigin(pack, origin)))
  // The generating pack changes with time; every other pack is the same on every call.
  if (packId === DEMO_PACK_IDS.generating) return json(res, 200, serialize())
  const key = `${packId} ${origin}`
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

/**
 * List Packs: name (or keyword) search, `include_public`, `limit` 1-100 and `offset`, as the
 * contract describes; newest first. Generated benchmark packs are not listed.
 */
function listPacks(
  packs: Map<string, WirePack>,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const limit = integerParam(query.get('limit'), 20)
  const offset = integerParam(query.get('offset'), 0)
  if (limit === null || limit < 1 || limit > 100 || offset === null || offset < 0) {
    return json(res, 422, {
      ok: false,
      code: 422,
      message: 'limit must be 1-100 and offset 0 or more',
      error_code: 'invalid_query',
    })
  }
  const search = query.get('search')?.trim().toLowerCase() ?? ''
  const withPublic = query.get('include_public') !== 'false'
  const matching = [...packs.values()]
    .filter((pack) => !SIZED_PACK_NAME.test(pack.name ?? ''))
    .filter((pack) => withPublic || pack.is_public !== true)
    .filter(
      (pack) =>
        search === '' ||
        (pack.name ?? '').toLowerCase().includes(search) ||
        pack.images.some((image) => image.metadata?.keywords?.includes(search)),
    )
    .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
  const origin = appOrigin(req)
  json(res, 200, {
    ok: true,
    code: 200,
    message: 'Packs retrieved',
    data: {
      packs: matching.slice(offset, offset + limit).map((pack) => {
        const preview = pack.images[0]?.url ?? null
        return {
          id: pack.id,
          name: pack.name,
          image_count: pack.image_count,
          preview_image_url: preview?.startsWith(DEMO_IMAGE_PATH) ? origin + preview : preview,
          is_public: pack.is_public,
          created_at: pack.created_at,
        }
      }),
      total: matching.length,
      limit,
      offset,
    },
  })
}

const SIZED_PACK_NAME = /^Generated Pack \(/

/** A whole number from the query, `fallback` when absent, null when not a whole number. */
function integerParam(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback
  return /^\d+$/.test(value) ? Number(value) : null
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

/** Answers with `body` as JSON; a string is taken as already serialized. */
function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}
