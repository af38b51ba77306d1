import type { WriteIntent } from '../../contract/review-api/reviewer.ts'
import type { WriteAction } from './routes.ts'

/** One write through the proxy as the activity log keeps it. */
export interface WriteRecord {
  packId: string | null
  action: WriteAction
  intent: WriteIntent | null
  actor: string
  imageIds: string[]
  urls: string[]
  details: Record<string, string | number | boolean | null>
  /** The status the browser got, the upstream's or the proxy's own (a 504 may have written). */
  status: number
  ok: boolean
  errorCode: string | null
}

/** What a write row knows before it is sent: its path's IDs and the checked body. */
export interface WriteRequest {
  action: WriteAction
  ids: readonly string[]
  body: unknown
  /** Delete Pack Image: the image's URL, looked up before it is gone (null: not known). */
  imageUrl: string | null
}

/**
 * The activity record of a write from what was sent and what came back (`answer`: the JSON
 * the browser got, or null). Only what the request and the answer say; the upload URL of
 * Upload File is never kept (it is a short-lived credential of its own).
 */
export function describeWrite(
  request: WriteRequest,
  who: { actor: string; intent: WriteIntent | null },
  status: number,
  answer: unknown,
): WriteRecord {
  const body = (request.body ?? {}) as Record<string, unknown>
  const envelope = (answer ?? {}) as { data?: Record<string, unknown>; error_code?: unknown }
  const data = envelope.data ?? {}
  const ok = status >= 200 && status < 300
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  const base = {
    action: request.action,
    ...who,
    status,
    ok,
    errorCode: ok ? null : (text(envelope.error_code) ?? `http_${status}`),
  }
  const [packId = null, imageId] = request.ids
  switch (request.action) {
    case 'create_pack':
      return {
        ...base,
        packId: ok ? text(data.id) : null,
        imageIds: [],
        urls: [],
        details: { name: text(body.name), is_public: body.is_public === true },
      }
    case 'update_pack':
      return {
        ...base,
        packId,
        imageIds: [],
        urls: [],
        details: {
          ...(body.name === undefined ? {} : { name: text(body.name) }),
          ...(body.is_public === undefined ? {} : { is_public: body.is_public === true }),
        },
      }
    case 'delete_pack':
      return { ...base, packId, imageIds: [], urls: [], details: {} }
    case 'add_image':
      return {
        ...base,
        packId,
        imageIds: ok && text(data.id) ? [text(data.id)!] : [],
        urls: [text(body.image_url) ?? ''],
        details: { file_name: text(body.file_name) },
      }
    case 'delete_image':
      return {
        ...base,
        packId,
        imageIds: [imageId!],
        urls: request.imageUrl ? [request.imageUrl] : [],
        details: {},
      }
    case 'upload_file':
      return {
        ...base,
        packId: null,
        imageIds: [],
        urls: ok && text(data.url) ? [text(data.url)!] : [],
        details: { content_type: text(body.contentType), file_name: text(body.filename) },
      }
  }
}
