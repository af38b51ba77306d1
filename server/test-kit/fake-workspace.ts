import { randomUUID } from 'node:crypto'
import { z } from 'zod/mini'
import { PACKS_PATH } from '../../contract/partner-api/paths.ts'
import {
  pendingMetadata,
  type WireImage,
  type WireMetadata,
  type WirePack,
} from '../../contract/partner-api/wire.ts'
import {
  addImageBodySchema,
  createPackBodySchema,
  updatePackBodySchema,
} from '../../contract/partner-api/writes.ts'
import { ok, readJson, refuse } from './fake-answers.ts'
import type { ScriptedResponse } from './fake-upstream.ts'

/**
 * What `PUT /__control/workspace/packs/<id>` takes: any pack-like object with images that have
 * IDs (tests may store payloads the contract does not promise).
 */
export const workspacePackSchema = z.looseObject({
  images: z.array(z.looseObject({ id: z.string() })),
})

export const imageMetadataSchema = z.object({ metadata: z.looseObject({}) })

/** The packs the fake upstream owns: served by Get Pack and changed by the Partner API's writes. */
export interface Workspace {
  /** Stores a copy of `pack` as `packId` (replacing any). */
  put: (packId: string, pack: WirePack) => void
  /** A copy of the pack as Get Pack shows it, or undefined when it is not in the workspace. */
  get: (packId: string) => WirePack | undefined
  /** Replaces an image's metadata; false when the pack or the image is unknown. */
  setMetadata: (packId: string, imageId: string, metadata: WireMetadata) => boolean
  /**
   * The answer to a Partner API request on a workspace route, or undefined when it is none of
   * the workspace's business (a read of a pack it does not own: the scripts answer that).
   */
  answer: (method: string, pathname: string, body: string) => ScriptedResponse | undefined
  clear: () => void
}

const PACK_NOT_FOUND = refuse(404, 'Pack not found', 'not_found')

export function createWorkspace(): Workspace {
  const packs = new Map<string, WirePack>()
  // Deleted packs stay gone for reads even when a read script has the same id.
  const deleted = new Set<string>()

  const view = (pack: WirePack): WirePack =>
    structuredClone({ ...pack, image_count: pack.images.length })

  function createPack(body: string): ScriptedResponse {
    const read = readJson(body, createPackBodySchema)
    if (read.refusal) return read.refusal
    const pack: WirePack = {
      id: randomUUID(),
      name: read.data.name,
      image_count: 0,
      is_public: read.data.is_public ?? false,
      created_at: new Date().toISOString(),
      images: [],
    }
    packs.set(pack.id, pack)
    return ok(201, 'Pack created', view(pack))
  }

  function updatePack(pack: WirePack | undefined, body: string): ScriptedResponse {
    const read = readJson(body, updatePackBodySchema)
    if (read.refusal) return read.refusal
    if (!pack) return PACK_NOT_FOUND
    if (read.data.name !== undefined) pack.name = read.data.name
    if (read.data.is_public !== undefined) pack.is_public = read.data.is_public
    return ok(200, 'Pack updated', { ...view(pack), images: [] })
  }

  function addImage(pack: WirePack | undefined, body: string): ScriptedResponse {
    const read = readJson(body, addImageBodySchema)
    if (read.refusal) return read.refusal
    if (!pack) return PACK_NOT_FOUND
    const image: WireImage = {
      id: randomUUID(),
      url: read.data.image_url,
      metadata: pendingMetadata(),
    }
    pack.images.push(image)
    return ok(201, 'Pack image added', {
      id: image.id,
      url: image.url,
      file_name: read.data.file_name ?? 'image',
      content_type: guessContentType(read.data.image_url),
    })
  }

  function deletePack(packId: string): ScriptedResponse {
    if (!packs.delete(packId)) return PACK_NOT_FOUND
    deleted.add(packId)
    return ok(200, 'Pack deleted', { id: packId, deleted: true })
  }

  function deleteImage(pack: WirePack | undefined, imageId: string): ScriptedResponse {
    if (!pack) return refuse(404, 'Pack not found', 'pack_not_found')
    const index = pack.images.findIndex((image) => image.id === imageId)
    if (index === -1) return refuse(404, 'Image not found', 'image_not_found')
    pack.images.splice(index, 1)
    return ok(200, 'Pack image deleted', { id: imageId, deleted: true })
  }

  return {
    put: (packId, pack) => {
      packs.set(packId, structuredClone({ ...pack, id: packId }))
      deleted.delete(packId)
    },
    get: (packId) => {
      const pack = packs.get(packId)
      return pack && view(pack)
    },
    setMetadata: (packId, imageId, metadata) => {
      const image = packs.get(packId)?.images.find((candidate) => candidate.id === imageId)
      if (image) image.metadata = structuredClone(metadata)
      return image !== undefined
    },
    answer: (method, pathname, body) => {
      if (pathname === PACKS_PATH) return method === 'POST' ? createPack(body) : undefined
      if (!pathname.startsWith(`${PACKS_PATH}/`)) return undefined
      const [rawId = '', ...rest] = pathname.slice(PACKS_PATH.length + 1).split('/')
      const packId = decode(rawId)
      const pack = packs.get(packId)
      // Writes to packs outside the workspace answer 404, as the real API does outside the key's
      // scope; reads of them are left to the scripts.
      if (rest.length === 0) {
        if (method === 'GET' || method === 'HEAD') {
          if (pack) return ok(200, 'Pack retrieved', view(pack))
          return deleted.has(packId) ? PACK_NOT_FOUND : undefined
        }
        if (method === 'PATCH') return updatePack(pack, body)
        if (method === 'DELETE') return deletePack(packId)
      }
      if (rest[0] === 'images' && rest.length === 1 && method === 'POST') {
        return addImage(pack, body)
      }
      if (rest[0] === 'images' && rest.length === 2 && method === 'DELETE') {
        return deleteImage(pack, decode(rest[1]!))
      }
      return undefined
    },
    clear: () => {
      packs.clear()
      deleted.clear()
    },
  }
}

/** A path segment as it was meant; a malformed escape stays as written (and matches nothing). */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
}

/** From the URL's extension, as the real API does; `image/jpeg` when it says nothing known. */
export function guessContentType(url: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase()
  return (extension && CONTENT_TYPES[extension]) ?? 'image/jpeg'
}
