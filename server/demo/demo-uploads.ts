import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { closeWhenRefusedUnread } from '../http-limits.ts'
import { jsonError } from './send-json.ts'

/** The image types Upload File takes (PARTNER-API.md), with the extension their URL gets. */
export const UPLOAD_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
} as const

export type UploadContentType = keyof typeof UPLOAD_TYPES

/** An upload URL can be used this long after Upload File gave it out, as the real one's. */
export const UPLOAD_EXPIRES_IN_S = 600
/** One upload at most. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
/**
 * Every upload together: the demo keeps them in memory until it restarts. Past it a PUT is
 * 413 `demo_storage_full` (a 4xx like the real storage's refusals; nothing frees space but a
 * restart).
 */
export const MAX_STORED_UPLOAD_BYTES = 200 * 1024 * 1024
/** Upload URLs given out and not used yet (each expires after UPLOAD_EXPIRES_IN_S). */
export const MAX_OPEN_UPLOADS = 1_000

export interface UploadedFile {
  contentType: UploadContentType
  bytes: Buffer
}

interface OpenUpload {
  contentType: UploadContentType
  expiresAt: number
}

export interface DemoUploads {
  /**
   * A token for a new upload: `<uuid>.<ext>`, the last segment of both its upload URL and the
   * URL it is served at. null when MAX_OPEN_UPLOADS are open.
   */
  open: (contentType: UploadContentType) => string | null
  /** Answers the PUT of an upload's bytes (no key needed: the token is the permission). */
  receive: (token: string, req: IncomingMessage, res: ServerResponse) => Promise<void>
  /** A file whose bytes were received. */
  file: (token: string) => UploadedFile | undefined
}

/**
 * The demo's file storage: upload URLs given out, and the files PUT to them, in memory. An
 * upload URL takes one successful PUT; after it (or after it expires) it is 404.
 */
export function createDemoUploads(
  now: () => number,
  { maxStoredBytes = MAX_STORED_UPLOAD_BYTES }: { maxStoredBytes?: number } = {},
): DemoUploads {
  const openUploads = new Map<string, OpenUpload>()
  const files = new Map<string, UploadedFile>()
  /** Bytes in memory: the files, and what uploads still arriving have sent so far. */
  let heldBytes = 0

  const prune = () => {
    for (const [token, upload] of openUploads) {
      if (upload.expiresAt <= now()) openUploads.delete(token)
    }
  }

  return {
    open(contentType) {
      prune()
      if (openUploads.size >= MAX_OPEN_UPLOADS) return null
      const token = `${randomUUID()}.${UPLOAD_TYPES[contentType]}`
      openUploads.set(token, { contentType, expiresAt: now() + UPLOAD_EXPIRES_IN_S * 1000 })
      return token
    },

    async receive(token, req, res) {
      closeWhenRefusedUnread(req, res)
      prune()
      const upload = openUploads.get(token)
      if (!upload) {
        return jsonError(
          res,
          404,
          'upload_not_found',
          'This upload URL is unknown, used or expired.',
        )
      }
      const mediaType = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase()
      if (mediaType !== upload.contentType) {
        return jsonError(
          res,
          400,
          'content_type_mismatch',
          `The Content-Type must be ${upload.contentType}, as the upload URL was asked for.`,
        )
      }
      const announced = Number(req.headers['content-length'] ?? 0)
      if (announced > MAX_UPLOAD_BYTES) return tooLarge(res)
      if (heldBytes + announced > maxStoredBytes) return storageFull(res)
      // Taken while the bytes arrive, so a second PUT at the same time cannot store them too;
      // given back when this one fails.
      openUploads.delete(token)
      let arrived = 0
      let body: Buffer | 'too large' | 'full'
      try {
        body = await readUpTo(req, MAX_UPLOAD_BYTES, (size) => {
          arrived += size
          heldBytes += size
          return heldBytes <= maxStoredBytes
        })
      } finally {
        heldBytes -= arrived
      }
      if (typeof body === 'string' || heldBytes + body.length > maxStoredBytes) {
        if (upload.expiresAt > now()) openUploads.set(token, upload)
        return body === 'too large' ? tooLarge(res) : storageFull(res)
      }
      files.set(token, { contentType: upload.contentType, bytes: body })
      heldBytes += body.length
      res.writeHead(200, { 'content-length': 0 })
      res.end()
    },

    file: (token) => files.get(token),
  }
}

/**
 * The body; 'too large' past `maxBytes`, 'full' once `take` (told each chunk's size) says
 * there is no room for it. Either way the rest is read to its end and dropped.
 */
async function readUpTo(
  req: IncomingMessage,
  maxBytes: number,
  take: (size: number) => boolean,
): Promise<Buffer | 'too large' | 'full'> {
  const chunks: Buffer[] = []
  let total = 0
  let refused: 'too large' | 'full' | null = null
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength
    if (refused !== null) continue
    if (total > maxBytes) refused = 'too large'
    else if (!take(chunk.byteLength)) refused = 'full'
    if (refused !== null) chunks.length = 0
    else chunks.push(chunk)
  }
  return refused ?? Buffer.concat(chunks)
}

const tooLarge = (res: ServerResponse) =>
  jsonError(
    res,
    413,
    'payload_too_large',
    `An upload is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB at most.`,
  )

const storageFull = (res: ServerResponse) =>
  jsonError(
    res,
    413,
    'demo_storage_full',
    'The demo keeps its uploads in memory and has no room left for this one; restarting the server empties it.',
  )

/**
 * Answers `GET`/`HEAD <DEMO_UPLOAD_PATH><token>` on the app's origin with an uploaded file:
 * inert (its own type, never sniffed, no active content), and cached only by the browser.
 */
export function serveDemoUpload(
  file: UploadedFile | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const inert = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cross-origin-resource-policy': 'same-origin',
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, {
      'content-type': 'text/plain; charset=utf-8',
      allow: 'GET, HEAD',
      ...inert,
    })
    return void res.end('Method not allowed')
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...inert })
    return void res.end(req.method === 'HEAD' ? undefined : 'Upload not found')
  }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.bytes.length,
    'cache-control': 'private, max-age=3600',
    ...inert,
  })
  res.end(req.method === 'HEAD' ? undefined : file.bytes)
}
