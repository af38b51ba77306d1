import { z } from 'zod/mini'
import { REJECT_REASONS } from './reasons.ts'
import { MAX_REVIEWER_LENGTH, reviewerSchema } from './reviewer.ts'
import { signOffSchema } from './sign-off.ts'

export { MAX_REVIEWER_LENGTH }

export const MAX_NOTE_LENGTH = 2000
export const MAX_FINGERPRINT_LENGTH = 128
/** Review API bodies, at most (413 `payload_too_large` beyond). */
export const MAX_REVIEW_BODY_BYTES = 64 * 1024

export const DECISIONS = ['approved', 'rejected'] as const
export type Decision = (typeof DECISIONS)[number]

/**
 * `PUT /api/review/v1/packs/{packId}/images/{imageId}`. A null decision clears the image's
 * decision. Unknown fields are refused, so a misspelt field is never silently dropped.
 * `reviewer` is the name the person gave; the server ignores it when it knows who asks.
 * `undo` marks a write that takes back this tab's last decision, for the history.
 */
export const decisionBodySchema = z
  .strictObject({
    decision: z.nullable(z.enum(DECISIONS)),
    reasons: z.optional(z.array(z.enum(REJECT_REASONS)).check(z.maxLength(REJECT_REASONS.length))),
    note: z.optional(z.nullable(z.string().check(z.maxLength(MAX_NOTE_LENGTH)))),
    fingerprint: z.string().check(z.minLength(1), z.maxLength(MAX_FINGERPRINT_LENGTH)),
    reviewer: z.optional(reviewerSchema),
    undo: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (body) =>
        body.decision === 'rejected'
          ? (body.reasons?.length ?? 0) > 0
          : (body.reasons?.length ?? 0) === 0,
      'A rejection needs at least one reason; only a rejection has reasons.',
    ),
  )

export type DecisionBody = z.infer<typeof decisionBodySchema>

/**
 * An image's current decision as the review API sends it. Lenient where the page can still
 * show something (a reason this version does not know is kept as text); `revision` orders
 * every change of a pack, so a late answer never undoes a newer one.
 */
export const decisionSchema = z.looseObject({
  image_id: z.string(),
  decision: z.enum(DECISIONS),
  reasons: z.catch(z.array(z.string()), []),
  note: z.catch(z.nullable(z.string()), null),
  reviewer: z.catch(z.string(), ''),
  decided_at: z.string(),
  fingerprint: z.string(),
  revision: z.number(),
})

export type ReviewDecision = z.infer<typeof decisionSchema>

/** An image whose decision was cleared after the `since` revision asked about. */
export const clearedSchema = z.looseObject({ image_id: z.string(), revision: z.number() })

/**
 * `GET /api/review/v1/packs/{packId}`: every current decision (undecided images are absent)
 * and the pack's latest revision. With `?since=<revision>`, only what changed after it:
 * decisions made and decisions cleared, so polling a 10,000-image pack stays small.
 */
export const packReviewSchema = z.looseObject({
  pack_id: z.string(),
  revision: z.number(),
  images: z.array(decisionSchema),
  cleared: z.catch(z.array(clearedSchema), []),
  /** The current sign-off, or null (always sent, `since` or not). */
  sign_off: z.catch(z.nullable(signOffSchema), null),
})

export type PackReview = z.infer<typeof packReviewSchema>

/** One change in an image's history: a decision made, or cleared (`decision: null`). */
export const historyEntrySchema = z.looseObject({
  revision: z.number(),
  decision: z.nullable(z.enum(DECISIONS)),
  reasons: z.catch(z.array(z.string()), []),
  note: z.catch(z.nullable(z.string()), null),
  reviewer: z.catch(z.string(), ''),
  decided_at: z.string(),
  fingerprint: z.string(),
  undo: z.catch(z.boolean(), false),
})

/** `GET .../images/{imageId}/history`: newest first. */
export const imageHistorySchema = z.looseObject({
  image_id: z.string(),
  entries: z.array(historyEntrySchema),
})

export type HistoryEntry = z.infer<typeof historyEntrySchema>

/** What a `PUT` answers: the image's decision as stored (null once cleared) and its revision. */
export const decisionWriteSchema = z.looseObject({
  image_id: z.string(),
  revision: z.number(),
  current: z.nullable(decisionSchema),
})

export type DecisionWrite = z.infer<typeof decisionWriteSchema>
