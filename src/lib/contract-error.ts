import type { z } from 'zod/mini'
import { ApiError } from './api-error'

/**
 * The error for a response body that breaks the contract. `prefix` is where the checked
 * value sits in the body, so the reported path is the full one, e.g. `data.images.3.id`.
 */
export function contractError(
  issue: z.core.$ZodIssue | undefined,
  status: number,
  prefix: readonly PropertyKey[] = [],
): ApiError {
  const path = [...prefix, ...(issue?.path ?? [])]
  const issuePath = path.length ? path.join('.') : null
  // zod/mini ships no message texts; say what the contract expected instead.
  const detail = issue?.code === 'invalid_type' ? `expected ${issue.expected}` : issue?.code
  return new ApiError({
    kind: 'invalid-response',
    status,
    message: issuePath
      ? `Field "${issuePath}" is not what the API contract promises (${detail}).`
      : `The response does not match the API contract (${detail}).`,
    issuePath,
  })
}
