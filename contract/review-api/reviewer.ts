import { z } from 'zod/mini'

export const MAX_REVIEWER_LENGTH = 100

/**
 * `reviewer` in a review API write: the name the person gave in this browser. The server
 * ignores it whenever it knows who is asking (a signed-in user).
 */
export const reviewerSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(MAX_REVIEWER_LENGTH))
