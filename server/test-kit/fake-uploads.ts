import { randomBytes } from 'node:crypto'
import { uploadFileBodySchema } from '../../contract/partner-api/writes.ts'
import { ok, readJson, refuse } from './fake-answers.ts'
import type { ScriptedResponse } from './fake-upstream.ts'

/** Where upload URLs point, on the fake upstream's own origin. */
export const UPLOADS_PREFIX = '/__uploads/'
/** The most one upload may hold; larger ones are refused with 413. */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024

interface Upload {
  contentType: string
  file?: Buffer
}

export interface Uploads {
  /** Upload File (`POST /api/partner/v1/files`): a fresh token with its URLs on `origin`. */
  uploadFile: (body: string, origin: string) => ScriptedResponse
  /** `PUT` (store the bytes) or `GET` (serve them back) on `/__uploads/<token>`. */
  serve: (method: string, token: string, contentType: string, body: Buffer) => ScriptedResponse
  clear: () => void
}

/**
 * Upload File and the URLs it hands out. One URL both takes the PUT and serves the file, as the
 * app only needs that `url` serves what was put to `uploadUrl`. Tokens do not expire.
 */
export function createUploads(): Uploads {
  const uploads = new Map<string, Upload>()
  return {
    uploadFile: (body, origin) => {
      const read = readJson(body, uploadFileBodySchema)
      if (read.refusal) return read.refusal
      const token = randomBytes(16).toString('hex')
      uploads.set(token, { contentType: read.data.contentType })
      const url = `${origin}${UPLOADS_PREFIX}${token}`
      return ok(201, 'Upload URL generated', {
        uploadUrl: url,
        url,
        contentType: read.data.contentType,
        expiresIn: 600,
      })
    },
    serve: (method, token, contentType, body) => {
      const upload = uploads.get(token)
      if (!upload) return refuse(404, 'Upload not found', 'not_found')
      if (method === 'PUT') {
        if (mediaType(contentType) !== upload.contentType) {
          return refuse(400, `Content-Type must be ${upload.contentType}`, 'content_type_mismatch')
        }
        upload.file = body
        return { status: 200, body: {} }
      }
      if (method !== 'GET' && method !== 'HEAD') {
        return refuse(405, 'Method not allowed', 'method_not_allowed')
      }
      if (!upload.file) return refuse(404, 'Nothing uploaded yet', 'not_found')
      return { status: 200, raw: upload.file, headers: { 'content-type': upload.contentType } }
    },
    clear: () => uploads.clear(),
  }
}

/** `image/png; charset=x` and `Image/PNG` are both `image/png`. */
function mediaType(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase()
}
