import { z } from 'zod/mini'

/**
 * The bodies of the Partner API's writes, as PARTNER-API.md ("Writing") documents them. The
 * proxy checks each browser body against these before forwarding and forwards only what they
 * keep (objects drop unknown fields); the app builds its requests to fit them.
 */

export const MAX_PACK_NAME = 120
export const MAX_FILE_NAME = 255
/** Longer URLs are not images anyone pastes; the activity log stores them too. */
export const MAX_IMAGE_URL = 2_048
/** The most any write body may be: the largest real one is a URL and a file name. */
export const MAX_WRITE_BODY_BYTES = 64 * 1024

/** The image types Upload File takes and Pack Explorer sends (the API takes videos too). */
export const UPLOAD_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
] as const

export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number]

/** Characters as people count them (code points), not UTF-16 units. */
const characters = (min: number, max: number) =>
  z.refine<string>((value) => {
    const count = [...value].length
    return count >= min && count <= max
  }, `must be ${min}-${max} characters`)

/** A pack name: 1-120 characters after trimming, sent trimmed. */
export const packNameSchema = z.string().check(z.trim(), characters(1, MAX_PACK_NAME))

const fileNameSchema = z.string().check(characters(1, MAX_FILE_NAME))

/** An absolute `http:`/`https:` URL, as written (the API stores it as it is given). */
export const imageUrlSchema = z.string().check(
  z.maxLength(MAX_IMAGE_URL),
  z.refine((value) => isHttpUrl(value), 'must be an absolute http: or https: URL'),
)

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return false
  const { protocol, hostname } = new URL(value)
  return (protocol === 'http:' || protocol === 'https:') && hostname !== ''
}

export const createPackBodySchema = z.object({
  name: packNameSchema,
  is_public: z.optional(z.boolean()),
})

export const updatePackBodySchema = z
  .object({
    name: z.optional(packNameSchema),
    is_public: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (body) => body.name !== undefined || body.is_public !== undefined,
      'needs name or is_public',
    ),
  )

export const addImageBodySchema = z.object({
  image_url: imageUrlSchema,
  file_name: z.optional(fileNameSchema),
})

export const uploadFileBodySchema = z.object({
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  filename: z.optional(fileNameSchema),
})

export type CreatePackBody = z.infer<typeof createPackBodySchema>
export type UpdatePackBody = z.infer<typeof updatePackBodySchema>
export type AddImageBody = z.infer<typeof addImageBodySchema>
export type UploadFileBody = z.infer<typeof uploadFileBodySchema>

/**
 * The file name a retry sends with a URL: its last path segment, decoded, else `image` (the
 * API's own default).
 */
export function fileNameOf(url: string): string {
  const segment = URL.canParse(url) ? (new URL(url).pathname.split('/').at(-1) ?? '') : ''
  let name = segment
  try {
    name = decodeURIComponent(segment)
  } catch {
    // A malformed escape: the segment as written is still a name.
  }
  name = [...name.trim()].slice(0, MAX_FILE_NAME).join('')
  return name === '' ? 'image' : name
}
