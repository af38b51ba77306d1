import { z } from 'zod/mini'

/** Missing or of the wrong type: null, so one odd value never hides the pack. */
const nullable = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullable(schema), null)

/**
 * One pack of the List Packs payload. Lenient like the Get Pack schema (pack.ts):
 * only the id is required, since without it there is nothing to link to.
 */
export const packListItemSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.catch(z.string(), ''),
  image_count: nullable(z.number()),
  preview_image_url: nullable(z.string()),
  is_public: nullable(z.boolean()),
  created_at: nullable(z.string()),
})

export type PackListItem = z.infer<typeof packListItemSchema>

/**
 * The List Packs payload. `packs` must be a list; an item without a usable id is skipped
 * rather than failing the page, and a missing or odd `total` falls back to what was sent.
 */
export const packListSchema = z.pipe(
  z.looseObject({
    packs: z.array(z.unknown()),
    total: nullable(z.number()),
    limit: nullable(z.number()),
    offset: nullable(z.number()),
  }),
  z.transform(({ packs, total, limit, offset }) => {
    const items = packs.flatMap((item) => {
      const parsed = packListItemSchema.safeParse(item)
      return parsed.success ? [parsed.data] : []
    })
    const counted = total !== null && Number.isInteger(total) && total >= 0
    return {
      packs: items,
      total: counted ? total : (offset ?? 0) + packs.length,
      limit,
      offset,
    }
  }),
)

export type PackList = z.infer<typeof packListSchema>
