import type { IncomingMessage } from 'node:http'
import {
  MAX_FILE_NAME,
  UPLOAD_CONTENT_TYPES,
  type UploadContentType,
} from '../../contract/partner-api/writes.ts'

/** The header that carries the file's name, percent-encoded UTF-8 as encodeURIComponent writes it. */
export const FILE_NAME_HEADER = 'X-File-Name'

/** What the browser says about the file it sends, checked on the headers alone. */
export interface UploadFile {
  contentType: UploadContentType
  fileName: string
}

export interface UploadRefusal {
  status: 413 | 415 | 422
  errorCode: string
  message: string
}

/**
 * The file's type and name from the request's headers, or why it is refused before a byte of
 * the body is read: a type Upload File does not take (415), a name that is missing, blank,
 * longer than 255 characters, not percent-encoded UTF-8 or with control characters (422),
 * or an announced size over `maxBytes` (413).
 */
export function uploadFileOf(
  req: IncomingMessage,
  maxBytes: number,
): { file: UploadFile } | { refusal: UploadRefusal } {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase()
  const coding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase()
  if (!(UPLOAD_CONTENT_TYPES as readonly string[]).includes(type) || coding !== 'identity') {
    return refuse(
      415,
      'unsupported_media_type',
      `Send the file as it is, as one of ${UPLOAD_CONTENT_TYPES.join(', ')}.`,
    )
  }
  const fileName = decodedName(req.headers[FILE_NAME_HEADER.toLowerCase()])
  if (fileName === null) {
    return refuse(
      422,
      'invalid_payload',
      `${FILE_NAME_HEADER} must be the file's name, 1-${MAX_FILE_NAME} characters, percent-encoded.`,
    )
  }
  if (Number(req.headers['content-length']) > maxBytes) return tooLarge(maxBytes)
  return { file: { contentType: type as UploadContentType, fileName } }
}

export function tooLarge(maxBytes: number): { refusal: UploadRefusal } {
  return refuse(
    413,
    'payload_too_large',
    `A file may be at most ${Math.floor(maxBytes / (1024 * 1024))} MB (${maxBytes} bytes).`,
  )
}

/** The name trimmed, or null when it is not one. */
function decodedName(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string') return null
  let name: string
  try {
    name = decodeURIComponent(value).trim()
  } catch {
    return null
  }
  const length = [...name].length
  // A control character in a name is a sign of a broken or hostile client, never a file's.
  // eslint-disable-next-line no-control-regex
  if (length < 1 || length > MAX_FILE_NAME || /[\u0000-\u001f\u007f]/.test(name)) return null
  return name
}

function refuse(status: UploadRefusal['status'], errorCode: string, message: string) {
  return { refusal: { status, errorCode, message } }
}

/**
 * The whole body, or null as soon as it grows past `maxBytes` (it is then left unread: the
 * refusal closes the connection). Rejects when the browser breaks off.
 */
export function readUpload(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off('error', onClose)
    }
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength
      if (total <= maxBytes) return void chunks.push(chunk)
      stop()
      resolve(null)
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks, total))
    }
    const onClose = () => {
      stop()
      reject(new Error('The browser broke off its upload.'))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onClose)
  })
}
