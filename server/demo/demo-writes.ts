import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z, type ZodMiniType } from 'zod/mini'
import { PARTNER_API_PREFIX } from '../../contract/partner-api/paths.ts'
import { pendingMetadata, type WirePack } from '../../contract/partner-api/wire.ts'
import { DEMO_PACK_IDS, DEMO_UPLOAD_PATH, type ReservedError } from './fixtures.ts'
import {
  UPLOAD_EXPIRES_IN_S,
  UPLOAD_TYPES,
  type DemoUploads,
  type UploadContentType,
} from './demo-uploads.ts'
import { isSettled, metadataAt } from './image-lifecycle.ts'
import { json, jsonData, jsonError } from './send-json.ts'

/** Upload File. */
export const FILES_PATH = `${PARTNER_API_PREFIX}/files`

/**
 * Memory bounds, since everything is kept until a restart. Past one, the write is refused
 * with 422 `demo_limit_reached` and a message saying which: a 4xx a client shows as is, and
 * not 429, which would invite a retry that cannot succeed.
 */
export const MAX_CREATED_PACKS = 200
/** Images in one pack, for adding more to it. */
export const MAX_PACK_IMAGES = 5_000
/** Images in all writable packs together. */
export const MAX_WRITABLE_IMAGES = 20_000
const MAX_BODY_BYTES = 16 * 1024
const MAX_URL_LENGTH = 2_048

export type WriteOperation = 'update' | 'delete' | 'addImage' | 'deleteImage'

/** What each write answers for a missing or out-of-scope pack, and for an unexpected failure. */
const OPERATIONS: Record<WriteOperation, { missing: string; failed: [string, string] }> = {
  update: { missing: 'not_found', failed: ['pack_update_failed', 'Failed to update pack'] },
  delete: { missing: 'not_found', failed: ['pack_delete_failed', 'Failed to delete pack'] },
  addImage: { missing: 'not_found', failed: ['pack_image_add_failed', 'Failed to add image'] },
  deleteImage: {
    missing: 'pack_not_found',
    failed: ['pack_image_delete_failed', 'Failed to delete pack image'],
  },
}

export interface DemoWritesState {
  packs: Map<string, WirePack>
  uploads: DemoUploads
  now: () => number
  /** Drops the serialized Get Pack answers kept for a pack. */
  invalidate: (packId: string) => void
}

