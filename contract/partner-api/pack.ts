import { z } from 'zod/mini'

/**
 * The Get Pack payload. Lenient wherever the UI can still show something useful
 * (unknown status, odd metadata, extra fields are kept for the raw view); strict only
 * on what identifies things: the pack id, the image list and each image id.
 */
const keywordsSchema = z.pipe(
  z.catch(z.array(z.unknown()), []),
  z.transform((items) => items.filter((item): item is string => typeof item === 'string')),
)

/** Missing or of the wrong type: null, so one odd value never hides the whole pack. */
const nullableString = z.catch(z.nullable(z.string()), null)
const idSchema = z.string().check(z.minLength(1))

export const imageMetadataSchema = z.looseObject({
  status: nullableString,
  description: nullableString,
  keywords: keywordsSchema,
  model: nullableString,
  generated_at: nullableString,
  error: nullableString,
})

const metadataSchema = z.catch(z.nullable(imageMetadataSchema), null)

export const packImageSchema = z.looseObject({
  id: idSchema,
  url: nullableString,
  metadata: metadataSchema,
})

const packFields = {
  id: idSchema,
  name: z.catch(z.string(), ''),
  image_count: z.catch(z.nullable(z.number()), null),
  is_public: z.catch(z.nullable(z.boolean()), null),
  created_at: nullableString,
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * True when `schema`, one of the field schemas above, would return `value` as it is.
 * Any other schema answers false, so a field added later is simply parsed.
 */
function parsesUnchanged(schema: unknown, value: unknown): boolean {
  if (schema === idSchema) return typeof value === 'string' && value !== ''
  if (schema === nullableString) return value === null || typeof value === 'string'
  if (schema === keywordsSchema) {
    return Array.isArray(value) && value.every((keyword) => typeof keyword === 'string')
  }
  if (schema === metadataSchema) {
    return value === null || hasUnchangedFields(imageMetadataSchema.shape, value)
  }
  return false
}

function hasUnchangedFields(shape: Record<string, unknown>, value: unknown): boolean {
  return (
    isRecord(value) &&
    Object.entries(shape).every(([key, schema]) => parsesUnchanged(schema, value[key]))
  )
}

/**
 * True when `value` is an image exactly as the contract shows it, which `packImageSchema`
 * would return as it is. Checking that, field by field of the schema's own shape, is a small
 * part of what the schema's parse costs (most of the time to open a 10,000-image pack went
 * there), and real payloads take this path; anything else goes through the schema.
 */
function isContractImage(value: unknown): value is PackImage {
  return hasUnchangedFields(packImageSchema.shape, value)
}

/** `packImageSchema`, with a fast path for images that need no normalizing. */
export const packImageParser = {
  safeParse: (value: unknown) =>
    isContractImage(value)
      ? { success: true as const, data: value }
      : packImageSchema.safeParse(value),
}

export const packSchema = z.looseObject({ ...packFields, images: z.array(packImageSchema) })

/**
 * The pack with its images unchecked: validating 10,000 images in one go blocks the page,
 * so `loadPack` checks them with `packImageSchema` a slice at a time.
 */
export const packOutlineSchema = z.looseObject({ ...packFields, images: z.array(z.unknown()) })

export type Pack = z.infer<typeof packSchema>
export type PackImage = z.infer<typeof packImageSchema>
export type ImageMetadata = z.infer<typeof imageMetadataSchema>
