import { z } from 'zod/mini'
import { reviewerSchema } from './reviewer.ts'

/** `PUT /api/review/v1/packs/{packId}/sign-off`. `reviewer`: as for decisions. */
export const signOffBodySchema = z.strictObject({
  reviewer: z.optional(reviewerSchema),
})

export type SignOffBody = z.infer<typeof signOffBodySchema>

/** The pack as it was when signed off: every image Approved or Rejected. */
export const signOffCountsSchema = z.looseObject({
  total: z.number(),
  approved: z.number(),
  rejected: z.number(),
})

export type SignOffCounts = z.infer<typeof signOffCountsSchema>

/**
 * The current sign-off (`data.sign_off` of the pack's review answer, null when none):
 * who, when, the counts then, and the pack's review revision then (a later revision means
 * a decision changed since).
 */
export const signOffSchema = z.looseObject({
  reviewer: z.string(),
  signed_at: z.string(),
  revision: z.number(),
  counts: signOffCountsSchema,
})

export type SignOff = z.infer<typeof signOffSchema>

/** One entry of the pack's history: a sign-off, or its withdrawal. */
export const packHistoryEntrySchema = z.looseObject({
  action: z.enum(['signed_off', 'withdrawn']),
  reviewer: z.string(),
  at: z.string(),
  /** The counts signed off (for a withdrawal, those of the sign-off it withdrew). */
  counts: z.catch(z.nullable(signOffCountsSchema), null),
})

/** `GET /api/review/v1/packs/{packId}/history`: newest first. */
export const packHistorySchema = z.looseObject({
  pack_id: z.string(),
  entries: z.array(packHistoryEntrySchema),
})

export type PackHistoryEntry = z.infer<typeof packHistoryEntrySchema>
