import { z } from 'zod/mini'
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_INTENTS,
  DEFAULT_ACTIVITY_LIMIT,
  MAX_ACTIVITY_LIMIT,
  type ActivityEntryWire,
  type ActivityPage,
} from '../../contract/review-api/activity.ts'
import { isUuid } from '../../contract/review-api/paths.ts'
import type { Queryable } from './database.ts'

export const MAX_ACTIVITY_ACTOR_LENGTH = 200
/** Image IDs, and URLs, one entry names at most. */
export const MAX_ACTIVITY_ITEMS = 1_000
export const MAX_ACTIVITY_URL_LENGTH = 2_048
const MAX_IMAGE_ID_LENGTH = 200
const MAX_DETAILS = 50
const MAX_DETAIL_KEY_LENGTH = 100
const MAX_DETAIL_TEXT_LENGTH = 2_048
const MAX_ERROR_CODE_LENGTH = 100
/** The largest bigserial: a cursor above it is no ID at all. */
const MAX_ID = 9_223_372_036_854_775_807n

/**
 * One write to record. The proxy has validated what it forwards before this is called; this
 * is the last line, so that a bug there cannot fill the log with what no page could show.
 */
const activityEntrySchema = z.strictObject({
  /** Null for a write on no pack (a file upload, a create that failed). */
  packId: z.nullable(z.string().check(z.refine(isUuid, 'Expected a UUID'))),
  action: z.enum(ACTIVITY_ACTIONS),
  intent: z.nullable(z.enum(ACTIVITY_INTENTS)),
  actor: z.string().check(
    z.maxLength(MAX_ACTIVITY_ACTOR_LENGTH),
    z.refine((actor) => actor.trim() !== '', 'Expected a name'),
  ),
  imageIds: z
    .array(z.string().check(z.minLength(1), z.maxLength(MAX_IMAGE_ID_LENGTH)))
    .check(z.maxLength(MAX_ACTIVITY_ITEMS)),
  urls: z
    .array(z.string().check(z.minLength(1), z.maxLength(MAX_ACTIVITY_URL_LENGTH)))
    .check(z.maxLength(MAX_ACTIVITY_ITEMS)),
  /** What else the write said: the new name or `is_public` of an update, a file name. */
  details: z
    .record(
      z.string().check(z.minLength(1), z.maxLength(MAX_DETAIL_KEY_LENGTH)),
      z.union([
        z.string().check(z.maxLength(MAX_DETAIL_TEXT_LENGTH)),
        z.number(),
        z.boolean(),
        z.null(),
      ]),
    )
    .check(z.refine((details) => Object.keys(details).length <= MAX_DETAILS, 'Too many details')),
  /** The HTTP status the browser was answered. */
  status: z.int().check(z.gte(100), z.lte(599)),
  ok: z.boolean(),
  /** The refusal's `error_code`; null when the write was done or the answer had none. */
  errorCode: z.nullable(z.string().check(z.minLength(1), z.maxLength(MAX_ERROR_CODE_LENGTH))),
  /** When it was made: the server's clock when absent. */
  at: z.optional(z.date()),
})

export type ActivityEntry = z.infer<typeof activityEntrySchema>

/** An entry the store refused to record, and why. */
export class InvalidActivityError extends Error {
  override name = 'InvalidActivityError'
}

interface ActivityRow {
  id: string
  pack_id: string | null
  action: ActivityEntryWire['action']
  intent: ActivityEntryWire['intent']
  actor: string
  at: Date | string
  image_ids: string[]
  urls: string[]
  details: ActivityEntryWire['details']
  status: number | string
  ok: boolean
  error_code: string | null
}

/** `id` as text (a bigint is past what a JS number keeps): order by `write_activity.id`. */
const COLUMNS =
  'id::text AS id, pack_id, action, intent, actor, at, image_ids, urls, details, status, ok, error_code'

/**
 * Records one write and answers it as the read API will. Throws InvalidActivityError,
 * recording nothing, when the entry breaks a rule above.
 */
export async function recordActivity(
  db: Queryable,
  entry: ActivityEntry,
): Promise<ActivityEntryWire> {
  const parsed = activityEntrySchema.safeParse(entry)
  if (!parsed.success) {
    throw new InvalidActivityError(
      `The activity entry was not recorded: ${z.prettifyError(parsed.error)}`,
    )
  }
  const valid = parsed.data
  const { rows } = await db.query<ActivityRow>(
    `INSERT INTO write_activity
       (pack_id, action, intent, actor, at, image_ids, urls, details, status, ok, error_code)
     VALUES ($1, $2, $3, $4, $5::timestamptz, $6::text[], $7::text[], $8::jsonb, $9, $10, $11)
     RETURNING ${COLUMNS}`,
    [
      valid.packId?.toLowerCase() ?? null,
      valid.action,
      valid.intent,
      valid.actor,
      (valid.at ?? new Date()).toISOString(),
      valid.imageIds,
      valid.urls,
      JSON.stringify(valid.details),
      valid.status,
      valid.ok,
      valid.errorCode,
    ],
  )
  return wireOf(rows[0]!)
}

export interface ActivityPageRequest {
  /** Entries to answer, DEFAULT_ACTIVITY_LIMIT when absent, at most MAX_ACTIVITY_LIMIT. */
  limit?: number
  /** Only entries older than this one (the `next_before` of the page before). */
  before?: string | null
}

/**
 * The pack's entries, newest first, a page at a time. Throws a RangeError for a limit or a
 * cursor out of bounds (the API refuses those before asking).
 */
export async function listActivity(
  db: Queryable,
  packId: string,
  { limit = DEFAULT_ACTIVITY_LIMIT, before = null }: ActivityPageRequest = {},
): Promise<ActivityPage> {
  if (!isActivityLimit(limit)) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}.`)
  }
  if (before !== null && !isActivityId(before)) {
    throw new RangeError('before must be the ID of an activity entry.')
  }
  const pack = packId.toLowerCase()
  // One more than asked: whether it comes says whether there is a next page.
  const { rows } = await db.query<ActivityRow>(
    `SELECT ${COLUMNS} FROM write_activity
     WHERE pack_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
     ORDER BY write_activity.id DESC LIMIT $3`,
    [pack, before, limit + 1],
  )
  const entries = rows.slice(0, limit).map(wireOf)
  return {
    pack_id: pack,
    entries,
    next_before: rows.length > limit ? entries.at(-1)!.id : null,
  }
}

export function isActivityLimit(limit: number): boolean {
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_ACTIVITY_LIMIT
}

/** Whether `id` is one an entry can have: a decimal bigserial, 1 or more. */
export function isActivityId(id: string): boolean {
  return /^[1-9]\d{0,18}$/.test(id) && BigInt(id) <= MAX_ID
}

function wireOf(row: ActivityRow): ActivityEntryWire {
  return {
    id: row.id,
    pack_id: row.pack_id,
    action: row.action,
    intent: row.intent,
    actor: row.actor,
    at: new Date(row.at).toISOString(),
    image_ids: row.image_ids,
    urls: row.urls,
    details: row.details,
    status: Number(row.status),
    ok: row.ok,
    error_code: row.error_code,
  }
}
