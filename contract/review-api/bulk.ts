import { z } from 'zod/mini'
import { isUuid } from './paths.ts'
import { REJECT_REASONS } from './reasons.ts'
import { reviewerSchema } from './reviewer.ts'
import {
  DECISIONS,
  MAX_FINGERPRINT_LENGTH,
  MAX_NOTE_LENGTH,
  decisionWriteSchema,
} from './decision.ts'

/** Items in one bulk write, at most (422 `invalid_payload` beyond). */
export const MAX_BULK_ITEMS = 10_000
/** A bulk write's body, at most (413 `payload_too_large` beyond). */
export const MAX_BULK_BODY_BYTES = 4 * 1024 * 1024

const hasReasonsIfRejected = (item: { decision: string | null; reasons?: readonly string[] }) =>
  item.decision === 'rejected' ? (item.reasons?.length ?? 0) > 0 : (item.reasons?.length ?? 0) === 0

/** One image of a bulk write: the single write's body, with the image's ID. */
export const bulkItemSchema = z
  .strictObject({
    image_id: z.string().check(z.refine(isUuid, 'The image ID must be a UUID.')),
    decision: z.nullable(z.enum(DECISIONS)),
    reasons: z.optional(z.array(z.enum(REJECT_REASONS)).check(z.maxLength(REJECT_REASONS.length))),
    note: z.optional(z.nullable(z.string().check(z.maxLength(MAX_NOTE_LENGTH)))),
    fingerprint: z.string().check(z.minLength(1), z.maxLength(MAX_FINGERPRINT_LENGTH)),
  })
  .check(
    z.refine(
      hasReasonsIfRejected,
      'A rejection needs at least one reason; only a rejection has reasons.',
    ),
  )

/**
 * `POST /api/review/v1/packs/{packId}/decisions`: up to MAX_BULK_ITEMS decisions, stored all
 * or nothing, each recorded in its image's history. An image appears at most once. `undo`
 * marks the write that takes back a bulk action.
 */
export const bulkDecisionBodySchema = z
  .strictObject({
    items: z.array(bulkItemSchema).check(z.minLength(1), z.maxLength(MAX_BULK_ITEMS)),
    reviewer: z.optional(reviewerSchema),
    undo: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (body) => new Set(body.items.map((item) => item.image_id)).size === body.items.length,
      'An image can appear only once.',
    ),
  )

export type BulkItem = z.infer<typeof bulkItemSchema>
export type BulkDecisionBody = z.infer<typeof bulkDecisionBodySchema>

/** What a bulk write answers: each image as stored, in the order sent, and the last revision. */
export const bulkDecisionWriteSchema = z.looseObject({
  pack_id: z.string(),
  revision: z.number(),
  items: z.array(decisionWriteSchema),
})

export type BulkDecisionWrite = z.infer<typeof bulkDecisionWriteSchema>
