import {
  MAX_FILE_NAME,
  UPLOAD_CONTENT_TYPES,
  type UploadContentType,
} from '@contract/partner-api/writes'

/** The largest file the upload relay takes (server/uploads: 25 MB). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024

/** What `Choose files` offers: the types, and their extensions for files the system did not type. */
export const FILE_ACCEPT = [
  ...UPLOAD_CONTENT_TYPES,
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.heic',
  '.heif',
].join(',')

const BY_EXTENSION: Record<string, UploadContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
}

export type CheckedFile =
  { ok: true; contentType: UploadContentType; fileName: string } | { ok: false; why: string }

/**
 * Whether a chosen or dropped file can be uploaded, and as what: JPEG, PNG, GIF, WebP, HEIC
 * or HEIF by its type, or by its extension when the system gave it none (HEIC often has
 * none), and at most 25 MB. Anything else is refused with the reason, and never sent.
 */
export function checkImageFile(file: { name: string; type: string; size: number }): CheckedFile {
  const contentType = contentTypeOf(file)
  if (contentType === null) {
    return { ok: false, why: 'not a JPEG, PNG, GIF, WebP, HEIC or HEIF image' }
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return { ok: false, why: `larger than 25 MB (${formatBytes(file.size)})` }
  }
  if (file.size === 0) return { ok: false, why: 'the file is empty' }
  return { ok: true, contentType, fileName: uploadName(file.name) }
}

function contentTypeOf({ name, type }: { name: string; type: string }): UploadContentType | null {
  const given = type.split(';')[0]!.trim().toLowerCase()
  if ((UPLOAD_CONTENT_TYPES as readonly string[]).includes(given)) {
    return given as UploadContentType
  }
  // The type may be missing or generic (application/octet-stream); a named one is believed.
  if (given !== '' && given !== 'application/octet-stream') return null
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase()
  return (extension && BY_EXTENSION[extension]) || null
}

/**
 * The name sent with the file (X-File-Name): without control characters, trimmed, at most
 * 255 characters (the end kept, with the extension), or `image` when nothing is left.
 */
export function uploadName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = [...name.replace(/[\u0000-\u001f\u007f]/g, '').trim()]
  if (clean.length === 0) return 'image'
  if (clean.length <= MAX_FILE_NAME) return clean.join('')
  const dot = clean.lastIndexOf('.')
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : []
  return [...clean.slice(0, MAX_FILE_NAME - extension.length), ...extension].join('')
}

/** A size as people read it: 812 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  const mb = bytes / (1024 * 1024)
  return `${mb.toFixed(1)} MB`
}
