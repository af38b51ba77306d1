import { z } from 'zod/mini'
import type { UploadContentType } from '@contract/partner-api/writes'
import { ApiError } from '@/lib/api-error'
import { parseRetryAfter } from '@/lib/retry-after'
import { headersOf, uploadPath, type WriteBy } from './pack-writes'

/** The header with the file's name, percent-encoded UTF-8 (server/uploads/upload-request.ts). */
export const FILE_NAME_HEADER = 'X-File-Name'

/**
 * A 25 MB file on a slow link, then the server's own PUT of it and two API calls: long, but
 * not forever. Past it the upload says it may or may not have been made.
 */
export const UPLOAD_TIMEOUT_MS = 5 * 60_000

const envelopeSchema = z.object({
  ok: z.boolean(),
  message: z.optional(z.string()),
  error_code: z.nullish(z.string()),
  data: z.optional(z.object({ id: z.string(), url: z.nullish(z.string()) })),
})

export interface UploadProgress {
  /** Bytes of the file sent so far. */
  loaded: number
  /** All of them are sent: the server is putting the file in the pack. */
  sent: boolean
}

/**
 * Sends one image file to the pack through our server's upload relay (`POST
 * /api/uploads/{packId}`): the raw bytes as the body, the file's image type, its name in
 * X-File-Name, and who sends it and why as the other writes say it. XMLHttpRequest, not fetch,
 * as only it reports how much of the body has gone. Resolves with the added image; rejects
 * with an ApiError (abort included, as a `network` error whose cause is 'aborted').
 */
export function uploadFile(
  packId: string,
  file: Blob,
  { contentType, fileName }: { contentType: UploadContentType; fileName: string },
  by: WriteBy,
  {
    onProgress = () => {},
    signal,
  }: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<{ id: string; url: string | null }> {
  return new Promise((resolve, reject) => {
    const stopped = () =>
      new ApiError({ kind: 'network', message: 'The upload was stopped.', cause: 'aborted' })
    if (signal?.aborted) return reject(stopped())
    const xhr = new XMLHttpRequest()
    xhr.open('POST', uploadPath(packId))
    xhr.timeout = UPLOAD_TIMEOUT_MS
    xhr.setRequestHeader('content-type', contentType)
    xhr.setRequestHeader('accept', 'application/json')
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(fileName))
    for (const [name, value] of Object.entries(headersOf(by))) xhr.setRequestHeader(name, value)

    xhr.upload.onprogress = (event) => {
      onProgress({
        loaded: event.loaded,
        sent: event.lengthComputable && event.loaded >= event.total,
      })
    }
    xhr.upload.onload = () => onProgress({ loaded: file.size, sent: true })
    xhr.onload = () => {
      const answer = parsed(xhr.responseText)
      if (xhr.status >= 200 && xhr.status < 300) {
        if (answer?.ok && answer.data) {
          return resolve({ id: answer.data.id, url: answer.data.url ?? null })
        }
        return reject(
          new ApiError({
            kind: 'invalid-response',
            status: xhr.status,
            message: 'The server’s answer did not say which image was added.',
          }),
        )
      }
      reject(
        new ApiError({
          kind: 'http',
          status: xhr.status,
          message:
            answer?.message ?? `HTTP ${xhr.status}${xhr.statusText ? ` ${xhr.statusText}` : ''}`,
          errorCode: answer?.error_code ?? null,
          hasEnvelope: answer?.message !== undefined,
          retryAfterSeconds: parseRetryAfter(xhr.getResponseHeader('retry-after')),
        }),
      )
    }
    xhr.onerror = () =>
      reject(new ApiError({ kind: 'network', message: 'The upload did not reach the server.' }))
    xhr.ontimeout = () =>
      reject(
        new ApiError({
          kind: 'timeout',
          message: `No answer within ${UPLOAD_TIMEOUT_MS / 60_000} minutes.`,
        }),
      )
    xhr.onabort = () => reject(stopped())
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}

function parsed(text: string): z.infer<typeof envelopeSchema> | null {
  try {
    const result = envelopeSchema.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}
