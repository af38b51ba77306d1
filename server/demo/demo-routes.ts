import { PACKS_PATH } from '../../contract/partner-api/paths.ts'
import { FILES_PATH, type WriteOperation } from './demo-writes.ts'

/** What the demo Partner API answers: its reads, and the writes of PARTNER-API.md. */
export type Endpoint = 'listPacks' | 'createPack' | 'getPack' | 'createUpload' | WriteOperation

/** The endpoint each path shape takes for each method; any other method is 405. */
const ENDPOINTS: Record<PathShape, Partial<Record<string, Endpoint>>> = {
  packs: { GET: 'listPacks', HEAD: 'listPacks', POST: 'createPack' },
  files: { POST: 'createUpload' },
  pack: { GET: 'getPack', HEAD: 'getPack', PATCH: 'update', DELETE: 'delete' },
  images: { POST: 'addImage' },
  image: { DELETE: 'deleteImage' },
}

type PathShape = 'packs' | 'files' | 'pack' | 'images' | 'image'

export interface DemoRoute {
  endpoint: Endpoint
  /** Decoded and lowercased; '' when missing, null when it cannot be decoded. */
  packId: string | null
  imageId: string | null
}

/**
 * The endpoint a request names; `allow` lists the methods its path takes when the method is
 * not one of them; null when the path names nothing. An id with a malformed escape
 * (`%E0%A4%A`) is null, naming no pack (uncaught, it would crash the server).
 */
export function routeOf(pathname: string, method: string): DemoRoute | { allow: string } | null {
  const path = pathShape(pathname)
  if (path === null) return null
  const endpoints = ENDPOINTS[path.shape]
  const endpoint = endpoints[method]
  if (endpoint === undefined) return { allow: Object.keys(endpoints).join(', ') }
  return { endpoint, packId: path.packId, imageId: path.imageId }
}

function pathShape(
  pathname: string,
): { shape: PathShape; packId: string | null; imageId: string | null } | null {
  if (pathname === PACKS_PATH) return { shape: 'packs', packId: '', imageId: '' }
  if (pathname === FILES_PATH) return { shape: 'files', packId: '', imageId: '' }
  if (!pathname.startsWith(`${PACKS_PATH}/`)) return null
  const [rawPackId = '', images, rawImageId, ...rest] = pathname
    .slice(PACKS_PATH.length + 1)
    .split('/')
  const packId = decodedId(rawPackId)
  if (images === undefined) return { shape: 'pack', packId, imageId: '' }
  if (images !== 'images' || rest.length > 0) return null
  if (rawImageId === undefined) return { shape: 'images', packId, imageId: '' }
  return { shape: 'image', packId, imageId: decodedId(rawImageId) }
}

function decodedId(raw: string): string | null {
  try {
    return decodeURIComponent(raw).toLowerCase()
  } catch {
    return null
  }
}
