import { z } from 'zod'

/**
 * The Get Pack payload. Lenient wherever the UI can still show something useful
 * (unknown status, odd metadata, extra fields are kept for the raw view); strict only
 * on what identifies things: the pack id, the image list and each image id.
 */
const keywordsSchema = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.filter((item): item is string => typeof item === 'string'))

export const imageMetadataSchema = z.looseObject({
  status: z.string().nullable().catch(null).default(null),
  description: z.string().nullable().catch(null).default(null),
  keywords: keywordsSchema.default([]),
  model: z.string().nullable().catch(null).default(null),
  generated_at: z.string().nullable().catch(null).default(null),
  error: z.string().nullable().catch(null).default(null),
})

export const packImageSchema = z.looseObject({
  id: z.string().min(1),
  url: z.string().nullable().catch(null).default(null),
  metadata: imageMetadataSchema.nullable().catch(null).default(null),
})

export const packSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().catch(''),
  image_count: z.number().nullable().catch(null).default(null),
  is_public: z.boolean().nullable().catch(null).default(null),
  created_at: z.string().nullable().catch(null).default(null),
  images: z.array(packImageSchema),
})

export type Pack = z.infer<typeof packSchema>
export type PackImage = z.infer<typeof packImageSchema>
export type ImageMetadata = z.infer<typeof imageMetadataSchema>