/** The demo Partner API's writes (PARTNER-API.md "Writing"), on the packs it serves. */
export function createDemoWrites({ packs, uploads, now, invalidate }: DemoWritesState) {
  /**
   * The packs this workspace may change; a write to any other is 404, as the real API answers
   * outside a key's scope. Owned: the seeded packs that are not public, and every pack created
   * here (still owned after it is made public). Not owned: the public packs (another
   * workspace's), the generating pack (rebuilt from the clock on every request) and the
   * generated benchmark packs (rebuilt from their id), since a change would not hold or would
   * break what they are for. The reserved error ids answer their error to writes too.
   */
  const owned = new Set(
    [...packs.values()]
      .filter((pack) => !pack.is_public && pack.id !== DEMO_PACK_IDS.generating)
      .map((pack) => pack.id),
  )
  const created = new Set<string>()
  /** Images whose metadata is still on its way: pack id to image id to when it was added. */
  const inFlight = new Map<string, Map<string, number>>()
  let lastCreatedAt = 0

  const writable = (packId: string) => (owned.has(packId) ? packs.get(packId) : undefined)
  const missing = (res: ServerResponse, operation: WriteOperation) =>
    jsonError(res, 404, OPERATIONS[operation].missing, 'Pack not found')
  const limit = (res: ServerResponse, message: string) =>
    jsonError(res, 422, 'demo_limit_reached', `${message} Restarting the server resets the demo.`)

  return {
    /** The pack as it reads now: added images' metadata brought up to date, in place. */
    live(pack: WirePack): { pack: WirePack; settled: boolean } {
      const flying = inFlight.get(pack.id)
      if (!flying) return { pack, settled: true }
      const at = now()
      for (const image of pack.images) {
        const addedAt = flying.get(image.id)
        if (addedAt === undefined) continue
        image.metadata = metadataAt(image.url ?? '', addedAt, at)
        if (isSettled(addedAt, at)) flying.delete(image.id)
      }
      if (flying.size === 0) inFlight.delete(pack.id)
      return { pack, settled: flying.size === 0 }
    },

    /**
     * A write to a reserved error id: the error it answers to reads (a 500 with this write's
     * error code, a 404 with this write's), so the app's refusals can be seen; 404 for the ids
     * that answer 200.
     */
    reserved(res: ServerResponse, operation: WriteOperation, reserved: ReservedError): void {
      if (reserved.status === 500) {
        const [code, message] = OPERATIONS[operation].failed
        return jsonError(res, 500, code, message)
      }
      if (reserved.status < 400 || reserved.status === 404) return missing(res, operation)
      if (reserved.raw === undefined)
        return json(res, reserved.status, reserved.body, reserved.headers)
      res.writeHead(reserved.status, reserved.headers)
      res.end(reserved.raw)
    },

    async createPack(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const body = await readBody(req, res, createPackBody)
      if (!body) return
      if (created.size >= MAX_CREATED_PACKS) {
        return limit(res, `The demo keeps at most ${MAX_CREATED_PACKS} packs created here.`)
      }
      // Strictly increasing, so List Packs (newest first) has an order even within a millisecond.
      lastCreatedAt = Math.max(now(), lastCreatedAt + 1)
      const pack: WirePack = {
        id: randomUUID(),
        name: body.name,
        image_count: 0,
        is_public: body.is_public ?? false,
        created_at: new Date(lastCreatedAt).toISOString(),
        images: [],
      }
      packs.set(pack.id, pack)
      owned.add(pack.id)
      created.add(pack.id)
      jsonData(res, 201, 'Pack created', pack)
    },

    async updatePack(packId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
      const body = await readBody(req, res, updatePackBody)
      if (!body) return
      const pack = writable(packId)
      if (!pack) return missing(res, 'update')
      if (body.name !== undefined) pack.name = body.name
      if (body.is_public !== undefined) pack.is_public = body.is_public
      invalidate(packId)
      // As documented: the pack without its images; Get Pack has them.
      jsonData(res, 200, 'Pack updated', { ...pack, images: [] })
    },

    deletePack(packId: string, res: ServerResponse): void {
      if (!writable(packId)) return missing(res, 'delete')
      packs.delete(packId)
      owned.delete(packId)
      created.delete(packId)
      inFlight.delete(packId)
      invalidate(packId)
      jsonData(res, 200, 'Pack deleted', { id: packId, deleted: true })
    },

    async addImage(packId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
      const body = await readBody(req, res, addImageBody)
      if (!body) return
      const pack = writable(packId)
      if (!pack) return missing(res, 'addImage')
      if (pack.images.length >= MAX_PACK_IMAGES) {
        return limit(res, `A pack takes at most ${MAX_PACK_IMAGES} images in the demo.`)
      }
      let total = 0
      for (const id of owned) total += packs.get(id)?.images.length ?? 0
      if (total >= MAX_WRITABLE_IMAGES) {
        return limit(res, `The demo keeps at most ${MAX_WRITABLE_IMAGES} images in its packs.`)
      }
      const id = randomUUID()
      // At the end: images are ordered by creation.
      pack.images.push({ id, url: body.image_url, metadata: pendingMetadata() })
      pack.image_count += 1
      const flying = inFlight.get(packId) ?? new Map<string, number>()
      flying.set(id, now())
      inFlight.set(packId, flying)
      invalidate(packId)
      jsonData(res, 201, 'Pack image added', {
        id,
        url: body.image_url,
        file_name: body.file_name ?? 'image',
        content_type: contentTypeOf(body.image_url),
      })
    },

    deleteImage(packId: string, imageId: string, res: ServerResponse): void {
      const pack = writable(packId)
      if (!pack) return missing(res, 'deleteImage')
      const index = pack.images.findIndex((image) => image.id.toLowerCase() === imageId)
      if (index === -1) return jsonError(res, 404, 'image_not_found', 'Image not found')
      const [image] = pack.images.splice(index, 1)
      pack.image_count = Math.max(0, pack.image_count - 1)
      inFlight.get(packId)?.delete(image!.id)
      invalidate(packId)
      jsonData(res, 200, 'Pack image deleted', { id: image!.id, deleted: true })
    },

    /** Upload File: `apiOrigin` takes the PUT, `appOrigin` (the browser's) serves the file. */
    async createUpload(
      req: IncomingMessage,
      res: ServerResponse,
      origins: { api: string; app: string },
    ): Promise<void> {
      const body = await readBody(req, res, uploadBody)
      if (!body) return
      const token = uploads.open(body.contentType)
      if (token === null) return limit(res, 'Too many upload URLs are open at once.')
      jsonData(res, 201, 'Upload URL generated', {
        uploadUrl: origins.api + DEMO_UPLOAD_PATH + token,
        url: origins.app + DEMO_UPLOAD_PATH + token,
        contentType: body.contentType,
        expiresIn: UPLOAD_EXPIRES_IN_S,
      })
    },
  }
}

