import { expect } from 'vitest'
import { ApiError } from '@/lib/api-error'

/** The ApiError a request failed with; the test fails if it succeeded or failed otherwise. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}
