import { z } from 'zod/mini'

export const MAX_REVIEWER_LENGTH = 100

/**
 * `reviewer` in a review API write: the name the person gave in this browser. The server
 * ignores it whenever it knows who is asking (a signed-in user).
 */
export const reviewerSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(MAX_REVIEWER_LENGTH))

/**
 * The header that carries that name on a Partner API write (which has no room for it in its
 * body), percent-encoded UTF-8 as `encodeURIComponent` writes it: header values are bytes.
 */
export const REVIEWER_HEADER = 'X-Pack-Explorer-Reviewer'

/**
 * What the person meant by a Partner API write, for the activity log (one retry is an add and
 * a delete). The header is optional; a value not in this list is recorded as none.
 */
export const INTENT_HEADER = 'X-Pack-Explorer-Intent'

export const WRITE_INTENTS = [
  'retry',
  'remove',
  'undo',
  'add',
  'add-back',
  'upload',
  'rename',
  'publish',
  'create',
  'delete',
] as const

export type WriteIntent = (typeof WRITE_INTENTS)[number]
