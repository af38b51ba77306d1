import { z } from 'zod/mini'
import { WRITE_INTENTS } from './reviewer.ts'

/** The Partner API writes Pack Explorer forwards, each recorded in the activity log. */
export const ACTIVITY_ACTIONS = [
  'create_pack',
  'update_pack',
  'delete_pack',
  'add_image',
  'delete_image',
  'upload_file',
] as const

/** What the person meant by a write, as the page says it (one action serves several). */
export const ACTIVITY_INTENTS = WRITE_INTENTS

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number]
export type ActivityIntent = (typeof ACTIVITY_INTENTS)[number]

/** A value of an entry's `details`: the new name, `is_public`, a file name. */
export type ActivityDetail = string | number | boolean | null

/** `?limit=` of the activity read: entries per page, by default and at most. */
export const DEFAULT_ACTIVITY_LIMIT = 50
export const MAX_ACTIVITY_LIMIT = 200

/**
 * One recorded write, as `GET /api/review/v1/packs/{packId}/activity` sends it. `id` is a
 * decimal string (a 64-bit serial: past what a JSON number keeps exactly); `at` is the
 * server's time in ISO 8601; `status` the HTTP status the browser got, `ok` whether the
 * write was done, `error_code` the envelope's when it was not.
 */
export const activityEntrySchema = z.looseObject({
  id: z.string().check(z.regex(/^[1-9]\d*$/)),
  pack_id: z.nullable(z.string()),
  action: z.enum(ACTIVITY_ACTIONS),
  intent: z.nullable(z.enum(ACTIVITY_INTENTS)),
  actor: z.string(),
  at: z.string(),
  image_ids: z.array(z.string()),
  urls: z.array(z.string()),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  status: z.number(),
  ok: z.boolean(),
  error_code: z.nullable(z.string()),
})

export type ActivityEntryWire = z.infer<typeof activityEntrySchema>

/**
 * `data` of the activity read: the pack's entries, newest first, and the `?before=` that
 * asks for the next (older) page, null when there is none.
 */
export const activityPageSchema = z.looseObject({
  pack_id: z.string(),
  entries: z.array(activityEntrySchema),
  next_before: z.nullable(z.string()),
})

export type ActivityPage = z.infer<typeof activityPageSchema>