export type DemoWrites = ReturnType<typeof createDemoWrites>

const packName = z.string().check(z.trim(), z.minLength(1), z.maxLength(120))

const createPackBody = z.object({ name: packName, is_public: z.optional(z.boolean()) })

const updatePackBody = z
  .object({ name: z.optional(packName), is_public: z.optional(z.boolean()) })
  .check(
    z.refine((body) => body.name !== undefined || body.is_public !== undefined, {
      message: 'name or is_public is required',
    }),
  )

const absoluteHttpUrl = z.string().check(
  z.maxLength(MAX_URL_LENGTH),
  z.refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol)
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL'),
)

const fileName = z.string().check(z.minLength(1), z.maxLength(255))

const addImageBody = z.object({ image_url: absoluteHttpUrl, file_name: z.optional(fileName) })

const uploadBody = z.object({
  contentType: z.enum(Object.keys(UPLOAD_TYPES) as [UploadContentType, ...UploadContentType[]]),
  filename: z.optional(fileName),
})

/** What Add Pack Image reports for a URL, by its extension; JPEG when it has no known one. */
const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

function contentTypeOf(url: string): string {
  const path = new URL(url).pathname
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''
  return EXTENSION_TYPES[extension] ?? 'image/jpeg'
}

/**
 * The body as `schema` takes it, or undefined once refused: 413 `payload_too_large` over
 * MAX_BODY_BYTES, 400 `invalid_json`, 422 `invalid_payload` (an empty body is no fields, so
 * 422). The Content-Type is not checked: the reference documents none.
 */
async function readBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: ZodMiniType<T>,
): Promise<T | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength
    if (size <= MAX_BODY_BYTES) chunks.push(chunk)
  }
  if (size > MAX_BODY_BYTES) {
    return void jsonError(res, 413, 'payload_too_large', 'The request body is too large.')
  }
  const text = Buffer.concat(chunks).toString('utf8')
  let parsed: unknown = {}
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text)
    } catch {
      return void jsonError(res, 400, 'invalid_json', 'The request body is not valid JSON.')
    }
  }
  const checked = schema.safeParse(parsed)
  if (checked.success) return checked.data
  const issue = checked.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  jsonError(
    res,
    422,
    'invalid_payload',
    `Invalid payload (${where}${issue?.message ?? 'invalid'}).`,
  )
}
